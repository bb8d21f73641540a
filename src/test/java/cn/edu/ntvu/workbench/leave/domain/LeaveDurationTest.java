package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class LeaveDurationTest {
  private static LeaveDuration d(String from, String to) {
    return LeaveDuration.between(LocalDateTime.parse(from), LocalDateTime.parse(to));
  }

  @Test
  void halfDaysAreCountedPerMorningAndAfternoonTouched() {
    assertThat(d("2026-11-26T08:00", "2026-11-26T12:00").daysText()).isEqualTo("0.5");
    assertThat(d("2026-11-26T14:00", "2026-11-26T17:30").daysText()).isEqualTo("0.5");
    assertThat(d("2026-11-26T08:00", "2026-11-26T17:00").daysText()).isEqualTo("1");
    assertThat(d("2026-11-26T14:00", "2026-11-27T10:00").daysText()).isEqualTo("1");
    assertThat(d("2026-11-26T08:00", "2026-11-27T17:00").daysText()).isEqualTo("2");
    assertThat(d("2026-11-26T08:00", "2026-11-28T12:00").daysText()).isEqualTo("2.5");
    assertThat(d("2026-11-26T00:00", "2026-11-28T00:00").daysText()).isEqualTo("2");
  }

  @Test
  void minutesAreExactAndAnEmptyOrReversedSpanIsZero() {
    LeaveDuration one = d("2026-11-26T08:00", "2026-11-27T17:30");
    assertThat(one.minutes()).isEqualTo(33 * 60 + 30);
    assertThat(one.hours()).isEqualTo(33);
    assertThat(one.minutesOfHour()).isEqualTo(30);
    assertThat(d("2026-11-26T08:00", "2026-11-26T08:00").isZero()).isTrue();
    assertThat(d("2026-11-26T09:00", "2026-11-26T08:00").isZero()).isTrue();
    assertThat(LeaveDuration.between(null, LocalDateTime.now()).isZero()).isTrue();
  }

  @Test
  void aFourHundredDayLeaveIsFourHundredDays() {
    assertThat(d("2026-11-26T00:00", "2027-12-31T00:00").days().intValue()).isEqualTo(400);
  }
}
