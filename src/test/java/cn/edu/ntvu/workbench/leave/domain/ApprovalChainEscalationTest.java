package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Result;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Seat;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Step;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Target;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Who;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hook escalation adds to the chain (issue 18, item 5): the fallback approver's ESCALATION seat
 * decides the step alone, 或签 or 会签, and is not among those a 会签 waits for.
 */
class ApprovalChainEscalationTest {
  private static final LocalDateTime T = LocalDateTime.of(2026, 11, 25, 10, 20);
  private static final Who MAO = new Who("mao", "毛敏");
  private static final Who WANG = new Who("wang", "王老师");
  private static final Who FALLBACK = new Who("fb", "备用");

  private static ApprovalChain oneStep(StepMode mode, Who... who) {
    List<Seat> seats = new ArrayList<>();
    int n = 1;
    for (Who w : who) {
      seats.add(
          Seat.load(
              w.account(),
              w.name(),
              SeatState.PENDING,
              SeatOrigin.RULE,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              n++));
    }
    Step step =
        Step.load(
            1,
            1,
            ApproverRole.COUNSELLOR,
            mode,
            StepStatus.OPEN,
            false,
            T.minusHours(50),
            null,
            null,
            null,
            null,
            null,
            seats);
    return ApprovalChain.of(42, "s1", LeaveStatus.PENDING, 1, List.of(step));
  }

  private static Target target(Who w) {
    return Target.ok(w.account(), w.name());
  }

  @Test
  void theFallbackApproverDecidesAnAllStepAlone() {
    ApprovalChain c = oneStep(StepMode.ALL, MAO, WANG);
    assertThat(c.decide(FALLBACK, 1, true, null, DecisionVia.PAGE, T).refusal())
        .isEqualTo(ChainRefusal.NOT_YOUR_SEAT);
    Result added = c.addEscalationSeat(1, target(FALLBACK), T);
    assertThat(added.ok()).isTrue();
    assertThat(added.first(ChainEvent.SeatAdded.class).orElseThrow().origin())
        .isEqualTo(SeatOrigin.ESCALATION);
    // not waited for: the undecided are still the two counsellors
    assertThat(c.step(1).orElseThrow().undecided().stream().map(Seat::account).toList())
        .containsExactly("mao", "wang");
    Result r = c.decide(FALLBACK, 1, true, "代为审批", DecisionVia.PAGE, T);
    assertThat(r.ok()).isTrue();
    assertThat(c.step(1).orElseThrow().status()).isEqualTo(StepStatus.APPROVED);
    assertThat(c.status()).isEqualTo(LeaveStatus.APPROVED);
    assertThat(c.decide(MAO, 1, true, null, DecisionVia.PAGE, T).refusal())
        .isEqualTo(ChainRefusal.ALREADY_DECIDED);
  }

  @Test
  void anAllStepStillClosesWhenTheCounsellorsApproveWithoutTheFallbackApprover() {
    ApprovalChain c = oneStep(StepMode.ALL, MAO, WANG);
    c.addEscalationSeat(1, target(FALLBACK), T);
    assertThat(c.decide(MAO, 1, true, null, DecisionVia.PAGE, T).ok()).isTrue();
    assertThat(c.step(1).orElseThrow().status()).isEqualTo(StepStatus.OPEN);
    assertThat(c.decide(WANG, 1, true, null, DecisionVia.PAGE, T).ok()).isTrue();
    assertThat(c.step(1).orElseThrow().status()).isEqualTo(StepStatus.APPROVED);
  }

  @Test
  void theFallbackApproversRejectionRejectsAndTheSeatIsAddedOnceOnAnOpenStepOnly() {
    ApprovalChain c = oneStep(StepMode.ANY, MAO);
    assertThat(c.addEscalationSeat(1, target(FALLBACK), T).ok()).isTrue();
    assertThat(c.addEscalationSeat(1, target(FALLBACK), T).refusal())
        .isEqualTo(ChainRefusal.ALREADY_ON_STEP);
    assertThat(c.addEscalationSeat(1, target(MAO), T).refusal())
        .isEqualTo(ChainRefusal.ALREADY_ON_STEP);
    assertThat(c.addEscalationSeat(2, target(WANG), T).refusal())
        .isEqualTo(ChainRefusal.NO_SUCH_STEP);
    assertThat(
            c.addEscalationSeat(1, new Target("stu", "学生", ApprovalChain.Eligibility.STUDENT), T)
                .refusal())
        .isEqualTo(ChainRefusal.TARGET_STUDENT);
    assertThat(c.decide(FALLBACK, 1, false, null, DecisionVia.PAGE, T).refusal())
        .isEqualTo(ChainRefusal.REASON_MISSING);
    assertThat(c.decide(FALLBACK, 1, false, "材料不全", DecisionVia.PAGE, T).ok()).isTrue();
    assertThat(c.status()).isEqualTo(LeaveStatus.REJECTED);
    assertThat(c.addEscalationSeat(1, target(WANG), T).ok()).isFalse();
  }
}
