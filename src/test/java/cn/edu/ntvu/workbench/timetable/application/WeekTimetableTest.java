package cn.edu.ntvu.workbench.timetable.application;

import static cn.edu.ntvu.workbench.timetable.application.DemoSchedule.SCHEDULE;
import static cn.edu.ntvu.workbench.timetable.application.DemoSchedule.TERM;
import static cn.edu.ntvu.workbench.timetable.application.DemoSchedule.meeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.timetable.domain.DayResolution;
import cn.edu.ntvu.workbench.timetable.domain.WeekPattern;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeekTimetableTest {
  private static final TimetableEntry MONDAY =
      meeting("K00002", "形势与政策", DayOfWeek.MONDAY, 1, 2, WeekPattern.range(1, 16));
  private static final TimetableEntry SATURDAY =
      meeting("K90001", "周末实训", DayOfWeek.SATURDAY, 1, 4, WeekPattern.of(12));

  @Test
  void aWeekHasSevenDaysFromMondayAndItsNeighbours() {
    WeekTimetable week = WeekTimetable.of(SCHEDULE, 12, List.of(MONDAY));
    assertThat(week.days())
        .extracting(DayTimetable::date)
        .startsWith(LocalDate.of(2026, 11, 23))
        .endsWith(LocalDate.of(2026, 11, 29))
        .hasSize(7);
    assertThat(week.days().get(0).classes()).hasSize(1);
    assertThat(week.hasPrevious()).isTrue();
    assertThat(week.hasNext()).isTrue();
    assertThat(WeekTimetable.of(SCHEDULE, 1, List.of()).hasPrevious()).isFalse();
    assertThat(WeekTimetable.of(SCHEDULE, 18, List.of()).hasNext()).isFalse();
    assertThat(week.periodCount()).isEqualTo(8);
    assertThat(week.periods().get(4).start()).hasToString("13:30");
  }

  @Test
  void weeksOutsideTheTermDoNotExist() {
    assertThat(WeekTimetable.exists(TERM, 0)).isFalse();
    assertThat(WeekTimetable.exists(TERM, 19)).isFalse();
    assertThatThrownBy(() -> WeekTimetable.of(SCHEDULE, 19, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theWeekendIsShownOnlyWhenSomethingHappensOnIt() {
    assertThat(WeekTimetable.of(SCHEDULE, 12, List.of(MONDAY)).shownDays()).hasSize(5);
    WeekTimetable withSaturdayClass = WeekTimetable.of(SCHEDULE, 12, List.of(MONDAY, SATURDAY));
    assertThat(withSaturdayClass.shownDays()).hasSize(7);
    assertThat(withSaturdayClass.days().get(5).classes())
        .extracting(s -> s.entry().courseName())
        .containsExactly("周末实训");
    assertThat(WeekTimetable.of(SCHEDULE, 13, List.of(MONDAY, SATURDAY)).shownDays()).hasSize(5);
    // week 3 has the make-up Saturday 26 September, even for someone without a class on it
    WeekTimetable week3 = WeekTimetable.of(SCHEDULE, 3, List.of());
    assertThat(week3.shownDays()).hasSize(7);
    assertThat(week3.days().get(5).resolution().kind()).isEqualTo(DayResolution.Kind.MAKE_UP);
  }
}
