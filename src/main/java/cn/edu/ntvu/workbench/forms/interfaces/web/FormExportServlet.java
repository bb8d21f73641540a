package cn.edu.ntvu.workbench.forms.interfaces.web;

import cn.edu.ntvu.workbench.forms.application.FormAccessDenied;
import cn.edu.ntvu.workbench.forms.application.FormBuilder;
import cn.edu.ntvu.workbench.forms.application.FormResults;
import cn.edu.ntvu.workbench.forms.application.FormRow;
import cn.edu.ntvu.workbench.forms.application.FormsTexts;
import cn.edu.ntvu.workbench.forms.application.Recipient;
import cn.edu.ntvu.workbench.forms.application.ResponseRow;
import cn.edu.ntvu.workbench.forms.domain.Question;
import cn.edu.ntvu.workbench.platform.audit.AuditCsv;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code /forms/export.xlsx?id=} and {@code /forms/export.csv?id=}: every response of a form, for
 * its owners only. XLSX is written by POI's streaming workbook (100 rows in memory) and the
 * responses are read 500 at a time, so a large form costs no more memory than a small one. Every
 * cell is text; one a spreadsheet would take for a formula is marked as text (XLSX: quote prefix)
 * or prefixed with an apostrophe (CSV, UTF-8 with BOM). Files are links. An anonymous form's export
 * has no name, account or time column.
 */
@WebServlet({"/forms/export.xlsx", "/forms/export.csv"})
public class FormExportServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Inject FormResults results;
  @Inject FormBuilder builder;
  @Inject AppSettings settings;
  @Inject Clock clock;

  /**
   * The download's name from the form's title and today's date ("体检信息收集-20261125.xlsx"): an ASCII
   * fallback for old clients and the real name in RFC 5987's {@code filename*}, with the characters
   * a file system or the header cannot take replaced.
   */
  static String contentDisposition(String title, long id, LocalDate day, String ext) {
    String clean = title == null ? "" : title.replaceAll("[\\p{Cntrl}\\\\/:*?\"<>|;]", "_").strip();
    if (clean.length() > 60) {
      clean = clean.substring(0, 60);
    }
    String date = day.format(DateTimeFormatter.BASIC_ISO_DATE);
    String name = (clean.isEmpty() ? "form-" + id : clean) + "-" + date + "." + ext;
    String encoded = java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"form-"
        + id
        + "-"
        + date
        + "."
        + ext
        + "\"; filename*=UTF-8''"
        + encoded;
  }

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
    FormRow form;
    List<Question> questions;
    try {
      form = builder.owned(user, id);
      questions = builder.questions(id);
    } catch (FormAccessDenied e) {
      resp.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    boolean anonymous = form.settings().anonymous();
    FormsTexts t = FormsTexts.chinese();
    List<String> header = new ArrayList<>();
    header.add(t.get("forms.export.no"));
    if (!anonymous) {
      header.addAll(
          List.of(
              t.get("forms.export.name"),
              t.get("forms.export.account"),
              t.get("forms.export.unit"),
              t.get("forms.export.time")));
    }
    questions.forEach(q -> header.add(q.position() + ". " + q.title()));
    String fileBase = settings.publicBaseUrl() + "/forms/file?id=";
    boolean csv = CanonicalPath.of(req).endsWith(".csv");
    resp.setHeader(
        "Content-Disposition",
        contentDisposition(form.title(), id, LocalDate.now(clock), csv ? "csv" : "xlsx"));
    resp.setHeader("Cache-Control", "no-store");
    if (csv) {
      resp.setContentType("text/csv; charset=UTF-8");
      OutputStream out = resp.getOutputStream();
      out.write(AuditCsv.BOM);
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      w.write(SpreadsheetCells.csvRow(header));
      int[] n = {0};
      results.eachResponse(
          user,
          id,
          r -> {
            try {
              w.write(SpreadsheetCells.csvRow(cells(++n[0], r, questions, anonymous, fileBase)));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      w.flush();
      return;
    }
    resp.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
      CellStyle asText = SpreadsheetCells.textStyle(book);
      Sheet sheet = book.createSheet(t.get("forms.app"));
      write(sheet.createRow(0), header, asText);
      int[] n = {0};
      results.eachResponse(
          user,
          id,
          r -> {
            n[0]++;
            write(sheet.createRow(n[0]), cells(n[0], r, questions, anonymous, fileBase), asText);
          });
      if (!anonymous) {
        // 未填写: who in the audience has not filled (an anonymous form shows nobody).
        Sheet missing = book.createSheet(t.get("forms.export.notFilled"));
        write(
            missing.createRow(0),
            List.of(
                t.get("forms.export.no"),
                t.get("forms.export.name"),
                t.get("forms.export.account"),
                t.get("forms.export.unit")),
            asText);
        int i = 0;
        for (Recipient r : results.notFilled(user, id, 100_000)) {
          i++;
          write(
              missing.createRow(i),
              List.of(String.valueOf(i), r.name(), r.account(), r.unitName()),
              asText);
        }
      }
      book.write(resp.getOutputStream());
      book.dispose();
    }
  }

  private static List<String> cells(
      int n, ResponseRow r, List<Question> questions, boolean anonymous, String fileBase) {
    List<String> c = new ArrayList<>();
    c.add(String.valueOf(n));
    if (!anonymous) {
      c.add(r.name());
      c.add(r.account());
      c.add(r.unitName());
      c.add(
          r.updatedAt() != null
              ? WHEN.format(r.updatedAt())
              : r.submittedAt() == null ? "" : WHEN.format(r.submittedAt()));
    }
    for (Question q : questions) {
      c.add(AnswerCells.text(q, r.answers().get(q.id()), fileBase));
    }
    return c;
  }

  private static void write(Row row, List<String> values, CellStyle asText) {
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i) == null ? "" : values.get(i);
      // Excel's own cell limit; a longer answer is cut in the sheet (the CSV keeps it whole).
      SpreadsheetCells.text(
          row.createCell(i), v.length() > 32_767 ? v.substring(0, 32_767) : v, asText);
    }
  }
}
