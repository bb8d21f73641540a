package cn.edu.ntvu.workbench.identity.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-out by POST with the session's token only (issue 14): a link (GET) shows a page with one
 * button, a post from another site (no token, or another session's) signs nobody out, the button
 * does.
 */
class LogoutIT {
  @RegisterExtension static Browser browser = Browser.weCom();

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  private static WebSession signedIn(String account) {
    WebSession web = WeComStandInScreen.signedIn(app + "/", account);
    assertThat(web.get(app + "/").statusCode()).isEqualTo(200);
    return web;
  }

  private static void assertStillSignedIn(WebSession web, String account) {
    HttpResponse<String> home = web.get(app + "/");
    assertThat(home.statusCode()).as("still signed in").isEqualTo(200);
    assertThat(home.body()).contains(account);
  }

  @Test
  void aGetShowsOneButtonThatPostsAndSignsNobodyOut() {
    WebSession web = signedIn(TestUsers.STUDENT.account());
    HttpResponse<String> page = web.get(app + "/logout");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(page.body())
        .contains("<form method=\"post\" action=\"/logout\" id=\"signout-form\">")
        .contains("id=\"signout\"")
        .contains("要退出数字职大工作台吗")
        .doesNotContain("signout-refused");
    assertThat(WebSession.hiddenField(page.body(), "logoutToken")).hasSizeGreaterThan(20);
    // An image or a link on another page is a GET: nothing ends.
    web.get(app + "/logout");
    assertStillSignedIn(web, TestUsers.STUDENT.account());
    // Nobody signed in: straight to the signed-out page.
    assertThat(WebSession.location(new WebSession().get(app + "/logout")))
        .endsWith("/signed-out.xhtml");
  }

  @Test
  void aCrossSitePostWithoutTheTokenOrWithAnotherSessionsTokenSignsNobodyOut() {
    String account = TestUsers.COUNSELLOR.account();
    WebSession victim = signedIn(account);
    WebSession attacker = signedIn(TestUsers.STUDENT.account());
    String attackersToken = attacker.logoutToken(app);

    // What a form on evil.example would send with the victim's cookie: no token.
    victim.header("Origin", "https://evil.example").header("Referer", "https://evil.example/page");
    HttpResponse<String> forged = victim.post(app + "/logout", Map.of());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("id=\"signout-refused\"").contains("id=\"signout\"");
    HttpResponse<String> wrongToken =
        victim.post(app + "/logout", Map.of("logoutToken", attackersToken));
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    HttpResponse<String> emptyToken = victim.post(app + "/logout", Map.of("logoutToken", ""));
    assertThat(emptyToken.statusCode()).isEqualTo(403);
    assertStillSignedIn(victim, account);
    assertStillSignedIn(attacker, TestUsers.STUDENT.account());
  }

  @Test
  void theButtonSignsOut() {
    ChromeDriver d = browser.driver();
    d.manage().deleteAllCookies();
    d.get(app + "/");
    WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    d.findElement(By.id("account")).sendKeys(TestUsers.DEAN.account());
    d.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hello")));

    d.get(app + "/logout");
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.id("signout")));
    assertThat(button.getSize().getHeight()).as("a thumb-sized button").isGreaterThanOrEqualTo(44);
    browser.screenshot("signout-confirm");
    button.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
    assertThat(d.getTitle()).isEqualTo("已退出");
    d.get(app + "/");
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
  }
}
