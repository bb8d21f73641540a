package cn.edu.ntvu.workbench.timetable.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The 2026 autumn term of calendar.csv (国庆节 1–7 October; make-up Saturdays 26 Sept teaching Tuesday
 * 6 Oct and 10 Oct teaching Wednesday 7 Oct) with a summer and a winter period-time set, and a
 * student of 机械制造241班 with four weekly meetings.
 */
class MissedClassesTest {
  private static final Term TERM = new Term("2026-2027-1", LocalDate.of(2026, 9, 7), 18);

  private static final AcademicCalendar CALENDAR =
      new AcademicCalendar(
          TERM,
          IntStream.rangeClosed(1, 7)
              .mapToObj(d -> new Holiday(LocalDate.of(2026, 10, d), "国庆节"))
              .toList(),
          List.of(
              new MakeUpDay(LocalDate.of(2026, 9, 26), LocalDate.of(2026, 10, 6), "调休"),
              new MakeUpDay(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 7), "调休")));

  /**
   * 1 08:00–08:45, 2 08:55–09:40, 3 10:00–10:45, 4 10:55–11:40, lunch, 5 14:00–14:45, 6
   * 14:55–15:40.
   */
  private static PeriodTimeSet set(String name, LocalDate from, LocalDate to, int afternoon) {
    return new PeriodTimeSet(
        name,
        from,
        to,
        List.of(
            p(1, "08:00", "08:45"),
            p(2, "08:55", "09:40"),
            p(3, "10:00", "10:45"),
            p(4, "10:55", "11:40"),
            new PeriodTime(5, LocalTime.of(afternoon, 0), LocalTime.of(afternoon, 45)),
            new PeriodTime(6, LocalTime.of(afternoon, 55), LocalTime.of(afternoon + 1, 40))));
  }

  private static final PeriodTimeTable TIMES =
      new PeriodTimeTable(
          List.of(
              set("夏季", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), 14),
              set("冬季", LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 31), 13)));

  private static PeriodTime p(int n, String start, String end) {
    return new PeriodTime(n, LocalTime.parse(start), LocalTime.parse(end));
  }

  private static CourseMeeting meeting(
      String code, String name, String teacher, DayOfWeek day, int first, int len, WeekPattern w) {
    return new CourseMeeting(
        code,
        name,
        List.of(teacher),
        "1-101",
        day,
        new PeriodRange(first, len),
        w,
        Set.of("2401000"),
        Set.of());
  }

  private static final CourseMeeting POLITICS =
      meeting("C1", "形势与政策", "10001", DayOfWeek.MONDAY, 1, 2, WeekPattern.range(1, 16));
  private static final CourseMeeting COMPUTING =
      meeting("C2", "计算机基础", "10002", DayOfWeek.TUESDAY, 3, 2, WeekPattern.range(1, 18));

  /** 单周 only: weeks 1, 3, 5, … */
  private static final CourseMeeting DRAWING =
      meeting(
          "C3",
          "机械制图",
          "10003",
          DayOfWeek.WEDNESDAY,
          1,
          2,
          WeekPattern.of(1, 3, 5, 7, 9, 11, 13, 15, 17));

  /** Periods 3–6: across lunch. */
  private static final CourseMeeting WORKSHOP =
      meeting("C4", "金工实习", "10001", DayOfWeek.THURSDAY, 3, 4, WeekPattern.range(1, 18));

  private static final List<CourseMeeting> MINE = List.of(POLITICS, COMPUTING, DRAWING, WORKSHOP);

  private static MissedClasses<CourseMeeting> missed(String from, String to) {
    return MissedClasses.of(
        CALENDAR, TIMES, MINE, LocalDateTime.parse(from), LocalDateTime.parse(to));
  }

  private static List<String> lines(MissedClasses<CourseMeeting> m) {
    return m.meetings().stream()
        .map(
            x ->
                x.date()
                    + " "
                    + x.meeting().courseName()
                    + " "
                    + x.periods().first()
                    + "-"
                    + x.periods().last()
                    + " "
                    + x.start()
                    + "-"
                    + x.end())
        .toList();
  }

  @Test
  void aTwoDayLeaveListsEachMeetingOnEachDayWithItsPeriodsAndCountsCoursesAndPeriods() {
    // Monday 14 and Tuesday 15 September (week 2)
    MissedClasses<CourseMeeting> m = missed("2026-09-14T08:00", "2026-09-15T18:00");
    assertThat(lines(m))
        .containsExactly("2026-09-14 形势与政策 1-2 08:00-09:40", "2026-09-15 计算机基础 3-4 10:00-11:40");
    assertThat(m.courses()).isEqualTo(2);
    assertThat(m.periods()).isEqualTo(4);
    assertThat(m.teacherAccounts()).containsExactly("10001", "10002");
  }

  @Test
  void doubleWeeksSkipASingleWeekCourse() {
    // Wednesday 16 Sept is week 2 (双周): no 机械制图; Wednesday 23 Sept is week 3 (单周): 机械制图
    assertThat(lines(missed("2026-09-16T00:00", "2026-09-17T00:00"))).isEmpty();
    assertThat(lines(missed("2026-09-23T00:00", "2026-09-24T00:00")))
        .containsExactly("2026-09-23 机械制图 1-2 08:00-09:40");
  }

  @Test
  void holidaysHaveNoClassesAndAMakeUpDayTeachesTheDayItReplaces() {
    // the whole National Day week: nothing (the Monday and Tuesday classes of 5–6 Oct are taught on
    // 26 Sept, which this leave does not cover)
    assertThat(missed("2026-10-01T00:00", "2026-10-08T00:00").isEmpty()).isTrue();
    // Saturday 26 Sept teaches Tuesday 6 Oct (week 5): 计算机基础, by September's times
    MissedClasses<CourseMeeting> sat = missed("2026-09-26T00:00", "2026-09-27T00:00");
    assertThat(lines(sat)).containsExactly("2026-09-26 计算机基础 3-4 10:00-11:40");
    assertThat(sat.meetings().get(0).isMakeUp()).isTrue();
    assertThat(sat.meetings().get(0).timetableDate()).isEqualTo(LocalDate.of(2026, 10, 6));
    // Saturday 10 Oct teaches Wednesday 7 Oct — week 5, 单周: 机械制图
    assertThat(lines(missed("2026-10-10T00:00", "2026-10-11T00:00")))
        .containsExactly("2026-10-10 机械制图 1-2 08:00-09:40");
  }

  @Test
  void aLeaveStartingMidPeriodMissesThatPeriodAndNotTheOneBefore() {
    // Monday 14 Sept, period 1 08:00–08:45, period 2 08:55–09:40: from 09:00 misses period 2 only
    assertThat(lines(missed("2026-09-14T09:00", "2026-09-14T12:00")))
        .containsExactly("2026-09-14 形势与政策 2-2 08:55-09:40");
    // ending exactly when period 1 starts misses nothing; ending a minute into it misses it
    assertThat(missed("2026-09-14T06:00", "2026-09-14T08:00").isEmpty()).isTrue();
    assertThat(lines(missed("2026-09-14T06:00", "2026-09-14T08:01")))
        .containsExactly("2026-09-14 形势与政策 1-1 08:00-08:45");
  }

  @Test
  void aMorningLeaveOnAMeetingAcrossLunchMissesOnlyTheMorningPeriods() {
    // Thursday 17 Sept: 金工实习 3–6 (10:00–15:40, summer times); a leave until 12:00
    assertThat(lines(missed("2026-09-17T08:00", "2026-09-17T12:00")))
        .containsExactly("2026-09-17 金工实习 3-4 10:00-11:40");
    // afternoon only: 14:00–15:40 in September, 13:00–14:40 in October (winter set)
    assertThat(lines(missed("2026-09-17T12:00", "2026-09-17T18:00")))
        .containsExactly("2026-09-17 金工实习 5-6 14:00-15:40");
    assertThat(lines(missed("2026-10-15T12:00", "2026-10-15T18:00")))
        .containsExactly("2026-10-15 金工实习 5-6 13:00-14:40");
  }

  @Test
  void aTwoWeekLeaveCountsEveryOccurrenceAndStopsAtTheTermsEnd() {
    // weeks 2 and 3: 形势与政策 ×2, 计算机基础 ×2, 机械制图 ×1 (week 3 only), 金工实习 ×2 — 14 periods
    MissedClasses<CourseMeeting> two = missed("2026-09-14T00:00", "2026-09-28T00:00");
    // 26 Sept (make-up, teaching 6 Oct's 计算机基础) is inside too: one more 2-period meeting
    assertThat(two.meetings()).hasSize(8);
    assertThat(two.periods()).isEqualTo(2 * 2 + 3 * 2 + 2 + 2 * 4);
    assertThat(two.courses()).isEqualTo(4);
    // past the term's last day (Sunday 10 Jan 2027): nothing after it, no error
    assertThat(lines(missed("2027-01-10T00:00", "2027-02-28T00:00"))).isEmpty();
    // week 18: 形势与政策 ended with week 16, 机械制图 is 单周; 金工实习 3–6 by winter times
    assertThat(lines(missed("2027-01-04T00:00", "2027-02-28T00:00")))
        .containsExactly("2027-01-05 计算机基础 3-4 10:00-11:40", "2027-01-07 金工实习 3-6 10:00-14:40");
  }

  @Test
  void anEmptyOrBackwardLeaveMissesNothing() {
    assertThat(missed("2026-09-14T10:00", "2026-09-14T10:00").isEmpty()).isTrue();
    assertThat(missed("2026-09-15T10:00", "2026-09-14T10:00").isEmpty()).isTrue();
    assertThat(
            MissedClasses.of(
                    CALENDAR,
                    TIMES,
                    List.of(),
                    LocalDateTime.parse("2026-09-14T00:00"),
                    LocalDateTime.parse("2026-09-20T00:00"))
                .isEmpty())
        .isTrue();
  }

  // ---- 按节请假

  private static ClassPeriodLeave byPeriods(String date, int first, int last) {
    return ClassPeriodLeave.of(CALENDAR, TIMES, LocalDate.parse(date), first, last);
  }

  private static TimetableInputException refusal(String date, int first, int last) {
    return catchThrowableOfType(TimetableInputException.class, () -> byPeriods(date, first, last));
  }

  @Test
  void aLeaveByPeriodsCoversFromTheFirstPeriodsStartToTheLastOnesEndOfThatDay() {
    ClassPeriodLeave l = byPeriods("2026-09-17", 3, 4);
    assertThat(l.start()).isEqualTo(LocalDateTime.parse("2026-09-17T10:00"));
    assertThat(l.end()).isEqualTo(LocalDateTime.parse("2026-09-17T11:40"));
    assertThat(lines(missed(l.start().toString(), l.end().toString())))
        .containsExactly("2026-09-17 金工实习 3-4 10:00-11:40");
    // October: the winter set's afternoon
    assertThat(byPeriods("2026-10-15", 5, 6).end())
        .isEqualTo(LocalDateTime.parse("2026-10-15T14:40"));
  }

  @Test
  void onAMakeUpDayThePeriodsMissTheClassesOfTheDayItTeaches() {
    ClassPeriodLeave l = byPeriods("2026-09-26", 3, 4);
    MissedClasses<CourseMeeting> m = MissedClasses.of(CALENDAR, TIMES, MINE, l.start(), l.end());
    assertThat(lines(m)).containsExactly("2026-09-26 计算机基础 3-4 10:00-11:40");
  }

  @Test
  void holidaysDaysOutsideTheTermAndPeriodsOutOfRangeAreRefusedWithAReason() {
    assertThat(refusal("2026-10-02", 1, 2).messageKey()).isEqualTo("timetable.periodLeave.holiday");
    assertThat(refusal("2026-10-02", 1, 2).args()).containsExactly("国庆节");
    assertThat(refusal("2027-02-01", 1, 2).messageKey())
        .isEqualTo("timetable.periodLeave.outsideTerm");
    assertThat(refusal("2026-09-17", 4, 3).messageKey())
        .isEqualTo("timetable.periodLeave.reversed");
    assertThat(refusal("2026-09-17", 5, 7).messageKey()).isEqualTo("timetable.periodLeave.beyond");
    assertThat(refusal("2026-09-17", 5, 7).args()).containsExactly("7", "6");
    assertThat(refusal("2026-09-17", 0, 2).messageKey()).isEqualTo("timetable.periodLeave.beyond");
  }
}
