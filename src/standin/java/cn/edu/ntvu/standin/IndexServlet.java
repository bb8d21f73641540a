package cn.edu.ntvu.standin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /wecom-standin/}: what a developer finds here (the inbox, the CAS sign-in page, the way
 * back to the app), and {@code /wecom-standin/health}, which the run command and the tests wait for
 * beside the app's own readiness.
 */
@WebServlet({"", "/health"})
public class IndexServlet extends HttpServlet {
  @Inject StandInSettings settings;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if ("/health".equals(req.getServletPath())) {
      res.setContentType("application/json;charset=UTF-8");
      res.getWriter().write("{\"status\":\"UP\"}");
      return;
    }
    Pages page = Pages.of(req);
    page.begin(page.text("index.title"));
    String base = page.contextPath();
    page.raw("<p class=\"wb-muted\">")
        .escaped(page.text("index.intro"))
        .raw("</p><nav class=\"wb-card si-links\">")
        .raw("<a id=\"to-inbox\" href=\"")
        .raw(base)
        .raw("/inbox\">")
        .escaped(page.text("index.inbox"))
        .raw("</a>")
        .raw("<a id=\"to-workbench\" href=\"")
        .raw(base)
        .raw("/workbench\">")
        .escaped(page.text("index.workbench"))
        .raw("</a>")
        .raw("<a id=\"to-cas\" href=\"")
        .raw(base)
        .raw("/cas/login\">")
        .escaped(page.text("index.cas"))
        .raw("</a>")
        .raw("<a id=\"to-app\" href=\"")
        .escaped(settings.appBaseUrl())
        .raw("/\">")
        .escaped(page.text("index.app"))
        .raw("</a></nav>");
    page.send(res, 200);
  }
}
