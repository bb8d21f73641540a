package cn.edu.ntvu.workbench.attendance.interfaces.web;

import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics.ClassStats;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics.CourseLine;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics.StudentLine;
import cn.edu.ntvu.workbench.attendance.application.AttendanceTexts;
import cn.edu.ntvu.workbench.attendance.application.RollCallRefused;
import cn.edu.ntvu.workbench.platform.export.SpreadsheetCells;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.ServletGuard;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code /attendance/stats.xlsx?class=2401000}: the statistics of one class this term as XLSX, one
 * row per student and course. The class must be one the signed-in person looks after (the service
 * decides; 403 otherwise); every value is a text cell, quote-prefixed when a spreadsheet could take
 * it for a formula ({@link SpreadsheetCells}), as 收集表's export does.
 */
@WebServlet("/attendance/stats.xlsx")
public class StatsExportServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject AttendanceStatistics statistics;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!ServletGuard.anyRole(req, resp, Role.COUNSELLOR, Role.DEAN, Role.ADMIN)) {
      return;
    }
    SignedInUser user = CurrentUser.of(req);
    if (user == null) {
      resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    ClassStats stats;
    try {
      stats = statistics.ofClass(user, req.getParameter("class"));
    } catch (RollCallRefused e) {
      resp.sendError(e.status());
      return;
    }
    AttendanceTexts t = AttendanceTexts.chinese();
    String code = stats.chosen().code().replaceAll("[^A-Za-z0-9_-]", "_");
    resp.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    resp.setHeader(
        "Content-Disposition",
        "attachment; filename=\"attendance-"
            + code
            + (stats.termCode() == null
                ? ""
                : "-" + stats.termCode().replaceAll("[^A-Za-z0-9_-]", "_"))
            + ".xlsx\"");
    try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
      CellStyle asText = SpreadsheetCells.textStyle(book);
      Sheet sheet = book.createSheet(t.get("attendance.stats.title"));
      row(
          sheet,
          asText,
          0,
          t.get("attendance.export.account"),
          t.get("attendance.export.name"),
          t.get("attendance.export.class"),
          t.get("attendance.export.course"),
          t.get("attendance.export.held"),
          t.get("attendance.export.absent"),
          t.get("attendance.export.late"),
          t.get("attendance.export.early"),
          t.get("attendance.export.excused"),
          t.get("attendance.export.alert", stats.threshold()));
      int i = 1;
      for (StudentLine s : stats.students()) {
        for (CourseLine c : s.courses()) {
          row(
              sheet,
              asText,
              i++,
              s.account(),
              s.name(),
              stats.chosen().name(),
              c.courseName(),
              String.valueOf(c.held()),
              String.valueOf(c.absent()),
              String.valueOf(c.late()),
              String.valueOf(c.early()),
              String.valueOf(c.excused()),
              c.alert() ? t.get("attendance.export.yes") : "");
        }
      }
      book.write(resp.getOutputStream());
      book.dispose();
    }
  }

  private static void row(Sheet sheet, CellStyle asText, int index, String... values) {
    Row row = sheet.createRow(index);
    for (int c = 0; c < values.length; c++) {
      SpreadsheetCells.text(row.createCell(c), values[c], asText);
    }
  }
}
