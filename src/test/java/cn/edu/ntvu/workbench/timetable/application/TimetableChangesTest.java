package cn.edu.ntvu.workbench.timetable.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.imports.TabularFileReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentences an admin confirms: what a file replaces of what is loaded now. */
class TimetableChangesTest {
  private final TabularFileReader reader = new TabularFileReader();

  private static TimetableOverview loaded(int zf, int wisedu) {
    return new TimetableOverview(
        List.of(
            new TimetableOverview.TermState(
                "2026-2027-1",
                LocalDate.of(2026, 9, 7),
                18,
                7,
                2,
                new TimetableOverview.Source(
                    zf, new TimetableOverview.Imported(LocalDateTime.now(), "10857")),
                new TimetableOverview.Source(wisedu, null))),
        List.of(),
        null);
  }

  private TimetablePlan plan(TimetableImportKind kind, String csv) throws Exception {
    return new TimetableImportPlanner()
        .plan(
            kind,
            reader.read("f.csv", csv.getBytes(StandardCharsets.UTF_8), kind.columns()),
            TimetableImportPlannerTest.autumn2026());
  }

  /** A 正方 file of one meeting a row: course, weekday, weeks. */
  private TimetablePlan zf(String... rows) throws Exception {
    StringBuilder csv =
        new StringBuilder(
            "term,course_code,course_name,teacher_account,weekday,periods,weeks,classes\n");
    for (String row : rows) {
      String[] c = row.split(" ");
      csv.append("2026-2027-1,")
          .append(c[0])
          .append(",高等数学,10001,")
          .append(c[1])
          .append(",第1-2节,")
          .append(c[2])
          .append(",2601001\n");
    }
    return plan(TimetableImportKind.TIMETABLE_ZF, csv.toString());
  }

  private static List<String> texts(List<TimetableChange> changes) {
    return changes.stream().map(c -> c.messageKey() + " " + c.args()).toList();
  }

  @Test
  void aTimetableFileSaysHowManyMeetingsItReplacesAndWhomTheyReach() throws Exception {
    TimetablePlan plan =
        plan(
            TimetableImportKind.TIMETABLE_ZF,
            "term,course_code,course_name,teacher_account,weekday,periods,weeks,classes,students\n"
                + "2026-2027-1,K1,高等数学,10001,星期一,第1-2节,1-16周,2601001;2601002,\n"
                + "2026-2027-1,K1,高等数学,10001,星期三,第1-2节,1-17周(单),2601001,\n"
                + "2026-2027-1,K2,日语,10002;10003,星期五,第5-6节,3-8周,,2601001001\n");
    assertThat(texts(TimetableChanges.of(plan, loaded(412, 10))))
        .containsExactly(
            "timetable.admin.change.zf [2026-2027-1, 412, 3]",
            "timetable.admin.change.reach [2, 2, 3, 1, 17]",
            "timetable.admin.change.zfKept [2026-2027-1, 10]");
    // a term loaded from 正方 only: nothing to say about 金智
    assertThat(texts(TimetableChanges.of(plan, loaded(0, 0))))
        .containsExactly(
            "timetable.admin.change.zf [2026-2027-1, 0, 3]",
            "timetable.admin.change.reach [2, 2, 3, 1, 17]");
  }

  @Test
  void aTermFileSaysWhichTermsAreNewMovedOrTheSame() throws Exception {
    TimetablePlan plan =
        plan(
            TimetableImportKind.TERM,
            "term,week1_monday,weeks\n2026-2027-1,2026-09-14,17\n2026-2027-2,2027-02-22,18\n");
    assertThat(texts(TimetableChanges.of(plan, loaded(412, 10))))
        .containsExactly(
            "timetable.admin.change.termMoved [2026-2027-1, 2026-09-07, 18, 2026-09-14, 17, 422]",
            "timetable.admin.change.termNew [2026-2027-2, 2027-02-22, 2027-06-27, 18]");
    TimetablePlan same =
        plan(TimetableImportKind.TERM, "term,week1_monday,weeks\n2026-2027-1,2026-09-07,18\n");
    assertThat(texts(TimetableChanges.of(same, loaded(0, 0))))
        .containsExactly(
            "timetable.admin.change.termSame [2026-2027-1, 2026-09-07, 2027-01-10, 18]");
  }

  @Test
  void periodTimesAndCalendarSayWhatTheyReplace() throws Exception {
    TimetablePlan periods =
        plan(
            TimetableImportKind.PERIOD_TIMES,
            "set,valid_from,valid_to,period,start,end\n"
                + "冬季,2026-10-01,2027-01-31,1,08:00,08:45\n"
                + "冬季,2026-10-01,2027-01-31,2,08:55,09:40\n");
    TimetableOverview now =
        TimetableImportPlannerTest.overviewOf(TimetableImportPlannerTest.autumn2026());
    assertThat(texts(TimetableChanges.of(periods, now)))
        .containsExactly(
            "timetable.admin.change.periodTimes [1, 10, 1, 2]",
            "timetable.admin.change.periodSet [冬季, 2026-10-01, 2027-01-31, 2, 08:00, 09:40]");

    TimetablePlan calendar =
        plan(
            TimetableImportKind.CALENDAR,
            "date,kind,follows_date,note\n2026-10-01,holiday,,国庆节\n2026-10-10,makeup,2026-10-07,调休\n");
    assertThat(texts(TimetableChanges.of(calendar, loaded(0, 0))))
        .containsExactly("timetable.admin.change.calendar [2026-2027-1, 9, 2, 1, 1]");
  }

  @Test
  void aFileWithErrorsChangesNothing() throws Exception {
    TimetablePlan bad = zf("K1 星期八 1-16周");
    assertThat(bad.errors()).isNotEmpty();
    assertThat(TimetableChanges.of(bad, loaded(412, 0))).isEmpty();
  }

  @Test
  void theTermOfABatchSummaryIsReadBack() throws Exception {
    TimetablePlan plan = zf("K1 星期一 1-16周");
    assertThat(
            TimetableOverviewReader.termOfSummary(TimetableImportService.summary(plan, "zf.csv")))
        .isEqualTo("2026-2027-1");
    assertThat(TimetableOverviewReader.termOfSummary("{\"kind\":\"PERIOD_TIMES\",\"term\":null}"))
        .isEmpty();
    assertThat(TimetableOverviewReader.termOfSummary("not json")).isEmpty();
    assertThat(TimetableOverviewReader.termOfSummary(null)).isEmpty();
  }
}
