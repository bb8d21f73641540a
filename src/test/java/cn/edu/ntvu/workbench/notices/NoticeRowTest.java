package cn.edu.ntvu.workbench.notices;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.notices.application.NoticeRow;
import cn.edu.ntvu.workbench.notices.domain.NoticeSettings;
import cn.edu.ntvu.workbench.notices.domain.NoticeStatus;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Recall within 24 hours of sending, and only a sent notice. */
class NoticeRowTest {
  static final LocalDateTime SENT = LocalDateTime.of(2026, 11, 25, 10, 20);

  static NoticeRow row(NoticeStatus status) {
    return new NoticeRow(
        1,
        new NoticeSettings("t", "b", false, null, false, null),
        "<p>b</p>",
        status,
        "10001",
        "毛敏",
        SENT.minusHours(1),
        status == NoticeStatus.DRAFT ? null : SENT,
        null,
        null,
        null);
  }

  @Test
  void aSentNoticeIsRecallableForTwentyFourHours() {
    assertThat(row(NoticeStatus.SENT).recallable(SENT.plusHours(23).plusMinutes(59))).isTrue();
    assertThat(row(NoticeStatus.SENT).recallable(SENT.plusHours(24))).isFalse();
    assertThat(row(NoticeStatus.SENT).recallable(SENT.plusDays(3))).isFalse();
  }

  @Test
  void draftsAndRecalledNoticesAreNotRecallable() {
    assertThat(row(NoticeStatus.DRAFT).recallable(SENT)).isFalse();
    assertThat(row(NoticeStatus.RECALLED).recallable(SENT.plusMinutes(1))).isFalse();
  }
}
