package cn.edu.ntvu.workbench.wecom.jssdk.interfaces;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.TestUsers.TestUser;
import cn.edu.ntvu.workbench.timetable.application.DemoTerm;
import cn.edu.ntvu.workbench.wecom.jssdk.domain.JsSdkSignature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
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
 * The "done" button of the calendar subscription page in Chromium. With WeCom's user agent the vendored JS-SDK is
 * registered with our signatures and asks WeCom to close the window: WeCom's native bridge is played by a test hook
 * ({@code window.WeixinJSBridge}, installed before any page script) that records every call. Without WeCom the button
 * is an ordinary link home and the bridge is never called.
 */
class CloseWindowIT {
  @RegisterExtension static Browser weCom = Browser.weCom();
  @RegisterExtension static Browser phone = Browser.mobile();

  /** WeCom's native side: answers every call with ok and remembers it (across page loads, in sessionStorage). */
  private static final String FAKE_BRIDGE =
      "window.__wxCalls = JSON.parse(sessionStorage.getItem('__wxCalls') || '[]');"
          + "window.WeixinJSBridge = {"
          + "  invoke: function (name, args, cb) {"
          + "    window.__wxCalls.push({name: name, args: JSON.stringify(args || {})});"
          + "    sessionStorage.setItem('__wxCalls', JSON.stringify(window.__wxCalls));"
          + "    setTimeout(function () { cb({err_msg: name + ':ok'}); }, 0);"
          + "  },"
          + "  on: function () {}"
          + "};";

  private static String app;

  @BeforeAll
  static void servers() throws Exception {
    app = TestServers.appUrl();
    try (Connection c = TestServers.database().appConnection(TestServers.E2E_SCHEMA)) {
      DemoTerm.load().insertIfMissing(c);
    }
  }

  private static void installBridge(ChromeDriver d) {
    d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FAKE_BRIDGE));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> calls(ChromeDriver d) {
    return (List<Map<String, Object>>) d.executeScript("return window.__wxCalls || [];");
  }

  private static WebElement turnOnSubscription(ChromeDriver d) {
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subscription")));
    assertThat(d.findElements(By.id("wecom-close"))).as("no done button before the task").isEmpty();
    if (d.findElements(By.id("subscription:turnOn")).isEmpty()) {
      // already on (a rerun): a reset finishes the task as well
      d.findElement(By.id("subscription:reset")).click();
      wait.until(ExpectedConditions.alertIsPresent()).accept();
    } else {
      d.findElement(By.id("subscription:turnOn")).click();
    }
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("wecom-close")));
  }

  @Test
  void insideWeComTheDoneButtonClosesTheWindowThroughTheJsSdk() throws Exception {
    ChromeDriver d = weCom.driver();
    installBridge(d);
    d.get(app + "/timetable/calendar.xhtml");
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.urlContains("/dev/wecom-authorize.xhtml"));
    d.findElement(By.id("account")).sendKeys(TestUsers.COUNSELLOR.account());
    d.findElement(By.id("continue")).click();
    WebElement done = turnOnSubscription(d);
    assertThat(done.getText()).isEqualTo("完成，关闭页面");
    String pageUrl = d.getCurrentUrl();
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", done);
    weCom.screenshot("wecom-close-in-wecom");

    done.click();
    wait.until(driver -> calls(d).stream().anyMatch(c -> "closeWindow".equals(c.get("name"))));

    List<Map<String, Object>> calls = calls(d);
    Map<String, Object> agentConfig =
        calls.stream().filter(c -> "agentConfig".equals(c.get("name"))).findFirst().orElseThrow();
    var args = jakarta.json.Json.createReader(new java.io.StringReader((String) agentConfig.get("args"))).readObject();
    assertThat(args.getString("corpid")).isEqualTo(AppSettings.DEV_CORP_ID);
    assertThat(args.getString("agentid")).isEqualTo(AppSettings.DEV_AGENT_ID);
    String expected =
        JsSdkSignature.sign(
                agentTicket(), args.getString("nonceStr"), Long.parseLong(args.getString("timestamp")), pageUrl)
            .signature();
    assertThat(args.getString("signature")).isEqualTo(expected);
    assertThat(calls.indexOf(agentConfig))
        .isLessThan(calls.indexOf(calls.stream().filter(c -> "closeWindow".equals(c.get("name"))).findFirst().get()));
    // WeCom closes the window; the page itself did not navigate away.
    assertThat(d.getCurrentUrl()).isEqualTo(pageUrl);
    // The SDK came from us, versioned.
    assertThat((String) d.executeScript(
            "return performance.getEntriesByType('resource').map(function (e) { return e.name; }).join(' ');"))
        .contains(app + "/resources/wecom/jssdk-2.4.4/wecom.global.prod.js?v=2.4.4");
  }

  @Test
  void elsewhereItIsALinkHomeAndWeComIsNeverAsked() {
    ChromeDriver d = phone.driver();
    installBridge(d);
    d.get(app + "/timetable/calendar.xhtml");
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(60));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
    signInAtCas(d, TestUsers.DEAN);
    wait.until(ExpectedConditions.urlContains("/timetable/calendar.xhtml"));
    WebElement done = turnOnSubscription(d);
    assertThat(done.getText()).isEqualTo("返回工作台");
    assertThat(d.getPageSource()).doesNotContain("wecom-page.js").doesNotContain("wecom.global.prod.js");
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", done);
    phone.screenshot("wecom-close-elsewhere");

    done.click();
    wait.until(ExpectedConditions.urlToBe(app + "/"));
    assertThat(calls(d)).isEmpty();
  }

  private static void signInAtCas(ChromeDriver d, TestUser user) {
    d.findElement(By.name("username")).sendKeys(user.account());
    WebElement password = d.findElement(By.name("password"));
    password.sendKeys(user.password());
    password.submit();
  }

  private static String agentTicket() throws Exception {
    try (Connection c = TestServers.database().appConnection(TestServers.E2E_SCHEMA);
        PreparedStatement q = c.prepareStatement("SELECT value FROM wecom_credential WHERE cache_key = ?")) {
      q.setString(1, "agent_ticket:" + AppSettings.DEV_CORP_ID + ":" + AppSettings.DEV_AGENT_ID);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }
}
