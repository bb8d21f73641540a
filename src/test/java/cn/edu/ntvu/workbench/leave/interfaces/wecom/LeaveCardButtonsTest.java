package cn.edu.ntvu.workbench.leave.interfaces.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.leave.application.DecisionOutcome;
import org.junit.jupiter.api.Test;

/** What a stale card's button reads after its tap (issue 19: an approved leave taken back). */
class LeaveCardButtonsTest {
  private static DecisionOutcome closed(String status) {
    return new DecisionOutcome(DecisionOutcome.Kind.CLOSED, 42, 1, null, null, status);
  }

  @Test
  void aTapOnTheCardOfALeaveTakenBackOrCancelledSaysSo() {
    assertThat(LeaveCardButtons.buttonText(closed("REVOKED"), "approve:42:1")).isEqualTo("学生已撤销请假");
    assertThat(LeaveCardButtons.buttonText(closed("CANCELLED"), "approve:42:1")).isEqualTo("请假已取消");
    assertThat(LeaveCardButtons.buttonText(closed("WITHDRAWN"), "approve:42:1")).isEqualTo("申请已结束");
  }
}
