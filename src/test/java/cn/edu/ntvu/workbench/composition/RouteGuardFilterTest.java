package cn.edu.ntvu.workbench.composition;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteGuardFilterTest {
  /** A request that answers only headers and parameters. */
  static HttpServletRequest request(Map<String, String> headers, Map<String, String> params) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            RouteGuardFilterTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getHeader" -> headers.get((String) args[0]);
                  case "getParameter" -> params.get((String) args[0]);
                  default -> null;
                });
  }

  @Test
  void facesFourAjaxIsRecognisedByHeaderOrParameter() {
    assertThat(
            RouteGuardFilter.isFacesAjax(
                request(Map.of("Faces-Request", "partial/ajax"), Map.of())))
        .isTrue();
    assertThat(
            RouteGuardFilter.isFacesAjax(
                request(Map.of(), Map.of("jakarta.faces.partial.ajax", "true"))))
        .isTrue();
    assertThat(
            RouteGuardFilter.isFacesAjax(
                request(Map.of(), Map.of("javax.faces.partial.ajax", "true"))))
        .isTrue();
    assertThat(RouteGuardFilter.isFacesAjax(request(Map.of(), Map.of()))).isFalse();
  }

  /**
   * A GET of {@code path} on a session that holds {@code signedIn}; records what the filter did.
   */
  private static final class Exchange {
    final Map<String, Object> sessionAttributes = new java.util.HashMap<>();
    final Map<String, Object> requestAttributes = new java.util.HashMap<>();
    boolean invalidated;
    String redirect;
    int error;
    boolean passed;

    void run(RouteGuardFilter filter, String path) throws Exception {
      jakarta.servlet.http.HttpSession session =
          (jakarta.servlet.http.HttpSession)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {jakarta.servlet.http.HttpSession.class},
                  (proxy, m, args) ->
                      switch (m.getName()) {
                        case "getAttribute" ->
                            invalidated ? null : sessionAttributes.get((String) args[0]);
                        case "invalidate" -> {
                          invalidated = true;
                          yield null;
                        }
                        default -> null;
                      });
      HttpServletRequest req =
          (HttpServletRequest)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {HttpServletRequest.class},
                  (proxy, m, args) ->
                      switch (m.getName()) {
                        case "getDispatcherType" -> jakarta.servlet.DispatcherType.REQUEST;
                        case "getServletPath" -> path;
                        case "getMethod" -> "GET";
                        case "getContextPath" -> "";
                        case "getSession" -> invalidated ? null : session;
                        case "getAttribute" -> requestAttributes.get((String) args[0]);
                        case "setAttribute" -> requestAttributes.put((String) args[0], args[1]);
                        default -> null;
                      });
      jakarta.servlet.http.HttpServletResponse res =
          (jakarta.servlet.http.HttpServletResponse)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {jakarta.servlet.http.HttpServletResponse.class},
                  (proxy, m, args) ->
                      switch (m.getName()) {
                        case "sendRedirect" -> {
                          redirect = (String) args[0];
                          yield null;
                        }
                        case "sendError" -> {
                          error = (Integer) args[0];
                          yield null;
                        }
                        case "isCommitted" -> redirect != null || error != 0;
                        default -> null;
                      });
      filter.doFilter(req, res, (rq, rs) -> passed = true);
    }
  }

  private static final java.time.Instant NOW = java.time.Instant.parse("2026-11-25T02:20:00Z");

  private static RouteGuardFilter filter(java.time.Duration max) {
    cn.edu.ntvu.workbench.identity.application.Authorities everyoneAsTheySignedIn =
        new cn.edu.ntvu.workbench.identity.application.Authorities() {
          @Override
          public Standing current(cn.edu.ntvu.workbench.platform.security.SignedInUser signedIn) {
            return new Standing.Active(signedIn);
          }
        };
    cn.edu.ntvu.workbench.identity.application.CasLogouts noLogouts =
        new cn.edu.ntvu.workbench.identity.application.CasLogouts() {
          @Override
          public boolean isLoggedOut(String name) {
            return false;
          }
        };
    return new RouteGuardFilter(
        everyoneAsTheySignedIn,
        noLogouts,
        new cn.edu.ntvu.workbench.platform.security.Callers(),
        null,
        java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC),
        false,
        max);
  }

  private static cn.edu.ntvu.workbench.platform.security.SignedInUser signedInAt(
      java.time.Instant at) {
    return new cn.edu.ntvu.workbench.platform.security.SignedInUser(
        1,
        "20240100001",
        "田芬",
        cn.edu.ntvu.workbench.platform.security.PersonKind.STUDENT,
        "",
        null,
        null,
        java.util.Set.of(cn.edu.ntvu.workbench.platform.security.Role.STUDENT),
        cn.edu.ntvu.workbench.platform.security.SignInPath.WECOM,
        at);
  }

  @Test
  void aSignInWithinItsLifetimePassesWithThePersonAsTheyAreNow() throws Exception {
    Exchange x = new Exchange();
    x.sessionAttributes.put(
        cn.edu.ntvu.workbench.platform.security.SignedInUser.SESSION_KEY,
        signedInAt(NOW.minus(java.time.Duration.ofHours(11))));
    x.run(filter(java.time.Duration.ofHours(12)), "/timetable/index.xhtml");
    assertThat(x.passed).isTrue();
    assertThat(x.invalidated).isFalse();
    assertThat(x.requestAttributes)
        .containsKey(cn.edu.ntvu.workbench.platform.security.CurrentUser.REQUEST_KEY);
  }

  @Test
  void aSignInOlderThanItsLifetimeEndsAndGoesThroughSignInAgain() throws Exception {
    Exchange x = new Exchange();
    x.sessionAttributes.put(
        cn.edu.ntvu.workbench.platform.security.SignedInUser.SESSION_KEY,
        signedInAt(NOW.minus(java.time.Duration.ofHours(12)).minusSeconds(1)));
    x.run(filter(java.time.Duration.ofHours(12)), "/timetable/index.xhtml");
    assertThat(x.passed).isFalse();
    assertThat(x.invalidated).isTrue();
    assertThat(x.redirect).isEqualTo("/login?target=%2Ftimetable%2Findex.xhtml");
  }

  @Test
  void aPathWithoutALineIsNotFoundAndADirectoryGoesToTheContainer() throws Exception {
    Exchange unknown = new Exchange();
    unknown.run(filter(java.time.Duration.ofHours(12)), "/admin/secret.xhtml");
    assertThat(unknown.error).isEqualTo(404);
    assertThat(unknown.passed).isFalse();
    Exchange directory = new Exchange();
    directory.run(filter(java.time.Duration.ofHours(12)), "/leave");
    assertThat(directory.passed).isTrue();
  }

  @Test
  void theWrongRoleIsRefused() throws Exception {
    Exchange x = new Exchange();
    x.sessionAttributes.put(
        cn.edu.ntvu.workbench.platform.security.SignedInUser.SESSION_KEY,
        signedInAt(NOW.minusSeconds(60)));
    x.run(filter(java.time.Duration.ofHours(12)), "/admin/audit.csv");
    assertThat(x.error).isEqualTo(403);
    assertThat(x.passed).isFalse();
  }
}
