package cn.edu.ntvu.workbench.messaging.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The outbox admin page on the phone (390×844, WeCom): an admin sees a failed message with its
 * reason in Chinese, retries it (recorded in the audit log; the worker then delivers it to the
 * stand-in); a student is refused the page and a form post of the retry action, and the message
 * they tried to retry stays as it was.
 */
class OutboxAdminPageIT {
  @RegisterExtension static Browser browser = Browser.weCom();

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  private static Connection db() throws Exception {
    return TestServers.database().adminConnection(TestServers.E2E_SCHEMA);
  }

  private static long insertFailed(String key, String topic, String to) throws Exception {
    try (Connection c = db();
        PreparedStatement st =
            c.prepareStatement(
                "INSERT INTO wecom_outbox (message_key, kind, to_users, body, topic, status, attempts, created_at,"
                    + " next_attempt_at, last_errcode, last_error) VALUES (?, 'SEND', ?, ?, ?, 'FAILED', 15, NOW(3),"
                    + " NOW(3), NULL, 'gave up after 15 attempts: WeCom unavailable on /cgi-bin/message/send: HTTP 503')",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
      st.setString(1, key);
      st.setString(2, to);
      st.setString(3, "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + key + "\"}}");
      st.setString(4, topic);
      st.executeUpdate();
      try (ResultSet rs = st.getGeneratedKeys()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String[] row(long id) throws Exception {
    try (Connection c = db();
        PreparedStatement st =
            c.prepareStatement("SELECT status, attempts FROM wecom_outbox WHERE id = ?")) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return new String[] {rs.getString(1), rs.getString(2)};
      }
    }
  }

  private static long audits(long id) throws Exception {
    try (Connection c = db();
        PreparedStatement st =
            c.prepareStatement(
                "SELECT COUNT(*) FROM audit_entry WHERE object_type = 'wecom_outbox'"
                    + " AND object_id = ? AND action = 'WECOM_OUTBOX_RETRY' AND actor_account = ?")) {
      st.setString(1, String.valueOf(id));
      st.setString(2, TestUsers.ADMIN.account());
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void anAdminRetriesAFailedMessageAndAStudentCannot() throws Exception {
    String run = String.valueOf(System.nanoTime());
    String topic = "itpage:" + run;
    long retried = insertFailed("itpage:" + run + ":a", topic, TestUsers.DEAN.account());
    long untouched =
        insertFailed("itpage:" + run + ":b", topic + ":student", TestUsers.DEAN.account());

    // A student: neither the page nor a post of the retry action.
    WebSession student = WeComStandInScreen.signedIn(app + "/", TestUsers.STUDENT.account());
    assertThat(student.get(app + "/admin/wecom/outbox.xhtml").statusCode()).isEqualTo(403);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("outbox", "outbox");
    form.put("retry-all", "x");
    form.put("jakarta.faces.ViewState", "stateless");
    assertThat(student.post(app + "/admin/wecom/outbox.xhtml", form).statusCode()).isEqualTo(403);
    assertThat(row(untouched)).containsExactly("FAILED", "15");

    // The admin, on the phone.
    ChromeDriver d = browser.driver();
    d.manage().deleteAllCookies();
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    d.get(app + "/admin/wecom/outbox.xhtml?status=FAILED&topic=" + topic);
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    d.findElement(By.id("account")).sendKeys(TestUsers.ADMIN.account());
    d.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outbox-counts")));
    d.get(app + "/admin/wecom/outbox.xhtml?status=FAILED&topic=" + topic);
    WebElement card =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//tr[contains(@class,'ob-entry')][.//span[@data-id='" + retried + "']]")));
    assertThat(card.findElement(By.cssSelector(".ob-status")).getAttribute("data-status"))
        .isEqualTo("FAILED");
    assertThat(card.getText()).contains("已尝试 15 次仍未成功").contains("连不上企业微信");
    assertThat(Integer.parseInt(d.findElement(By.cssSelector("#count-failed strong")).getText()))
        .isPositive();
    // Nothing sticks out sideways on a 390 px screen.
    assertThat(
            (Boolean)
                d.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
        .isTrue();
    d.executeScript("arguments[0].scrollIntoView({block: 'center'})", card);
    browser.screenshot("wecom-outbox-failed");

    card.findElement(By.cssSelector(".ob-retry")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("retried")));
    assertThat(d.getCurrentUrl()).contains("status=FAILED").contains("topic=");
    assertThat(audits(retried)).isEqualTo(1);
    assertThat(row(retried)[0]).isIn("PENDING", "SENT");
    // The background worker delivers it to the stand-in.
    for (int i = 0; i < 100 && !"SENT".equals(row(retried)[0]); i++) {
      Thread.sleep(200);
    }
    assertThat(row(retried)).containsExactly("SENT", "1");
    d.get(app + "/admin/wecom/outbox.xhtml?topic=" + topic);
    WebElement sent =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//tr[contains(@class,'ob-entry')][.//span[@data-id='" + retried + "']]")));
    assertThat(sent.findElement(By.cssSelector(".ob-status")).getAttribute("data-status"))
        .isEqualTo("SENT");
    d.executeScript("arguments[0].scrollIntoView({block: 'center'})", sent);
    browser.screenshot("wecom-outbox-retried");

    // What WeCom received, on the stand-in's own inbox page (beside the app, not in it).
    d.get(TestServers.standIn().base() + "/inbox?user=" + TestUsers.DEAN.account());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-rows")));
    assertThat(d.findElement(By.id("inbox-rows")).getText()).contains("itpage:" + run + ":a");
    browser.screenshot("wecom-standin-inbox");

    // A student's post with a real view state of the admin page is refused as well.
    WebSession admin = WeComStandInScreen.signedIn(app + "/", TestUsers.ADMIN.account());
    HttpResponse<String> page = admin.get(app + "/admin/wecom/outbox.xhtml?topic=" + topic);
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher vs = Pattern.compile("ViewState:0\" value=\"([^\"]*)\"").matcher(page.body());
    assertThat(vs.find()).isTrue();
    form.put("jakarta.faces.ViewState", vs.group(1));
    assertThat(student.post(app + "/admin/wecom/outbox.xhtml", form).statusCode()).isEqualTo(403);
    assertThat(row(untouched)).containsExactly("FAILED", "15");

    // The admin posting a forged id (no such failed message) changes nothing and is told so.
    Map<String, String> forged = new LinkedHashMap<>();
    forged.put("outbox", "outbox");
    forged.put("topic", topic);
    forged.put("retry-one", "999999999999");
    forged.put("jakarta.faces.ViewState", vs.group(1));
    HttpResponse<String> refused = admin.post(app + "/admin/wecom/outbox.xhtml", forged);
    assertThat(WebSession.isRedirect(refused)).as(refused.body()).isTrue();
    assertThat(WebSession.location(refused)).contains("notRetried=1");
    assertThat(admin.get(WebSession.location(refused)).body()).contains("id=\"not-retried\"");
    assertThat(row(untouched)).containsExactly("FAILED", "15");
  }
}
