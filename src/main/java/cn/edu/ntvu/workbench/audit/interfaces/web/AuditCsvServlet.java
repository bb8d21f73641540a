package cn.edu.ntvu.workbench.audit.interfaces.web;

import cn.edu.ntvu.workbench.platform.audit.AuditCsv;
import cn.edu.ntvu.workbench.platform.audit.AuditLog;
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
import java.util.List;
import java.util.Locale;

/**
 * {@code /admin/audit.csv?actor=…&type=…&from=…&to=…}: the entries the audit page shows for the
 * same filter, as a CSV file for Excel. Under {@code /admin/}, so the sign-in filter answers 403 to
 * everyone but admins.
 */
@WebServlet(AuditCsvServlet.PATH)
public class AuditCsvServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  static final String PATH = "/admin/audit.csv";
  private static final List<String> COLUMNS =
      List.of(
          "when",
          "account",
          "name",
          "path",
          "action",
          "objectType",
          "objectId",
          "object",
          "changes");

  @Inject AuditLog log;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!ServletGuard.anyRole(req, res, Role.ADMIN)) {
      return;
    }
    Locale locale = RequestLocale.of(req);
    List<String> header =
        COLUMNS.stream()
            .map(c -> BundleText.format(AuditLogView.BUNDLE, locale, "audit.csv." + c, List.of()))
            .toList();
    byte[] csv = AuditCsv.write(header, log.export(AuditQuery.of(req).filter()));
    res.setContentType("text/csv;charset=UTF-8");
    res.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
    res.setHeader("Cache-Control", "private, no-store");
    res.setContentLength(csv.length);
    res.getOutputStream().write(csv);
  }
}
