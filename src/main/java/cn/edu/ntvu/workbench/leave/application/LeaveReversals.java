package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.LeaveStatus;
import cn.edu.ntvu.workbench.leave.domain.SeatState;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An approved leave that no longer holds (issue 19): the student 撤销s it before it starts (once it
 * has started, coming back early is 销假, {@link LeaveReturns}: the leave did hold until then), or an
 * approver of the request — a counsellor of the student's class, or anyone asked to decide one of
 * its steps (the dean, the fallback approver) — 取消s it with a reason before it ends (the whole
 * leave then no longer holds). Each locks the request row, checks the caller again, records the
 * event and the audit entry, tells the others through the outbox and fires the {@link LeaveOutcome}
 * (the course teachers' correction, the roll calls' 请假 turned back into 缺勤) in the same
 * transaction.
 */
@ApplicationScoped
public class LeaveReversals {
  public static final int REASON_MAX = 200;

  /** What became of a 取消. */
  public enum Result {
    DONE,
    /** Not an approver of the request, or it is not approved and running any more. */
    REFUSED,
    /** No reason given: nothing stored. */
    REASON_MISSING
  }

  @Inject LeaveStore store;
  @Inject ChainStore chains;
  @Inject ApproverDirectory approvers;
  @Inject LeaveMessages messages;
  @Inject WeComOutbox outbox;
  @Inject AuditTrail audit;
  @Inject LeaveCatalog catalog;
  @Inject Clock clock;
  @Inject Event<LeaveOutcome> outcomes;

  /** Whether the student may 撤销 this request now: their own, approved, not started. */
  public static boolean mayRevoke(LeaveRequestRow r, String account, LocalDateTime now) {
    return r.studentAccount().equals(account)
        && r.status() == LeaveStatus.APPROVED
        && r.returnedAt() == null
        && r.start().isAfter(now);
  }

  /** Whether the request may still be 取消ed: approved, not reported back, not ended. */
  public static boolean cancellable(LeaveRequestRow r, LocalDateTime now) {
    return r.status() == LeaveStatus.APPROVED && r.returnedAt() == null && r.end().isAfter(now);
  }

  /**
   * Whether {@code account} is an approver of the request: a counsellor of the student's class now,
   * or asked to decide one of its steps.
   */
  public boolean isApprover(LeaveRequestRow r, String account) {
    return !r.studentAccount().equals(account)
        && (approvers.approvers(ApproverRole.COUNSELLOR, r.studentAccount()).contains(account)
            || store.wasAskedToDecide(r.id(), account));
  }

  /** 撤销: the student takes back an approved leave that has not started. */
  @Transactional
  @Requires(kind = PersonKind.STUDENT)
  public boolean revoke(long requestId, LeaveActor student) {
    Optional<LeaveRequestRow> locked = store.lockRequest(requestId);
    LocalDateTime now = LocalDateTime.now(clock);
    if (locked.isEmpty() || !mayRevoke(locked.get(), student.account(), now)) {
      return false;
    }
    LeaveRequestRow r = locked.get();
    if (store.reverseApproved(requestId, LeaveStatus.REVOKED) != 1) {
      return false;
    }
    store.event(
        requestId,
        student.account(),
        student.name(),
        LeaveStatus.REVOKED.name(),
        null,
        DecisionVia.PAGE.name(),
        null,
        now);
    String typeName = catalog.typeName(r.typeCode());
    List<String> to = deciders(requestId, student.account());
    if (!to.isEmpty()) {
      outbox.enqueue(messages.revokedNotice(r, to, typeName));
    }
    outcomes.fire(LeaveOutcome.of(r, typeName, LeaveOutcome.What.WITHDRAWN_AFTER_APPROVAL, null));
    audit.record(
        student.audit(),
        "LEAVE_REVOKE",
        LeaveSubmissions.object(r, typeName),
        AuditDiff.between(
            Map.of("status", LeaveStatus.APPROVED.name()),
            Map.of("status", LeaveStatus.REVOKED.name(), "via", DecisionVia.PAGE.name())));
    return true;
  }

  /** 取消: an approver of the request cancels an approved leave that has not ended, with a reason. */
  @Transactional
  @Requires(kind = PersonKind.STAFF)
  public Result cancel(long requestId, String reason, LeaveActor approver) {
    Optional<LeaveRequestRow> locked = store.lockRequest(requestId);
    LocalDateTime now = LocalDateTime.now(clock);
    if (locked.isEmpty()
        || !cancellable(locked.get(), now)
        || !isApprover(locked.get(), approver.account())) {
      return Result.REFUSED;
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      return Result.REASON_MISSING;
    }
    if (why.length() > REASON_MAX) {
      why = why.substring(0, REASON_MAX);
    }
    LeaveRequestRow r = locked.get();
    if (store.reverseApproved(requestId, LeaveStatus.CANCELLED) != 1) {
      return Result.REFUSED;
    }
    store.event(
        requestId,
        approver.account(),
        approver.name(),
        LeaveStatus.CANCELLED.name(),
        null,
        DecisionVia.PAGE.name(),
        why,
        now);
    String typeName = catalog.typeName(r.typeCode());
    List<String> to = new ArrayList<>();
    to.add(r.studentAccount());
    deciders(requestId, approver.account()).stream().filter(a -> !to.contains(a)).forEach(to::add);
    outbox.enqueue(messages.cancelledNotice(r, to, typeName, approver.name(), why));
    outcomes.fire(LeaveOutcome.of(r, typeName, LeaveOutcome.What.CANCELLED_AFTER_APPROVAL, null));
    audit.record(
        approver.audit(),
        "LEAVE_CANCEL",
        LeaveSubmissions.object(r, typeName),
        AuditDiff.between(
            Map.of("status", LeaveStatus.APPROVED.name()),
            Map.of(
                "status",
                LeaveStatus.CANCELLED.name(),
                "via",
                DecisionVia.PAGE.name(),
                "comment",
                why)));
    return Result.DONE;
  }

  /** Those who approved the request's steps, but {@code except}. */
  private List<String> deciders(long requestId, String except) {
    // By seat (issue 18): every approver of a 会签 step, the deputy who approved for a holder.
    return chains
        .read(requestId)
        .map(
            c ->
                c.steps().stream()
                    .filter(s -> s.status() == StepStatus.APPROVED)
                    .flatMap(s -> s.seats().stream())
                    .filter(a -> !a.isDeputy() && a.state() == SeatState.APPROVED)
                    .map(a -> a.decidedBy() == null ? a.account() : a.decidedBy())
                    .filter(a -> !a.equals(except))
                    .distinct()
                    .toList())
        .orElse(List.of());
  }
}
