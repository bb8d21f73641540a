package cn.edu.ntvu.workbench.timetable.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.edu.ntvu.workbench.platform.imports.TabularFile;
import cn.edu.ntvu.workbench.platform.imports.TabularFileReader;
import cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar;
import cn.edu.ntvu.workbench.timetable.domain.CourseMeeting;
import cn.edu.ntvu.workbench.timetable.domain.DayResolution;
import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeTable.ClockTimes;
import cn.edu.ntvu.workbench.timetable.domain.TeachingDay;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans the shared benchmark term (15,000 students, ~3,000 meetings split between a 正方 and a 金智
 * file) in import order, as academic affairs would at term start: terms, period times, calendar,
 * then both timetables.
 */
class GeneratedTermImportPlannerTest {
  private static final Path GENERATOR = Path.of("/work/shared/data/generate.py");

  @TempDir static Path dir;

  private static final TimetableImportPlanner planner = new TimetableImportPlanner();
  private static final TabularFileReader reader = new TabularFileReader();
  private static TimetableSnapshot snapshot;
  private static AcademicCalendar calendar;

  @BeforeAll
  static void generateAndPlanTheCalendar() throws Exception {
    assumeTrue(Files.isRegularFile(GENERATOR), "benchmark data generator not available");
    Process python =
        new ProcessBuilder("python3", GENERATOR.toString(), dir.toString())
            .redirectErrorStream(true)
            .start();
    python.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assumeTrue(python.waitFor(60, TimeUnit.SECONDS) && python.exitValue() == 0, "python3 failed");

    TimetablePlan terms = plan(TimetableImportKind.TERM, "term.csv", TimetableSnapshot.EMPTY);
    assertThat(terms.errors()).isEmpty();
    TimetablePlan periods =
        plan(TimetableImportKind.PERIOD_TIMES, "period-times.csv", TimetableSnapshot.EMPTY);
    assertThat(periods.errors()).isEmpty();
    snapshot =
        new TimetableSnapshot(
            terms.terms().stream().collect(Collectors.toMap(Term::code, Function.identity())),
            periods.periodTimes());
    TimetablePlan days = plan(TimetableImportKind.CALENDAR, "calendar.csv", snapshot);
    assertThat(days.errors()).isEmpty();
    assertThat(days.warnings()).isEmpty();
    calendar = days.calendars().get("2026-2027-1");
  }

  private static TimetablePlan plan(
      TimetableImportKind kind, String name, TimetableSnapshot against) throws Exception {
    return planner.plan(kind, read(name, kind), against);
  }

  private static TabularFile read(String name, TimetableImportKind kind) throws Exception {
    return reader.read(name, Files.readAllBytes(dir.resolve(name)), kind.columns());
  }

  @Test
  void theGeneratedCalendarResolvesNationalDayAndMakeUpDays() {
    assertThat(calendar.term().weeks()).isEqualTo(18);
    assertThat(calendar.holidays()).hasSize(7);
    assertThat(calendar.resolve(LocalDate.of(2026, 9, 26)).teaching())
        .contains(new TeachingDay(5, DayOfWeek.TUESDAY));
    assertThat(calendar.resolve(LocalDate.of(2026, 10, 10)).teaching())
        .contains(new TeachingDay(5, DayOfWeek.WEDNESDAY));
    assertThat(calendar.resolve(LocalDate.of(2026, 10, 6)).kind())
        .isEqualTo(DayResolution.Kind.HOLIDAY);
    assertThat(calendar.currentWeek(LocalDate.of(2026, 11, 25))).hasValue(12);
    // the make-up Saturday of September keeps summer hours, the holiday Tuesday it follows would
    // have had winter
    assertThat(snapshot.periodTimes().clockTimes(LocalDate.of(2026, 9, 26), new PeriodRange(5, 2)))
        .contains(new ClockTimes(LocalTime.of(14, 0), LocalTime.of(15, 40)));
    assertThat(snapshot.periodTimes().clockTimes(LocalDate.of(2026, 10, 8), new PeriodRange(5, 2)))
        .contains(new ClockTimes(LocalTime.of(13, 30), LocalTime.of(15, 10)));
  }

  @Test
  void bothTimetableFormatsPlanWithoutErrorsAndAgreeOnTheTerm() throws Exception {
    long start = System.nanoTime();
    TimetablePlan zf = plan(TimetableImportKind.TIMETABLE_ZF, "timetable-zf.csv", snapshot);
    TimetablePlan wisedu =
        plan(TimetableImportKind.TIMETABLE_WISEDU, "timetable-wisedu.csv", snapshot);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(zf.errors()).isEmpty();
    assertThat(wisedu.errors()).isEmpty();
    assertThat(zf.termCode()).isEqualTo("2026-2027-1");
    assertThat(wisedu.termCode()).isEqualTo("2026-2027-1");
    int total = zf.meetings().size() + wisedu.meetings().size();
    assertThat(total).isGreaterThan(3_000);
    assertThat(wisedu.meetings().size()).isBetween(total / 5 - 50, total / 5 + 50);
    // How fast: bench/timetable.sh (a timed unit test fails on a busy machine).
    System.out.printf("read and planned %d meetings in %d ms%n", total, millis);

    // every week text the generator writes maps to one of its five patterns, whichever format
    // carried it
    Set<String> patterns = new HashSet<>();
    zf.meetings().forEach(m -> patterns.add(m.meeting().weeks().toString()));
    wisedu.meetings().forEach(m -> patterns.add(m.meeting().weeks().toString()));
    assertThat(patterns)
        .containsExactlyInAnyOrder("1-16周", "1-15周(单)", "2-16周(双)", "1-8,10-16周", "3-12周");

    // no class sits in two places at once across both files
    Map<String, Long> slots =
        java.util.stream.Stream.concat(zf.meetings().stream(), wisedu.meetings().stream())
            .map(PlannedMeeting::meeting)
            .flatMap(
                m ->
                    m.classCodes().stream()
                        .map(c -> c + "|" + m.weekday() + "|" + m.periods().first()))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(slots.values()).allMatch(n -> n == 1);
  }

  @Test
  void reimportingTheSameFilePlansTheSameMeetings() throws Exception {
    TimetablePlan first = plan(TimetableImportKind.TIMETABLE_ZF, "timetable-zf.csv", snapshot);
    TimetablePlan again = plan(TimetableImportKind.TIMETABLE_ZF, "timetable-zf.csv", snapshot);
    assertThat(again.meetings()).isEqualTo(first.meetings());

    // as Excel in China saves it: GBK
    byte[] gbk = Files.readString(dir.resolve("timetable-zf.csv")).getBytes(Charset.forName("GBK"));
    TabularFile gbkFile =
        reader.read("timetable-zf.csv", gbk, TimetableImportKind.TIMETABLE_ZF.columns());
    TimetablePlan fromGbk = planner.plan(TimetableImportKind.TIMETABLE_ZF, gbkFile, snapshot);
    assertThat(fromGbk.meetings()).isEqualTo(first.meetings());
  }

  @Test
  void aMakeUpDayShowsTheMeetingsOfTheDayItFollows() throws Exception {
    TimetablePlan zf = plan(TimetableImportKind.TIMETABLE_ZF, "timetable-zf.csv", snapshot);
    TeachingDay sept26 = calendar.resolve(LocalDate.of(2026, 9, 26)).teaching().orElseThrow();
    long onMakeUpDay =
        zf.meetings().stream().map(PlannedMeeting::meeting).filter(m -> m.meetsOn(sept26)).count();
    long onTuesdayOfWeek5 =
        zf.meetings().stream()
            .map(PlannedMeeting::meeting)
            .filter(m -> m.weekday() == DayOfWeek.TUESDAY && m.weeks().contains(5))
            .count();
    assertThat(onMakeUpDay).isEqualTo(onTuesdayOfWeek5).isPositive();
    assertThat(
            zf.meetings().stream()
                .map(PlannedMeeting::meeting)
                .filter(m -> m.weekday() == DayOfWeek.SATURDAY))
        .isEmpty();
    CourseMeeting any = zf.meetings().get(0).meeting();
    assertThat(any.teacherAccounts()).hasSize(1);
  }
}
