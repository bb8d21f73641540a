package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain;
import cn.edu.ntvu.workbench.leave.domain.ChainEvent;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.LeavePolicy;
import cn.edu.ntvu.workbench.leave.domain.SeatState;
import cn.edu.ntvu.workbench.leave.domain.StepMode;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Opens a step of a request's chain (in memory: the caller saves the chain): looks its approvers up
 * in the directory now (not at submit) — unless the step was added after (加签) and carries its own
 * seat —, falls back to the configured approver (or the admins) when there is nobody and says so in
 * the timeline, and queues the 同意/驳回 card to them.
 */
@ApplicationScoped
public class StepOpener {
  @Inject LeaveStore store;
  @Inject ApproverDirectory approvers;
  @Inject LeaveMessages messages;
  @Inject ChainMessages chainMessages;
  @Inject WeComOutbox outbox;
  @Inject DirectoryQueries directory;
  @Inject LeaveCatalog catalog;

  /**
   * Opens step {@code stepNo} of {@code chain} (which the caller loaded under the request lock and
   * saves afterwards); answers the accounts asked to decide (empty when it could not open).
   */
  @Transactional(TxType.MANDATORY)
  public List<String> open(
      LeaveRequestRow r, ApprovalChain chain, int stepNo, LeavePolicy policy, LocalDateTime now) {
    ApprovalChain.Step step = chain.step(stepNo).orElseThrow();
    ApprovalChain.Result res;
    if (step.seats().isEmpty()) {
      List<String> who = approvers.approvers(step.role(), r.studentAccount());
      boolean fallback = who.isEmpty();
      if (fallback) {
        who = approvers.fallback(policy.fallbackAccount());
      }
      Map<String, String> names = directory.namesOf(who);
      res =
          chain.openStep(
              stepNo,
              who.stream().map(a -> new ApprovalChain.Who(a, names.getOrDefault(a, ""))).toList(),
              fallback,
              now);
    } else {
      res = chain.openStep(stepNo, List.of(), false, now);
    }
    if (!res.ok()) {
      return List.of();
    }
    ChainEvent.StepOpened opened = res.first(ChainEvent.StepOpened.class).orElseThrow();
    List<String> who = opened.accounts();
    store.event(
        r.id(),
        LeaveActor.SYSTEM.account(),
        "",
        opened.fallback() ? "FALLBACK" : "STEP_OPENED",
        stepNo,
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
      String typeName = catalog.typeName(r.typeCode());
      if (step.mode() == StepMode.ALL) {
        // 会签: a card per seat, so each can be updated on its own (ChainMessages).
        for (ApprovalChain.Seat a : step.seats()) {
          if (a.state() == SeatState.PENDING) {
            outbox.enqueue(
                chainMessages.seatCard(
                    r, stepNo, a.position(), a.account(), typeName, className, null));
          }
        }
      } else {
        outbox.enqueue(messages.approvalCard(r, stepNo, typeName, className, who));
      }
    }
    return who;
  }
}
