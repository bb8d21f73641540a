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
    assertThat(RouteGuardFilter.isFacesAjax(request(Map.of("Faces-Request", "partial/ajax"), Map.of()))).isTrue();
    assertThat(RouteGuardFilter.isFacesAjax(request(Map.of(), Map.of("jakarta.faces.partial.ajax", "true"))))
        .isTrue();
    assertThat(RouteGuardFilter.isFacesAjax(request(Map.of(), Map.of("javax.faces.partial.ajax", "true")))).isTrue();
    assertThat(RouteGuardFilter.isFacesAjax(request(Map.of(), Map.of()))).isFalse();
  }
}
