package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.SignInService;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.web.SafeTarget;
import cn.edu.ntvu.workbench.wecom.application.WeComClient;
import cn.edu.ntvu.workbench.wecom.domain.WeComException;
import cn.edu.ntvu.workbench.wecom.domain.WeComIdentity;
import cn.edu.ntvu.workbench.wecom.domain.WeComInvalidCodeException;
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
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Silent sign-in inside the WeCom browser (docs/wecom-api.md §1.1–1.2): redirect to WeCom's
 * authorize URL with {@code scope=snsapi_base} and a {@code state} bound to this browser session;
 * WeCom comes back with a {@code code}, which {@code auth/getuserinfo} turns into the userid (学工号)
 * of a directory person.
 */
@WebServlet({WeComSignInServlet.START, WeComSignInServlet.CALLBACK})
public class WeComSignInServlet extends HttpServlet {
  static final String START = "/login/wecom";
  static final String CALLBACK = "/login/wecom/callback";
  private static final Logger LOG = Logger.getLogger(WeComSignInServlet.class.getName());

  @Inject AppSettings settings;
  @Inject WeComClient wecom;
  @Inject SignInService signIn;
  @Inject cn.edu.ntvu.workbench.identity.application.Authorities authorities;
  @Inject SignInSupport support;
  @Inject Clock clock;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res)
      throws IOException, ServletException {
    res.setHeader("Cache-Control", "no-store");
    if (req.getServletPath().equals(CALLBACK)) {
      callback(req, res);
    } else {
      start(req, res);
    }
  }

  private void start(HttpServletRequest req, HttpServletResponse res) throws IOException {
    HttpSession session = req.getSession(true);
    OAuthStates states = states(session);
    String state = states.issue(SafeTarget.orHome(req.getParameter("target")), clock.instant());
    // Re-set so that a replicated session sees the change.
    session.setAttribute(OAuthStates.SESSION_KEY, states);
    res.sendRedirect(authorizeUrl(state));
  }

  /** The authorize URL exactly as WeCom documents it, {@code #wechat_redirect} included (§1.1). */
  String authorizeUrl(String state) {
    String redirect = settings.publicBaseUrl() + CALLBACK;
    return settings.wecomAuthorizeUrl()
        + "?appid="
        + enc(settings.wecomCorpId())
        + "&redirect_uri="
        + enc(redirect)
        + "&response_type=code&scope=snsapi_base&state="
        + state
        + "&agentid="
        + enc(settings.wecomAgentId())
        + "#wechat_redirect";
  }

  private void callback(HttpServletRequest req, HttpServletResponse res)
      throws IOException, ServletException {
    if (support.tooManyFailures(req, res)) {
      return;
    }
    HttpSession session = req.getSession(false);
    Optional<String> target = Optional.empty();
    if (session != null) {
      OAuthStates states = states(session);
      target = states.consume(req.getParameter("state"), clock.instant());
      session.setAttribute(OAuthStates.SESSION_KEY, states);
    }
    if (target.isEmpty()) {
      support.problem(req, res, SignInSupport.Problem.STATE_INVALID, null, "/");
      return;
    }
    String code = req.getParameter("code");
    if (code == null || code.isBlank() || code.length() > 512) {
      support.problem(req, res, SignInSupport.Problem.CANCELLED, null, target.get());
      return;
    }
    WeComIdentity identity;
    try {
      identity = wecom.getUserInfo(code);
    } catch (WeComInvalidCodeException e) {
      support.problem(req, res, SignInSupport.Problem.CODE_INVALID, null, target.get());
      return;
    } catch (WeComException e) {
      LOG.warning(() -> "WeCom sign-in failed: " + e.getMessage());
      support.problem(req, res, SignInSupport.Problem.UNAVAILABLE, null, target.get());
      return;
    }
    if (identity instanceof WeComIdentity.Member member) {
      SignInService.Outcome outcome = authorities.signIn(member.userid(), SignInPath.WECOM);
      support.finish(req, res, outcome, target.get());
    } else {
      support.problem(req, res, SignInSupport.Problem.NOT_MEMBER, null, target.get());
    }
  }

  private static OAuthStates states(HttpSession session) {
    Object o = session.getAttribute(OAuthStates.SESSION_KEY);
    return o instanceof OAuthStates s ? s : new OAuthStates();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
