package cn.edu.ntvu.workbench.notices;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.notices.domain.NoticeSettings;
import cn.edu.ntvu.workbench.notices.domain.Problem;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** A notice's settings: a schedule or deadline in the past, an empty title or body. */
class NoticeSettingsTest {
  static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 10, 20);

  @Test
  void aScheduleInThePastIsRefused() {
    assertThat(
            new NoticeSettings("t", "b", false, null, false, NOW.minusMinutes(1))
                .problems(NOW, false))
        .extracting(Problem::key)
        .containsExactly("notices.error.sendAtPast");
    assertThat(
            new NoticeSettings("t", "b", false, null, false, NOW.plusHours(1)).problems(NOW, true))
        .isEmpty();
  }

  @Test
  void aDeadlineInThePastOrBeforeTheSendTimeIsRefused() {
    assertThat(
            new NoticeSettings("t", "b", true, NOW.minusHours(1), false, null).problems(NOW, true))
        .extracting(Problem::key)
        .containsExactly("notices.error.deadlinePast");
    assertThat(
            new NoticeSettings("t", "b", true, NOW.plusHours(1), false, NOW.plusHours(2))
                .problems(NOW, true))
        .extracting(Problem::key)
        .containsExactly("notices.error.deadlineBeforeSend");
    // Without 需确认 the deadline is dropped.
    assertThat(
            new NoticeSettings("t", "b", false, NOW.minusHours(1), false, null).confirmDeadline())
        .isNull();
  }

  @Test
  void sendingNeedsATitleAndABodyButADraftDoesNot() {
    NoticeSettings empty = new NoticeSettings(" ", "", false, null, false, null);
    assertThat(empty.problems(NOW, false)).isEmpty();
    assertThat(empty.problems(NOW, true))
        .extracting(Problem::key)
        .containsExactly("notices.error.noTitle", "notices.error.noBody");
    assertThat(
            new NoticeSettings("x".repeat(101), "b", false, null, false, null).problems(NOW, true))
        .extracting(Problem::key)
        .containsExactly("notices.error.titleLong");
  }
}
