package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.LeavePolicy;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Opens a step of a request: looks its approvers up in the directory now (not at submit), falls
 * back to the configured approver (or the admins) when there is nobody and says so in the timeline,
 * and queues the 同意/驳回 card to them.
 */
@ApplicationScoped
public class StepOpener {
  @Inject LeaveStore store;
  @Inject ApproverDirectory approvers;
  @Inject LeaveMessages messages;
  @Inject WeComOutbox outbox;
  @Inject DirectoryQueries directory;
  @Inject LeaveCatalog catalog;
  @Inject DeputySeats deputySeats;

  @Transactional(TxType.MANDATORY)
  public List<String> open(LeaveRequestRow r, StepRow step, LeavePolicy policy, LocalDateTime now) {
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
    // 代理 (issue 18, item 6): an approver away today gets their deputy as an extra seat, on the
    // same card.
    List<String> deputies = deputySeats.seatOpenedStep(r, step.stepNo(), who, now);
    if (!who.isEmpty()) {
      String className =
          r.classCode() == null
              ? ""
              : directory
                  .classNames(List.of(r.classCode()))
                  .getOrDefault(r.classCode(), r.classCode());
      outbox.enqueue(
          messages.approvalCard(
              r,
              step.stepNo(),
              catalog.typeName(r.typeCode()),
              className,
              java.util.stream.Stream.concat(who.stream(), deputies.stream()).toList()));
    }
    return who;
  }
}
