package cn.edu.ntvu.workbench.composition;

import cn.edu.ntvu.workbench.identity.application.Authorities;
import cn.edu.ntvu.workbench.identity.application.Callers;
import cn.edu.ntvu.workbench.identity.application.CasLogouts;
import cn.edu.ntvu.workbench.identity.application.SignedInUser;
import cn.edu.ntvu.workbench.identity.interfaces.web.CurrentUser;
import cn.edu.ntvu.workbench.identity.interfaces.web.SignInSupport;
import cn.edu.ntvu.workbench.platform.web.CanonicalPath;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Enforces the route policy table ({@link Routes}) on the container's decoded path, for every request: a path with
 * no line is a 404, a method the line does not list a 405, a development-only route a 404 in production. A route
 * that needs a signed-in person gets one, as the directory has them <em>now</em> ({@link Authorities}): a session
 * whose person was set inactive or removed ends here with a clear page, one older than {@code session.max-hours}
 * or ended by CAS single logout (on any server) goes through sign-in again. A person without the access the line
 * names gets 403. The person then calls on this thread's behalf ({@link Callers}) for the checks in beans and
 * services.
 *
 * <p>A GET without a sign-in goes through sign-in and comes back to the same URL (deep links). A Faces Ajax request
 * on an expired session — PrimeFaces 15 / Faces 4 mark it with {@code Faces-Request: partial/ajax} and {@code
 * jakarta.faces.partial.ajax}, which pac4j does not recognise — gets a partial-response redirect to its own page,
 * so the browser reloads the page through sign-in instead of hanging.
 */
public class RouteGuardFilter extends HttpFilter {
  private final transient Authorities authorities;
  private final transient CasLogouts casLogouts;
  private final transient Callers callers;
  private final transient SignInSupport support;
  private final transient Clock clock;
  private final boolean devMode;
  private final Duration sessionMax;

  public RouteGuardFilter(
      Authorities authorities,
      CasLogouts casLogouts,
      Callers callers,
      SignInSupport support,
      Clock clock,
      boolean devMode,
      Duration sessionMax) {
    this.authorities = authorities;
    this.casLogouts = casLogouts;
    this.callers = callers;
    this.support = support;
    this.clock = clock;
    this.devMode = devMode;
    this.sessionMax = sessionMax;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getDispatcherType() != DispatcherType.REQUEST) {
      chain.doFilter(req, res);
      return;
    }
    String path = CanonicalPath.of(req);
    Optional<Route> found = Routes.find(path);
    if (found.isEmpty()) {
      if (isDirectoryOfAPage(path)) {
        // /leave: the container redirects to /leave/, whose welcome page has a line of its own.
        chain.doFilter(req, res);
      } else {
        res.sendError(HttpServletResponse.SC_NOT_FOUND);
      }
      return;
    }
    Route route = found.get();
    if (route.access().kind() == Access.Kind.DEV_ONLY && !devMode) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!route.methods().contains(req.getMethod())) {
      res.setHeader("Allow", String.join(", ", new TreeSet<>(route.methods())));
      res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    if (!route.access().needsSignIn()) {
      chain.doFilter(req, res);
      return;
    }
    Optional<SignedInUser> user = signedIn(req, res);
    if (res.isCommitted()) {
      return;
    }
    if (user.isEmpty()) {
      sendToSignIn(req, res, path);
      return;
    }
    if (!route.access().allows(user.get())) {
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    req.setAttribute(CurrentUser.REQUEST_KEY, user.get());
    // Personal pages must not be kept by shared caches or shown from history after sign-out.
    res.setHeader("Cache-Control", "private, no-cache");
    try {
      callers.as(
          user.get(),
          () -> {
            chain.doFilter(req, res);
            return null;
          });
    } catch (IOException | ServletException | RuntimeException e) {
      if (isRefusal(e) && !res.isCommitted()) {
        // A bean's or service's own check refused (the second and third layers): a 403, never the error page.
        res.reset();
        res.sendError(HttpServletResponse.SC_FORBIDDEN);
        return;
      }
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }

  private static boolean isRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SecurityException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDirectoryOfAPage(String path) {
    return !path.endsWith("/") && Routes.find(path + "/index.xhtml").filter(r -> !r.isPrefix()).isPresent();
  }

  /**
   * The person signed in on this request's session as the directory has them now; empty when nobody is, or when
   * the sign-in ended (CAS logout elsewhere, past its absolute lifetime). A person set inactive or removed gets the
   * sign-in problem page here (the response is then committed).
   */
  private Optional<SignedInUser> signedIn(HttpServletRequest req, HttpServletResponse res)
      throws IOException, ServletException {
    HttpSession session = req.getSession(false);
    SignedInUser signedIn = CurrentUser.signedIn(session);
    if (signedIn == null) {
      return Optional.empty();
    }
    String name = SignInSupport.signInName(session);
    boolean endedElsewhere = name != null && casLogouts.isLoggedOut(name);
    boolean tooOld = signedIn.signedInAt().plus(sessionMax).isBefore(clock.instant());
    if (endedElsewhere || tooOld) {
      session.invalidate();
      return Optional.empty();
    }
    Authorities.Standing standing = authorities.current(signedIn);
    if (standing instanceof Authorities.Standing.Active a) {
      return Optional.of(a.user());
    }
    session.invalidate();
    if (isFacesAjax(req)) {
      // The page reloads, goes through sign-in and meets the problem page there.
      return Optional.empty();
    }
    SignInSupport.Problem problem =
        standing instanceof Authorities.Standing.Inactive
            ? SignInSupport.Problem.DISABLED
            : SignInSupport.Problem.NOT_IN_DIRECTORY;
    support.problem(req, res, problem, signedIn.account(), null);
    return Optional.empty();
  }

  static boolean isFacesAjax(HttpServletRequest req) {
    return "partial/ajax".equals(req.getHeader("Faces-Request"))
        || "true".equals(req.getParameter("jakarta.faces.partial.ajax"))
        || "true".equals(req.getParameter("javax.faces.partial.ajax"));
  }

  private static void sendToSignIn(HttpServletRequest req, HttpServletResponse res, String path)
      throws IOException {
    // Back to the address the person asked for (/account/, not the welcome page it dispatched to): the
    // canonical-path filter has accepted the raw path, so it is the canonical spelling of the same page.
    String asked = req.getRequestURI() == null ? path : req.getRequestURI().substring(req.getContextPath().length());
    String self = (asked.isEmpty() ? path : asked) + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
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
