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
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * Writes a form's export for one of its owners: the session's download ({@link FormExportServlet})
 * and the signed link WeCom's file preview opens ({@link SignedExportServlet}) send the same file.
 * XLSX is written by POI's streaming workbook (100 rows in memory) and the responses are read 500
 * at a time, so a large form costs no more memory than a small one. Every cell is text; one a
 * spreadsheet would take for a formula is marked as text (XLSX: quote prefix) or prefixed with an
 * apostrophe (CSV, UTF-8 with BOM). Files are links. An anonymous form's export has no name,
 * account or time column, and no 未填写 sheet.
 */
@ApplicationScoped
public class FormExportWriter {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Inject FormResults results;
  @Inject FormBuilder builder;
  @Inject AppSettings settings;
  @Inject Clock clock;

  /** The file's name as people see it ("体检信息收集-20261125.xlsx"). */
  public String fileName(SignedInUser user, long id, boolean csv) {
    FormRow form = builder.owned(user, id);
    return FormExportServlet.fileName(form.title(), id, LocalDate.now(clock), csv ? "csv" : "xlsx");
  }

  /** How many bytes the file has now (written once to nowhere): WeCom's preview asks for it. */
  public long size(SignedInUser user, long id, boolean csv) throws IOException {
    long[] n = {0};
    OutputStream counter =
        new OutputStream() {
          @Override
          public void write(int b) {
            n[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            n[0] += len;
          }
        };
    write(user, id, csv, counter);
    return n[0];
  }

  /**
   * Sends the export as an attachment named after the form and the school day; refused ({@link
   * FormAccessDenied}) before anything is written unless {@code user} owns the form.
   */
  public void send(SignedInUser user, long id, boolean csv, HttpServletResponse resp)
      throws IOException {
    FormRow form = builder.owned(user, id);
    resp.setHeader(
        "Content-Disposition",
        FormExportServlet.contentDisposition(
            form.title(), id, LocalDate.now(clock), csv ? "csv" : "xlsx"));
    resp.setHeader("Cache-Control", "no-store");
    resp.setContentType(
        csv
            ? "text/csv; charset=UTF-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    write(user, id, csv, resp.getOutputStream());
  }

  private void write(SignedInUser user, long id, boolean csv, OutputStream out) throws IOException {
    FormRow form = builder.owned(user, id);
    List<Question> questions = builder.questions(id);
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
    if (csv) {
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
      book.write(out);
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
