package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.ExtensionForm;
import cn.edu.ntvu.workbench.leave.domain.ExtensionRouting;
import cn.edu.ntvu.workbench.leave.domain.FieldProblem;
import cn.edu.ntvu.workbench.leave.domain.LeaveDuration;
import cn.edu.ntvu.workbench.leave.domain.LeavePolicy;
import cn.edu.ntvu.workbench.leave.domain.LeaveStatus;
import cn.edu.ntvu.workbench.leave.domain.Routing;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * 续假 (extension, issue 18 item 8). The student asks to extend their own approved leave before it
 * ends (a new end, a reason); the extension rules pick its chain ({@link ExtensionRouting}), whose
 * steps are added to the request's steps (numbered after them, {@code leave_step.extension_id}),
 * opened and decided as every step is — the same card keys, so a card's 同意 and the other approvers'
 * "已同意" work unchanged; {@link LeaveDecisions#decide} hands a step of an extension here. On the
 * last approval the leave's end moves to the new end and {@link LeaveOutcome.What#EXTENDED} is
 * fired for the extra period (course teachers told, roll calls excused, exactly as an approval does
 * for its period); the overdue check reads the new end. Everything under the request's row lock, in
 * one transaction with its timeline entries, audit entries and messages.
 */
@ApplicationScoped
public class LeaveExtensions {
  @Inject LeaveStore store;
  @Inject ExtensionStore extensions;
  @Inject ApproverDirectory approvers;
  @Inject ExtensionMessages messages;
  @Inject LeaveMessages leaveMessages;
  @Inject WeComOutbox outbox;
  @Inject AuditTrail audit;
  @Inject LeaveCatalog catalog;
  @Inject DirectoryQueries directory;
  @Inject Clock clock;
  @Inject Event<LeaveOutcome> outcomes;

  /** What became of a 续假 asked. */
  public record Result(Kind kind, long extensionId, List<FieldProblem> problems) {
    public enum Kind {
      /** Asked (or found already asked by this form's token). */
      DONE,
      /** Not the student's own approved leave: nothing happens. */
      REFUSED,
      /** A problem beside a field: nothing stored. */
      PROBLEMS
    }

    static Result refused() {
      return new Result(Kind.REFUSED, 0, List.of());
    }
  }

  /**
   * Whether the student may ask a 续假 now: their own approved leave, not reported back, not ended,
   * with no extension pending.
   */
  public static boolean mayExtend(
      LeaveRequestRow r, List<ExtensionRow> exts, String account, LocalDateTime now) {
    return r.studentAccount().equals(account)
        && r.status() == LeaveStatus.APPROVED
        && r.returnedAt() == null
        && r.end().isAfter(now)
        && exts.stream().noneMatch(ExtensionRow::isPending);
  }

  public List<ExtensionRow> of(long requestId) {
    return extensions.of(requestId);
  }

  /** The leave's end before any extension (its end now when never extended). */
  public LocalDateTime originalEnd(LeaveRequestRow r) {
    return extensions.originalEnd(r.id()).orElse(r.end());
  }

  /** The student asks to extend request {@code requestId} to {@code form.newEnd()}. */
  @Transactional
  public Result request(long requestId, ExtensionForm form, String token, LeaveActor student) {
    if (token == null || token.isBlank() || token.length() > 64) {
      throw new IllegalArgumentException("a 续假 needs the form's token");
    }
    Optional<LeaveRequestRow> locked = store.lockRequest(requestId);
    if (locked.isEmpty() || !locked.get().studentAccount().equals(student.account())) {
      return Result.refused();
    }
    LeaveRequestRow r = locked.get();
    OptionalLong again = extensions.byToken(requestId, token);
    if (again.isPresent()) {
      return new Result(Result.Kind.DONE, again.getAsLong(), List.of());
    }
    LocalDateTime now = LocalDateTime.now(clock);
    if (r.status() != LeaveStatus.APPROVED || r.returnedAt() != null) {
      return new Result(
          Result.Kind.PROBLEMS,
          0,
          List.of(FieldProblem.of("newEnd", "leave.ext.error.notApproved")));
    }
    List<ExtensionRow> before = extensions.of(requestId);
    LeavePolicy policy = store.policy();
    List<FieldProblem> problems =
        form.problems(
            r.start(),
            r.end(),
            before.stream().anyMatch(ExtensionRow::isPending),
            policy,
            now,
            store.activeOf(student.account()).stream().filter(x -> x.id() != requestId).toList());
    if (!problems.isEmpty()) {
      return new Result(Result.Kind.PROBLEMS, 0, problems);
    }
    LeaveDuration extra = LeaveDuration.between(r.end(), form.newEnd());
    LeaveDuration total = LeaveDuration.between(r.start(), form.newEnd());
    ExtensionRouting.Chain chain =
        new ExtensionRouting(extensions.rules(), new Routing(store.rules()))
            .chainFor(r.typeCode(), extra.days(), total.days(), r.offCampus());
    int first = extensions.lastStepNo(requestId) + 1;
    String reason = form.reason().strip();
    OptionalLong id =
        extensions.insert(
            requestId,
            before.size() + 1,
            r.end(),
            form.newEnd(),
            extra.minutes(),
            extra.days(),
            reason,
            chain.rule().map(x -> x.id()).orElse(null),
            first,
            chain.steps().size(),
            token,
            now);
    if (id.isEmpty()) {
      return new Result(
          Result.Kind.DONE, extensions.byToken(requestId, token).orElseThrow(), List.of());
    }
    long extId = id.getAsLong();
    int n = first;
    for (ApproverRole role : chain.steps()) {
      store.insertStep(requestId, n, role);
      extensions.markStep(requestId, n, extId);
      n++;
    }
    store.event(
        requestId,
        student.account(),
        student.name(),
        "EXTENSION_ASKED",
        null,
        DecisionVia.PAGE.name(),
        cut(
            LeaveTexts.chinese().get("leave.ext.event.asked", LeaveTexts.shortTime(form.newEnd()))
                + " "
                + reason,
            500),
        now);
    ExtensionRow e =
        extensions.of(requestId).stream().filter(x -> x.id() == extId).findFirst().orElseThrow();
    open(r, e, stepRow(requestId, first), policy, now);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("extension", e.seq());
    after.put("oldEnd", r.end().toString());
    after.put("newEnd", form.newEnd().toString());
    after.put("days", extra.daysText());
    after.put("steps", String.join(",", chain.steps().stream().map(Enum::name).toList()));
    after.put("reason", reason);
    audit.record(
        student.audit(),
        "LEAVE_EXTEND_ASK",
        LeaveSubmissions.object(r, catalog.typeName(r.typeCode())),
        AuditDiff.created(after));
    return new Result(Result.Kind.DONE, extId, List.of());
  }

  /** Whether step {@code stepNo} of the request is a step of one of its extensions. */
  public boolean isExtensionStep(long requestId, int stepNo) {
    return extensions.of(requestId).stream().anyMatch(e -> e.hasStep(stepNo));
  }

  /**
   * Decides a step of an extension (called by {@link LeaveDecisions#decide}, page or card): the
   * same checks and answers as any step's; the last approval moves the leave's end.
   */
  @Transactional
  public DecisionOutcome decide(
      long requestId,
      int stepNo,
      boolean approve,
      String comment,
      LeaveActor actor,
      DecisionVia via) {
    Optional<LeaveRequestRow> locked = store.lockRequest(requestId);
    if (locked.isEmpty()) {
      return DecisionOutcome.of(DecisionOutcome.Kind.UNKNOWN, requestId, stepNo);
    }
    LeaveRequestRow r = locked.get();
    Optional<ExtensionRow> ext =
        extensions.of(requestId).stream().filter(e -> e.hasStep(stepNo)).findFirst();
    Optional<StepRow> found =
        store.stepsLocked(requestId).stream().filter(s -> s.stepNo() == stepNo).findFirst();
    if (ext.isEmpty() || found.isEmpty()) {
      return DecisionOutcome.of(DecisionOutcome.Kind.UNKNOWN, requestId, stepNo);
    }
    ExtensionRow e = ext.get();
    StepRow step = found.get();
    if (!step.approvers().contains(actor.account())) {
      return DecisionOutcome.of(DecisionOutcome.Kind.NOT_YOUR_STEP, requestId, stepNo);
    }
    if (step.status() == StepStatus.APPROVED || step.status() == StepStatus.REJECTED) {
      return new DecisionOutcome(
          DecisionOutcome.Kind.ALREADY_DECIDED,
          requestId,
          stepNo,
          step.decidedBy(),
          step.decidedByName(),
          step.status().name());
    }
    if (step.status() != StepStatus.OPEN
        || !e.isPending()
        || r.status() != LeaveStatus.APPROVED
        || r.returnedAt() != null) {
      return new DecisionOutcome(
          DecisionOutcome.Kind.CLOSED, requestId, stepNo, null, null, r.status().name());
    }
    LocalDateTime now = LocalDateTime.now(clock);
    String note =
        comment == null || comment.isBlank()
            ? null
            : cut(comment.strip(), LeaveDecisions.COMMENT_MAX);
    if (!approve && note == null) {
      return DecisionOutcome.of(DecisionOutcome.Kind.REASON_MISSING, requestId, stepNo);
    }
    StepStatus decision = approve ? StepStatus.APPROVED : StepStatus.REJECTED;
    if (store.decideStep(step.id(), decision, actor.account(), actor.name(), via.name(), note, now)
        != 1) {
      return new DecisionOutcome(
          DecisionOutcome.Kind.ALREADY_DECIDED, requestId, stepNo, null, null, null);
    }
    store.event(
        requestId,
        actor.account(),
        actor.name(),
        approve ? "EXTENSION_APPROVED" : "EXTENSION_REJECTED",
        stepNo,
        via.name(),
        note,
        now);
    boolean last = stepNo >= e.lastStep();
    String typeName = catalog.typeName(r.typeCode());
    String after = e.status();
    if (approve && !last) {
      open(r, e, stepRow(requestId, stepNo + 1), store.policy(), now);
    } else if (approve) {
      after = "APPROVED";
      extensions.close(e.id(), after, now);
      LeaveDuration total = LeaveDuration.between(r.start(), e.newEnd());
      if (extensions.extendRequest(requestId, e.oldEnd(), e.newEnd(), total.minutes(), total.days())
          == 1) {
        store.event(
            requestId,
            LeaveActor.SYSTEM.account(),
            "",
            "EXTENDED",
            null,
            DecisionVia.AUTOMATIC.name(),
            LeaveTexts.chinese().get("leave.ext.event.extended", LeaveTexts.shortTime(e.newEnd())),
            now);
        // The extra period fires what an approval fires for its period (course teachers, roll
        // calls, the copied people's cards), in this transaction.
        outcomes.fire(LeaveOutcome.extended(r, typeName, e.oldEnd(), e.newEnd()));
      }
    } else {
      after = "REJECTED";
      extensions.close(e.id(), after, now);
      store.cancelRemainingSteps(requestId);
    }
    outbox.enqueue(
        messages.decisionNotice(r, e, stepNo, approve, last, actor.name(), note, typeName));
    List<String> others =
        step.approvers().stream()
            .filter(a -> via != DecisionVia.CARD_BUTTON || !a.equals(actor.account()))
            .toList();
    if (!others.isEmpty()) {
      outbox.enqueue(
          leaveMessages.cardSettled(
              r,
              stepNo,
              others,
              LeaveTexts.chinese()
                  .get(
                      approve ? "leave.card.settled.approved" : "leave.card.settled.rejected",
                      actor.name())));
    }
    Map<String, Object> was = new LinkedHashMap<>();
    was.put("extension" + e.seq(), e.status());
    was.put("step" + stepNo, StepStatus.OPEN.name());
    was.put("end", r.end().toString());
    Map<String, Object> now2 = new LinkedHashMap<>();
    now2.put("extension" + e.seq(), after);
    now2.put("step" + stepNo, decision.name());
    now2.put("end", "APPROVED".equals(after) ? e.newEnd().toString() : r.end().toString());
    now2.put("via", via.name());
    if (note != null) {
      now2.put("comment", note);
    }
    audit.record(
        actor.audit(),
        approve ? "LEAVE_EXTEND_APPROVE" : "LEAVE_EXTEND_REJECT",
        LeaveSubmissions.object(r, typeName),
        AuditDiff.between(was, now2));
    return new DecisionOutcome(
        DecisionOutcome.Kind.DECIDED,
        requestId,
        stepNo,
        actor.account(),
        actor.name(),
        decision.name());
  }

  /**
   * An approved leave that no longer holds (撤销, 取消) takes its pending extension with it: closed as
   * withdrawn, its open step cancelled, the approvers' cards say so.
   */
  void on(@Observes LeaveOutcome o) {
    if (o.what() != LeaveOutcome.What.WITHDRAWN_AFTER_APPROVAL
        && o.what() != LeaveOutcome.What.CANCELLED_AFTER_APPROVAL) {
      return;
    }
    LocalDateTime now = LocalDateTime.now(clock);
    for (ExtensionRow e : extensions.of(o.requestId())) {
      if (!e.isPending() || extensions.close(e.id(), "WITHDRAWN", now) != 1) {
        continue;
      }
      List<StepRow> open =
          store.stepsLocked(o.requestId()).stream()
              .filter(s -> e.hasStep(s.stepNo()) && s.status() == StepStatus.OPEN)
              .toList();
      store.cancelRemainingSteps(o.requestId());
      store
          .request(o.requestId())
          .ifPresent(
              r -> {
                for (StepRow s : open) {
                  if (!s.approvers().isEmpty()) {
                    outbox.enqueue(
                        leaveMessages.cardSettled(
                            r,
                            s.stepNo(),
                            s.approvers(),
                            LeaveTexts.chinese()
                                .get(
                                    o.what() == LeaveOutcome.What.CANCELLED_AFTER_APPROVAL
                                        ? "leave.card.done.CANCELLED"
                                        : "leave.card.done.REVOKED")));
                  }
                }
              });
    }
  }

  private StepRow stepRow(long requestId, int stepNo) {
    return store.steps(requestId).stream()
        .filter(s -> s.stepNo() == stepNo)
        .findFirst()
        .orElseThrow();
  }

  /**
   * Opens a step of an extension: its approvers looked up now (the fallback approver when there is
   * nobody), the timeline, and the extension's card.
   */
  private void open(
      LeaveRequestRow r, ExtensionRow e, StepRow step, LeavePolicy policy, LocalDateTime now) {
    List<String> who = approvers.approvers(step.role(), r.studentAccount());
    boolean fallback = who.isEmpty();
    if (fallback) {
      who = approvers.fallback(policy.fallbackAccount());
    }
    store.openStep(step.id(), r.id(), who, fallback, now);
    store.event(
        r.id(),
        LeaveActor.SYSTEM.account(),
        "",
        fallback ? "FALLBACK" : "STEP_OPENED",
        step.stepNo(),
        DecisionVia.AUTOMATIC.name(),
        step.role().name() + ": " + String.join(",", who),
        now);
    if (!who.isEmpty()) {
      String className =
          r.classCode() == null
              ? ""
              : directory
                  .classNames(List.of(r.classCode()))
                  .getOrDefault(r.classCode(), r.classCode());
      outbox.enqueue(
          messages.approvalCard(
              r, e, step.stepNo(), catalog.typeName(r.typeCode()), className, who));
    }
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
