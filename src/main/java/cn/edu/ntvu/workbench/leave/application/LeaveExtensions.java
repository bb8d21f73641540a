package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain;
import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
import cn.edu.ntvu.workbench.leave.domain.ChainEvent;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.ExtensionForm;
import cn.edu.ntvu.workbench.leave.domain.ExtensionRouting;
import cn.edu.ntvu.workbench.leave.domain.FieldProblem;
import cn.edu.ntvu.workbench.leave.domain.LeaveDuration;
import cn.edu.ntvu.workbench.leave.domain.LeavePolicy;
import cn.edu.ntvu.workbench.leave.domain.LeaveStatus;
import cn.edu.ntvu.workbench.leave.domain.Routing;
import cn.edu.ntvu.workbench.leave.domain.StepMode;
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
import java.util.ArrayList;
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
  @Inject ChainStore chains;
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
      chains.insertStep(requestId, n, role, StepMode.ANY);
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
    ChainStore.LockedChain c =
        chains.lockExtension(requestId, e.firstStep(), e.lastStep()).orElseThrow();
    ApprovalChain.Result opened = open(c.chain(), r, first, policy, now);
    chains.saveSteps(c.chain());
    opened(r, e, opened.eventsOf(ChainEvent.StepOpened.class), now);
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
    Optional<ExtensionRow> found =
        extensions.of(requestId).stream().filter(e -> e.hasStep(stepNo)).findFirst();
    if (found.isEmpty()) {
      return DecisionOutcome.of(DecisionOutcome.Kind.UNKNOWN, requestId, stepNo);
    }
    Optional<ChainStore.LockedChain> locked =
        chains.lockExtension(requestId, found.get().firstStep(), found.get().lastStep());
    if (locked.isEmpty()) {
      return DecisionOutcome.of(DecisionOutcome.Kind.UNKNOWN, requestId, stepNo);
    }
    LeaveRequestRow r = locked.get().request();
    ApprovalChain chain = locked.get().chain();
    // read again under the lock
    ExtensionRow e =
        extensions.of(requestId).stream()
            .filter(x -> x.id() == found.get().id())
            .findFirst()
            .orElseThrow();
    LocalDateTime now = LocalDateTime.now(clock);
    String note =
        comment == null || comment.isBlank()
            ? null
            : cut(comment.strip(), LeaveDecisions.COMMENT_MAX);
    boolean running = e.isPending() && r.status() == LeaveStatus.APPROVED && r.returnedAt() == null;
    ApprovalChain.Result res =
        running
            ? chain.decide(
                new ApprovalChain.Who(actor.account(), actor.name()),
                stepNo,
                approve,
                note,
                via,
                now)
            : null;
    if (res == null || !res.ok()) {
      return refused(res, r, chain, stepNo, actor);
    }
    List<ChainEvent> events = new ArrayList<>(res.events());
    LeavePolicy policy = null;
    for (ChainEvent.StepOpenDue due : res.eventsOf(ChainEvent.StepOpenDue.class)) {
      policy = policy == null ? store.policy() : policy;
      events.addAll(open(chain, r, due.stepNo(), policy, now).events());
    }
    chains.saveSteps(chain);
    String typeName = catalog.typeName(r.typeCode());
    for (ChainEvent.SeatDecided d : res.eventsOf(ChainEvent.SeatDecided.class)) {
      store.event(
          requestId,
          d.byAccount(),
          d.byName(),
          d.approve() ? "EXTENSION_APPROVED" : "EXTENSION_REJECTED",
          d.stepNo(),
          d.via().name(),
          d.comment(),
          now);
    }
    String settledText =
        LeaveTexts.chinese()
            .get(
                approve ? "leave.card.settled.approved" : "leave.card.settled.rejected",
                actor.name());
    for (ChainEvent.SeatsSettled settled : res.eventsOf(ChainEvent.SeatsSettled.class)) {
      List<String> to =
          settled.accounts().stream()
              .filter(a -> via != DecisionVia.CARD_BUTTON || !a.equals(actor.account()))
              .toList();
      if (!to.isEmpty()) {
        outbox.enqueue(leaveMessages.cardSettled(r, settled.stepNo(), to, settledText));
      }
    }
    opened(
        r,
        e,
        events.stream()
            .filter(ChainEvent.StepOpened.class::isInstance)
            .map(ChainEvent.StepOpened.class::cast)
            .toList(),
        now);
    Optional<ChainEvent.RequestClosed> closed = res.first(ChainEvent.RequestClosed.class);
    String after = e.status();
    if (closed.isPresent() && closed.get().status() == LeaveStatus.APPROVED) {
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
    } else if (closed.isPresent()) {
      after = closed.get().status().name();
      extensions.close(e.id(), after, now);
    }
    boolean stepDone = !res.eventsOf(ChainEvent.StepDecided.class).isEmpty();
    if (stepDone || !approve) {
      outbox.enqueue(
          messages.decisionNotice(
              r, e, stepNo, approve, closed.isPresent(), actor.name(), note, typeName));
    }
    Map<String, Object> was = new LinkedHashMap<>();
    was.put("extension" + e.seq(), e.status());
    was.put("step" + stepNo, StepStatus.OPEN.name());
    was.put("end", r.end().toString());
    Map<String, Object> now2 = new LinkedHashMap<>();
    now2.put("extension" + e.seq(), after);
    now2.put("step" + stepNo, approve ? StepStatus.APPROVED.name() : StepStatus.REJECTED.name());
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
        approve ? StepStatus.APPROVED.name() : StepStatus.REJECTED.name());
  }

  /** The chain's refusal (or a closed extension) as the answer every step gives. */
  private static DecisionOutcome refused(
      ApprovalChain.Result res,
      LeaveRequestRow r,
      ApprovalChain chain,
      int stepNo,
      LeaveActor actor) {
    long id = r.id();
    if (res == null) {
      // The extension or the leave closed: a decided step still says who decided it.
      Optional<ApprovalChain.Step> step = chain.step(stepNo);
      if (step.isEmpty() || step.get().seatOf(actor.account()).isEmpty()) {
        return DecisionOutcome.of(DecisionOutcome.Kind.NOT_YOUR_STEP, id, stepNo);
      }
      if (step.get().status() == StepStatus.APPROVED
          || step.get().status() == StepStatus.REJECTED) {
        return new DecisionOutcome(
            DecisionOutcome.Kind.ALREADY_DECIDED,
            id,
            stepNo,
            step.get().decidedBy(),
            step.get().decidedByName(),
            step.get().status().name());
      }
      return new DecisionOutcome(
          DecisionOutcome.Kind.CLOSED, id, stepNo, null, null, r.status().name());
    }
    return switch (res.refusal()) {
      case NO_SUCH_STEP -> DecisionOutcome.of(DecisionOutcome.Kind.UNKNOWN, id, stepNo);
      case REASON_MISSING -> DecisionOutcome.of(DecisionOutcome.Kind.REASON_MISSING, id, stepNo);
      case ALREADY_DECIDED ->
          new DecisionOutcome(
              DecisionOutcome.Kind.ALREADY_DECIDED,
              id,
              stepNo,
              res.byAccount(),
              res.byName(),
              res.decision());
      case REQUEST_CLOSED, STEP_CLOSED ->
          new DecisionOutcome(
              DecisionOutcome.Kind.CLOSED, id, stepNo, null, null, r.status().name());
      default -> DecisionOutcome.of(DecisionOutcome.Kind.NOT_YOUR_STEP, id, stepNo);
    };
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
    String text =
        LeaveTexts.chinese()
            .get(
                o.what() == LeaveOutcome.What.CANCELLED_AFTER_APPROVAL
                    ? "leave.card.done.CANCELLED"
                    : "leave.card.done.REVOKED");
    for (ExtensionRow e : extensions.of(o.requestId())) {
      if (!e.isPending()) {
        continue;
      }
      Optional<ChainStore.LockedChain> c =
          chains.lockExtension(o.requestId(), e.firstStep(), e.lastStep());
      if (c.isEmpty()) {
        continue;
      }
      // The extension's chain is withdrawn as a pending request's is: its seats settled, its
      // steps cancelled; then the extension closes.
      ApprovalChain.Result res =
          c.get().chain().withdraw(new ApprovalChain.Who(o.studentAccount(), o.studentName()), now);
      if (res.ok()) {
        chains.saveSteps(c.get().chain());
      }
      extensions.close(e.id(), "WITHDRAWN", now);
      for (ChainEvent.SeatsSettled settled : res.eventsOf(ChainEvent.SeatsSettled.class)) {
        outbox.enqueue(
            leaveMessages.cardSettled(
                c.get().request(), settled.stepNo(), settled.accounts(), text));
      }
    }
  }

  /**
   * Opens step {@code stepNo} of an extension's chain: its approvers looked up now (the fallback
   * approver when there is nobody). The caller saves the chain, then {@link #opened} tells them.
   */
  private ApprovalChain.Result open(
      ApprovalChain chain, LeaveRequestRow r, int stepNo, LeavePolicy policy, LocalDateTime now) {
    ApprovalChain.Step step = chain.step(stepNo).orElseThrow();
    List<String> who = approvers.approvers(step.role(), r.studentAccount());
    boolean fallback = who.isEmpty();
    if (fallback) {
      who = approvers.fallback(policy.fallbackAccount());
    }
    Map<String, String> names = directory.namesOf(who);
    return chain.openStep(
        stepNo,
        who.stream().map(a -> new ApprovalChain.Who(a, names.getOrDefault(a, a))).toList(),
        fallback,
        now);
  }

  /** The timeline line and the extension's card for each step that opened. */
  private void opened(
      LeaveRequestRow r, ExtensionRow e, List<ChainEvent.StepOpened> opened, LocalDateTime now) {
    if (opened.isEmpty()) {
      return;
    }
    String className =
        r.classCode() == null
            ? ""
            : directory
                .classNames(List.of(r.classCode()))
                .getOrDefault(r.classCode(), r.classCode());
    List<StepRow> steps = store.steps(r.id());
    for (ChainEvent.StepOpened o : opened) {
      String role =
          steps.stream()
              .filter(s -> s.stepNo() == o.stepNo())
              .map(s -> s.role().name())
              .findFirst()
              .orElse("");
      store.event(
          r.id(),
          LeaveActor.SYSTEM.account(),
          "",
          o.fallback() ? "FALLBACK" : "STEP_OPENED",
          o.stepNo(),
          DecisionVia.AUTOMATIC.name(),
          role + ": " + String.join(",", o.accounts()),
          now);
      if (!o.accounts().isEmpty()) {
        outbox.enqueue(
            messages.approvalCard(
                r, e, o.stepNo(), catalog.typeName(r.typeCode()), className, o.accounts()));
      }
    }
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
