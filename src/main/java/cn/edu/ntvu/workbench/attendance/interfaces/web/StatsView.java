package cn.edu.ntvu.workbench.attendance.interfaces.web;

import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics.ClassStats;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics.CourseLine;
import cn.edu.ntvu.workbench.attendance.application.AttendanceTexts;
import cn.edu.ntvu.workbench.attendance.application.RollCallRefused;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /attendance/stats.xhtml?class=2401000}: 考勤统计 for counsellors, deans and admins — the
 * absences per student and course this term of one of the classes they look after, those past the
 * threshold first and highlighted, with the XLSX export. Another class is refused (403) by the
 * service.
 */
@Named("attendanceStats")
@RequestScoped
@Requires(roles = {Role.COUNSELLOR, Role.DEAN, Role.ADMIN})
public class StatsView {
  @Inject CurrentUser me;
  @Inject AttendanceStatistics statistics;

  private String classParam;
  private ClassStats stats;
  private String problem;

  public void load() {
    try {
      stats = statistics.ofClass(me.get(), classParam);
    } catch (RollCallRefused e) {
      problem = AttendanceTexts.ofView().get(e.key(), e.args().toArray());
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(e.status());
    }
  }

  /** "缺勤 4/8 节 · 迟到 1 · 早退 0 · 请假 2 节". */
  public String summary(CourseLine c) {
    return AttendanceTexts.ofView()
        .get("attendance.stats.line", c.absent(), c.held(), c.late(), c.early(), c.excused());
  }

  /** "缺勤达到已上节数的 1/3 即标红；本班 2 人". */
  public String getThresholdText() {
    return AttendanceTexts.ofView()
        .get("attendance.stats.threshold", stats.threshold(), stats.alerts());
  }

  public String exportLink() {
    return "stats.xlsx?class=" + URLEncoder.encode(stats.chosen().code(), StandardCharsets.UTF_8);
  }

  public String classLink(String code) {
    return "stats.xhtml?class=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
  }

  public String getClassParam() {
    return classParam;
  }

  public void setClassParam(String classParam) {
    this.classParam = classParam;
  }

  public ClassStats getStats() {
    return stats;
  }

  public String getProblem() {
    return problem;
  }
}
