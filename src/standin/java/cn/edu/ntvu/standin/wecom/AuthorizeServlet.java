package cn.edu.ntvu.standin.wecom;

import cn.edu.ntvu.standin.Pages;
import cn.edu.ntvu.standin.StandInSettings;
import cn.edu.ntvu.standin.school.Cast;
import cn.edu.ntvu.standin.school.CastHtml;
import cn.edu.ntvu.standin.school.SchoolPeople;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * WeCom's OAuth authorize screen (wecom-api-notes §1.1) at {@code /connect/oauth2/authorize}, the
 * path of {@code open.weixin.qq.com}: checks the request as WeCom would (appid = the corp,
 * redirect_uri on the app's trusted domain, response_type code, an snsapi scope, the state's
 * charset) and lets the developer continue as a demo person, any account, or a non-member; then
 * redirects to {@code redirect_uri?code=CODE&state=STATE} with a single-use code, as WeCom does.
 * The request travels with the form, as WeCom's screen keeps it.
 */
@WebServlet("/connect/oauth2/authorize")
public class AuthorizeServlet extends HttpServlet {
  private static final String[] FIELDS = {
    "appid", "redirect_uri", "response_type", "scope", "state", "agentid"
  };

  @Inject StandInSettings settings;
  @Inject StandInWeCom standIn;
  @Inject SchoolPeople school;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    show(req, res, null);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (problem(req) != null) {
      show(req, res, null);
      return;
    }
    String userid;
    if (req.getParameter("nonMember") != null) {
      userid = null;
    } else if (req.getParameter("as") != null) {
      userid = CastHtml.typedAccount(req.getParameter("as"));
    } else {
      userid = CastHtml.typedAccount(req.getParameter("account"));
      if (userid == null) {
        show(req, res, Pages.of(req).text("cast.accountMissing"));
        return;
      }
    }
    String redirect = req.getParameter("redirect_uri");
    String state = req.getParameter("state");
    res.setHeader("Cache-Control", "no-store");
    res.sendRedirect(
        redirect
            + (redirect.contains("?") ? "&" : "?")
            + "code="
            + URLEncoder.encode(standIn.issueCode(userid), StandardCharsets.UTF_8)
            + "&state="
            + URLEncoder.encode(state == null ? "" : state, StandardCharsets.UTF_8));
  }

  private void show(HttpServletRequest req, HttpServletResponse res, String accountProblem)
      throws IOException {
    Pages page = Pages.of(req);
    page.begin(page.text("wecom.title"));
    page.raw("<p class=\"wb-muted\">").escaped(page.text("wecom.intro")).raw("</p>");
    String problem = problem(req);
    if (problem != null) {
      page.raw("<p class=\"wb-error\" id=\"authorize-problem\">")
          .escaped(page.text("wecom.badRequest", problem))
          .raw("</p>");
      page.send(res, 400);
      return;
    }
    Cast cast = Cast.of(school.school());
    page.raw("<form method=\"post\" id=\"wecom\" class=\"wb-card\" action=\"")
        .raw(page.contextPath())
        .raw("/connect/oauth2/authorize\">");
    for (String f : FIELDS) {
      String v = req.getParameter(f);
      page.raw("<input type=\"hidden\" name=\"")
          .raw(f)
          .raw("\" value=\"")
          .escaped(v == null ? "" : v)
          .raw("\"/>");
    }
    CastHtml.choices(page, cast, page.text("wecom.continue"), accountProblem);
    page.raw(
            "<button type=\"submit\" id=\"non-member\" name=\"nonMember\" value=\"1\" class=\"wb-list-item\">")
        .escaped(page.text("wecom.nonMember"))
        .raw("</button></form>");
    CastHtml.tryThis(page, cast);
    page.send(res, accountProblem == null ? 200 : 400);
  }

  /** Why WeCom would refuse this request, or null when it is valid. */
  private String problem(HttpServletRequest req) {
    if (!settings.corpId().equals(req.getParameter("appid"))) {
      return "appid";
    }
    String redirect = req.getParameter("redirect_uri");
    if (redirect == null || !onTrustedDomain(redirect)) {
      return "50001 redirect_url未登记可信域名";
    }
    if (!"code".equals(req.getParameter("response_type"))) {
      return "response_type";
    }
    String scope = req.getParameter("scope");
    if (!"snsapi_base".equals(scope) && !"snsapi_privateinfo".equals(scope)) {
      return "scope";
    }
    String state = req.getParameter("state");
    if (state != null && !state.matches("[A-Za-z0-9]{0,128}")) {
      return "state";
    }
    return null;
  }

  private boolean onTrustedDomain(String url) {
    try {
      URI u = URI.create(url);
      if (u.getHost() == null) {
        return false;
      }
      int port = u.getPort() < 0 ? ("https".equals(u.getScheme()) ? 443 : 80) : u.getPort();
      return (u.getHost() + ":" + port).equals(settings.appAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
