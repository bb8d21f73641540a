package cn.edu.ntvu.workbench.attendance.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics.ClassStats;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics.CourseLine;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics.StudentLine;
import cn.edu.ntvu.workbench.identity.application.ClassRef;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StatsViewTest {
  private static ClassStats stats() {
    ClassRef c = new ClassRef("2401", "机械241");
    return new ClassStats(
        "2026-2027-1",
        List.of(c),
        c,
        "1/3",
        List.of(
            new StudentLine(
                "s1",
                "张<三>",
                List.of(
                    new CourseLine("C1", "高等数学 & 线代", 1200, 4, 1, 0, 2, true),
                    new CourseLine("C2", "体育", 8, 0, 0, 1, 0, false)),
                true),
            new StudentLine("s2", "李四", List.of(), false)));
  }

  @Test
  void writesEachStudentAndCourseLineOnceEscaped() {
    String html = StatsView.studentsHtml(stats(), Locale.ROOT);
    assertThat(html)
        .startsWith("<ol class=\"ats-list\" id=\"students\">")
        .contains("<li class=\"ats-student ats-alert\" data-account=\"s1\">")
        .contains("<b>张&lt;三&gt;</b>")
        .contains("<span class=\"ats-flag\">缺勤预警</span>")
        .contains(
            "<li class=\"ats-alert\" data-course=\"C1\"><span>高等数学 &amp; 线代</span>"
                + "<span>缺勤 4/1200 节 · 迟到 1 · 早退 0 · 请假 2 节</span></li>")
        .contains(
            "<li data-course=\"C2\"><span>体育</span><span>缺勤 0/8 节 · 迟到 0 · 早退 1 · 请假 0 节</span></li>")
        .contains("<li class=\"ats-student\" data-account=\"s2\"><p class=\"ats-name\">")
        .contains("本学期暂无点名记录。")
        .endsWith("</li></ol>");
  }

  @Test
  void speaksTheViewersLanguage() {
    assertThat(StatsView.studentsHtml(stats(), Locale.ENGLISH))
        .contains("Absent 4/1200 periods · late 1 · left early 0 · on leave 2 periods")
        .contains("Absence alert");
  }
}
