package cn.edu.ntvu.workbench.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Friendly error pages: 404, an expired view, a 500 with a reference id and no stack trace; health; cookies. */
class ErrorPagesIT {
  private static final Pattern VIEW_STATE = Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  /** A WeCom session signed in as {@code account} through the stand-in. */
  private static WebSession signedIn(String account) {
    WebSession web = new WebSession().userAgent(Browser.WECOM_UA);
    List<HttpResponse<String>> hops = web.follow(app + "/");
    HttpResponse<String> screen = hops.get(hops.size() - 1);
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : screen.uri().getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    Matcher vs = VIEW_STATE.matcher(screen.body());
    assertThat(vs.find()).isTrue();
    form.put("wecom", "wecom");
    form.put("account", account);
    form.put("continue", "continue");
    form.put("jakarta.faces.ViewState", vs.group(1));
    web.follow(WebSession.location(web.post(app + "/dev/wecom-authorize.xhtml", form)));
    return web;
  }

  @Test
  void anUnknownPageIsAFriendly404() {
    HttpResponse<String> r = signedIn(TestUsers.STUDENT.account()).get(app + "/no/such/page.xhtml");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("页面不存在").contains("返回工作台");
  }

  @Test
  void aFailureShowsAReferenceAndNoStackTrace() throws Exception {
    HttpResponse<String> r = signedIn(TestUsers.STUDENT.account()).get(app + "/dev/fail");
    assertThat(r.statusCode()).isEqualTo(500);
    Matcher ref = Pattern.compile("错误编号：([A-Z2-9]{8})").matcher(r.body());
    assertThat(ref.find()).as(r.body()).isTrue();
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at cn.edu").doesNotContain("deliberate");
    String log = Files.readString(TestServers.app().process().logFile());
    assertThat(log).contains("Error reference " + ref.group(1));
  }

  @Test
  void anExpiredViewSaysSoInsteadOfFailing() {
    WebSession web = signedIn(TestUsers.ADMIN.account());
    HttpResponse<String> page = web.get(app + "/admin/directory/import.xhtml");
    assertThat(page.statusCode()).isEqualTo(200);
    HttpResponse<String> r =
        web.post(
            app + "/admin/directory/import.xhtml",
            Map.of("preview", "preview", "jakarta.faces.ViewState", "-1:stale-view-state", "preview:again", "x"));
    assertThat(r.body()).contains("页面已过期").doesNotContain("ViewExpiredException");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndLax() {
    HttpResponse<String> r = new WebSession().userAgent(Browser.WECOM_UA).get(app + "/login/wecom?target=/");
    String cookie =
        r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("WBSESSION=")).findFirst().orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
  }

  @Test
  void readinessIsUpWithTheDatabase() {
    HttpResponse<String> r = new WebSession().get(app + "/health/ready");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"database\"").contains("UP");
    assertThat(URI.create(app).getPort()).isPositive();
  }
}
