package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain;
import cn.edu.ntvu.workbench.leave.domain.ChainEvent;
import cn.edu.ntvu.workbench.leave.domain.ChainRefusal;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.LeaveStatus;
import cn.edu.ntvu.workbench.leave.domain.StepMode;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.security.AccessDenied;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
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
 * An approver gone from the directory must not leave a step hanging (issue 18): admins see the
 * undecided seats of people gone or inactive on open steps ({@link #goneSeats}, on {@code
 * /leave/admin.xhtml}) and replace the person or remove the seat ({@link #removeSeat}). Removing
 * the last undecided seat of a 会签 step lets the others' decisions decide it; a step is never left
 * with nobody (the aggregate refuses, {@code LAST_SEAT}: name a replacement). Admins only, checked
 * here whoever calls.
 */
@ApplicationScoped
public class ChainAdmin {
  @Inject ChainStore chains;
  @Inject ChainTargets targets;
  @Inject LeaveStore store;
  @Inject StepOpener opener;
  @Inject LeaveMessages messages;
  @Inject ChainMessages chainMessages;
  @Inject HandOverMessages handOverMessages;
  @Inject WeComOutbox outbox;
  @Inject AuditTrail audit;
  @Inject LeaveCatalog catalog;
  @Inject DirectoryQueries directory;
  @Inject Clock clock;
  @Inject Event<LeaveOutcome> outcomes;

  /** Undecided seats of people gone or inactive, on open steps of pending requests. */
  @Requires(roles = Role.ADMIN)
  public List<ChainStore.GoneSeat> goneSeats(SignedInUser admin, int limit) {
    requireAdmin(admin);
    return chains.goneSeats(limit);
  }

  /**
   * Takes {@code account} off step {@code stepNo} of the request, putting {@code replacement} (an
   * account; null or blank = nobody) in their place. Answers null when done, else why not (nothing
   * changed).
   */
  @Transactional
  @Requires(roles = Role.ADMIN)
  public ChainRefusal removeSeat(
      SignedInUser admin, long requestId, int stepNo, String account, String replacement) {
    requireAdmin(admin);
    Optional<ChainStore.LockedChain> locked = chains.lock(requestId);
    if (locked.isEmpty()) {
      return ChainRefusal.NO_SUCH_STEP;
    }
    LeaveRequestRow r = locked.get().request();
    ApprovalChain chain = locked.get().chain();
    LocalDateTime now = LocalDateTime.now(clock);
    ApprovalChain.Target with =
        replacement == null || replacement.isBlank() ? null : targets.of(replacement);
    ApprovalChain.Result res =
        chain.removeSeat(
            new ApprovalChain.Who(admin.account(), admin.name()), stepNo, account, with, now);
    if (!res.ok()) {
      return res.refusal();
    }
    ApprovalChain.Step step = chain.step(stepNo).orElseThrow();
    LeaveActor actor = LeaveActor.of(admin);
    store.event(
        requestId,
        actor.account(),
        actor.name(),
        with == null ? "SEAT_REMOVED" : "SEAT_REPLACED",
        stepNo,
        DecisionVia.PAGE.name(),
        with == null ? account : account + " → " + with.account(),
        now);
    Optional<ChainEvent.StepOpenDue> due = res.first(ChainEvent.StepOpenDue.class);
    if (due.isPresent()) {
      opener.open(r, chain, due.get().stepNo(), store.policy(), now);
    }
    chains.save(chain);
    String typeName = catalog.typeName(r.typeCode());
    String className =
        r.classCode() == null
            ? ""
            : directory
                .classNames(List.of(r.classCode()))
                .getOrDefault(r.classCode(), r.classCode());
    if (with != null) {
      // The new approver's card.
      ApprovalChain.Seat seat = step.seatOf(with.account()).orElseThrow();
      outbox.enqueue(
          step.mode() == StepMode.ALL
              ? chainMessages.seatCard(
                  r, stepNo, seat.position(), with.account(), typeName, className, null)
              // a card of its own with a task id of its own: WeCom refuses a task id used before
              : handOverMessages.approverCard(
                  r,
                  stepNo,
                  seat.position(),
                  typeName,
                  className,
                  with.account(),
                  LeaveTexts.chinese().get("leave.chainAdmin.card.why", admin.name())));
    }
    Optional<ChainEvent.StepDecided> decided = res.first(ChainEvent.StepDecided.class);
    if (decided.isPresent()) {
      boolean approvedAll = chain.status() == LeaveStatus.APPROVED;
      if (approvedAll) {
        outcomes.fire(LeaveOutcome.of(r, typeName, LeaveOutcome.What.FINALLY_APPROVED, null));
      }
      outbox.enqueue(
          messages.decisionNotice(
              r,
              stepNo,
              decided.get().result() == StepStatus.APPROVED,
              approvedAll,
              decided.get().byName(),
              null,
              typeName));
      List<String> cards =
          step.seats().stream()
              .filter(a -> !a.isDeputy() && a.state().decided())
              .map(ApprovalChain.Seat::account)
              .toList();
      if (!cards.isEmpty() && step.mode() == StepMode.ALL) {
        chainMessages.settle(
            r,
            stepNo,
            cards,
            cn.edu.ntvu.workbench.leave.application.LeaveTexts.chinese()
                .get("leave.card.settled.approved", decided.get().byName()));
      }
    }
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("step", stepNo);
    before.put("seat", account);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("step", stepNo);
    after.put("seat", with == null ? "" : with.account());
    after.put("stepStatus", step.status().name());
    audit.record(
        actor.audit(),
        with == null ? "LEAVE_SEAT_REMOVE" : "LEAVE_SEAT_REPLACE",
        LeaveSubmissions.object(r, typeName),
        AuditDiff.between(before, after));
    return null;
  }

  private static void requireAdmin(SignedInUser admin) {
    if (admin == null || !admin.has(Role.ADMIN)) {
      throw new AccessDenied("admins only");
    }
  }
}
