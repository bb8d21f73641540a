package cn.edu.ntvu.workbench.timetable.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.timetable.application.DayTimetable;
import cn.edu.ntvu.workbench.timetable.application.DemoSchedule;
import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import cn.edu.ntvu.workbench.timetable.domain.WeekPattern;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimetableTextTest {
  private static final TimetableText ZH = new TimetableText(Locale.SIMPLIFIED_CHINESE);
  private static final TimetableText EN = new TimetableText(Locale.ENGLISH);

  private static DayTimetable day(int month, int day) {
    return DayTimetable.of(DemoSchedule.SCHEDULE, LocalDate.of(2026, month, day), List.of());
  }

  @Test
  void datesPeriodsAndWeeksInBothLanguages() {
    LocalDate d = LocalDate.of(2026, 11, 25);
    assertThat(ZH.dateAndWeekday(d)).isEqualTo("11月25日 星期三");
    assertThat(EN.dateAndWeekday(d)).isEqualTo("Wednesday, 25 Nov");
    assertThat(ZH.periods(new PeriodRange(3, 2))).isEqualTo("第3-4节");
    assertThat(EN.periods(new PeriodRange(9, 1))).isEqualTo("Period 9");
    assertThat(ZH.weeks(WeekPattern.parse("1-15周(单)", 18))).isEqualTo("1-15周(单)");
    assertThat(EN.weeks(WeekPattern.parse("1-15周(单)", 18))).isEqualTo("weeks 1-15 (odd)");
    assertThat(EN.weeks(WeekPattern.parse("1-8,10,12-16周", 18))).isEqualTo("weeks 1-8,10,12-16");
  }

  @Test
  void holidaysAndMakeUpDaysAreSaidInWords() {
    assertThat(ZH.notice(day(10, 1), DemoSchedule.TERM, true)).isEqualTo("国庆节放假，没有课。");
    assertThat(ZH.notice(day(10, 10), DemoSchedule.TERM, true)).isEqualTo("今天调休，上10月7日（星期三）的课。");
    assertThat(ZH.notice(day(10, 10), DemoSchedule.TERM, false)).isEqualTo("调休，上10月7日（星期三）的课。");
    assertThat(EN.notice(day(9, 26), DemoSchedule.TERM, true))
        .isEqualTo("Make-up day: today follows the timetable of 6 Oct (Tuesday).");
    assertThat(ZH.notice(day(11, 25), DemoSchedule.TERM, true)).isNull();
  }
}
