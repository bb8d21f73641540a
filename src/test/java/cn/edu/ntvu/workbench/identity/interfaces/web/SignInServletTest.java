package cn.edu.ntvu.workbench.identity.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInServletTest {
  private static HttpServletRequest withHeaders(Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            SignInServletTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                "getHeader".equals(method.getName()) ? headers.get((String) args[0]) : null);
  }

  @Test
  void theWeComBrowserIsRecognisedByItsUserAgent() {
    assertThat(
            SignInServlet.isWeComBrowser(
                withHeaders(
                    Map.of(
                        "User-Agent",
                        "Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Mobile/15E148 wxwork/4.1.22 MicroMessenger/7.0.1"))))
        .isTrue();
    assertThat(
            SignInServlet.isWeComBrowser(
                withHeaders(Map.of("User-Agent", "Mozilla/5.0 (iPhone) MicroMessenger/8.0.50"))))
        .isFalse();
    assertThat(SignInServlet.isWeComBrowser(withHeaders(Map.of()))).isFalse();
  }
}
