package cn.edu.ntvu.workbench.leave.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.edu.ntvu.workbench.timetable.application.TimetableEntry;
import cn.edu.ntvu.workbench.timetable.domain.MissedMeeting;
import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import cn.edu.ntvu.workbench.timetable.domain.WeekPattern;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeacherNoticeTextTest {
  static final LocalDate WED = LocalDate.of(2026, 11, 26);
  static final LocalDate THU = LocalDate.of(2026, 11, 27);

  static TimetableEntry course(String name, DayOfWeek day, int first, int len, String... teachers) {
    return new TimetableEntry(
        "ZF",
        name.hashCode(),
        "C" + name.length(),
        name,
        List.of(teachers),
        "",
        "A101",
        day,
        new PeriodRange(first, len),
        WeekPattern.range(1, 18),
        List.of("JX241"));
  }

  static MissedMeeting<TimetableEntry> missed(LocalDate d, TimetableEntry e) {
    return new MissedMeeting<>(
        d,
        d,
        e,
        e.periods(),
        LocalTime.of(8, 0).plusHours(e.periods().first()),
        LocalTime.of(8, 45).plusHours(e.periods().first()));
  }

  // Two teachers over two days; T1 teaches two of the meetings (one on each day), T2 one, T3 with
  // T1 a shared one.
  static final TimetableEntry CAREER = course("职业生涯规划", DayOfWeek.THURSDAY, 1, 2, "T1");
  static final TimetableEntry COMPUTING = course("计算机基础", DayOfWeek.THURSDAY, 3, 2, "T2");
  static final TimetableEntry MARKETING = course("市场营销学", DayOfWeek.FRIDAY, 5, 2, "T1", "T3");
  static final TimetableEntry SPORT = course("体育", DayOfWeek.FRIDAY, 7, 1, "T2");

  static final List<MissedMeeting<TimetableEntry>> ALL =
      List.of(
          missed(WED, CAREER), missed(WED, COMPUTING), missed(THU, MARKETING), missed(THU, SPORT));

  @Test
  void oneMessagePerTeacherWithOnlyTheirMeetingsGroupedByDay() {
    Map<String, List<MissedMeeting<TimetableEntry>>> per = TeacherNoticeText.byTeacher(ALL);
    assertEquals(List.of("T1", "T2", "T3"), List.copyOf(per.keySet()));
    String who = TeacherNoticeText.who("田芬", "机械制造241班");
    assertEquals(
        "田芬（机械制造241班）病假已批准：11月26日 第1–2节 职业生涯规划；11月27日 第5–6节 市场营销学",
        TeacherNoticeText.line(LeaveOutcome.What.FINALLY_APPROVED, who, "病假", per.get("T1")));
    assertEquals(
        "田芬（机械制造241班）病假已批准：11月26日 第3–4节 计算机基础；11月27日 第7节 体育",
        TeacherNoticeText.line(LeaveOutcome.What.FINALLY_APPROVED, who, "病假", per.get("T2")));
    assertEquals(
        "田芬（机械制造241班）病假已批准：11月27日 第5–6节 市场营销学",
        TeacherNoticeText.line(LeaveOutcome.What.FINALLY_APPROVED, who, "病假", per.get("T3")));
  }

  @Test
  void severalMeetingsOfOneTeacherOnOneDayShareTheDate() {
    TimetableEntry afternoon = course("职业生涯规划", DayOfWeek.THURSDAY, 5, 2, "T1");
    List<MissedMeeting<TimetableEntry>> ms =
        List.of(missed(WED, CAREER), missed(WED, afternoon), missed(THU, MARKETING));
    assertEquals(
        List.of("11月26日 第1–2节 职业生涯规划、第5–6节 职业生涯规划", "11月27日 第5–6节 市场营销学"),
        TeacherNoticeText.dayLines(TeacherNoticeText.byTeacher(ms).get("T1")));
    assertEquals(List.of("T1", "T3"), List.copyOf(TeacherNoticeText.byTeacher(ms).keySet()));
  }

  @Test
  void correctionsSayWhatNoLongerHolds() {
    List<MissedMeeting<TimetableEntry>> t1 = List.of(missed(THU, MARKETING));
    String who = TeacherNoticeText.who("田芬", "机械制造241班");
    assertEquals(
        "更正：田芬（机械制造241班）的病假已撤回，11月27日 第5–6节 市场营销学 不再请假",
        TeacherNoticeText.line(LeaveOutcome.What.WITHDRAWN_AFTER_APPROVAL, who, "病假", t1));
    assertEquals(
        "更正：田芬（机械制造241班）的事假已取消，11月27日 第5–6节 市场营销学 不再请假",
        TeacherNoticeText.line(LeaveOutcome.What.CANCELLED_AFTER_APPROVAL, who, "事假", t1));
    assertEquals(
        "更正：田芬的病假已提前销假，11月27日 第5–6节 市场营销学 不再请假",
        TeacherNoticeText.line(
            LeaveOutcome.What.RETURNED_EARLY, TeacherNoticeText.who("田芬", null), "病假", t1));
  }

  @Test
  void anEarlyReturnConcernsOnlyTheTimeAfterIt() {
    LeaveOutcome o =
        new LeaveOutcome(
            1,
            "s",
            "田芬",
            null,
            "SICK",
            "病假",
            WED.atTime(8, 0),
            THU.atTime(18, 0),
            LeaveOutcome.What.RETURNED_EARLY,
            THU.atTime(12, 0));
    assertEquals(THU.atTime(12, 0), o.from());
    LeaveOutcome approved =
        new LeaveOutcome(
            1,
            "s",
            "田芬",
            null,
            "SICK",
            "病假",
            WED.atTime(8, 0),
            THU.atTime(18, 0),
            LeaveOutcome.What.FINALLY_APPROVED,
            null);
    assertEquals(WED.atTime(8, 0), approved.from());
  }

  @Test
  void aDigestTeacherHearsOnlyOfDaysWhoseDigestHasGone() {
    assertEquals(
        WED.minusDays(1),
        CourseTeacherNotices.lastDigestDay(LocalDateTime.of(WED, LocalTime.of(7, 29))));
    assertEquals(
        WED, CourseTeacherNotices.lastDigestDay(LocalDateTime.of(WED, LocalTime.of(7, 30))));
  }
}
