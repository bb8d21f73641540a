package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.LeavePolicy;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * 销假: the student reports back after an approved leave, the class counsellor confirms (or the
 * server does, when the admin configured it); and the overdue job: an approved leave whose end
 * passed without 销假 is flagged and the student and the counsellors are reminded once.
 */
@ApplicationScoped
public class LeaveReturns {
  private static final Logger LOG = Logger.getLogger(LeaveReturns.class.getName());

  @Inject LeaveStore store;
  @Inject ApproverDirectory approvers;
  @Inject LeaveMessages messages;
  @Inject WeComOutbox outbox;
  @Inject AuditTrail audit;
  @Inject LeaveCatalog catalog;
  @Inject Clock clock;
  @Inject Event<LeaveOutcome> outcomes;

  @Transactional
  public boolean reportBack(long requestId, LeaveActor student) {
    Optional<LeaveRequestRow> locked = store.lockRequest(requestId);
    LocalDateTime now = LocalDateTime.now(clock);
    if (locked.isEmpty()
        || !locked.get().studentAccount().equals(student.account())
        || !locked.get().mayReportBack(now)) {
      return false;
    }
    LeaveRequestRow r = locked.get();
    LeavePolicy policy = store.policy();
    store.reportBack(requestId, now, policy.autoConfirmReturn());
    store.event(
        requestId,
        student.account(),
        student.name(),
        "RETURNED",
        null,
        DecisionVia.PAGE.name(),
        null,
        now);
    if (!policy.autoConfirmReturn()) {
      // The counsellors are told in the same transaction (outbox); their badge and 待确认销假 list
      // count it from the row.
      List<String> to = approvers.approvers(ApproverRole.COUNSELLOR, r.studentAccount());
      if (!to.isEmpty()) {
        outbox.enqueue(messages.returnNotice(r, to));
      }
    }
    if (policy.autoConfirmReturn()) {
      store.event(
          requestId,
          LeaveActor.SYSTEM.account(),
          "",
          "RETURN_CONFIRMED",
          null,
          DecisionVia.AUTOMATIC.name(),
          null,
          now);
      returnedEarly(r, now);
    }
    audit.record(
        student.audit(),
        "LEAVE_RETURN",
        LeaveSubmissions.object(r, catalog.typeName(r.typeCode())),
        AuditDiff.between(
            Map.of("returned", ""), Map.of("returned", now.toString(), "via", "PAGE")));
    return true;
  }

  /** The counsellor confirms a student's 销假; only a counsellor of the student's class may. */
  @Transactional
  public boolean confirmReturn(long requestId, LeaveActor counsellor) {
    Optional<LeaveRequestRow> locked = store.lockRequest(requestId);
    if (locked.isEmpty() || !mayConfirm(locked.get(), counsellor.account())) {
      return false;
    }
    LeaveRequestRow r = locked.get();
    LocalDateTime now = LocalDateTime.now(clock);
    if (store.confirmReturn(requestId, counsellor.account(), now) != 1) {
      return false;
    }
    store.event(
        requestId,
        counsellor.account(),
        counsellor.name(),
        "RETURN_CONFIRMED",
        null,
        DecisionVia.PAGE.name(),
        null,
        now);
    returnedEarly(r, r.returnedAt());
    audit.record(
        counsellor.audit(),
        "LEAVE_RETURN_CONFIRM",
        LeaveSubmissions.object(r, catalog.typeName(r.typeCode())),
        AuditDiff.between(
            Map.of("returnConfirmed", ""),
            Map.of("returnConfirmed", now.toString(), "via", "PAGE")));
    return true;
  }

  /** A 销假 confirmed now: when the student was back before the leave's end, observers are told. */
  private void returnedEarly(LeaveRequestRow r, LocalDateTime back) {
    if (back != null && back.isBefore(r.end())) {
      outcomes.fire(
          LeaveOutcome.of(
              r, catalog.typeName(r.typeCode()), LeaveOutcome.What.RETURNED_EARLY, back));
    }
  }

  public boolean mayConfirm(LeaveRequestRow r, String account) {
    return r.awaitsReturnConfirmation()
        && approvers.approvers(ApproverRole.COUNSELLOR, r.studentAccount()).contains(account);
  }

  /**
   * One run of the overdue job: claims the run (a row lock; another server's run within {@code
   * minGap} does nothing), then flags each newly overdue leave and queues its reminder once.
   * Returns how many were flagged.
   */
  @Transactional
  public int flagOverdue(Duration minGap) {
    LocalDateTime now = LocalDateTime.now(clock);
    if (!store.claimJob("overdue", now, minGap)) {
      return 0;
    }
    int n = 0;
    for (LeaveRequestRow r : store.newlyOverdue(now, 500)) {
      if (store.flagOverdue(r.id(), now) != 1) {
        continue;
      }
      store.event(
          r.id(),
          LeaveActor.SYSTEM.account(),
          "",
          "OVERDUE",
          null,
          DecisionVia.AUTOMATIC.name(),
          null,
          now);
      List<String> to = new ArrayList<>();
      to.add(r.studentAccount());
      approvers.approvers(ApproverRole.COUNSELLOR, r.studentAccount()).stream()
          .filter(a -> !to.contains(a))
          .forEach(to::add);
      outbox.enqueue(messages.overdueNotice(r, to));
      n++;
    }
    if (n > 0) {
      LOG.info(n + " leave request(s) flagged overdue");
    }
    return n;
  }
}
