package cn.edu.ntvu.workbench.identity.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WeCom OAuth round trip at the HTTP level, where a test can hold on to a {@code code} and a
 * {@code state}: exactly the authorize URL of the WeCom notes, single-use session-bound states,
 * single-use codes (40029).
 */
class WeComOAuthIT {
  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  private static WebSession weCom() {
    return new WebSession().userAgent(Browser.WECOM_UA);
  }

  private static String authorize(WebSession web, String path, String account) {
    return WeComStandInScreen.authorize(web, app + path, account);
  }

  private static java.util.Map<String, String> query(URI uri) {
    return WeComStandInScreen.query(uri);
  }

  @Test
  void theAuthorizeUrlIsExactlyWeComsAndTheCallbackSignsIn() {
    WebSession web = weCom();
    HttpResponse<String> toLogin = web.get(app + "/index.xhtml?tab=today");
    assertThat(WebSession.location(toLogin))
        .isEqualTo(app + "/login?target=%2Findex.xhtml%3Ftab%3Dtoday");
    HttpResponse<String> toWeComLogin = web.get(WebSession.location(toLogin));
    assertThat(WebSession.location(toWeComLogin))
        .isEqualTo(app + "/login/wecom?target=%2Findex.xhtml%3Ftab%3Dtoday");
    String authorize = WebSession.location(web.get(WebSession.location(toWeComLogin)));
    assertThat(authorize)
        .matches(
            "http://localhost:\\d+/wecom-standin/connect/oauth2/authorize\\?appid=ww[a-z0-9]+"
                + "&redirect_uri=http%3A%2F%2Flocalhost%3A\\d+%2Flogin%2Fwecom%2Fcallback"
                + "&response_type=code&scope=snsapi_base&state=[A-Za-z0-9]{32}&agentid=\\d+#wechat_redirect");

    String callback = authorize(web, "/index.xhtml?tab=today", TestUsers.COUNSELLOR.account());
    HttpResponse<String> landed = web.get(callback);
    assertThat(WebSession.location(landed)).isEqualTo(app + "/index.xhtml?tab=today");
    assertThat(web.get(app + "/index.xhtml?tab=today").body())
        .contains("你好，" + TestUsers.COUNSELLOR.name());
  }

  @Test
  void aStateIsSingleUseAndBoundToTheBrowserSession() {
    WebSession web = weCom();
    String callback = authorize(web, "/", TestUsers.STUDENT.account());

    WebSession other = weCom();
    other.get(app + "/login/wecom?target=/");
    HttpResponse<String> foreign = other.get(callback);
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.body()).contains("data-problem=\"stateInvalid\"");

    assertThat(web.get(callback).statusCode()).isEqualTo(302);
    HttpResponse<String> replay = web.get(callback);
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(replay.body()).contains("data-problem=\"stateInvalid\"").contains("重新点击应用图标");
  }

  @Test
  void aCodeIsSingleUse() {
    WebSession web = weCom();
    String callback = authorize(web, "/", TestUsers.DEAN.account());
    assertThat(web.get(callback).statusCode()).isEqualTo(302);
    String usedCode = query(URI.create(callback)).get("code");

    WebSession again = weCom();
    String state =
        query(
                URI.create(
                    WebSession.location(again.get(app + "/login/wecom?target=/"))
                        .replace("#wechat_redirect", "")))
            .get("state");
    HttpResponse<String> page =
        again.get(app + "/login/wecom/callback?code=" + usedCode + "&state=" + state);
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("data-problem=\"codeInvalid\"");
  }

  @Test
  void aCallbackWithoutCodeOrStateIsAClearPage() {
    WebSession web = weCom();
    assertThat(web.get(app + "/login/wecom/callback").body()).contains("stateInvalid");
    String state =
        query(
                URI.create(
                    WebSession.location(web.get(app + "/login/wecom?target=/"))
                        .replace("#wechat_redirect", "")))
            .get("state");
    HttpResponse<String> noCode = web.get(app + "/login/wecom/callback?state=" + state);
    assertThat(noCode.statusCode()).isEqualTo(400);
    assertThat(noCode.body()).contains("data-problem=\"cancelled\"");
  }

  @Test
  void problemsAreInChineseUnlessTheBrowserAsksForEnglish() {
    assertThat(weCom().get(app + "/login/wecom/callback?state=nope&code=x").body())
        .contains("重复使用");
    HttpResponse<String> english =
        weCom()
            .header("Accept-Language", "en-US,en;q=0.9")
            .get(app + "/login/wecom/callback?state=nope&code=x");
    assertThat(english.body()).contains("already used").doesNotContain("重复使用");
  }
}
