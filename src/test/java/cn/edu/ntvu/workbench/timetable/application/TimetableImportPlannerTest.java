package cn.edu.ntvu.workbench.timetable.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.imports.TabularFile;
import cn.edu.ntvu.workbench.platform.imports.TabularFileReader;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeTable;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every bad line is reported with its line number and reason; small hand-written files, one rule
 * each.
 */
class TimetableImportPlannerTest {
  private static final String ZF_HEADER =
      "term,course_code,course_name,teacher_account,teacher_name,weekday,periods,weeks,room,classes\n";
  private static final String WISEDU_HEADER =
      "XNXQDM,KCH,KCM,SKJS,SKXQ,KSJC,JSJC,SKZC,JASMC,BJDM\n";

  private final TimetableImportPlanner planner = new TimetableImportPlanner();
  private final TabularFileReader reader = new TabularFileReader();

  static TimetableSnapshot autumn2026() throws Exception {
    TimetableImportPlanner planner = new TimetableImportPlanner();
    TabularFileReader reader = new TabularFileReader();
    StringBuilder periods = new StringBuilder("set,valid_from,valid_to,period,start,end\n");
    String[] times = {
      "08:00", "08:45", "08:55", "09:40", "10:00", "10:45", "10:55", "11:40", "14:00", "14:45",
      "14:55", "15:40", "16:00", "16:45", "16:55", "17:40", "19:00", "19:45", "19:55", "20:40"
    };
    for (int i = 0; i < 10; i++) {
      periods
          .append("夏季,2026-09-01,2027-01-31,")
          .append(i + 1)
          .append(',')
          .append(times[2 * i])
          .append(',')
          .append(times[2 * i + 1])
          .append('\n');
    }
    TimetablePlan table =
        planner.plan(
            TimetableImportKind.PERIOD_TIMES,
            reader.read(
                "p.csv", bytes(periods.toString()), TimetableImportKind.PERIOD_TIMES.columns()),
            TimetableSnapshot.EMPTY);
    assertThat(table.errors()).isEmpty();
    return new TimetableSnapshot(
        Map.of("2026-2027-1", new Term("2026-2027-1", LocalDate.of(2026, 9, 7), 18)),
        table.periodTimes());
  }

  /**
   * What {@code snapshot} looks like on the import page: its terms without calendar or meetings,
   * its periods.
   */
  static TimetableOverview overviewOf(TimetableSnapshot snapshot) {
    TimetableOverview.Source none = new TimetableOverview.Source(0, null);
    return new TimetableOverview(
        snapshot.terms().values().stream()
            .map(
                t ->
                    new TimetableOverview.TermState(
                        t.code(), t.week1Monday(), t.weeks(), 0, 0, none, none))
            .toList(),
        snapshot.periodTimes().sets(),
        null);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private TimetablePlan plan(TimetableImportKind kind, String csv) throws Exception {
    TabularFile file = reader.read("upload.csv", bytes(csv), kind.columns());
    return planner.plan(kind, file, autumn2026());
  }

  private static List<String> errorsAsLineAndKey(TimetablePlan plan) {
    return plan.errors().stream().map(e -> e.line() + " " + e.messageKey()).toList();
  }

  @Test
  void readsAGood正方File() throws Exception {
    TimetablePlan plan =
        plan(
            TimetableImportKind.TIMETABLE_ZF,
            ZF_HEADER
                + "2026-2027-1,K00001,高等数学,10001;10002,王伟,星期一,第1-2节,1-16周,1号教学楼101,2601001;2601002\n"
                + "2026-2027-1,K00001,高等数学,10001,王伟,星期三,第3-4节,１－１５周（单）,1号教学楼101,2601001\n");
    assertThat(plan.errors()).isEmpty();
    assertThat(plan.termCode()).isEqualTo("2026-2027-1");
    assertThat(plan.meetings()).hasSize(2);
    var first = plan.meetings().get(0);
    assertThat(first.line()).isEqualTo(2);
    assertThat(first.meeting().teacherAccounts()).containsExactly("10001", "10002");
    assertThat(first.meeting().classCodes()).containsExactlyInAnyOrder("2601001", "2601002");
    assertThat(plan.meetings().get(1).meeting().weekday()).isEqualTo(DayOfWeek.WEDNESDAY);
    assertThat(plan.meetings().get(1).meeting().weeks().toString()).isEqualTo("1-15周(单)");
  }

  @Test
  void listsEveryBadLineOfA正方File() throws Exception {
    TimetablePlan plan =
        plan(
            TimetableImportKind.TIMETABLE_ZF,
            ZF_HEADER
                + "2026-2027-1,K1,高等数学,10001,王伟,星期一,第1-2节,17-1周,101,2601001\n"
                + "2026-2027-1,K2,大学英语,10001,王伟,星期一,第0节,1-16周,101,2601001\n"
                + "2026-2027-1,K3,体育,10001,王伟,星期八,第1-2节,1-16周,101,2601001\n"
                + "2026-2027-1,K4,网页设计,10001,王伟,星期二,第1-2节,1-20周,101,2601001\n"
                + "2026-2027-1,K5,会计基础,10001,王伟,星期二,第11-12节,1-16周,101,2601001\n"
                + "2026-2027-1,K6,管理学基础,10001,王伟,星期三,第1-2节,1-16周,101,2601001\n"
                + "2026-2027-1,K6,管理学基础,10001,王伟,星期三,第2-3节,3-12周,101,2601001\n"
                + "2026-2027-2,K7,专业英语,10001,王伟,星期四,第1-2节,1-16周,101,2601001\n"
                + "2026-2027-1,K8,形势与政策,10001,王伟,星期四,第1-2节,1-16周,101,\n");
    assertThat(errorsAsLineAndKey(plan))
        .containsExactly(
            "2 timetable.weeks.reversed",
            "3 timetable.periods.zero",
            "4 timetable.weekday.invalid",
            "5 timetable.weeks.beyondTerm",
            "6 timetable.periods.beyondTable",
            "8 timetable.meeting.overlapsItself",
            "9 timetable.import.mixedTerms",
            "10 timetable.meeting.noAudience");
    assertThat(plan.errors().get(0).column()).isEqualTo("weeks");
    assertThat(plan.errors().get(5).args()).containsExactly("K6", "7");
  }

  @Test
  void listsBadLinesOfA金智File() throws Exception {
    TimetablePlan plan =
        plan(
            TimetableImportKind.TIMETABLE_WISEDU,
            WISEDU_HEADER
                + "2026-2027-1,K1,高等数学,10001,1,1,2,111111111111111100,101,2601001\n"
                + "2026-2027-1,K2,高等数学,10001,8,1,2,111111111111111100,101,2601001\n"
                + "2026-2027-1,K3,高等数学,10001,2,4,3,111111111111111100,101,2601001\n"
                + "2026-2027-1,K4,高等数学,10001,2,1,2,1111111111111111111,101,2601001\n"
                + "2026-2027-1,K5,高等数学,10001,2,1,2,000000000000000000,101,2601001\n"
                + "2026-2027-1,K6,高等数学,10001,2,一,2,111111111111111100,101,2601001\n");
    assertThat(errorsAsLineAndKey(plan))
        .containsExactly(
            "3 timetable.weekday.invalid",
            "4 timetable.periods.reversed",
            "5 timetable.weeks.beyondTerm",
            "6 timetable.weeks.empty",
            "7 timetable.import.notANumber");
    assertThat(plan.meetings()).hasSize(1);
  }

  @Test
  void aTimetableNeedsAKnownTermAndPeriodTimes() throws Exception {
    TimetablePlan unknown =
        plan(
            TimetableImportKind.TIMETABLE_ZF,
            ZF_HEADER + "2030-2031-1,K1,高等数学,10001,王伟,星期一,第1-2节,1-16周,101,2601001\n");
    assertThat(errorsAsLineAndKey(unknown)).containsExactly("2 timetable.import.unknownTerm");

    TabularFile file =
        reader.read(
            "t.csv",
            bytes(ZF_HEADER + "2026-2027-1,K1,高等数学,10001,王伟,星期一,第1-2节,1-16周,101,2601001\n"),
            TimetableImportKind.TIMETABLE_ZF.columns());
    TimetableSnapshot noPeriods =
        new TimetableSnapshot(autumn2026().terms(), new PeriodTimeTable(List.of()));
    assertThat(errorsAsLineAndKey(planner.plan(TimetableImportKind.TIMETABLE_ZF, file, noPeriods)))
        .containsExactly("0 timetable.import.noPeriodTimes");
  }

  @Test
  void termFileRules() throws Exception {
    TimetablePlan plan =
        plan(
            TimetableImportKind.TERM,
            "term,week1_monday,weeks\n"
                + "2026-2027-1,2026-09-07,18\n"
                + "2026-2027-2,,18\n"
                + "2027-2028-1,2027-09-07,18\n"
                + "2027-2028-2,2028/2/21,20\n"
                + "2026-2027-1,2026-09-07,18\n"
                + "2028-2029-1,2028-09-04,abc\n");
    assertThat(errorsAsLineAndKey(plan))
        .containsExactly(
            "3 timetable.term.noStart",
            "4 timetable.term.startNotMonday",
            "6 timetable.import.duplicate",
            "7 timetable.import.notANumber");
    assertThat(plan.terms()).extracting(Term::code).containsExactly("2026-2027-1", "2027-2028-2");
  }

  @Test
  void periodTimeFileRules() throws Exception {
    TimetablePlan gap =
        plan(
            TimetableImportKind.PERIOD_TIMES,
            "set,valid_from,valid_to,period,start,end\n"
                + "夏季,2026-09-01,2026-09-30,1,08:00,08:45\n"
                + "夏季,2026-09-01,2026-09-30,3,10:00,10:45\n"
                + "冬季,2026-09-15,2027-01-31,1,08:00,08:45\n"
                + "冬季,2026-09-15,2027-01-31,2,08:30,09:15\n"
                + "春季,2027-02-01,2027-04-30,1,09:00,08:45\n");
    assertThat(errorsAsLineAndKey(gap))
        .containsExactly(
            "2 timetable.periodTimes.gap",
            "4 timetable.periodTimes.overlap",
            "6 timetable.periodTimes.backwards");
  }

  @Test
  void calendarFileRules() throws Exception {
    TimetablePlan plan =
        plan(
            TimetableImportKind.CALENDAR,
            "date,kind,follows_date,note\n"
                + "2026-10-01,holiday,,国庆节\n"
                + "2026-09-26,makeup,2026-10-06,调休\n"
                + "2026-10-01,holiday,,国庆节\n"
                + "2026-10-10,makeup,,调休\n"
                + "2026-10-11,vacation,,\n"
                + "2027-05-01,holiday,,劳动节\n"
                + "2026-10-17,makeup,2027-03-01,\n");
    assertThat(errorsAsLineAndKey(plan))
        .containsExactly(
            "4 timetable.import.duplicate",
            "5 timetable.calendar.makeUpWithoutFollows",
            "6 timetable.calendar.badKind",
            "8 timetable.calendar.followsOutsideTerm");
    assertThat(plan.warnings())
        .extracting(TimetableImportProblem::messageKey)
        .containsExactly("timetable.calendar.holidayOutsideTerms");
  }

  @Test
  void acceptsTheChineseHeadersOf正方Exports() throws Exception {
    TimetablePlan plan =
        plan(
            TimetableImportKind.TIMETABLE_ZF,
            "学年学期,课程号,课程名称,教师工号,教师姓名,星期,节次,上课周次,上课地点,班级,选课学生\n"
                + "2026-2027-1,K1,创新创业基础,10001,王伟,周五,第9-10节,1-8周,3号教学楼201,,2401001001;2401001002\n");
    assertThat(plan.errors()).isEmpty();
    assertThat(plan.meetings().get(0).meeting().studentAccounts())
        .containsExactlyInAnyOrder("2401001001", "2401001002");
    assertThat(plan.meetings().get(0).meeting().classCodes()).isEmpty();
  }

  @Test
  void summaryIsJsonForTheBatchAndAuditLog() throws Exception {
    TimetablePlan plan =
        plan(
            TimetableImportKind.TIMETABLE_ZF,
            ZF_HEADER + "2026-2027-1,K1,高等数学,10001,王伟,星期一,第1-2节,1-16周,101,2601001\n");
    assertThat(TimetableImportService.summary(plan, "课表\"1\".csv"))
        .isEqualTo(
            "{\"kind\":\"TIMETABLE_ZF\",\"file\":\"课表\\\"1\\\".csv\",\"term\":\"2026-2027-1\",\"items\":1,"
                + "\"errors\":0,\"warnings\":0}");
    assertThat(TimetableImportService.source(TimetableImportKind.TIMETABLE_WISEDU))
        .isEqualTo("WISEDU");
  }

  @Test
  void aFileInTheWrongEncodingIsRefusedAsAWhole() {
    byte[] utf16 =
        (ZF_HEADER + "2026-2027-1,K1,高等数学,10001,王伟,星期一,第1-2节,1-16周,101,2601001\n")
            .getBytes(StandardCharsets.UTF_16);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> reader.read("课表.csv", utf16, TimetableImportKind.TIMETABLE_ZF.columns()))
        .isInstanceOfSatisfying(
            cn.edu.ntvu.workbench.platform.imports.ImportFileException.class,
            e -> assertThat(e.getMessageKey()).isEqualTo("import.csv.utf16"));
  }
}
