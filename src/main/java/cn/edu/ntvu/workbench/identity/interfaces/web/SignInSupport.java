package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.SignInService;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.web.SafeTarget;
import cn.edu.ntvu.workbench.platform.web.Throttle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Logger;

/** Finishes a sign-in whichever way it came, and shows the clear page when it cannot. */
@ApplicationScoped
public class SignInSupport {
  private static final Logger LOG = Logger.getLogger(SignInSupport.class.getName());

  @Inject AppSettings settings;
  @Inject Throttle throttle;

  /** Why sign-in stopped; each has a title line and a help line in the message bundle. */
  public enum Problem {
    NOT_IN_DIRECTORY("notInDirectory", HttpServletResponse.SC_FORBIDDEN, false),
    DISABLED("disabled", HttpServletResponse.SC_FORBIDDEN, false),
    STATE_INVALID("stateInvalid", HttpServletResponse.SC_BAD_REQUEST, true),
    CODE_INVALID("codeInvalid", HttpServletResponse.SC_BAD_REQUEST, true),
    NOT_MEMBER("notMember", HttpServletResponse.SC_FORBIDDEN, false),
    UNAVAILABLE("unavailable", HttpServletResponse.SC_SERVICE_UNAVAILABLE, false),
    CANCELLED("cancelled", HttpServletResponse.SC_BAD_REQUEST, false),
    TICKET_INVALID("ticketInvalid", HttpServletResponse.SC_BAD_REQUEST, true);

    final String key;
    final int status;

    /**
     * A forged or replayed credential (state, code, ticket): counts toward the address's
     * brute-force limit.
     */
    final boolean failedGuess;

    Problem(String key, int status, boolean failedGuess) {
      this.key = key;
      this.status = status;
      this.failedGuess = failedGuess;
    }
  }

  /**
   * Before a sign-in callback does any work: true when the caller's address made too many failed
   * callbacks lately ({@link Throttle}); the 429 is written then and the caller stops.
   */
  public boolean tooManyFailures(HttpServletRequest req, HttpServletResponse res)
      throws IOException {
    return throttle.refused(Throttle.Gate.SIGN_IN, req, res);
  }

  /**
   * The session attribute naming this sign-in for a logout that must reach every server ({@code
   * local:} and 128 random bits; a CAS sign-in is named by its ticket instead, {@link
   * CasSignIn#TICKET_KEY}).
   */
  public static final String SIGN_IN_ID_KEY = "wb.signInId";

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  static String newSignInId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "local:" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The name of the sign-in held by {@code session} in the record of ended sign-ins: its CAS
   * ticket, or its own id; null for a session without either.
   */
  public static String signInName(jakarta.servlet.http.HttpSession session) {
    Object ticket = session.getAttribute(CasSignIn.TICKET_KEY);
    if (ticket instanceof String t) {
      return t;
    }
    return session.getAttribute(SIGN_IN_ID_KEY) instanceof String id ? id : null;
  }

  /** Signs in with a new session id (session fixation), then lands on the target. */
  public void complete(
      HttpServletRequest req, HttpServletResponse res, SignedInUser user, String target)
      throws IOException {
    HttpSession session = req.getSession(true);
    req.changeSessionId();
    session.setAttribute(SignedInUser.SESSION_KEY, user);
    session.setAttribute(SIGN_IN_ID_KEY, newSignInId());
    session.setMaxInactiveInterval((int) settings.sessionIdle().toSeconds());
    LOG.info(() -> "Signed in " + user.account() + " via " + user.path());
    res.sendRedirect(req.getContextPath() + SafeTarget.orHome(target));
  }

  /** Outcome of {@link SignInService#resolve}: either signed in, or the matching problem page. */
  public void finish(
      HttpServletRequest req, HttpServletResponse res, SignInService.Outcome outcome, String target)
      throws IOException, ServletException {
    if (outcome instanceof SignInService.Outcome.SignedIn s) {
      complete(req, res, s.user(), target);
    } else if (outcome instanceof SignInService.Outcome.NotInDirectory n) {
      problem(req, res, Problem.NOT_IN_DIRECTORY, n.account(), target);
    } else if (outcome instanceof SignInService.Outcome.Disabled d) {
      problem(req, res, Problem.DISABLED, d.account(), target);
    }
  }

  /** Renders the sign-in problem page in place: no redirect, so there is never a redirect loop. */
  public void problem(
      HttpServletRequest req,
      HttpServletResponse res,
      Problem problem,
      String account,
      String target)
      throws IOException, ServletException {
    LOG.info(() -> "Sign-in stopped: " + problem + (account == null ? "" : " for " + account));
    if (problem.failedGuess) {
      throttle.failure(Throttle.Gate.SIGN_IN, req);
    }
    req.setAttribute("problemKey", problem.key);
    req.setAttribute("problemAccount", account == null ? "" : account);
    req.setAttribute("problemTarget", SafeTarget.orHome(target));
    res.setStatus(problem.status);
    res.setHeader("Cache-Control", "no-store");
    req.getRequestDispatcher("/WEB-INF/errorpages/signin-problem.xhtml").forward(req, res);
  }
}
