package cn.edu.ntvu.workbench.timetable.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.timetable.domain.DayResolution.Kind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The 2026 autumn term as calendar.csv describes it: 国庆节 1–7 October, make-up Saturdays 26 Sept and
 * 10 Oct.
 */
class AcademicCalendarTest {
  private static final Term TERM = new Term("2026-2027-1", LocalDate.of(2026, 9, 7), 18);

  private static final AcademicCalendar CALENDAR =
      new AcademicCalendar(
          TERM,
          IntStream.rangeClosed(1, 7)
              .mapToObj(d -> new Holiday(LocalDate.of(2026, 10, d), "国庆节"))
              .toList(),
          List.of(
              new MakeUpDay(LocalDate.of(2026, 9, 26), LocalDate.of(2026, 10, 6), "调休: 周六上周二的课"),
              new MakeUpDay(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 7), "调休: 周六上周三的课")));

  private static DayResolution on(int month, int day) {
    return CALENDAR.resolve(LocalDate.of(2026, month, day));
  }

  @Test
  void currentWeekComesFromTheFirstMonday() {
    assertThat(CALENDAR.currentWeek(LocalDate.of(2026, 9, 6))).isEmpty();
    assertThat(CALENDAR.currentWeek(LocalDate.of(2026, 9, 7))).hasValue(1);
    assertThat(CALENDAR.currentWeek(LocalDate.of(2026, 9, 13))).hasValue(1);
    assertThat(CALENDAR.currentWeek(LocalDate.of(2026, 9, 14))).hasValue(2);
    // holidays (1–7 October span weeks 4 and 5) do not shift the week numbers
    assertThat(CALENDAR.currentWeek(LocalDate.of(2026, 10, 1))).hasValue(4);
    assertThat(CALENDAR.currentWeek(LocalDate.of(2026, 10, 6))).hasValue(5);
    assertThat(CALENDAR.currentWeek(LocalDate.of(2026, 10, 10))).hasValue(5);
    assertThat(CALENDAR.currentWeek(LocalDate.of(2026, 10, 12))).hasValue(6);
    assertThat(CALENDAR.currentWeek(LocalDate.of(2027, 1, 10))).hasValue(18);
    assertThat(CALENDAR.currentWeek(LocalDate.of(2027, 1, 11))).isEmpty();
  }

  @Test
  void anOrdinaryWeekdayTeachesItsOwnWeekAndDay() {
    DayResolution d = on(9, 29);
    assertThat(d.kind()).isEqualTo(Kind.TEACHING);
    assertThat(d.teaching()).contains(new TeachingDay(4, DayOfWeek.TUESDAY));
    assertThat(d.hasNotice()).isFalse();
  }

  @Test
  void nationalDayHolidaysHaveNoClassesAndSayWhy() {
    for (int day = 1; day <= 7; day++) {
      DayResolution d = on(10, day);
      assertThat(d.kind()).isEqualTo(Kind.HOLIDAY);
      assertThat(d.hasClasses()).isFalse();
      assertThat(d.noticeKey()).isEqualTo("timetable.notice.holiday");
      assertThat(d.noticeArgs()).containsExactly("国庆节");
    }
  }

  @Test
  void makeUpSaturdayFollowsTheTimetableOfTheDateItReplaces() {
    DayResolution sept26 = on(9, 26);
    assertThat(sept26.kind()).isEqualTo(Kind.MAKE_UP);
    // 2026-10-06 is Tuesday of week 5: its classes are taught on Saturday of week 3
    assertThat(sept26.teaching()).contains(new TeachingDay(5, DayOfWeek.TUESDAY));
    assertThat(sept26.noticeKey()).isEqualTo("timetable.notice.makeUp");
    assertThat(sept26.noticeArgs()).startsWith("星期二", "2026-10-06", "5");

    assertThat(on(10, 10).teaching()).contains(new TeachingDay(5, DayOfWeek.WEDNESDAY));
  }

  @Test
  void aWeekendOfATeachingWeekTeachesItsOwnWeekdaysMeetings() {
    DayResolution sunday = on(9, 27);
    assertThat(sunday.kind()).isEqualTo(Kind.TEACHING);
    assertThat(sunday.teaching()).contains(new TeachingDay(3, DayOfWeek.SUNDAY));
    assertThat(sunday.hasNotice()).isFalse();
    assertThat(on(10, 17).teaching()).contains(new TeachingDay(6, DayOfWeek.SATURDAY));

    CourseMeeting saturdayClass =
        new CourseMeeting(
            "K90001",
            "周末实训",
            List.of("10001"),
            "实训楼101",
            DayOfWeek.SATURDAY,
            new PeriodRange(1, 4),
            WeekPattern.range(1, 16),
            java.util.Set.of("2401000"),
            java.util.Set.of());
    assertThat(saturdayClass.meetsOn(on(10, 17).teaching().orElseThrow())).isTrue();
    assertThat(saturdayClass.meetsOn(on(10, 18).teaching().orElseThrow())).isFalse();
    // a make-up Saturday teaches the followed Wednesday, not the Saturday meetings
    assertThat(saturdayClass.meetsOn(on(10, 10).teaching().orElseThrow())).isFalse();
  }

  @Test
  void daysOutsideTheTermHaveNoClasses() {
    assertThat(on(9, 4).kind()).isEqualTo(Kind.OUTSIDE_TERM);
    assertThat(on(9, 6).hasClasses()).isFalse();
    assertThat(CALENDAR.resolve(LocalDate.of(2027, 1, 11)).kind()).isEqualTo(Kind.OUTSIDE_TERM);
  }

  @Test
  void weekViewOfTheHolidayWeek() {
    List<DayResolution> week5 = CALENDAR.week(5);
    assertThat(week5).extracting(DayResolution::date).first().isEqualTo(LocalDate.of(2026, 10, 5));
    assertThat(week5)
        .extracting(DayResolution::kind)
        .containsExactly(
            Kind.HOLIDAY,
            Kind.HOLIDAY,
            Kind.HOLIDAY,
            Kind.TEACHING,
            Kind.TEACHING,
            Kind.MAKE_UP,
            Kind.TEACHING);
    List<DayResolution> week3 = CALENDAR.week(3);
    assertThat(week3.get(5).teaching()).contains(new TeachingDay(5, DayOfWeek.TUESDAY));
  }

  @Test
  void aTermNeedsACodeAMondayStartAndSensibleWeeks() {
    assertThatThrownBy(() -> new Term("2026-2027-1", null, 18))
        .isInstanceOfSatisfying(
            TimetableInputException.class,
            e -> assertThat(e.messageKey()).isEqualTo("timetable.term.noStart"));
    assertThatThrownBy(() -> new Term("2026-2027-1", LocalDate.of(2026, 9, 8), 18))
        .isInstanceOfSatisfying(
            TimetableInputException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("timetable.term.startNotMonday");
              assertThat(e.args()).containsExactly("2026-09-08", "星期二");
            });
    assertThatThrownBy(() -> new Term("2026-2027-1", LocalDate.of(2026, 9, 7), 0))
        .hasMessageContaining("timetable.term.badWeeks");
    assertThatThrownBy(() -> new Term("2026-2027-1", LocalDate.of(2026, 9, 7), 31))
        .hasMessageContaining("timetable.term.badWeeks");
    assertThatThrownBy(() -> new Term("2026-2028-1", LocalDate.of(2026, 9, 7), 18))
        .hasMessageContaining("timetable.term.badCode");
    assertThatThrownBy(() -> new Term("", LocalDate.of(2026, 9, 7), 18))
        .hasMessageContaining("timetable.term.badCode");
    assertThat(TERM.lastDay()).isEqualTo(LocalDate.of(2027, 1, 10));
    assertThat(TERM.dateOf(5, DayOfWeek.TUESDAY)).isEqualTo(LocalDate.of(2026, 10, 6));
  }

  @Test
  void refusesContradictoryCalendars() {
    LocalDate oct1 = LocalDate.of(2026, 10, 1);
    assertThatThrownBy(
            () ->
                new AcademicCalendar(
                    TERM,
                    List.of(new Holiday(oct1, "国庆节")),
                    List.of(new MakeUpDay(oct1, oct1.plusDays(1), ""))))
        .hasMessageContaining("timetable.calendar.duplicateDate");
    assertThatThrownBy(() -> new MakeUpDay(oct1, oct1, ""))
        .hasMessageContaining("timetable.calendar.makeUpFollowsItself");
    assertThatThrownBy(() -> new MakeUpDay(oct1, null, ""))
        .hasMessageContaining("timetable.calendar.makeUpWithoutFollows");
    assertThatThrownBy(
            () ->
                new AcademicCalendar(
                    TERM,
                    List.of(),
                    List.of(new MakeUpDay(LocalDate.of(2027, 2, 6), LocalDate.of(2027, 1, 5), ""))))
        .hasMessageContaining("timetable.calendar.outsideTerm");
    assertThatThrownBy(
            () ->
                new AcademicCalendar(
                    TERM,
                    List.of(),
                    List.of(
                        new MakeUpDay(LocalDate.of(2026, 9, 26), LocalDate.of(2026, 10, 10), ""),
                        new MakeUpDay(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 7), ""))))
        .hasMessageContaining("timetable.calendar.followsMakeUpDay");
  }
}
