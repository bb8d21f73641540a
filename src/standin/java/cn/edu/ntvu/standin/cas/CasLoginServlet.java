package cn.edu.ntvu.standin.cas;

import cn.edu.ntvu.standin.Pages;
import cn.edu.ntvu.standin.school.Cast;
import cn.edu.ntvu.standin.school.CastHtml;
import cn.edu.ntvu.standin.school.SchoolPeople;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /cas/login?service=…}: the demo people and the "try this" steps; choosing one (or typing
 * any account) redirects to {@code service?ticket=ST-…} (or {@code &ticket=} when the service has a
 * query), as CAS does after a successful login. A service not on the app's public base URL gets
 * CAS's 403 "not authorized".
 */
@WebServlet("/cas/login")
public class CasLoginServlet extends HttpServlet {
  /** The browser's CAS cookie (a real CAS's TGC): here only to name the tickets a logout ends. */
  static final String COOKIE = "STANDIN_TGC";

  @Inject CasTickets tickets;
  @Inject SchoolPeople school;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    show(req, res, null);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String service = req.getParameter("service");
    if (service != null && !service.isBlank() && !tickets.allowed(service)) {
      show(req, res, null);
      return;
    }
    String account =
        CastHtml.typedAccount(
            req.getParameter("as") != null ? req.getParameter("as") : req.getParameter("account"));
    if (account == null) {
      show(req, res, Pages.of(req).text("cast.accountMissing"));
      return;
    }
    String tgc = cookie(req);
    if (tgc == null) {
      tgc = "TGT-" + CasTickets.random(24);
    }
    Cookie c = new Cookie(COOKIE, tgc);
    c.setPath(req.getContextPath() + "/cas");
    c.setHttpOnly(true);
    res.addCookie(c);
    res.setHeader("Cache-Control", "no-store");
    if (service == null || service.isBlank()) {
      Pages page = Pages.of(req);
      page.begin(page.text("cas.title"))
          .raw("<p class=\"wb-card\" id=\"signed-in\">")
          .escaped(page.text("cas.noService"))
          .raw("</p>");
      page.send(res, 200);
      return;
    }
    String ticket = tickets.issue(service, account, tgc);
    res.sendRedirect(
        service
            + (service.contains("?") ? "&" : "?")
            + "ticket="
            + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
  }

  private void show(HttpServletRequest req, HttpServletResponse res, String accountProblem)
      throws IOException {
    Pages page = Pages.of(req);
    page.begin(page.text("cas.title"));
    String service = req.getParameter("service");
    if (service != null && !service.isBlank() && !tickets.allowed(service)) {
      page.raw("<p class=\"wb-error\" id=\"not-authorized\">")
          .escaped(page.text("cas.notAuthorized", service))
          .raw("</p>");
      page.send(res, 403);
      return;
    }
    Cast cast = Cast.of(school.school());
    page.raw("<p class=\"wb-muted\">")
        .escaped(page.text("cas.intro"))
        .raw("</p>")
        .raw("<form method=\"post\" id=\"cas\" class=\"wb-card\" action=\"")
        .raw(page.contextPath())
        .raw("/cas/login\"><input type=\"hidden\" name=\"service\" value=\"")
        .escaped(service == null ? "" : service)
        .raw("\"/>");
    CastHtml.choices(page, cast, page.text("cas.submit"), accountProblem);
    page.raw("</form>");
    CastHtml.tryThis(page, cast);
    page.send(res, accountProblem == null ? 200 : 401);
  }

  static String cookie(HttpServletRequest req) {
    if (req.getCookies() != null) {
      for (Cookie c : req.getCookies()) {
        if (COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().startsWith("TGT-")) {
          return c.getValue();
        }
      }
    }
    return null;
  }
}
