package cn.edu.ntvu.workbench.leave.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HandOverEventsTest {
  private static LeaveEvent event(String action, String detail) {
    return new LeaveEvent(
        LocalDateTime.of(2026, 11, 25, 10, 30), "10001", "毛敏", action, 1, "PAGE", detail);
  }

  @Test
  void aHandOverReadsAsWhoTookItWithTheNoteUnderIt() {
    LeaveEvent e = event("HANDED_OVER", HandOverEvents.handedOverDetail("陶博", " 我出差三天 "));
    assertThat(HandOverEvents.line(e, LeaveTexts.chinese())).contains("转审给 陶博");
    assertThat(HandOverEvents.line(e, LeaveTexts.of(Locale.ENGLISH))).contains("Handed over to 陶博");
    assertThat(HandOverEvents.note(e)).isEqualTo("我出差三天");
    LeaveEvent bare = event("HANDED_OVER", HandOverEvents.handedOverDetail("陶博", null));
    assertThat(HandOverEvents.line(bare, LeaveTexts.chinese())).contains("转审给 陶博");
    assertThat(HandOverEvents.note(bare)).isEmpty();
  }

  @Test
  void anAddedApproverReadsAsBeforeOrAfterAndOtherEventsAreNotOurs() {
    assertThat(
            HandOverEvents.line(
                event("APPROVER_ADDED", HandOverEvents.addedDetail("陶博", true)),
                LeaveTexts.chinese()))
        .contains("加签 陶博（先于本人审批）");
    assertThat(
            HandOverEvents.line(
                event("APPROVER_ADDED", HandOverEvents.addedDetail("陶博", false)),
                LeaveTexts.chinese()))
        .contains("加签 陶博（下一步审批）");
    assertThat(HandOverEvents.line(event("APPROVED", "好"), LeaveTexts.chinese())).isEmpty();
    assertThat(HandOverEvents.note(event("APPROVED", "好"))).isEmpty();
  }
}
