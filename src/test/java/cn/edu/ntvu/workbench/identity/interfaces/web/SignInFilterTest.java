package cn.edu.ntvu.workbench.identity.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInFilterTest {
  /** A request that answers only headers and parameters. */
  private static HttpServletRequest request(Map<String, String> headers, Map<String, String> params) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            SignInFilterTest.class.getClassLoader(),
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
    assertThat(SignInFilter.isFacesAjax(request(Map.of("Faces-Request", "partial/ajax"), Map.of()))).isTrue();
    assertThat(SignInFilter.isFacesAjax(request(Map.of(), Map.of("jakarta.faces.partial.ajax", "true")))).isTrue();
    assertThat(SignInFilter.isFacesAjax(request(Map.of(), Map.of("javax.faces.partial.ajax", "true")))).isTrue();
    assertThat(SignInFilter.isFacesAjax(request(Map.of(), Map.of()))).isFalse();
  }

  @Test
  void onlySignInPlumbingAssetsAndStandInsArePublic() {
    assertThat(SignInFilter.isPublic("/login/wecom/callback")).isTrue();
    assertThat(SignInFilter.isPublic("/callback")).isTrue();
    assertThat(SignInFilter.isPublic("/resources/workbench/theme.css")).isTrue();
    assertThat(SignInFilter.isPublic("/health/ready")).isTrue();
    assertThat(SignInFilter.isPublic("/wecom/callback")).isTrue();
    assertThat(SignInFilter.isPublic("/rest/wecom/jssdk/signature")).isFalse();
    assertThat(SignInFilter.isPublic("/admin/wecom/setup.xhtml")).isFalse();
    assertThat(SignInFilter.isPublic("/")).isFalse();
    assertThat(SignInFilter.isPublic("/index.xhtml")).isFalse();
    assertThat(SignInFilter.isPublic("/admin/directory/people.xhtml")).isFalse();
  }

  @Test
  void exactlyTheCalendarFeedPathIsPublic() {
    String token = "Ab0_-".repeat(8) + "xyz";
    assertThat(SignInFilter.isPublic("/calendar/" + token + ".ics")).isTrue();
    assertThat(SignInFilter.isPublic("/calendar/")).isFalse();
    assertThat(SignInFilter.isPublic("/calendar/" + token)).isFalse();
    assertThat(SignInFilter.isPublic("/calendar/a/" + token + ".ics")).isFalse();
    assertThat(SignInFilter.isPublic("/calendar/%2e%2e%2fadmin%2fpeople.xhtml.ics")).isFalse();
    assertThat(SignInFilter.isPublic("/calendar/x.ics/../../admin/directory/people.xhtml")).isFalse();
    assertThat(SignInFilter.isPublic("/timetable/calendar.xhtml")).isFalse();
  }

  @Test
  void theWeComBrowserIsRecognisedByItsUserAgent() {
    assertThat(SignInServlet.isWeComBrowser(request(Map.of("User-Agent",
        "Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Mobile/15E148 wxwork/4.1.22 MicroMessenger/7.0.1"), Map.of())))
        .isTrue();
    assertThat(SignInServlet.isWeComBrowser(request(Map.of("User-Agent",
        "Mozilla/5.0 (iPhone) MicroMessenger/8.0.50"), Map.of()))).isFalse();
    assertThat(SignInServlet.isWeComBrowser(request(Map.of(), Map.of()))).isFalse();
  }
}
