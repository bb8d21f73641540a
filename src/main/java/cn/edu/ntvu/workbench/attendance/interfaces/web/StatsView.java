package cn.edu.ntvu.workbench.attendance.interfaces.web;

import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics.ClassStats;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics.CourseLine;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics.StudentLine;
import cn.edu.ntvu.workbench.attendance.application.AttendanceTexts;
import cn.edu.ntvu.workbench.attendance.application.RollCallRefused;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.Html;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;

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
  private String studentsHtml;

  public void load() {
    try {
      stats = statistics.ofClass(me.get(), classParam);
      studentsHtml = studentsHtml(stats, BundleText.viewLocale());
    } catch (RollCallRefused e) {
      problem = AttendanceTexts.ofView().get(e.key(), e.args().toArray());
      FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(e.status());
    }
  }

  /**
   * The students' list ({@code <ol id="students">}) written in one pass: ~640 course lines a class,
   * where a Facelets repeat with an EL expression per attribute and a {@code MessageFormat} per
   * line was most of the page's cost. One formatter for the request; every text through {@link
   * Html#escape}.
   */
  static String studentsHtml(ClassStats stats, Locale locale) {
    String pattern = BundleText.text(AttendanceTexts.BUNDLE, locale, "attendance.stats.line");
    MessageFormat line = new MessageFormat(pattern, locale);
    String flag =
        Html.escape(BundleText.text(AttendanceTexts.BUNDLE, locale, "attendance.stats.flag"));
    String none =
        Html.escape(BundleText.text(AttendanceTexts.BUNDLE, locale, "attendance.stats.none"));
    Object[] args = new Object[5];
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<ol class=\"ats-list\" id=\"students\">");
    for (StudentLine s : stats.students()) {
      out.append("<li class=\"ats-student")
          .append(s.alert() ? " ats-alert" : "")
          .append("\" data-account=\"")
          .append(Html.escape(s.account()))
          .append("\"><p class=\"ats-name\"><b>")
          .append(Html.escape(s.name()))
          .append("</b> <span class=\"wb-muted\">")
          .append(Html.escape(s.account()))
          .append("</span>");
      if (s.alert()) {
        out.append("<span class=\"ats-flag\">").append(flag).append("</span>");
      }
      out.append("</p>");
      if (s.courses().isEmpty()) {
        out.append("<p class=\"wb-muted wb-small\">").append(none).append("</p>");
      } else {
        out.append("<ul class=\"ats-courses\">");
        for (CourseLine c : s.courses()) {
          // as text, as the bundle's other numbers are shown (no grouping)
          args[0] = String.valueOf(c.absent());
          args[1] = String.valueOf(c.held());
          args[2] = String.valueOf(c.late());
          args[3] = String.valueOf(c.early());
          args[4] = String.valueOf(c.excused());
          out.append(c.alert() ? "<li class=\"ats-alert\" data-course=\"" : "<li data-course=\"")
              .append(Html.escape(c.courseCode()))
              .append("\"><span>")
              .append(Html.escape(c.courseName()))
              .append("</span><span>")
              .append(Html.escape(line.format(args)))
              .append("</span></li>");
        }
        out.append("</ul>");
      }
      out.append("</li>");
    }
    return out.append("</ol>").toString();
  }

  public String getStudentsHtml() {
    return studentsHtml;
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
