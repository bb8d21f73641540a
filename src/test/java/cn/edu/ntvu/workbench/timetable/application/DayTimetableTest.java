package cn.edu.ntvu.workbench.timetable.application;

import static cn.edu.ntvu.workbench.timetable.application.DemoSchedule.SCHEDULE;
import static cn.edu.ntvu.workbench.timetable.application.DemoSchedule.meeting;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.timetable.application.DayTimetable.State;
import cn.edu.ntvu.workbench.timetable.domain.DayResolution;
import cn.edu.ntvu.workbench.timetable.domain.WeekPattern;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Class 2401000's Wednesdays in the demo term, seen at different moments. */
class DayTimetableTest {
  private static final List<TimetableEntry> MEETINGS =
      List.of(
          meeting("K00007", "体育", DayOfWeek.WEDNESDAY, 7, 2, WeekPattern.parse("2-16周(双)", 18)),
          meeting("K00001", "数据库技术", DayOfWeek.WEDNESDAY, 3, 2, WeekPattern.range(1, 16)),
          meeting("K00004", "管理学基础", DayOfWeek.WEDNESDAY, 5, 2, WeekPattern.range(1, 16)),
          meeting("K00002", "形势与政策", DayOfWeek.MONDAY, 1, 2, WeekPattern.range(1, 16)),
          meeting("K00011", "会计基础", DayOfWeek.TUESDAY, 7, 2, WeekPattern.parse("1-15周(单)", 18)));

  private static final LocalDate WEDNESDAY_WEEK_12 = LocalDate.of(2026, 11, 25);

  private static DayTimetable day(LocalDate date) {
    return DayTimetable.of(SCHEDULE, date, MEETINGS);
  }

  private static List<State> states(DayTimetable day, String time) {
    LocalDateTime now = LocalDateTime.of(WEDNESDAY_WEEK_12, LocalTime.parse(time));
    return day.classes().stream().map(s -> day.stateOf(s, now)).toList();
  }

  @Test
  void theDaysClassesInPeriodOrderWithWinterClockTimes() {
    DayTimetable day = day(WEDNESDAY_WEEK_12);
    assertThat(day.week()).hasValue(12);
    assertThat(day.classes())
        .extracting(s -> s.entry().courseName())
        .containsExactly("数据库技术", "管理学基础", "体育");
    assertThat(day.classes())
        .extracting(ClassSlot::start)
        .containsExactly(LocalTime.of(10, 0), LocalTime.of(13, 30), LocalTime.of(15, 30));
    assertThat(day.classes().get(1).end()).isEqualTo(LocalTime.of(15, 10));
    // week 13 is odd: no 体育 (even weeks only)
    assertThat(day(WEDNESDAY_WEEK_12.plusWeeks(1)).classes())
        .extracting(s -> s.entry().courseName())
        .containsExactly("数据库技术", "管理学基础");
  }

  @Test
  void theClassGoingOnIsCurrentAndTheNextOneToStartIsNext() {
    DayTimetable day = day(WEDNESDAY_WEEK_12);
    assertThat(states(day, "07:50")).containsExactly(State.NEXT, State.LATER, State.LATER);
    assertThat(states(day, "10:00")).containsExactly(State.CURRENT, State.NEXT, State.LATER);
    assertThat(states(day, "10:20")).containsExactly(State.CURRENT, State.NEXT, State.LATER);
    // the lunch break: nothing is going on, the afternoon class is next
    assertThat(states(day, "11:40")).containsExactly(State.OVER, State.NEXT, State.LATER);
    assertThat(states(day, "15:20")).containsExactly(State.OVER, State.OVER, State.NEXT);
    assertThat(states(day, "17:10")).containsExactly(State.OVER, State.OVER, State.OVER);
  }

  @Test
  void onOtherDaysNothingIsCurrentOrNext() {
    LocalDateTime now = LocalDateTime.of(WEDNESDAY_WEEK_12, LocalTime.of(10, 20));
    DayTimetable yesterday = day(WEDNESDAY_WEEK_12.minusDays(1));
    DayTimetable nextWeek = day(WEDNESDAY_WEEK_12.plusWeeks(1));
    assertThat(yesterday.classes()).isEmpty(); // 会计基础 is odd weeks only
    assertThat(nextWeek.classes())
        .allSatisfy(s -> assertThat(nextWeek.stateOf(s, now)).isEqualTo(State.LATER));
    DayTimetable lastWeek = day(WEDNESDAY_WEEK_12.minusWeeks(1));
    assertThat(lastWeek.classes())
        .allSatisfy(s -> assertThat(lastWeek.stateOf(s, now)).isEqualTo(State.OVER));
  }

  @Test
  void classesLeftCountsThoseNotYetEnded() {
    DayTimetable day = day(WEDNESDAY_WEEK_12);
    assertThat(day.classesLeft(LocalDateTime.of(WEDNESDAY_WEEK_12, LocalTime.of(7, 50))))
        .isEqualTo(3);
    assertThat(day.classesLeft(LocalDateTime.of(WEDNESDAY_WEEK_12, LocalTime.of(11, 39))))
        .isEqualTo(3);
    assertThat(day.classesLeft(LocalDateTime.of(WEDNESDAY_WEEK_12, LocalTime.of(11, 40))))
        .isEqualTo(2);
    assertThat(day.classesLeft(LocalDateTime.of(WEDNESDAY_WEEK_12, LocalTime.of(17, 10)))).isZero();
    assertThat(day.classesLeft(LocalDateTime.of(WEDNESDAY_WEEK_12.plusDays(1), LocalTime.of(7, 0))))
        .isZero();
  }

  @Test
  void aHolidayHasNoClassesAndAMakeUpDayTeachesTheFollowedDayInItsOwnClockTimes() {
    DayTimetable holiday = day(LocalDate.of(2026, 10, 7));
    assertThat(holiday.resolution().kind()).isEqualTo(DayResolution.Kind.HOLIDAY);
    assertThat(holiday.classes()).isEmpty();

    // Saturday 26 September (summer times) teaches Tuesday 6 October's classes: 会计基础, week 5 (odd)
    DayTimetable makeUp = day(LocalDate.of(2026, 9, 26));
    assertThat(makeUp.resolution().kind()).isEqualTo(DayResolution.Kind.MAKE_UP);
    assertThat(makeUp.week()).hasValue(3);
    assertThat(makeUp.classes())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.entry().courseName()).isEqualTo("会计基础");
              assertThat(s.start()).isEqualTo(LocalTime.of(16, 0));
            });
    // Saturday 10 October teaches Wednesday 7 October (week 5): no 体育 in an odd week
    assertThat(day(LocalDate.of(2026, 10, 10)).classes())
        .extracting(s -> s.entry().courseName())
        .containsExactly("数据库技术", "管理学基础");
  }

  @Test
  void aDayOutsideTheTermHasNeitherWeekNorClasses() {
    DayTimetable before = day(LocalDate.of(2026, 9, 6));
    assertThat(before.week()).isEmpty();
    assertThat(before.classes()).isEmpty();
  }
}
