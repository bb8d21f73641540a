package cn.edu.ntvu.workbench.forms.interfaces.web;

import cn.edu.ntvu.workbench.forms.application.FormAccessDenied;
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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * {@code /forms/export.xlsx?id=} and {@code /forms/export.csv?id=}: every response of a form, for
 * its owners only, with the session's sign-in (what is written: {@link FormExportWriter}). Inside
 * WeCom the results page opens a signed link instead ({@link SignedExportServlet}).
 */
@WebServlet({"/forms/export.xlsx", "/forms/export.csv"})
public class FormExportServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject FormExportWriter exports;

  /**
   * The download's name from the form's title and today's date ("体检信息收集-20261125.xlsx"): an ASCII
   * fallback for old clients and the real name in RFC 5987's {@code filename*}, with the characters
   * a file system or the header cannot take replaced.
   */
  static String contentDisposition(String title, long id, LocalDate day, String ext) {
    String date = day.format(DateTimeFormatter.BASIC_ISO_DATE);
    String name = fileName(title, id, day, ext);
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

  /** The file's name: the title cleaned of what a file system cannot take, and the day. */
  static String fileName(String title, long id, LocalDate day, String ext) {
    String clean = title == null ? "" : title.replaceAll("[\\p{Cntrl}\\\\/:*?\"<>|;]", "_").strip();
    if (clean.length() > 60) {
      clean = clean.substring(0, 60);
    }
    String date = day.format(DateTimeFormatter.BASIC_ISO_DATE);
    return (clean.isEmpty() ? "form-" + id : clean) + "-" + date + "." + ext;
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
    boolean csv = CanonicalPath.of(req).endsWith(".csv");
    try {
      exports.send(user, id, csv, resp);
    } catch (FormAccessDenied e) {
      resp.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
  }
}
