package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.CasLogouts;
import cn.edu.ntvu.workbench.identity.application.SignInPath;
import cn.edu.ntvu.workbench.identity.application.SignedInUser;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Ends the local session and, for a CAS sign-in, the CAS single sign-on session too (so the next person at a shared
 * computer is not signed in as the last one).
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {
  @Inject AppSettings settings;
  @Inject CasLogouts endedSignIns;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    HttpSession session = req.getSession(false);
    SignInPath path = null;
    if (session != null) {
      Object user = session.getAttribute(SignedInUser.SESSION_KEY);
      if (user instanceof SignedInUser u) {
        path = u.path();
      }
      // Every server refuses this sign-in from now on, also one holding a replica of this session.
      String name = SignInSupport.signInName(session);
      if (name != null) {
        endedSignIns.recordLogout(name);
      }
      session.invalidate();
    }
    res.setHeader("Cache-Control", "no-store");
    String signedOut = settings.publicBaseUrl() + "/signed-out.xhtml";
    if (path == SignInPath.CAS && settings.casUrl().isPresent()) {
      res.sendRedirect(
          settings.casUrl().get()
              + "/logout?service="
              + URLEncoder.encode(signedOut, StandardCharsets.UTF_8));
    } else {
      res.sendRedirect(req.getContextPath() + "/signed-out.xhtml");
    }
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    doPost(req, res);
  }
}
