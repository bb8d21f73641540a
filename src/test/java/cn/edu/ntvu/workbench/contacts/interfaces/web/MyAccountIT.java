package cn.edu.ntvu.workbench.contacts.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.CasServer;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 我的账号 on the packaged WAR: in Chromium at 390×844 with WeCom's user agent for a person in each
 * WeCom state (not synced, not activated, activated, disabled) — the masked number, the state and
 * the guide's advice, nothing wider than the phone — and through CAS in a plain browser session.
 */
class MyAccountIT {
  @RegisterExtension static Browser phone = Browser.weCom();

  private static final Pattern EXECUTION =
      Pattern.compile("name=\"execution\"\\s+value=\"([^\"]+)\"");
  private static String app;

  /** Demo students of class 2501001, one per state. */
  private static final String MISSING = "20250100049";

  private static final String NOT_ACTIVATED = "20250100050";
  private static final String ACTIVATED = "20250100051";
  private static final String DISABLED = "20250100052";

  @BeforeAll
  static void servers() throws Exception {
    app = TestServers.appUrl();
    try (Connection c = TestServers.database().appConnection(TestServers.E2E_SCHEMA)) {
      c.createStatement()
          .executeUpdate(
              "DELETE FROM wecom_contact WHERE account IN ('"
                  + MISSING
                  + "', '"
                  + NOT_ACTIVATED
                  + "', '"
                  + ACTIVATED
                  + "', '"
                  + DISABLED
                  + "', '"
                  + TestUsers.COUNSELLOR.account()
                  + "')");
      state(c, NOT_ACTIVATED, "NOT_ACTIVATED", null);
      state(c, ACTIVATED, "ACTIVATED", null);
      state(c, DISABLED, "DISABLED", null);
      state(c, TestUsers.COUNSELLOR.account(), "NOT_ACTIVATED", 60104);
    }
  }

  private static void state(Connection c, String account, String status, Integer errcode)
      throws Exception {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO wecom_contact (account, in_wecom, wecom_status,"
                + " last_errcode, last_reason, synced_at) VALUES (?, ?, ?, ?, ?, '2026-11-24 09:30:00')")) {
      s.setString(1, account);
      s.setBoolean(2, !"MISSING".equals(status));
      s.setString(3, status);
      s.setObject(4, errcode);
      s.setString(5, errcode == null ? null : "mobile existed");
      s.executeUpdate();
    }
  }

  private static ChromeDriver signIn(String account) {
    ChromeDriver d = phone.signInThroughWeCom(app + "/account/", account);
    Browser.waitFor(d, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("account-status")));
    return d;
  }

  private static void fitsThePhone(ChromeDriver d) {
    Number width = (Number) d.executeScript("return document.documentElement.scrollWidth;");
    assertThat(width.intValue()).as("no horizontal scrolling at 390 px").isLessThanOrEqualTo(390);
  }

  /**
   * Signed in through WeCom, a person is in the school's WeCom whatever the last sync recorded (not
   * synced yet, or not activated when it ran): the page never tells them they are not (issue 16).
   * Those states' advice is for people who come through CAS.
   */
  @Test
  void signedInThroughWeComIsNeverToldTheyAreNotInWeCom() {
    ChromeDriver d = signIn(MISSING);
    assertThat(d.findElement(By.id("account-id")).getText()).isEqualTo(MISSING);
    assertThat(d.findElement(By.id("account-name")).getText()).isEqualTo("谢宇强");
    assertThat(d.findElement(By.id("account-unit")).getText()).contains("机械工程学院", "数控技术251班");
    assertThat(d.findElement(By.id("account-mobile")).getText()).isEqualTo("185****1541");
    assertThat(d.getPageSource()).doesNotContain("18536201541");
    assertThat(d.findElement(By.id("account-status")).getAttribute("data-status"))
        .isEqualTo("ACTIVATED");
    assertThat(d.findElement(By.id("account-todo-text")).getText())
        .contains("无需操作")
        .doesNotContain("还没有同步到企业微信");
    assertThat(d.findElement(By.id("account-wrong-number")).getText()).contains("统一身份认证平台");
    fitsThePhone(d);
    phone.screenshot("account-missing-through-wecom");

    d = signIn(NOT_ACTIVATED);
    assertThat(d.findElement(By.id("account-status")).getText()).isEqualTo("已激活");
    assertThat(d.findElement(By.id("account-todo-text")).getText()).doesNotContain("尚未激活");
    fitsThePhone(d);
    phone.screenshot("account-not-activated-through-wecom");
  }

  /**
   * Issue 19: a teacher chooses the daily 07:30 digest of their excused students on 我的账号 and finds
   * it chosen on the next visit; a student's page has no such section.
   */
  @Test
  void aTeacherChoosesTheDailyDigestOfExcusedStudents() {
    ChromeDriver d = signIn("10720");
    WebElement section = d.findElement(By.id("account-teacher-notices"));
    assertThat(section.getText()).contains("学生请假通知", "每天 07:30");
    WebElement digest =
        d.findElement(By.cssSelector("#account-teacher-notices input[value='digest']"));
    assertThat(digest.isSelected()).isFalse();
    digest.click();
    d.findElement(By.id("teacherNotices:save")).click();
    Browser.waitFor(d, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("teacher-notices-saved")));
    fitsThePhone(d);
    d.executeScript(
        "document.getElementById('account-teacher-notices').scrollIntoView({block: 'center'});");
    phone.screenshot("account-teacher-digest");
    d = signIn("10720");
    assertThat(
            d.findElement(By.cssSelector("#account-teacher-notices input[value='digest']"))
                .isSelected())
        .isTrue();
    d.findElement(By.cssSelector("#account-teacher-notices input[value='perRequest']")).click();
    d.findElement(By.id("teacherNotices:save")).click();
    Browser.waitFor(d, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("teacher-notices-saved")));

    d = signIn(ACTIVATED);
    assertThat(d.findElements(By.id("account-teacher-notices"))).isEmpty();
  }

  @Test
  void activatedNeedsNothing() {
    ChromeDriver d = signIn(ACTIVATED);
    assertThat(d.findElement(By.id("account-status")).getText()).isEqualTo("已激活");
    assertThat(d.findElement(By.id("account-todo-text")).getText()).contains("无需操作");
    fitsThePhone(d);
    phone.screenshot("account-activated");
  }

  @Test
  void disabledSaysWhy() {
    ChromeDriver d = signIn(DISABLED);
    assertThat(d.findElement(By.id("account-status")).getText()).isEqualTo("已禁用");
    assertThat(d.findElement(By.id("account-todo-text")).getText()).contains("已被禁用");
    fitsThePhone(d);
    phone.screenshot("account-disabled");
  }

  @Test
  void throughCasThePageShowsMyOwnAccountAndTheLastError() {
    CasServer cas = TestServers.cas();
    WebSession web = new WebSession();
    List<HttpResponse<String>> toCas = web.follow(app + "/account/");
    HttpResponse<String> form = toCas.get(toCas.size() - 1);
    assertThat(form.uri().toString()).startsWith(cas.loginUrl());
    Matcher m = EXECUTION.matcher(form.body());
    assertThat(m.find()).isTrue();
    HttpResponse<String> posted =
        web.post(
            cas.loginUrl(),
            Map.of(
                "username",
                TestUsers.COUNSELLOR.account(),
                "password",
                TestUsers.COUNSELLOR.password(),
                "execution",
                m.group(1),
                "_eventId",
                "submit"));
    List<HttpResponse<String>> hops = web.follow(WebSession.location(posted));
    HttpResponse<String> page = hops.get(hops.size() - 1);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.uri().getPath()).isEqualTo("/account/");
    assertThat(page.body())
        .contains(
            TestUsers.COUNSELLOR.account(),
            TestUsers.COUNSELLOR.name(),
            "177****9310",
            "data-status=\"NOT_ACTIVATED\"",
            "60104",
            "手机号码已被企业微信中的其他成员使用")
        .doesNotContain("17772769310");
  }
}
