package cn.edu.ntvu.workbench.leave.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.leave.domain.LeaveDuration;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A leave's length in words: days as the school counts them, hours only for a short leave. */
class LeaveDurationWordsTest {
  private static String zh(String from, String to) {
    return LeaveTexts.chinese().duration(between(from, to));
  }

  private static String en(String from, String to) {
    return LeaveTexts.of(Locale.ENGLISH).duration(between(from, to));
  }

  private static LeaveDuration between(String from, String to) {
    return LeaveDuration.between(LocalDateTime.parse(from), LocalDateTime.parse(to));
  }

  @Test
  void daysWithoutTheHoursOfTheNights() {
    assertThat(zh("2026-12-10T08:00", "2026-12-11T18:00")).isEqualTo("2 天");
    assertThat(zh("2026-12-10T08:00", "2026-12-10T17:00")).isEqualTo("1 天");
    assertThat(zh("2026-12-10T14:00", "2026-12-11T17:00")).isEqualTo("1.5 天");
    assertThat(en("2026-12-10T08:00", "2026-12-11T18:00")).isEqualTo("2 days");
    assertThat(en("2026-12-10T08:00", "2026-12-10T17:00")).isEqualTo("1 day");
  }

  @Test
  void aShortLeaveSaysItsHours() {
    assertThat(zh("2026-12-10T08:00", "2026-12-10T11:30")).isEqualTo("0.5 天（3 小时 30 分钟）");
    assertThat(zh("2026-12-10T08:00", "2026-12-10T10:00")).isEqualTo("0.5 天（2 小时）");
    assertThat(zh("2026-12-10T08:00", "2026-12-10T08:45")).isEqualTo("0.5 天（45 分钟）");
    assertThat(en("2026-12-10T08:00", "2026-12-10T10:00")).isEqualTo("0.5 days (2 h)");
  }
}
