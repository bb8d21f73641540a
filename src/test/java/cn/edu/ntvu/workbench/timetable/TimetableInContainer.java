package cn.edu.ntvu.workbench.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.timetable.application.MissedClassesQuery;
import cn.edu.ntvu.workbench.timetable.application.TermSchedule;
import cn.edu.ntvu.workbench.timetable.application.TimetableEntry;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportKind;
import cn.edu.ntvu.workbench.timetable.application.TimetableOwner;
import cn.edu.ntvu.workbench.timetable.domain.ClassPeriodLeave;
import cn.edu.ntvu.workbench.timetable.domain.DayResolution;
import cn.edu.ntvu.workbench.timetable.domain.MissedClasses;
import cn.edu.ntvu.workbench.timetable.domain.TimetableInputException;
import cn.edu.ntvu.workbench.wecom.WeComInContainer;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The timetable in the container: a whole term imported atomically, the demo term, the per-version
 * meeting cache.
 *
 * <p>An abstract part of {@code platform.persistence.InContainerIT}: the parts are stacked into
 * that one class so that Arquillian starts Payara Micro once for all of them (each deployment is a
 * new Payara Micro).
 */
public abstract class TimetableInContainer extends WeComInContainer {
  @Inject MissedClassesQuery missedClasses;

  @Test
  void aLeaveListsTheClassesItMissesFromTheStudentsOwnTimetable() {
    // 田芬 (机械制造241班), Thursday 26 and Friday 27 November 2026: week 12 (双周), winter times
    MissedClasses<TimetableEntry> m =
        missedClasses.forStudent(
            "20240100001",
            "2401000",
            LocalDateTime.parse("2026-11-26T08:00"),
            LocalDateTime.parse("2026-11-27T18:00"));
    assertThat(m.meetings())
        .extracting(
            x ->
                x.date()
                    + " "
                    + x.meeting().courseName()
                    + " "
                    + x.periods()
                    + " "
                    + x.start()
                    + " "
                    + x.meeting().teacherNames())
        .containsExactly(
            "2026-11-26 职业生涯规划 第1-2节 08:00 陈杰娥",
            "2026-11-26 形势与政策 第5-6节 13:30 万涵轩",
            "2026-11-27 市场营销学 第5-6节 13:30 钟秀",
            "2026-11-27 体育 第7-8节 15:30 龚轩怡");
    assertThat(m.courses()).isEqualTo(4);
    assertThat(m.periods()).isEqualTo(8);

    // 按节: 第5–6节 that Thursday is 13:30–15:10 and misses 形势与政策 only
    ClassPeriodLeave p = missedClasses.byPeriods(LocalDate.parse("2026-11-26"), 5, 6);
    assertThat(p.start()).isEqualTo(LocalDateTime.parse("2026-11-26T13:30"));
    assertThat(p.end()).isEqualTo(LocalDateTime.parse("2026-11-26T15:10"));
    assertThat(missedClasses.forStudent("20240100001", "2401000", p.start(), p.end()).meetings())
        .extracting(x -> x.meeting().courseName())
        .containsExactly("形势与政策");
    // outside every term: nothing, and by periods a reason
    assertThat(
            missedClasses
                .forStudent(
                    "20240100001",
                    "2401000",
                    LocalDateTime.parse("2027-02-10T08:00"),
                    LocalDateTime.parse("2027-02-12T08:00"))
                .isEmpty())
        .isTrue();
    assertThatThrownBy(() -> missedClasses.byPeriods(LocalDate.parse("2027-02-10"), 1, 2))
        .isInstanceOf(TimetableInputException.class)
        .hasMessageStartingWith("timetable.periodLeave.outsideTerm");
  }

  @Test
  void aTermsTimetableImportsWholeAndReimportChangesNothing() throws Exception {
    String[][] files = {
      {"TERM", "term.csv"},
      {"PERIOD_TIMES", "period-times.csv"},
      {"CALENDAR", "calendar.csv"},
      {"TIMETABLE_ZF", "timetable-zf.csv"},
      {"TIMETABLE_WISEDU", "timetable-wisedu.csv"}
    };
    for (String[] f : files) {
      importTimetable(TimetableImportKind.valueOf(f[0]), f[1]);
    }
    TermSchedule term = timetableQueries.term("2026-2027-1").orElseThrow();
    assertThat(term.calendar().currentWeek(java.time.LocalDate.parse("2026-09-07"))).hasValue(1);
    List<TimetableEntry> meetings = timetableQueries.meetingsOfClass(term.termId(), "2401000");
    assertThat(meetings).isNotEmpty();
    assertThat(meetings).extracting(TimetableEntry::source).contains("ZF", "WISEDU");

    importTimetable(TimetableImportKind.TIMETABLE_ZF, "timetable-zf.csv");
    assertThat(timetableQueries.meetingsOfClass(term.termId(), "2401000")).hasSameSizeAs(meetings);
  }

  @Test
  void theDemoTimetableIsLoadedAndItsScheduleIsReadAgainOnlyAfterAnImport() throws Exception {
    LocalDate sportsDay = LocalDate.parse("2026-11-25");
    // loaded at start-up by DemoTimetable (dev mode); kept while the term's version stays the same
    TermSchedule loaded = timetableQueries.termOn(sportsDay).orElseThrow();
    assertThat(timetableQueries.termOn(sportsDay).orElseThrow()).isSameAs(loaded);
    assertThat(loaded.calendar().resolve(sportsDay).kind()).isEqualTo(DayResolution.Kind.TEACHING);

    String calendar = demoText("calendar.csv");
    importCsv(TimetableImportKind.CALENDAR, calendar + "2026-11-25,holiday,,校运会\n");
    assertThat(
            timetableQueries.termOn(sportsDay).orElseThrow().calendar().resolve(sportsDay).kind())
        .isEqualTo(DayResolution.Kind.HOLIDAY);
    importCsv(TimetableImportKind.CALENDAR, calendar);
    assertThat(
            timetableQueries.termOn(sportsDay).orElseThrow().calendar().resolve(sportsDay).kind())
        .isEqualTo(DayResolution.Kind.TEACHING);

    String periods = demoText("period-times.csv");
    String winter = "冬季,2026-10-01,2027-01-31,1,";
    importCsv(
        TimetableImportKind.PERIOD_TIMES, periods.replace(winter + "08:00", winter + "08:10"));
    assertThat(firstPeriodStart(sportsDay)).isEqualTo(LocalTime.of(8, 10));
    importCsv(TimetableImportKind.PERIOD_TIMES, periods);
    assertThat(firstPeriodStart(sportsDay)).isEqualTo(LocalTime.of(8, 0));
  }

  @Test
  void meetingsAreCachedPerTermVersionAndAnImportReplacesThem() throws Exception {
    LocalDate day = LocalDate.parse("2026-11-25");
    TimetableOwner tianFen = new TimetableOwner.Student("20240100001", "2401000");
    TimetableOwner classmate = new TimetableOwner.Student("20240100002", "2401000");
    TermSchedule before = timetableQueries.termOn(day).orElseThrow();
    List<TimetableEntry> cached = timetableQueries.meetingsOf(before, tianFen);
    assertThat(timetableQueries.meetingsOf(timetableQueries.termOn(day).orElseThrow(), classmate))
        .isSameAs(cached);
    assertThat(cached).extracting(TimetableEntry::room).contains("3号教学楼507");

    // the same term re-imported with a room moved and an elective for one student only
    String zf = demoText("timetable-zf.csv");
    String changed =
        zf.replaceFirst("\n", ",students\n").replace("3号教学楼507,2401000", "实训楼101,2401000")
            + "2026-2027-1,K09999,书法鉴赏,10702,龙诺,星期三,第9-10节,1-16周,艺术楼201,,20240100001\n";
    importCsv(TimetableImportKind.TIMETABLE_ZF, changed);
    TermSchedule after = timetableQueries.termOn(day).orElseThrow();
    assertThat(after.version()).isGreaterThan(before.version());
    List<TimetableEntry> withElective = timetableQueries.meetingsOf(after, tianFen);
    assertThat(withElective)
        .extracting(TimetableEntry::room)
        .contains("实训楼101")
        .doesNotContain("3号教学楼507");
    assertThat(withElective).extracting(TimetableEntry::courseName).contains("书法鉴赏");
    assertThat(timetableQueries.meetingsOf(after, classmate))
        .extracting(TimetableEntry::courseName)
        .doesNotContain("书法鉴赏");
    // the cached list equals what one query reads now
    assertThat(withElective)
        .containsExactlyElementsOf(
            timetableQueries.meetingsOfStudent(after.termId(), "20240100001", "2401000"));

    importCsv(TimetableImportKind.TIMETABLE_ZF, zf);
    assertThat(timetableQueries.meetingsOf(timetableQueries.termOn(day).orElseThrow(), tianFen))
        .extracting(TimetableEntry::room)
        .contains("3号教学楼507");
  }
}
