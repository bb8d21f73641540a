package cn.edu.ntvu.workbench.notices.interfaces.web;

import cn.edu.ntvu.workbench.notices.application.NoticeAccessDenied;
import cn.edu.ntvu.workbench.notices.application.NoticeRecipient;
import cn.edu.ntvu.workbench.notices.application.NoticeResults;
import cn.edu.ntvu.workbench.notices.application.NoticesTexts;
import cn.edu.ntvu.workbench.platform.audit.AuditCsv;
import cn.edu.ntvu.workbench.platform.export.SpreadsheetCells;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.ServletGuard;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.web.CanonicalPath;
import cn.edu.ntvu.workbench.platform.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code /notices/export.xlsx?id=} and {@code /notices/export.csv?id=}: the read and confirm list
 * of a notice, for its sender and co-senders only. Every cell is text; one a spreadsheet would take
 * for a formula is marked as text (XLSX: quote prefix) or prefixed with an apostrophe (CSV, UTF-8
 * with BOM) — {@link SpreadsheetCells}.
 */
@WebServlet({"/notices/export.xlsx", "/notices/export.csv"})
public class NoticeExportServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject NoticeResults results;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!ServletGuard.kind(req, resp, PersonKind.STAFF)) {
      return;
    }
    SignedInUser user = CurrentUser.of(req);
    if (user == null) {
      resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    long id = Pages.id(req.getParameter("id"));
    List<NoticeRecipient> people;
    try {
      people = results.recipients(user, id, Integer.MAX_VALUE);
    } catch (NoticeAccessDenied e) {
      resp.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    NoticesTexts t = NoticesTexts.chinese();
    List<String> header =
        List.of(
            t.get("notices.export.no"),
            t.get("notices.export.name"),
            t.get("notices.export.account"),
            t.get("notices.export.unit"),
            t.get("notices.export.readAt"),
            t.get("notices.export.confirmedAt"));
    boolean csv = CanonicalPath.of(req).endsWith(".csv");
    resp.setHeader(
        "Content-Disposition",
        "attachment; filename=\"notice-" + id + (csv ? ".csv\"" : ".xlsx\""));
    resp.setHeader("Cache-Control", "no-store");
    if (csv) {
      resp.setContentType("text/csv; charset=UTF-8");
      OutputStream out = resp.getOutputStream();
      out.write(AuditCsv.BOM);
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write(SpreadsheetCells.csvRow(header));
      int n = 0;
      for (NoticeRecipient p : people) {
        w.write(SpreadsheetCells.csvRow(cells(++n, p)));
      }
      w.flush();
      return;
    }
    resp.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
      CellStyle asText = SpreadsheetCells.textStyle(book);
      Sheet sheet = book.createSheet(t.get("notices.app"));
      write(sheet.createRow(0), header, asText);
      int n = 0;
      for (NoticeRecipient p : people) {
        n++;
        write(sheet.createRow(n), cells(n, p), asText);
      }
      book.write(resp.getOutputStream());
      book.dispose();
    }
  }

  static List<String> cells(int n, NoticeRecipient p) {
    List<String> c = new ArrayList<>();
    c.add(String.valueOf(n));
    c.add(p.name());
    c.add(p.account());
    c.add(p.unitName());
    c.add(Pages.when(p.readAt()));
    c.add(Pages.when(p.confirmedAt()));
    return c;
  }

  private static void write(Row row, List<String> values, CellStyle asText) {
    for (int i = 0; i < values.size(); i++) {
      SpreadsheetCells.text(row.createCell(i), values.get(i), asText);
    }
  }
}
