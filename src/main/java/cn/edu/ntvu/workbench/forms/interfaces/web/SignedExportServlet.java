package cn.edu.ntvu.workbench.forms.interfaces.web;

import cn.edu.ntvu.workbench.forms.application.ExportLinks;
import cn.edu.ntvu.workbench.forms.application.FormAccessDenied;
import cn.edu.ntvu.workbench.forms.application.FormsTexts;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.CanonicalPath;
import cn.edu.ntvu.workbench.platform.web.Html;
import cn.edu.ntvu.workbench.platform.web.RequestLocale;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code GET /forms/signed.xlsx?t=} and {@code /forms/signed.csv?t=}: a form's export through a
 * signed link ({@link ExportLinks}), without a session — WeCom's file preview and the system
 * browser send none. The link is the credential (public in the route table, like the calendar
 * feed): a valid one sends the file as the owner's download would; an expired one a 410 page, a
 * forged one or one whose person may no longer have the form a 403 page, each one sentence; never
 * the error page. The token is in the URL, so nothing here logs a URL.
 */
@WebServlet({"/forms/signed.xlsx", "/forms/signed.csv"})
public class SignedExportServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject ExportLinks links;
  @Inject FormExportWriter exports;

  static String path(String format) {
    return "/forms/signed." + format;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    boolean csv = CanonicalPath.of(req).endsWith(".csv");
    ExportLinks.Opened opened = links.open(req.getParameter("t"), csv ? "csv" : "xlsx");
    if (opened instanceof ExportLinks.Opened.File file) {
      try {
        exports.send(file.owner(), file.formId(), csv, resp);
        return;
      } catch (FormAccessDenied e) {
        // gone between the check and the file: refused like any other
      }
    }
    boolean expired = opened instanceof ExportLinks.Opened.Expired;
    sentence(
        req,
        resp,
        expired ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_FORBIDDEN,
        expired ? "forms.signedExport.expired" : "forms.signedExport.refused");
  }

  /** A small page of one sentence, in the browser's language, with the theme. */
  private static void sentence(
      HttpServletRequest req, HttpServletResponse resp, int status, String key) throws IOException {
    Locale locale = RequestLocale.of(req);
    Locale bundleLocale = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
    String title = BundleText.text(FormsTexts.BUNDLE, bundleLocale, "forms.signedExport.title");
    String text = BundleText.text(FormsTexts.BUNDLE, bundleLocale, key);
    String html =
        "<!DOCTYPE html><html lang=\""
            + ("en".equals(locale.getLanguage()) ? "en" : "zh-CN")
            + "\"><head><meta charset=\"utf-8\"/>"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
            + "<title>"
            + Html.escape(title)
            + "</title><link rel=\"stylesheet\" href=\""
            + req.getContextPath()
            + "/resources/workbench/theme.css\"/></head><body><main class=\"wb-main\">"
            + "<p class=\"wb-notice\" id=\"signed-export-refused\">"
            + Html.escape(text)
            + "</p></main></body></html>";
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    resp.reset();
    resp.setStatus(status);
    resp.setHeader("Cache-Control", "no-store");
    resp.setContentType("text/html;charset=UTF-8");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
