package cn.edu.ntvu.workbench.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.E2eDb;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Friendly error pages: 404, an expired view, a 500 with a reference id and no stack trace; health;
 * cookies.
 */
class ErrorPagesIT {
  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  private static WebSession signedIn(String account) {
    return WeComStandInScreen.signedIn(app + "/", account);
  }

  @Test
  void anUnknownPageIsAFriendly404() {
    HttpResponse<String> r = signedIn(TestUsers.STUDENT.account()).get(app + "/no/such/page.xhtml");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("页面不存在").contains("返回工作台");
  }

  /**
   * A fault nobody's request can cause (no page of the app fails on purpose): the table behind a
   * page is gone for a moment, as when a database is restored under the running app.
   */
  @Test
  void aFailureShowsAReferenceAndNoStackTrace() throws Exception {
    WebSession web = signedIn(TestUsers.STUDENT.account());
    HttpResponse<String> r;
    E2eDb.exec("RENAME TABLE calendar_subscription TO calendar_subscription_away");
    try {
      r = web.get(app + "/timetable/calendar.xhtml");
    } finally {
      E2eDb.exec("RENAME TABLE calendar_subscription_away TO calendar_subscription");
    }
    assertThat(r.statusCode()).isEqualTo(500);
    Matcher ref = Pattern.compile("错误编号：([A-Z2-9]{8})").matcher(r.body());
    assertThat(ref.find()).as(r.body()).isTrue();
    assertThat(r.body())
        .doesNotContain("SQLSyntaxErrorException")
        .doesNotContain("PersistenceException")
        .doesNotContain("at cn.edu")
        .doesNotContain("calendar_subscription");
    String log = Files.readString(TestServers.app().process().logFile());
    assertThat(log).contains("Error reference " + ref.group(1));
  }

  @Test
  void aFileFormPostedWithoutItsMultipartBodyIsABadRequestNotAFailure() {
    WebSession web = signedIn(TestUsers.STUDENT.account());
    HttpResponse<String> page = web.get(app + "/leave/apply.xhtml");
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher vs = Pattern.compile("ViewState:0\" value=\"([^\"]*)\"").matcher(page.body());
    assertThat(vs.find()).isTrue();
    HttpResponse<String> r =
        web.post(
            app + "/leave/apply.xhtml",
            java.util.Map.of(
                "apply", "apply", "reason", "病了", "jakarta.faces.ViewState", vs.group(1)));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("提交的内容不完整")
        .doesNotContain("错误编号")
        .doesNotContain("ServletException")
        .doesNotContain("at org.");
  }

  @Test
  void anExpiredViewSaysSoInsteadOfFailing() {
    WebSession web = signedIn(TestUsers.ADMIN.account());
    HttpResponse<String> page = web.get(app + "/admin/directory/import.xhtml");
    assertThat(page.statusCode()).isEqualTo(200);
    HttpResponse<String> r =
        web.post(
            app + "/admin/directory/import.xhtml",
            Map.of(
                "preview",
                "preview",
                "jakarta.faces.ViewState",
                "-1:stale-view-state",
                "preview:again",
                "x"));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(WebSession.location(r)).isEqualTo(app + "/admin/directory/import.xhtml?expired=1");
    HttpResponse<String> reloaded = web.get(WebSession.location(r));
    assertThat(reloaded.statusCode()).isEqualTo(200);
    assertThat(reloaded.body()).contains("id=\"expired-notice\"").contains("页面停留太久已过期");
  }

  @Test
  void aStatelessViewStateSentToAStatefulPageIsABadRequestNotAFailure() {
    WebSession web = signedIn(TestUsers.ADMIN.account());
    assertThat(web.get(app + "/leave/admin.xhtml").statusCode()).isEqualTo(200);
    HttpResponse<String> r =
        web.post(
            app + "/leave/admin.xhtml",
            Map.of(
                "types",
                "types",
                "save-type",
                "save-type",
                "typeCode",
                "FORGED",
                "jakarta.faces.ViewState",
                "stateless"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .doesNotContain("错误编号")
        .doesNotContain("FacesException")
        .doesNotContain("at com.");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndLax() {
    HttpResponse<String> r =
        new WebSession().userAgent(Browser.WECOM_UA).get(app + "/login/wecom?target=/");
    String cookie =
        r.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("WBSESSION="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
  }

  @Test
  void readinessIsUpWithTheDatabase() {
    HttpResponse<String> r = new WebSession().get(app + "/health/ready");
    assertThat(r.statusCode()).isEqualTo(200);
    // UP and nothing else: which checks there are is nobody's business outside (PayaraEndpointsIT).
    assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(URI.create(app).getPort()).isPositive();
  }
}
