package cn.edu.ntvu.workbench.contacts.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The contacts report as lazy tables (issue 16): with the demo school never synced, everybody is
 * "not in WeCom" (1,000+ people), yet the page holds 25 of them — its HTML is small — and paging,
 * sorting by name and the name filter are answered by the server, at 1366×768.
 */
class ContactsReportTableIT {
  @RegisterExtension static Browser admin = Browser.weCom().windowSize(1366, 768);

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  @Test
  void theReportHoldsOnePageAndItsHtmlIsSmall() throws Exception {
    long missing =
        count(
            "SELECT COUNT(*) FROM person p LEFT JOIN wecom_contact w ON w.account = p.account"
                + " WHERE p.status = 'ACTIVE' AND COALESCE(w.wecom_status, 'MISSING') IN ('MISSING', 'LEFT')");
    assertThat(missing).as("a long list to page").isGreaterThan(100);
    WebSession web =
        WeComStandInScreen.signedIn(
            app + "/admin/wecom/contacts-report.xhtml", TestUsers.ADMIN.account());
    HttpResponse<String> page = web.get(app + "/admin/wecom/contacts-report.xhtml");
    assertThat(page.statusCode()).isEqualTo(200);
    int bytes = page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertThat(bytes).as("HTML of the report: " + bytes + " bytes").isLessThan(120_000);
    assertThat(page.body().split("name=\"resync\" value=").length - 1)
        .as("resync buttons on the page")
        .isLessThanOrEqualTo(50);
    assertThat(page.body()).containsAnyOf("（" + missing + "）", String.format("（%,d）", missing));
  }

  @Test
  void pagesSortsAndFiltersOnTheServer() {
    ChromeDriver d = admin.driver();
    d.manage().deleteAllCookies();
    d.get(app + "/admin/wecom/contacts-report.xhtml");
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    d.findElement(By.id("account")).sendKeys(TestUsers.ADMIN.account());
    d.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-missing")));
    List<String> first = accounts(d);
    assertThat(first).hasSize(25);
    admin.screenshot("contacts-report-1366");

    d.findElement(By.cssSelector("#report-missing .ui-paginator-next")).click();
    wait.until(drv -> !accounts(d).equals(first) && !accounts(d).isEmpty());
    assertThat(accounts(d)).hasSize(25).doesNotContainAnyElementsOf(first);

    WebElement filter = d.findElement(By.cssSelector("#report-missing .ui-column-filter"));
    filter.sendKeys("10001");
    wait.until(drv -> accounts(d).size() == 1);
    assertThat(accounts(d)).containsExactly("10001");
    filter.clear();
    filter.sendKeys(" ");
    filter.clear();
    wait.until(drv -> accounts(d).size() == 25);

    // sort by name: a click on the header itself (its middle is the filter box)
    d.executeScript(
        "arguments[0].click();",
        d.findElement(By.cssSelector("#report-missing th.ui-sortable-column")));
    wait.until(drv -> accounts(d).size() == 25 && !accounts(d).equals(first));
    assertThat(d.findElement(By.cssSelector("#report-missing .ui-paginator-current")).getText())
        .contains("1");
  }

  private static List<String> accounts(ChromeDriver d) {
    return d.findElements(By.cssSelector("#report-missing tr.ct-person .ct-account")).stream()
        .map(e -> e.getAttribute("data-account"))
        .toList();
  }
}
