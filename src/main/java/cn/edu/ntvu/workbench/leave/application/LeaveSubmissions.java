package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.AttachmentKind;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.FieldProblem;
import cn.edu.ntvu.workbench.leave.domain.LeaveDuration;
import cn.edu.ntvu.workbench.leave.domain.LeaveForm;
import cn.edu.ntvu.workbench.leave.domain.LeavePolicy;
import cn.edu.ntvu.workbench.leave.domain.LeaveStatus;
import cn.edu.ntvu.workbench.leave.domain.LeaveType;
import cn.edu.ntvu.workbench.leave.domain.Routing;
import cn.edu.ntvu.workbench.leave.domain.StepMode;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.files.UploadQuota;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A student submits a leave request: checked field by field, routed by the admin's rules (the chain
 * is copied into the request, so later rule changes do not touch it), the first step opened and its
 * approvers' card queued — all in one transaction. The form's one-time token makes a double tap or
 * a retried post find the request already there. Attachments are stored only with the accepted
 * request, in its transaction, and counted against the student's daily upload quota there.
 */
@ApplicationScoped
public class LeaveSubmissions {
  @Inject LeaveStore store;
  @Inject ChainStore chains;
  @Inject AttachmentStore attachments;
  @Inject StepOpener opener;
  @Inject AuditTrail audit;
  @Inject UploadQuota quota;
  @Inject Clock clock;
  @Inject LeaveMissedClasses missedClasses;

  /** The problems of a form without submitting it (the page checks as the student types). */
  public List<FieldProblem> check(SignedInUser student, LeaveForm form) {
    LeaveType type = type(form.typeCode());
    return form.problems(
        type, store.policy(), LocalDateTime.now(clock), store.activeOf(student.account()));
  }

  @Transactional
  public SubmitResult submit(
      SignedInUser student, LeaveForm form, List<NewAttachment> files, String token) {
    return submit(student, form, files, token, null, List.of());
  }

  /**
   * Submits, sent again after 驳回 of request {@code from} (null: a new one): when {@code from} is
   * this student's and rejected, the new request names it and takes along those of its attachments
   * listed in {@code keep} (counted with the new files against the limit; not uploaded again, so
   * not against the day's quota); the earlier request stays 已驳回. Anybody else's {@code from} is
   * ignored.
   */
  @Transactional
  public SubmitResult submit(
      SignedInUser student,
      LeaveForm form,
      List<NewAttachment> files,
      String token,
      Long from,
      List<Long> keep) {
    if (token == null || token.isBlank() || token.length() > 64) {
      throw new IllegalArgumentException("a submit needs the form's token");
    }
    // First: one submit of this student at a time, so the overlap check below sees the other one.
    store.lockStudent(student.account());
    OptionalLong existing = store.requestIdByToken(student.account(), token);
    if (existing.isPresent()) {
      return new SubmitResult(existing.getAsLong(), false, List.of());
    }
    LocalDateTime now = LocalDateTime.now(clock);
    LeavePolicy policy = store.policy();
    LeaveType type = type(form.typeCode());
    Optional<LeaveRequestRow> earlier =
        from == null
            ? Optional.empty()
            : store
                .request(from)
                .filter(
                    r ->
                        r.studentAccount().equals(student.account())
                            && r.status() == LeaveStatus.REJECTED);
    List<Long> kept =
        earlier.isEmpty() || keep == null
            ? List.of()
            : attachments.of(from).stream()
                .map(AttachmentStore.Info::id)
                .filter(keep::contains)
                .toList();
    if (!kept.isEmpty()) {
      // The certificate check counts the attachments taken along too.
      form =
          new LeaveForm(
              form.typeCode(),
              form.start(),
              form.end(),
              form.reason(),
              form.offCampus(),
              form.destination(),
              form.emergencyContact(),
              Math.max(form.attachments(), files.size() + kept.size()));
    }
    List<FieldProblem> problems =
        new ArrayList<>(form.problems(type, policy, now, store.activeOf(student.account())));
    if (files.size() + kept.size() > AttachmentKind.MAX_FILES) {
      problems.add(
          FieldProblem.of("attachments", "leave.error.tooManyFiles", AttachmentKind.MAX_FILES));
    }
    // Again here, whoever calls: a photo is decoded (for its preview) only within the pixel limit.
    files.stream()
        .filter(f -> f.kind().isImage())
        .map(f -> AttachmentKind.pixelProblem(f.fileName(), f.content()))
        .flatMap(Optional::stream)
        .findFirst()
        .ifPresent(problems::add);
    if (!student.isStudent()) {
      problems.add(FieldProblem.of("type", "leave.error.notStudent"));
    }
    if (!problems.isEmpty()) {
      return new SubmitResult(0, false, problems);
    }
    // Last, when everything else is right: a refused submit counts nothing against the day's quota.
    Optional<UploadQuota.Refusal> over =
        quota.take(
            student.account(),
            files.size(),
            files.stream().mapToLong(f -> f.content().length).sum());
    if (over.isPresent()) {
      return new SubmitResult(
          0,
          false,
          List.of(
              FieldProblem.of("attachments", "leave.error.quota", over.get().args().toArray())));
    }
    LeaveDuration d = form.duration();
    MissedClassList missed =
        missedClasses.of(student.account(), student.classCode(), form.start(), form.end());
    Routing.Chain chain =
        new Routing(store.rules())
            .chainFor(type.code(), d.days(), form.offCampus(), missed.periods());
    OptionalLong id =
        store.insertRequest(
            student.account(),
            student.name(),
            student.classCode(),
            form,
            d.minutes(),
            d.days(),
            chain.steps().size(),
            chain.rule().map(r -> r.id()).orElse(null),
            token,
            now);
    if (id.isEmpty()) {
      // The same form won a moment ago (its transaction committed while ours waited on the token's
      // key).
      return new SubmitResult(
          store.requestIdByToken(student.account(), token).orElseThrow(), false, List.of());
    }
    long requestId = id.getAsLong();
    store.saveMissed(requestId, missed);
    List<StepMode> modes = chain.modes();
    for (int n = 1; n <= chain.steps().size(); n++) {
      chains.insertStep(requestId, n, chain.steps().get(n - 1), modes.get(n - 1));
    }
    for (NewAttachment f : files) {
      attachments.insert(requestId, f);
    }
    if (earlier.isPresent()) {
      store.markResubmittedFrom(requestId, from);
      for (long a : kept) {
        attachments.copy(a, from, requestId);
      }
    }
    LeaveActor actor = LeaveActor.of(student);
    store.event(
        requestId,
        actor.account(),
        actor.name(),
        "SUBMITTED",
        null,
        DecisionVia.PAGE.name(),
        type.name() + " " + d.daysText() + (chain.rule().isEmpty() ? " (no rule matched)" : ""),
        now);
    LeaveRequestRow r = store.request(requestId).orElseThrow();
    ChainStore.LockedChain locked = chains.lock(requestId).orElseThrow();
    opener.open(r, locked.chain(), 1, policy, now);
    chains.save(locked.chain());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", r.status().name());
    after.put("type", type.code());
    after.put("start", r.start().toString());
    after.put("end", r.end().toString());
    after.put("days", d.daysText());
    after.put("missedPeriods", missed.periods());
    after.put("steps", String.join(",", chain.steps().stream().map(Enum::name).toList()));
    after.put("via", DecisionVia.PAGE.name());
    earlier.ifPresent(e -> after.put("resubmittedFrom", e.id()));
    audit.record(actor.audit(), "LEAVE_SUBMIT", object(r, type.name()), AuditDiff.created(after));
    return new SubmitResult(requestId, true, List.of());
  }

  private LeaveType type(String code) {
    return store.types().stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
  }

  static AuditObject object(LeaveRequestRow r, String typeName) {
    return AuditObject.of("leave_request", r.id(), r.studentName() + " " + typeName);
  }
}
