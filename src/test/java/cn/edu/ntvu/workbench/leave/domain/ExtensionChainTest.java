package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Seat;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Step;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Who;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 续假 on the aggregate: an extension's steps (numbered after the request's own, here 2 and 3) form a
 * chain of their own that closes on its last step, not on the step count.
 */
class ExtensionChainTest {
  private static final LocalDateTime T = LocalDateTime.of(2026, 11, 25, 10, 20);
  private static final Who MAO = new Who("mao", "毛敏");
  private static final Who YE = new Who("ye", "叶轩");

  private static Step waiting(long id, int no, ApproverRole role) {
    return Step.load(
        id,
        no,
        role,
        StepMode.ANY,
        StepStatus.WAITING,
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        List.<Seat>of());
  }

  private static ApprovalChain extension() {
    return ApprovalChain.of(
        42,
        "s1",
        LeaveStatus.PENDING,
        2,
        List.of(waiting(7, 2, ApproverRole.COUNSELLOR), waiting(8, 3, ApproverRole.DEAN)));
  }

  @Test
  void anExtensionsTwoStepsOpenAndCloseInTurn() {
    ApprovalChain c = extension();
    assertThat(c.lastStepNo()).isEqualTo(3);
    assertThat(c.openStep(2, List.of(MAO), false, T).ok()).isTrue();
    ApprovalChain.Result first = c.decide(MAO, 2, true, null, DecisionVia.PAGE, T);
    assertThat(first.ok()).isTrue();
    assertThat(first.first(ChainEvent.RequestClosed.class)).isEmpty();
    assertThat(first.first(ChainEvent.StepOpenDue.class).map(ChainEvent.StepOpenDue::stepNo))
        .contains(3);
    assertThat(c.openStep(3, List.of(YE), false, T).ok()).isTrue();
    ApprovalChain.Result last = c.decide(YE, 3, true, "同意续假", DecisionVia.CARD_BUTTON, T);
    assertThat(last.first(ChainEvent.RequestClosed.class).map(ChainEvent.RequestClosed::status))
        .contains(LeaveStatus.APPROVED);
  }

  @Test
  void aRejectionClosesTheExtensionAndSomeoneElseCannotDecide() {
    ApprovalChain c = extension();
    c.openStep(2, List.of(MAO), false, T);
    assertThat(c.decide(YE, 2, true, null, DecisionVia.PAGE, T).refusal())
        .isEqualTo(ChainRefusal.NOT_YOUR_SEAT);
    assertThat(c.decide(MAO, 2, false, " ", DecisionVia.PAGE, T).refusal())
        .isEqualTo(ChainRefusal.REASON_MISSING);
    ApprovalChain.Result no = c.decide(MAO, 2, false, "时间太长", DecisionVia.PAGE, T);
    assertThat(no.first(ChainEvent.RequestClosed.class).map(ChainEvent.RequestClosed::status))
        .contains(LeaveStatus.REJECTED);
    assertThat(c.step(3).orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
  }
}
