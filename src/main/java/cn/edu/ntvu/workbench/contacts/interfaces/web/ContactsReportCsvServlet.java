package cn.edu.ntvu.workbench.contacts.interfaces.web;

import cn.edu.ntvu.workbench.contacts.application.ContactStates;
import cn.edu.ntvu.workbench.platform.export.SpreadsheetCells;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.ServletGuard;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.RequestLocale;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report as a CSV file for Excel (UTF-8 with BOM, formula cells neutralised like the audit
 * export): not activated and not in WeCom, with masked mobile numbers. Under {@code /admin/}, so
 * only admins get it.
 */
@WebServlet(ContactsReportCsvServlet.PATH)
public class ContactsReportCsvServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/admin/wecom/contacts-report.csv";

  @Inject ContactsReport report;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!ServletGuard.anyRole(req, res, Role.ADMIN)) {
      return;
    }
    Locale locale = RequestLocale.of(req);
    StringBuilder out =
        new StringBuilder(
                BundleText.format(MyAccountPage.BUNDLE, locale, "report.csv.header", List.of()))
            .append("\r\n");
    List<ContactStates.ReportRow> rows = new ArrayList<>(report.notActivated());
    rows.addAll(report.missing());
    for (ContactStates.ReportRow r : rows) {
      out.append(
              List.of(
                      r.account(),
                      r.name(),
                      nullToEmpty(r.department()),
                      r.mobileMasked(),
                      BundleText.format(
                          MyAccountPage.BUNDLE,
                          locale,
                          "account.status." + r.status().name(),
                          List.of()),
                      r.lastErrcode() == null ? "" : String.valueOf(r.lastErrcode()))
                  .stream()
                  .map(SpreadsheetCells::csv)
                  .collect(Collectors.joining(",")))
          .append("\r\n");
    }
    byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
    res.setContentType("text/csv;charset=UTF-8");
    res.setHeader("Content-Disposition", "attachment; filename=\"wecom-accounts.csv\"");
    res.setHeader("Cache-Control", "private, no-store");
    res.setContentLength(text.length + 3);
    res.getOutputStream().write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    res.getOutputStream().write(text);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
