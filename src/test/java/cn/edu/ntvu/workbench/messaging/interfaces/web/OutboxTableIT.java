package cn.edu.ntvu.workbench.messaging.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The outbox page as a lazy table (issue 16), at 1366×768: 60 failed messages of topic
 * "tbl&lt;run&gt;:…" are paged 25 at a time, the topic filter and the sort by time are answered by
 * the database, and the page's HTML holds one page of messages.
 */
class OutboxTableIT {
  @RegisterExtension static Browser admin = Browser.weCom().windowSize(1366, 768);

  private static String app;
  private static String prefix;

  @BeforeAll
  static void messages() throws Exception {
    app = TestServers.appUrl();
    prefix = "tbl" + ThreadLocalRandom.current().nextInt(100000, 999999) + ":";
    for (int i = 0; i < 60; i++) {
      String n = String.format("%02d", i);
      exec(
          "INSERT INTO wecom_outbox (message_key, kind, to_users, body, topic, status, attempts,"
              + " created_at, next_attempt_at, last_errcode, last_error) VALUES (?, 'SEND', ?, '{}',"
              + " ?, 'FAILED', 15, NOW(3), NOW(3), 60020, 'not allow to access from your ip')",
          prefix + "key:" + n,
          TestUsers.DEAN.account(),
          prefix + n);
    }
    // newer messages of another topic, which the unfiltered list shows first
    for (int i = 0; i < 3; i++) {
      exec(
          "INSERT INTO wecom_outbox (message_key, kind, to_users, body, topic, status, attempts,"
              + " created_at, next_attempt_at, last_errcode, last_error) VALUES (?, 'SEND', ?, '{}',"
              + " ?, 'FAILED', 15, NOW(3), NOW(3), 60020, 'not allow to access from your ip')",
          "later" + prefix + "key:" + i,
          TestUsers.DEAN.account(),
          "later" + prefix + i);
    }
  }

  @Test
  void thePageHoldsOnePageOfMessagesAndItsHtmlIsSmall() {
    WebSession web =
        WeComStandInScreen.signedIn(app + "/admin/wecom/outbox.xhtml", TestUsers.ADMIN.account());
    HttpResponse<String> page = web.get(app + "/admin/wecom/outbox.xhtml?topic=" + prefix);
    assertThat(page.statusCode()).isEqualTo(200);
    int bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).as("HTML of the outbox page: " + bytes + " bytes").isLessThan(120_000);
    assertThat(page.body().split("class=\"ob-status\"").length - 1)
        .as("messages on the page")
        .isEqualTo(25);
  }

  @Test
  void pagesSortsAndFiltersOnTheServer() {
    ChromeDriver d = admin.driver();
    d.manage().deleteAllCookies();
    d.get(app + "/admin/wecom/outbox.xhtml");
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    d.findElement(By.id("account")).sendKeys(TestUsers.ADMIN.account());
    d.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outbox-rows")));

    // the topic filter: only this test's 60 messages, newest first, 25 a page
    WebElement filter = d.findElement(By.cssSelector("#outbox-rows .ui-column-filter"));
    filter.sendKeys(prefix);
    // (the unfiltered list starts with the newer "later…" messages: rows of this test's topic on
    // top mean the filter was answered)
    wait.until(
        drv ->
            topics(d).size() == 25
                && topics(d).get(0).equals(prefix + "59")
                && topics(d).stream().allMatch(t -> t.startsWith(prefix))
                && d.findElement(By.cssSelector("#outbox-rows .ui-paginator-current"))
                    .getText()
                    .contains("60"));
    List<String> first = topics(d);
    admin.screenshot("outbox-1366-filtered");

    d.findElement(By.cssSelector("#outbox-rows .ui-paginator-next")).click();
    wait.until(drv -> !topics(d).isEmpty() && !topics(d).equals(first));
    assertThat(topics(d)).hasSize(25).doesNotContainAnyElementsOf(first);
    assertThat(topics(d).get(0)).isEqualTo(prefix + "34");

    // sort by time: oldest first on the first click on the header
    d.executeScript(
        "arguments[0].click();",
        d.findElement(By.cssSelector("#outbox-rows th.ob-col-times.ui-sortable-column")));
    wait.until(drv -> !topics(d).isEmpty() && topics(d).get(0).equals(prefix + "00"));
    assertThat(topics(d)).hasSize(25);
    assertThat(topics(d).get(24)).isEqualTo(prefix + "24");
  }

  /** The rows' texts, read in one go (an ajax update may replace the rows at any time). */
  @SuppressWarnings("unchecked")
  private static List<String> topics(ChromeDriver d) {
    return (List<String>)
        d.executeScript(
            "return Array.from(document.querySelectorAll('#outbox-rows tr.ob-entry .ob-topic'))"
                + ".map(function (e) { return e.textContent.trim(); });");
  }
}
