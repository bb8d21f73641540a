package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.CasLogouts;
import cn.edu.ntvu.workbench.identity.application.SignedInUser;
import cn.edu.ntvu.workbench.identity.interfaces.web.CurrentUser;
import cn.edu.ntvu.workbench.identity.domain.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every page except the public ones needs a signed-in person. A GET without one goes through sign-in and comes back
 * to the same URL (deep links). A Faces Ajax request on an expired session — PrimeFaces 15 / Faces 4 mark it with
 * {@code Faces-Request: partial/ajax} and {@code jakarta.faces.partial.ajax}, which pac4j does not recognise —
 * gets a partial-response redirect to its own page, so the browser reloads the page through sign-in instead of
 * hanging. A CAS session that CAS has logged out (on any server) ends here. Admin pages need the admin role.
 */
public class SignInFilter extends HttpFilter {
  private final transient CasLogouts casLogouts;

  public SignInFilter(CasLogouts casLogouts) {
    this.casLogouts = casLogouts;
  }

  private static final String[] PUBLIC_PREFIXES = {
    "/login", "/callback", "/logout", "/signed-out.xhtml", "/error.xhtml", "/jakarta.faces.resource/", "/resources/",
    "/dev/", "/rest/standin/", "/health", "/favicon.ico", "/WW_verify_",
    // WeCom's servers call back without a session; the message signature is checked instead.
    "/wecom/callback",
    // Exists only in Arquillian test deployments; a 404 anywhere else.
    "/ArquillianServletRunner"
  };

  /**
   * Calendar subscription feeds ({@code /calendar/<token>.ics}): calendar apps send no cookies, the token in the URL
   * is the credential and the feed servlet checks it. Only the token's URL-safe characters, so that no encoded
   * {@code ..} or {@code /} can make this pattern admit another resource.
   */
  private static final java.util.regex.Pattern CALENDAR_FEED =
      java.util.regex.Pattern.compile("/calendar/[A-Za-z0-9_-]+\\.ics");

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (isPublic(path) || req.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
      chain.doFilter(req, res);
      return;
    }
    HttpSession session = req.getSession(false);
    SignedInUser user = CurrentUser.of(req);
    if (user != null && endedElsewhere(session)) {
      session.invalidate();
      user = null;
    }
    if (user == null) {
      sendToSignIn(req, res, path);
      return;
    }
    if (path.startsWith("/admin/") && !user.has(Role.ADMIN)) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    // Personal pages must not be kept by shared caches or shown from history after sign-out.
    res.setHeader("Cache-Control", "private, no-cache");
    chain.doFilter(req, res);
  }

  /**
   * CAS single logout may have reached another server, and with replicated sessions a logout on another server leaves
   * this server's copy of the session alive (Payara drops only its own): the record in the database counts.
   */
  private boolean endedElsewhere(HttpSession session) {
    String name = SignInSupport.signInName(session);
    return name != null && casLogouts.isLoggedOut(name);
  }

  static boolean isPublic(String path) {
    if (CALENDAR_FEED.matcher(path).matches()) {
      return true;
    }
    for (String p : PUBLIC_PREFIXES) {
      if (path.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  static boolean isFacesAjax(HttpServletRequest req) {
    return "partial/ajax".equals(req.getHeader("Faces-Request"))
        || "true".equals(req.getParameter("jakarta.faces.partial.ajax"))
        || "true".equals(req.getParameter("javax.faces.partial.ajax"));
  }

  private static void sendToSignIn(HttpServletRequest req, HttpServletResponse res, String path)
      throws IOException {
    String self = path + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
    if (isFacesAjax(req)) {
      res.setStatus(HttpServletResponse.SC_OK);
      res.setContentType("text/xml");
      res.setCharacterEncoding("UTF-8");
      res.setHeader("Cache-Control", "no-store");
      String url = (req.getContextPath() + self).replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
      res.getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + url
                  + "\"/></partial-response>");
      return;
    }
    String target = "GET".equals(req.getMethod()) ? self : path;
    res.sendRedirect(
        req.getContextPath() + "/login?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
  }
}
