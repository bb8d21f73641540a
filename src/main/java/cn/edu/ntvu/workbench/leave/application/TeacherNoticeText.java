package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.timetable.domain.MissedMeeting;
import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import cn.edu.ntvu.workbench.timetable.domain.WeeklyMeeting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of the course teachers' messages, a pure function of the missed meetings: grouped per
 * teacher (each teacher once, with only the meetings they teach), per day within a teacher's
 * message: "田芬（机械制造241班）病假已批准：11月26日 第1–2节 职业生涯规划；11月27日 第5–6节 市场营销学", and the corrections
 * "更正：田芬（机械制造241班）的病假已撤回，11月27日 第5–6节 市场营销学 不再请假".
 */
public final class TeacherNoticeText {
  private TeacherNoticeText() {}

  /** The missed meetings per teacher, teachers in order of first appearance, meetings in order. */
  public static <M extends WeeklyMeeting> Map<String, List<MissedMeeting<M>>> byTeacher(
      List<MissedMeeting<M>> missed) {
    Map<String, List<MissedMeeting<M>>> out = new LinkedHashMap<>();
    for (MissedMeeting<M> m : missed) {
      for (String t : m.meeting().teacherAccounts()) {
        List<MissedMeeting<M>> mine = out.computeIfAbsent(t, k -> new ArrayList<>());
        if (!mine.contains(m)) {
          mine.add(m);
        }
      }
    }
    return out;
  }

  /** "田芬（机械制造241班）": the name, and the class when there is one. */
  public static String who(String studentName, String className) {
    return className == null || className.isBlank()
        ? studentName
        : studentName + "（" + className + "）";
  }

  /** "第3节", "第1–2节". */
  public static String periods(PeriodRange p) {
    return p.length() == 1 ? "第" + p.first() + "节" : "第" + p.first() + "–" + p.last() + "节";
  }

  /** "11月26日". */
  public static String day(LocalDate d) {
    return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  /** One line per day: "11月26日 第1–2节 职业生涯规划、第3–4节 计算机基础" (the meetings in the given order). */
  public static List<String> dayLines(List<? extends MissedMeeting<?>> meetings) {
    Map<LocalDate, StringBuilder> days = new LinkedHashMap<>();
    for (MissedMeeting<?> m : meetings) {
      StringBuilder b = days.get(m.date());
      if (b == null) {
        days.put(m.date(), b = new StringBuilder(day(m.date())).append(' '));
      } else {
        b.append('、');
      }
      b.append(periods(m.periods())).append(' ').append(m.meeting().courseName());
    }
    return days.values().stream().map(StringBuilder::toString).toList();
  }

  /** The title: "田芬（机械制造241班）病假已批准" or "更正：田芬（机械制造241班）的病假已撤回". */
  public static String title(LeaveOutcome.What what, String who, String typeName) {
    return LeaveTexts.chinese().get("leave.teacher.title." + what.name(), who, typeName);
  }

  /** The whole message in one line (the card's title, its day lines and the closing words). */
  public static String line(
      LeaveOutcome.What what, String who, String typeName, List<? extends MissedMeeting<?>> ms) {
    String days = String.join("；", dayLines(ms));
    return what.isCorrection()
        ? LeaveTexts.chinese().get("leave.teacher.correction", title(what, who, typeName), days)
        : title(what, who, typeName) + "：" + days;
  }
}
