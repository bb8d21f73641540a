package cn.edu.ntvu.workbench.timetable.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Turning a meeting's class dates into weekly series and single events, without losing or adding a
 * class.
 */
class CalendarEventPlanTest {
  private static final Term TERM = new Term("2026-2027-1", LocalDate.of(2026, 9, 7), 18);
  private static final LocalTime EIGHT = LocalTime.of(8, 0);
  private static final LocalTime NINE_40 = LocalTime.of(9, 40);

  private static PeriodTimeSet set(
      String name, LocalDate from, LocalDate to, LocalTime firstStart) {
    List<PeriodTime> periods = new ArrayList<>();
    LocalTime t = firstStart;
    for (int p = 1; p <= 4; p++) {
      periods.add(new PeriodTime(p, t, t.plusMinutes(45)));
      t = t.plusMinutes(55);
    }
    return new PeriodTimeSet(name, from, to, periods);
  }

  /** 8:00 until 11 October, 8:30 after: a switch in the middle of the term. */
  private static final PeriodTimeTable TIMES =
      new PeriodTimeTable(
          List.of(
              set("夏季", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 11), EIGHT),
              set(
                  "冬季",
                  LocalDate.of(2026, 10, 12),
                  LocalDate.of(2027, 1, 31),
                  LocalTime.of(8, 30))));

  private static List<ClassOccurrence> weekly(
      DayOfWeek day, WeekPattern weeks, AcademicCalendar calendar) {
    return ClassOccurrences.of(calendar, TIMES, day, new PeriodRange(1, 2), weeks);
  }

  /** Expands a plan the way a calendar app would (series dates less exclusions, plus singles). */
  private static Set<ClassOccurrence> expand(CalendarEventPlan plan) {
    Set<ClassOccurrence> out = new TreeSet<>(java.util.Comparator.comparing(ClassOccurrence::date));
    for (WeeklySeries s : plan.series()) {
      for (LocalDate d : s.dates()) {
        assertThat(out.add(new ClassOccurrence(d, d, s.start(), s.end())))
            .as("%s twice", d)
            .isTrue();
      }
    }
    for (ClassOccurrence o : plan.singles()) {
      assertThat(out.add(o)).as("%s twice", o.date()).isTrue();
    }
    return out;
  }

  private static void assertExact(List<ClassOccurrence> occurrences, CalendarEventPlan plan) {
    List<ClassOccurrence> expanded = new ArrayList<>(expand(plan));
    assertThat(expanded)
        .usingElementComparator(
            java.util.Comparator.comparing(ClassOccurrence::date)
                .thenComparing(ClassOccurrence::start)
                .thenComparing(ClassOccurrence::end))
        .containsExactlyElementsOf(occurrences);
  }

  @Test
  void aPlainRangeIsOneWeeklySeries() {
    List<ClassOccurrence> occ =
        weekly(DayOfWeek.MONDAY, WeekPattern.range(6, 16), AcademicCalendar.plain(TERM));
    CalendarEventPlan plan = CalendarEventPlan.of(occ);
    assertThat(plan.singles()).isEmpty();
    assertThat(plan.series())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.first()).isEqualTo(TERM.dateOf(6, DayOfWeek.MONDAY));
              assertThat(s.intervalWeeks()).isEqualTo(1);
              assertThat(s.count()).isEqualTo(11);
              assertThat(s.excluded()).isEmpty();
              assertThat(s.start()).isEqualTo(LocalTime.of(8, 30));
            });
    assertExact(occ, plan);
  }

  @Test
  void oddAndEvenWeeksRepeatEveryOtherWeek() {
    for (String text : List.of("1-15周(单)", "2-16周(双)", "双周6-18")) {
      List<ClassOccurrence> occ =
          weekly(DayOfWeek.TUESDAY, WeekPattern.parse(text, 18), AcademicCalendar.plain(TERM));
      CalendarEventPlan plan = CalendarEventPlan.of(occ);
      assertThat(plan.series())
          .as(text)
          .isNotEmpty()
          .allSatisfy(
              s -> {
                assertThat(s.intervalWeeks()).isEqualTo(2);
                assertThat(s.excluded()).isEmpty();
              });
      assertExact(occ, plan);
    }
  }

  @Test
  void gapsAndHolidaysBecomeExclusionsAndAClockChangeStartsANewSeries() {
    AcademicCalendar calendar =
        new AcademicCalendar(
            TERM, List.of(new Holiday(LocalDate.of(2026, 12, 3), "运动会")), List.of());
    List<ClassOccurrence> occ =
        weekly(DayOfWeek.THURSDAY, WeekPattern.parse("1-8,10,12-16周", 18), calendar);
    CalendarEventPlan plan = CalendarEventPlan.of(occ);
    assertThat(plan.series()).hasSize(2);
    WeeklySeries september = plan.series().get(0);
    assertThat(september.first()).isEqualTo(LocalDate.of(2026, 9, 10));
    assertThat(september.last()).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(september.start()).isEqualTo(EIGHT);
    WeeklySeries rest = plan.series().get(1);
    assertThat(rest.first()).isEqualTo(LocalDate.of(2026, 10, 15));
    assertThat(rest.intervalWeeks()).isEqualTo(1);
    assertThat(rest.excluded())
        .containsExactly(
            TERM.dateOf(9, DayOfWeek.THURSDAY),
            TERM.dateOf(11, DayOfWeek.THURSDAY),
            LocalDate.of(2026, 12, 3));
    assertExact(occ, plan);
  }

  @Test
  void aMakeUpDayIsASingleEventAtTheTimesOfItsOwnDate() {
    AcademicCalendar calendar =
        new AcademicCalendar(
            TERM,
            List.of(new Holiday(LocalDate.of(2026, 10, 16), "校庆")),
            // Saturday 10 October (still 8:00 times) teaches Friday 16 October (8:30 times)
            List.of(new MakeUpDay(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 16), "")));
    List<ClassOccurrence> occ = weekly(DayOfWeek.FRIDAY, WeekPattern.range(1, 16), calendar);
    CalendarEventPlan plan = CalendarEventPlan.of(occ);
    assertThat(plan.singles())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.date()).isEqualTo(LocalDate.of(2026, 10, 10));
              assertThat(o.timetableDate()).isEqualTo(LocalDate.of(2026, 10, 16));
              assertThat(o.isMakeUp()).isTrue();
              assertThat(o.start()).isEqualTo(EIGHT);
              assertThat(o.end()).isEqualTo(NINE_40);
            });
    assertThat(plan.series())
        .allSatisfy(s -> assertThat(s.dates()).doesNotContain(LocalDate.of(2026, 10, 16)));
    assertExact(occ, plan);
  }

  @Test
  void aLoneDateIsASingleEventAndWeeksFarApartNeedNoExclusions() {
    CalendarEventPlan one =
        CalendarEventPlan.of(
            weekly(DayOfWeek.MONDAY, WeekPattern.of(14), AcademicCalendar.plain(TERM)));
    assertThat(one.series()).isEmpty();
    assertThat(one.singles()).hasSize(1);

    List<ClassOccurrence> occ =
        weekly(DayOfWeek.MONDAY, WeekPattern.of(6, 9, 12, 15), AcademicCalendar.plain(TERM));
    CalendarEventPlan plan = CalendarEventPlan.of(occ);
    assertThat(plan.series())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.intervalWeeks()).isEqualTo(3);
              assertThat(s.count()).isEqualTo(4);
              assertThat(s.excluded()).isEmpty();
            });
    assertExact(occ, plan);
  }

  @Test
  void noClockTimeNoClass() {
    PeriodTimeTable shortTable =
        new PeriodTimeTable(
            List.of(set("冬季", LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 31), EIGHT)));
    List<ClassOccurrence> occ =
        ClassOccurrences.of(
            AcademicCalendar.plain(TERM),
            shortTable,
            DayOfWeek.MONDAY,
            new PeriodRange(1, 2),
            WeekPattern.range(1, 18));
    // September has no period-time set in this table
    assertThat(occ)
        .extracting(ClassOccurrence::date)
        .allMatch(d -> !d.isBefore(LocalDate.of(2026, 10, 1)));
    assertThat(
            ClassOccurrences.of(
                AcademicCalendar.plain(TERM),
                shortTable,
                DayOfWeek.MONDAY,
                new PeriodRange(4, 2),
                WeekPattern.range(1, 18)))
        .isEmpty();
  }

  /** Random weeks, holidays and make-up days: the plan always expands to exactly the classes. */
  @Test
  void randomTimetablesExpandExactly() {
    Random random = new Random(20261125);
    for (int round = 0; round < 300; round++) {
      long mask = 0;
      while (mask == 0) {
        mask = (random.nextLong() & ((1L << 19) - 2));
      }
      WeekPattern weeks = WeekPattern.fromMask(mask);
      List<Holiday> holidays = new ArrayList<>();
      Set<LocalDate> used = new TreeSet<>();
      for (int i = random.nextInt(8); i > 0; i--) {
        LocalDate d = TERM.firstDay().plusDays(random.nextInt(18 * 7));
        if (used.add(d)) {
          holidays.add(new Holiday(d, "假"));
        }
      }
      List<MakeUpDay> makeUps = new ArrayList<>();
      for (Holiday h : holidays) {
        LocalDate saturday = TERM.firstDay().plusWeeks(random.nextInt(18)).plusDays(5);
        if (random.nextBoolean() && used.add(saturday)) {
          makeUps.add(new MakeUpDay(saturday, h.date(), ""));
        }
      }
      AcademicCalendar calendar = new AcademicCalendar(TERM, holidays, makeUps);
      DayOfWeek day = DayOfWeek.of(1 + random.nextInt(5));
      List<ClassOccurrence> occ = weekly(day, weeks, calendar);
      assertExact(occ, CalendarEventPlan.of(occ));
    }
  }
}
