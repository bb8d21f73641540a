package cn.edu.ntvu.workbench.leave.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.ClassRef;
import cn.edu.ntvu.workbench.leave.application.LeaveCatalog;
import cn.edu.ntvu.workbench.leave.application.LeaveQueries;
import cn.edu.ntvu.workbench.leave.application.LeaveRequestRow;
import cn.edu.ntvu.workbench.leave.application.LeaveStatistics;
import cn.edu.ntvu.workbench.leave.application.LeaveTexts;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code /leave/export.xlsx?from=…&to=…}: the approved leave of the classes the signed-in
 * counsellor or dean looks after, one row per request, and the statistics per class and type on a
 * second sheet. Nobody else's classes: the classes come from the directory for the signed-in
 * person, never from the request.
 */
@WebServlet("/leave/export.xlsx")
public class ExportServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject LeaveQueries queries;
  @Inject LeaveCatalog catalog;
  @Inject Clock clock;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!ServletGuard.anyRole(req, resp, Role.COUNSELLOR, Role.DEAN)) {
      return;
    }
    SignedInUser user = CurrentUser.of(req);
    if (user == null) {
      resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    List<ClassRef> classes = queries.classesInCareOf(user);
    if (classes.isEmpty()) {
      resp.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    LocalDate[] range =
        ClassesView.range(req.getParameter("from"), req.getParameter("to"), LocalDate.now(clock));
    if (range == null) {
      resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    Map<String, String> names =
        classes.stream().collect(Collectors.toMap(ClassRef::code, ClassRef::name, (a, b) -> a));
    List<LeaveRequestRow> rows =
        queries.ofClasses(
            List.copyOf(names.keySet()),
            range[0].atStartOfDay(),
            range[1].plusDays(1).atStartOfDay(),
            false);
    LeaveTexts t = LeaveTexts.chinese();
    resp.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    resp.setHeader(
        "Content-Disposition",
        "attachment; filename=\"leave-" + range[0] + "-" + range[1] + ".xlsx\"");
    try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
      CellStyle asText = SpreadsheetCells.textStyle(book);
      Sheet sheet = book.createSheet(t.get("leave.app"));
      row(
          sheet,
          asText,
          0,
          t.get("leave.detail.student"),
          "学号",
          t.get("leave.detail.class"),
          t.get("leave.field.type"),
          t.get("leave.field.start"),
          t.get("leave.field.end"),
          t.get("leave.classes.days"),
          t.get("leave.field.offCampus"),
          t.get("leave.field.destination"),
          t.get("leave.detail.returnedAt"));
      int i = 1;
      for (LeaveRequestRow r : rows) {
        row(
            sheet,
            asText,
            i++,
            r.studentName(),
            r.studentAccount(),
            names.getOrDefault(r.classCode(), r.classCode()),
            catalog.typeName(r.typeCode()),
            WHEN.format(r.start()),
            WHEN.format(r.end()),
            r.duration().daysText(),
            r.offCampus() ? t.get("leave.msg.yes") : t.get("leave.msg.no"),
            r.destination() == null ? "" : r.destination(),
            r.returnedAt() == null ? "" : WHEN.format(r.returnedAt()));
      }
      Sheet stats = book.createSheet(t.get("leave.classes.stats"));
      row(
          stats,
          asText,
          0,
          t.get("leave.detail.class"),
          t.get("leave.field.type"),
          t.get("leave.classes.count"),
          t.get("leave.classes.days"));
      int j = 1;
      for (LeaveStatistics.Line l : LeaveStatistics.of(rows)) {
        row(
            stats,
            asText,
            j++,
            names.getOrDefault(l.classCode(), l.classCode()),
            catalog.typeName(l.typeCode()),
            String.valueOf(l.count()),
            l.days().stripTrailingZeros().toPlainString());
      }
      book.write(resp.getOutputStream());
      book.dispose();
    }
  }

  /**
   * Every value is written as a text cell, quote-prefixed when a spreadsheet could take it for a
   * formula ({@link SpreadsheetCells}): nothing a student typed can become one, not even when the
   * cell is edited.
   */
  private static void row(Sheet sheet, CellStyle asText, int index, String... values) {
    Row row = sheet.createRow(index);
    for (int c = 0; c < values.length; c++) {
      SpreadsheetCells.text(row.createCell(c), values[c], asText);
    }
  }
}
