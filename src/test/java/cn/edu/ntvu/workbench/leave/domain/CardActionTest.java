package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardActionTest {
  @Test
  void ourKeysAndTaskIdsRoundTrip() {
    assertThat(CardAction.taskId(42, 2)).isEqualTo("leave-42-2").matches("[0-9a-zA-Z_\\-@]{1,128}");
    assertThat(CardAction.parse(CardAction.taskId(42, 2), CardAction.approveKey(42, 2)))
        .contains(new CardAction(42, 2, true));
    assertThat(CardAction.parse("leave-42-2", "reject:42:2"))
        .contains(new CardAction(42, 2, false));
  }

  @Test
  void aLaterCardOfTheSameStepHasItsOwnTaskIdAndTheSameButtons() {
    assertThat(CardAction.seatTaskId(42, 2, 7)).isEqualTo("leave-42-2-7");
    assertThat(CardAction.parse("leave-42-2-7", CardAction.approveKey(42, 2)))
        .contains(new CardAction(42, 2, true));
    assertThat(CardAction.parse("leave-42-2-7", "approve:42:1")).isEmpty();
    assertThat(CardAction.parse("leave-42-2-x", "approve:42:2")).isEmpty();
    assertThat(CardAction.parse("leave-42-2-7-8", "approve:42:2")).isEmpty();
  }

  @Test
  void aKeyOfAnotherRequestOrStepOrAnythingElseIsNotAnAction() {
    assertThat(CardAction.parse("leave-42-2", "approve:43:2")).isEmpty();
    assertThat(CardAction.parse("leave-42-2", "approve:42:1")).isEmpty();
    assertThat(CardAction.parse("leave-42-2", "delete:42:2")).isEmpty();
    assertThat(CardAction.parse(null, "approve:42:2")).isEmpty();
    assertThat(CardAction.parse("leave-42-2", "approve:42:2;drop")).isEmpty();
  }
}
