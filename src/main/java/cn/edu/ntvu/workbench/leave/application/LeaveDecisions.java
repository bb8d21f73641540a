package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.identity.domain.Person;
import cn.edu.ntvu.workbench.leave.domain.CardAction;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.LeaveStatus;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Approvers decide a step, on the page or with the WeCom card's buttons. Only an approver of the
 * open step decides it; the request row is locked and the step changes only while still open, so of
 * two approvers at the same moment exactly one decision is recorded and the other is told who
 * decided; a replayed click changes nothing. A 驳回 needs its reason (the student reads it): the
 * card's 驳回 button opens the page that asks for it, and a 驳回 without one is refused.
 */
@ApplicationScoped
public class LeaveDecisions {
  public static final int COMMENT_MAX = 200;

  @Inject LeaveStore store;
  @Inject StepOpener opener;
  @Inject LeaveMessages messages;
  @Inject WeComOutbox outbox;
  @Inject AuditTrail audit;
  @Inject LeaveCatalog catalog;
  @Inject DirectoryQueries directory;
  @Inject Clock clock;
  @Inject Event<LeaveOutcome> outcomes;
  @Inject LeaveCc cc;
  @Inject LeaveExtensions extensions;

  /**
   * A click on the card's 同意/驳回 button, as the WeCom callback reports it ({@code FromUserName},
   * {@code TaskId}, {@code EventKey}). The decision is applied only when {@code wecomUserId} may
   * decide that step, and only once.
   */
  @Transactional
  public DecisionOutcome decideFromCard(String wecomUserId, String taskId, String eventKey) {
    Optional<CardAction> action = CardAction.parse(taskId, eventKey);
    if (action.isEmpty()) {
      return DecisionOutcome.of(DecisionOutcome.Kind.UNKNOWN, 0, 0);
    }
    CardAction a = action.get();
    Optional<Person> person = directory.findByAccount(wecomUserId);
    if (person.isEmpty()) {
      return DecisionOutcome.of(DecisionOutcome.Kind.NOT_YOUR_STEP, a.requestId(), a.step());
    }
    LeaveActor actor = new LeaveActor(person.get().getAccount(), person.get().getName(), "WECOM");
    DecisionOutcome outcome =
        decide(a.requestId(), a.step(), a.approve(), null, actor, DecisionVia.CARD_BUTTON);
    if (outcome.kind() == DecisionOutcome.Kind.REASON_MISSING) {
      // A 驳回 button of a card sent before its button became a link to the page: nothing is
      // decided; the approver gets the page where the reason is asked.
      store
          .request(a.requestId())
          .ifPresent(
              r ->
                  outbox.enqueue(
                      messages.reasonAsked(
                          r, a.step(), actor.account(), catalog.typeName(r.typeCode()))));
    }
    return outcome;
  }

  /** Approves or rejects step {@code stepNo} of a request as {@code actor}. */
  @Transactional
  public DecisionOutcome decide(
      long requestId,
      int stepNo,
      boolean approve,
      String comment,
      LeaveActor actor,
      DecisionVia via) {
    if (extensions.isExtensionStep(requestId, stepNo)) {
      // A step of a 续假 (issue 18): decided on the approved request, the end moves on the last.
      return extensions.decide(requestId, stepNo, approve, comment, actor, via);
    }
    Optional<LeaveRequestRow> locked = store.lockRequest(requestId);
    if (locked.isEmpty()) {
      return DecisionOutcome.of(DecisionOutcome.Kind.UNKNOWN, requestId, stepNo);
    }
    LeaveRequestRow r = locked.get();
    List<StepRow> steps = store.stepsLocked(requestId);
    Optional<StepRow> found = steps.stream().filter(s -> s.stepNo() == stepNo).findFirst();
    if (found.isEmpty()) {
      return DecisionOutcome.of(DecisionOutcome.Kind.UNKNOWN, requestId, stepNo);
    }
    StepRow step = found.get();
    if (!step.approvers().contains(actor.account())) {
      return DecisionOutcome.of(DecisionOutcome.Kind.NOT_YOUR_STEP, requestId, stepNo);
    }
    if (r.status().isReversed()) {
      // An approved leave taken back or cancelled since: a stale card's tap is told so.
      return new DecisionOutcome(
          DecisionOutcome.Kind.CLOSED, requestId, stepNo, null, null, r.status().name());
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
    if (step.status() != StepStatus.OPEN || r.status() != LeaveStatus.PENDING) {
      return new DecisionOutcome(
          DecisionOutcome.Kind.CLOSED, requestId, stepNo, null, null, r.status().name());
    }
    LocalDateTime now = LocalDateTime.now(clock);
    String note = comment == null || comment.isBlank() ? null : cut(comment.strip(), COMMENT_MAX);
    if (!approve && note == null) {
      // No rejection is ever stored without its reason, whoever calls.
      return DecisionOutcome.of(DecisionOutcome.Kind.REASON_MISSING, requestId, stepNo);
    }
    StepStatus decision = approve ? StepStatus.APPROVED : StepStatus.REJECTED;
    if (store.decideStep(step.id(), decision, actor.account(), actor.name(), via.name(), note, now)
        != 1) {
      // Not reachable while the request row is locked; answered like a lost race all the same.
      return new DecisionOutcome(
          DecisionOutcome.Kind.ALREADY_DECIDED, requestId, stepNo, null, null, null);
    }
    store.event(
        requestId, actor.account(), actor.name(), decision.name(), stepNo, via.name(), note, now);
    boolean last = stepNo >= r.stepCount();
    LeaveStatus after = r.status();
    if (approve && !last) {
      store.advance(requestId, stepNo);
      opener.open(r, steps.get(stepNo), store.policy(), now);
    } else {
      after = approve ? LeaveStatus.APPROVED : LeaveStatus.REJECTED;
      store.close(requestId, after, now);
      store.cancelRemainingSteps(requestId);
    }
    String typeName = catalog.typeName(r.typeCode());
    if (after == LeaveStatus.APPROVED) {
      // Observers (the course teachers' messages) queue in this transaction.
      outcomes.fire(LeaveOutcome.of(r, typeName, LeaveOutcome.What.FINALLY_APPROVED, null));
    } else if (after == LeaveStatus.REJECTED) {
      cc.changed(r, LeaveTexts.chinese().get("leave.cc.card.REJECTED"));
    }
    outbox.enqueue(messages.decisionNotice(r, stepNo, approve, last, actor.name(), note, typeName));
    // The other approvers' cards stop offering 同意/驳回; a clicker's own card is updated by the
    // click's code.
    List<String> others =
        step.approvers().stream()
            .filter(a -> via != DecisionVia.CARD_BUTTON || !a.equals(actor.account()))
            .toList();
    if (!others.isEmpty()) {
      outbox.enqueue(
          messages.cardSettled(
              r,
              stepNo,
              others,
              LeaveTexts.chinese()
                  .get(
                      approve ? "leave.card.settled.approved" : "leave.card.settled.rejected",
                      actor.name())));
    }
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("status", r.status().name());
    before.put("step" + stepNo, StepStatus.OPEN.name());
    Map<String, Object> afterFields = new LinkedHashMap<>();
    afterFields.put("status", after.name());
    afterFields.put("step" + stepNo, decision.name());
    afterFields.put("via", via.name());
    if (note != null) {
      afterFields.put("comment", note);
    }
    audit.record(
        actor.audit(),
        approve ? "LEAVE_APPROVE" : "LEAVE_REJECT",
        LeaveSubmissions.object(r, typeName),
        AuditDiff.between(before, afterFields));
    return new DecisionOutcome(
        DecisionOutcome.Kind.DECIDED,
        requestId,
        stepNo,
        actor.account(),
        actor.name(),
        decision.name());
  }

  /** The student takes back a pending request; the approvers of the open step are told. */
  @Transactional
  public boolean withdraw(long requestId, LeaveActor student) {
    Optional<LeaveRequestRow> locked = store.lockRequest(requestId);
    if (locked.isEmpty()
        || !locked.get().studentAccount().equals(student.account())
        || locked.get().status() != LeaveStatus.PENDING) {
      return false;
    }
    LeaveRequestRow r = locked.get();
    LocalDateTime now = LocalDateTime.now(clock);
    List<StepRow> open =
        store.stepsLocked(requestId).stream().filter(s -> s.status() == StepStatus.OPEN).toList();
    List<String> asked = open.stream().flatMap(s -> s.approvers().stream()).distinct().toList();
    store.close(requestId, LeaveStatus.WITHDRAWN, now);
    store.cancelRemainingSteps(requestId);
    store.event(
        requestId,
        student.account(),
        student.name(),
        "WITHDRAWN",
        r.currentStep(),
        DecisionVia.PAGE.name(),
        null,
        now);
    String typeName = catalog.typeName(r.typeCode());
    cc.changed(r, LeaveTexts.chinese().get("leave.card.settled.withdrawn"));
    if (!asked.isEmpty()) {
      outbox.enqueue(messages.withdrawnNotice(r, asked, typeName));
    }
    for (StepRow s : open) {
      if (!s.approvers().isEmpty()) {
        outbox.enqueue(
            messages.cardSettled(
                r,
                s.stepNo(),
                s.approvers(),
                LeaveTexts.chinese().get("leave.card.settled.withdrawn")));
      }
    }
    audit.record(
        student.audit(),
        "LEAVE_WITHDRAW",
        LeaveSubmissions.object(r, typeName),
        AuditDiff.between(
            Map.of("status", r.status().name()),
            Map.of("status", LeaveStatus.WITHDRAWN.name(), "via", DecisionVia.PAGE.name())));
    return true;
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
