package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.web.SafeTarget;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Chooses how to sign in: silently through WeCom OAuth inside the WeCom browser (its user agent
 * contains {@code wxwork}), through CAS everywhere else (in development, the stand-ins of both,
 * reached like the real ones).
 */
@WebServlet("/login")
public class SignInServlet extends HttpServlet {
  @Inject AppSettings settings;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String target = SafeTarget.orHome(req.getParameter("target"));
    HttpSession session = req.getSession(false);
    if (session != null && session.getAttribute(SignedInUser.SESSION_KEY) != null) {
      res.sendRedirect(req.getContextPath() + target);
      return;
    }
    String encoded = URLEncoder.encode(target, StandardCharsets.UTF_8);
    String next = (isWeComBrowser(req) ? "/login/wecom?target=" : "/login/cas?target=") + encoded;
    res.setHeader("Cache-Control", "no-store");
    res.sendRedirect(req.getContextPath() + next);
  }

  static boolean isWeComBrowser(HttpServletRequest req) {
    String ua = req.getHeader("User-Agent");
    return ua != null && ua.toLowerCase(Locale.ROOT).contains("wxwork");
  }
}
