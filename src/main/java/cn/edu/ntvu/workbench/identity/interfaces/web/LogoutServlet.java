package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.CasLogouts;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.security.LogoutToken;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sign-out. Only a POST carrying the session's {@link LogoutToken} signs out: a link or an image on
 * another site (a GET), or a form posted from one (no token), must not end anybody's session. A GET
 * shows a page with one button that posts; a POST without the right token shows the same page
 * again. Signing out ends the local session on every server and, for a CAS sign-in, the CAS single
 * sign-on session too (so the next person at a shared computer is not signed in as the last one); a
 * WeCom sign-in ends here only (WeCom itself stays signed in).
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** The confirmation page: one button that posts the token. */
  static final String CONFIRM_PAGE = "/WEB-INF/views/signout.xhtml";

  @Inject transient AppSettings settings;
  @Inject transient CasLogouts endedSignIns;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res)
      throws IOException, ServletException {
    HttpSession session = req.getSession(false);
    if (signedIn(session) == null) {
      signedOut(req, res, null);
      return;
    }
    confirm(req, res, session, HttpServletResponse.SC_OK, false);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res)
      throws IOException, ServletException {
    HttpSession session = req.getSession(false);
    SignedInUser user = signedIn(session);
    if (user == null) {
      // Nothing to end; a pre-sign-in session (OAuth state) may go too.
      if (session != null) {
        session.invalidate();
      }
      signedOut(req, res, null);
      return;
    }
    if (!LogoutToken.matches(session, req.getParameter(LogoutToken.FIELD))) {
      confirm(req, res, session, HttpServletResponse.SC_FORBIDDEN, true);
      return;
    }
    // Every server refuses this sign-in from now on, also one holding a replica of this session.
    String name = SignInSupport.signInName(session);
    if (name != null) {
      endedSignIns.recordLogout(name);
    }
    session.invalidate();
    signedOut(req, res, user.path());
  }

  private static SignedInUser signedIn(HttpSession session) {
    return session != null
            && session.getAttribute(SignedInUser.SESSION_KEY) instanceof SignedInUser u
        ? u
        : null;
  }

  private static void confirm(
      HttpServletRequest req,
      HttpServletResponse res,
      HttpSession session,
      int status,
      boolean refused)
      throws IOException, ServletException {
    req.setAttribute("logoutToken", LogoutToken.of(session));
    req.setAttribute("logoutRefused", refused);
    res.setStatus(status);
    res.setHeader("Cache-Control", "no-store");
    req.getRequestDispatcher(CONFIRM_PAGE).forward(req, res);
  }

  private void signedOut(HttpServletRequest req, HttpServletResponse res, SignInPath path)
      throws IOException {
    res.setHeader("Cache-Control", "no-store");
    String signedOut = settings.publicBaseUrl() + "/signed-out.xhtml";
    if (path == SignInPath.CAS) {
      res.sendRedirect(
          settings.casUrl()
              + "/logout?service="
              + URLEncoder.encode(signedOut, StandardCharsets.UTF_8));
    } else {
      res.sendRedirect(req.getContextPath() + "/signed-out.xhtml");
    }
  }
}
