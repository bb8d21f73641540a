package cn.edu.ntvu.workbench.attendance.interfaces.web;

import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics.CourseLine;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics.MyCourse;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics.MyMark;
import cn.edu.ntvu.workbench.attendance.application.AttendanceTexts;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * {@code /attendance/mine.xhtml}: 我的考勤 — a student's own attendance this term per course, each 缺勤,
 * 迟到, 早退 and 请假 by date, a 请假 with the leave that excused it (a link to the request).
 */
@Named("myAttendance")
@RequestScoped
@Requires(kind = PersonKind.STUDENT)
public class MyAttendanceView {
  @Inject CurrentUser me;
  @Inject AttendanceStatistics statistics;

  private List<MyCourse> courses;

  public List<MyCourse> getCourses() {
    if (courses == null) {
      courses = statistics.mine(me.get());
    }
    return courses;
  }

  public String summary(CourseLine c) {
    return AttendanceTexts.ofView()
        .get("attendance.stats.line", c.absent(), c.held(), c.late(), c.early(), c.excused());
  }

  /** "11月23日 第1–2节 请假（病假）". */
  public String line(MyMark m) {
    AttendanceTexts t = AttendanceTexts.ofView();
    String mark = t.get("attendance.mark." + m.mark().name());
    if (m.leaveType() != null) {
      mark = t.get("attendance.mine.excusedBy", mark, m.leaveType());
    }
    return t.get(
        "attendance.mine.line",
        m.date().getMonthValue(),
        m.date().getDayOfMonth(),
        m.firstPeriod(),
        m.lastPeriod(),
        mark);
  }
}
