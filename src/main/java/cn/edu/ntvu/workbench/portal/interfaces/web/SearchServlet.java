package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.web.AppInfo;
import cn.edu.ntvu.workbench.platform.web.Html;
import cn.edu.ntvu.workbench.platform.web.RequestLocale;
import cn.edu.ntvu.workbench.portal.application.WorkbenchSearch;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code GET /search?q=…} (issue 21): the workbench search for the signed-in person. With {@code
 * part=results} it answers only the results' markup, which the home page's script puts under the
 * box as the person types; without, the whole page (the box's form without script). Read only: it
 * changes nothing, so it takes GET alone and needs no CSRF token. Any query is fine: a long one is
 * cut, an empty one finds nothing, markup and SQL in it are only text (it is compared in memory and
 * escaped on the way out).
 */
@WebServlet(urlPatterns = "/search")
public class SearchServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient WorkbenchSearch search;
  @Inject transient AppInfo app;
  @Inject transient AppSettings settings;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    SignedInUser user = CurrentUser.of(req);
    if (user == null) { // only if the sign-in filter were not mapped here
      res.sendRedirect(
          req.getContextPath() + "/login?target=" + URLEncoder.encode("/", StandardCharsets.UTF_8));
      return;
    }
    Locale locale = RequestLocale.of(req);
    String ctx = Html.escape(req.getContextPath());
    String v = Html.escape(app.getAssetVersion());
    WorkbenchSearch.Result r = search.search(user, req.getParameter("q"));
    String results =
        SearchHtml.results(
            r, ctx, v, locale, user.isStudent(), settings.supportContact().orElse(null));
    String html =
        "results".equals(req.getParameter("part"))
            ? results
            : SearchHtml.page(ctx, v, locale, r.query().text(), results, app.isDevMode());
    res.setContentType("text/html;charset=UTF-8");
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Content-Language", "en".equals(locale.getLanguage()) ? "en" : "zh-CN");
    res.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
  }
}
