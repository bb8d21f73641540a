package cn.edu.ntvu.workbench.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Payara binds its MicroProfile endpoints into the root-context application, which is ours, so
 * before issue 14 any signed-in student could read {@code /metrics} (pools, JVM, request counters),
 * {@code /openapi} (every REST route) and Jersey's {@code application.wadl}, and anyone the health
 * checks' names and data. The packaged WAR runs with the same {@code
 * server-config/pre-boot-commands.asadmin} as production, which switches them off, and {@link
 * PayaraEndpointsFilter} answers 404 there whatever Payara serves (it kept {@code
 * /openapi/application.wadl}, 200, with OpenAPI switched off): signed in, all of them are gone, and
 * the load balancer's {@code /health/ready} says UP and nothing else.
 */
class PayaraEndpointsIT {
  private static final List<String> GONE =
      List.of(
          "/metrics",
          "/metrics/",
          "/metrics/base",
          "/metrics/vendor",
          "/metrics/application",
          "/openapi",
          "/openapi/",
          "/openapi/ui",
          "/openapi/application.wadl",
          "/rest/application.wadl",
          "/rest/application.wadl?detail=true",
          "/health",
          "/health/",
          "/health/live",
          "/health/started");

  @Test
  void aSignedInStudentReachesNoneOfPayarasEndpoints() {
    String app = TestServers.appUrl();
    WebSession web = WeComStandInScreen.signedIn(app + "/", TestUsers.STUDENT.account());
    assertThat(web.get(app + "/").statusCode()).isEqualTo(200);
    for (String path : GONE) {
      HttpResponse<String> r = web.get(app + path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.body())
          .as(path)
          .doesNotContain("# TYPE", "openapi:", "<application", "\"checks\"");
    }
    HttpResponse<String> ready = new WebSession().get(app + "/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("{\"status\":\"UP\"}");
  }
}
