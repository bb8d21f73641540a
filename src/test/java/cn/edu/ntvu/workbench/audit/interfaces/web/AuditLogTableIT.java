package cn.edu.ntvu.workbench.audit.interfaces.web;

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
 * The audit log as a lazy table (issue 16), at 1366×768: 60 entries about objects named "tblRUN-…"
 * are paged 25 at a time, the object-name filter and the sort by time are answered by the database,
 * and the page's HTML holds one page of entries however long the log is. The entries stay
 * human-readable (who by name, what in words).
 */
class AuditLogTableIT {
  @RegisterExtension static Browser admin = Browser.weCom().windowSize(1366, 768);

  private static String app;
  private static String prefix;
  private static String chinese;

  @BeforeAll
  static void entries() throws Exception {
    app = TestServers.appUrl();
    prefix = "tbl" + ThreadLocalRandom.current().nextInt(100000, 999999) + "-";
    chinese = "审计表格" + prefix;
    for (int i = 0; i < 3; i++) {
      exec(
          "INSERT INTO audit_entry (occurred_at, actor_account, actor_name, sign_in_path, action,"
              + " object_type, object_id, object_label, before_values, after_values)"
              + " VALUES ('2026-11-19 08:00:00', 'system', '', 'SYSTEM', 'TILE_CREATE', 'tile', ?,"
              + " ?, '{}', '{}')",
          String.valueOf(800000 + i),
          chinese + i);
    }
    // 60 entries, one a minute on the school day the tests run on (the log is append-only: INSERT)
    for (int i = 0; i < 60; i++) {
      exec(
          "INSERT INTO audit_entry (occurred_at, actor_account, actor_name, sign_in_path, action,"
              + " object_type, object_id, object_label, before_values, after_values)"
              + " VALUES (TIMESTAMPADD(MINUTE, ?, '2026-11-20 08:00:00'), ?, ?, 'CAS',"
              + " 'TILE_UPDATE', 'tile', ?, ?, '{\"name\":\"旧\"}', '{\"name\":\"新\"}')",
          i,
          TestUsers.ADMIN.account(),
          TestUsers.ADMIN.name(),
          String.valueOf(900000 + i),
          prefix + String.format("%02d", i));
    }
  }

  @Test
  void thePageHoldsOnePageOfEntriesAndItsHtmlIsSmall() {
    WebSession web =
        WeComStandInScreen.signedIn(app + "/admin/audit.xhtml", TestUsers.ADMIN.account());
    HttpResponse<String> page = web.get(app + "/admin/audit.xhtml");
    assertThat(page.statusCode()).isEqualTo(200);
    int bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).as("HTML of the audit log: " + bytes + " bytes").isLessThan(120_000);
    assertThat(page.body().split("class=\"au-when\"").length - 1)
        .as("entries on the page")
        .isLessThanOrEqualTo(25);
  }

  @Test
  void pagesSortsAndFiltersOnTheServer() {
    ChromeDriver d = admin.driver();
    d.manage().deleteAllCookies();
    d.get(app + "/admin/audit.xhtml");
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    d.findElement(By.id("account")).sendKeys(TestUsers.ADMIN.account());
    d.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-entries")));
    admin.screenshot("audit-log-1366");

    // the object-name filter: only this test's 60 entries, newest first, 25 a page
    WebElement filter = d.findElement(By.cssSelector("#audit-entries .ui-column-filter"));
    filter.sendKeys(prefix);
    try {
      wait.until(drv -> labels(d).size() == 25 && labels(d).get(0).equals(prefix + "59"));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "filter \""
              + filter.getAttribute("value")
              + "\", rows "
              + labels(d)
              + ", table: "
              + d.findElement(By.id("audit-entries")).getText(),
          e);
    }
    List<String> first = labels(d);
    assertThat(first.get(0)).isEqualTo(prefix + "59");
    assertThat(d.findElement(By.cssSelector("#audit-entries .ui-paginator-current")).getText())
        .contains("60");
    // human-readable: the admin by name, the action in words, the field by its name
    String row = d.findElement(By.cssSelector("#audit-entries tr.au-entry")).getText();
    assertThat(row).contains(TestUsers.ADMIN.name()).doesNotContain("TILE_UPDATE");
    d.executeScript("document.getElementById('audit-entries').scrollIntoView({block: 'start'});");
    admin.screenshot("audit-log-1366-filtered");

    // the next page: the next 25, none of the first
    d.findElement(By.cssSelector("#audit-entries .ui-paginator-next")).click();
    wait.until(drv -> !labels(d).isEmpty() && !labels(d).equals(first));
    assertThat(labels(d)).hasSize(25).doesNotContainAnyElementsOf(first);
    assertThat(labels(d).get(0)).isEqualTo(prefix + "34");

    // sort by time: a click on the header (oldest first on the first click), back on page one
    d.executeScript(
        "arguments[0].click();",
        d.findElement(By.cssSelector("#audit-entries th.au-col-when.ui-sortable-column")));
    wait.until(drv -> !labels(d).isEmpty() && labels(d).get(0).equals(prefix + "00"));
    assertThat(labels(d)).hasSize(25);
    assertThat(labels(d).get(24)).isEqualTo(prefix + "24");

    // a Chinese name, as a pinyin input method leaves it in the box: the text set, then the space
    // that chose the characters released
    d.executeScript(
        "var f = arguments[0]; f.value = arguments[1];"
            + "f.dispatchEvent(new KeyboardEvent('keyup', {key: ' ', code: 'Space', bubbles: true}));",
        d.findElement(By.cssSelector("#audit-entries .ui-column-filter")),
        chinese);
    wait.until(drv -> labels(d).size() == 3);
    assertThat(labels(d)).allMatch(l -> l.startsWith(chinese));
  }

  /** The rows' texts, read in one go (an ajax update may replace the rows at any time). */
  @SuppressWarnings("unchecked")
  private static List<String> labels(ChromeDriver d) {
    return (List<String>)
        d.executeScript(
            "return Array.from(document.querySelectorAll('#audit-entries tr.au-entry .au-label'))"
                + ".map(function (e) { return e.textContent.trim(); });");
  }
}
