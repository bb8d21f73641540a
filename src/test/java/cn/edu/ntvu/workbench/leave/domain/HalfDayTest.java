package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HalfDayTest {
  private static final LocalDate MON = LocalDate.of(2026, 12, 7);

  private static String days(LocalDate from, HalfDay fromHalf, LocalDate to, HalfDay toHalf) {
    return LeaveDuration.between(fromHalf.startOn(from), toHalf.endOn(to)).daysText();
  }

  @Test
  void halvesCountAsTheSchoolCountsThem() {
    assertThat(days(MON, HalfDay.AM, MON, HalfDay.AM)).isEqualTo("0.5");
    assertThat(days(MON, HalfDay.PM, MON, HalfDay.PM)).isEqualTo("0.5");
    assertThat(days(MON, HalfDay.AM, MON, HalfDay.PM)).isEqualTo("1");
    assertThat(days(MON, HalfDay.PM, MON.plusDays(1), HalfDay.AM)).isEqualTo("1");
    assertThat(days(MON, HalfDay.AM, MON.plusDays(2), HalfDay.PM)).isEqualTo("3");
    assertThat(days(MON, HalfDay.PM, MON.plusDays(4), HalfDay.AM)).isEqualTo("4");
  }

  @Test
  void anAfternoonEndingBeforeItsMorningIsNotALeave() {
    assertThat(LeaveDuration.between(HalfDay.PM.startOn(MON), HalfDay.AM.endOn(MON)).isZero())
        .isTrue();
  }

  @Test
  void onlyTheTwoNamesAreHalves() {
    assertThat(HalfDay.of("AM")).isEqualTo(HalfDay.AM);
    assertThat(HalfDay.of(" PM ")).isEqualTo(HalfDay.PM);
    assertThat(HalfDay.of("pm")).isNull();
    assertThat(HalfDay.of("<script>")).isNull();
    assertThat(HalfDay.of(null)).isNull();
  }
}
