package cn.edu.ntvu.workbench.wecom.contacts.interfaces;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin's contacts sync on the packaged WAR at 390×844: a dry run lists the plan per person and the conflicts
 * (a duplicate mobile added for the test), confirm, the run is worked in the background and its progress shown
 * until done; the report lists the not activated people, re-syncs one in one tap and exports CSV. Non-admins get 403.
 */
class ContactsAdminIT {
  @RegisterExtension static Browser admin = Browser.weCom();

  private static String app;

  @BeforeAll
  static void servers() throws Exception {
    app = TestServers.appUrl();
    try (Connection c = TestServers.database().appConnection(TestServers.E2E_SCHEMA)) {
      // Two demo students given one mobile number: a conflict the dry run must show.
      c.createStatement().executeUpdate("UPDATE person SET mobile = '19900000077'"
          + " WHERE account IN ('20250100060', '20250100061')");
    }
  }

  @Test
  void dryRunConfirmProgressAndReport() {
    ChromeDriver d = admin.driver();
    d.manage().deleteAllCookies();
    d.get(app + "/admin/wecom/contacts.xhtml");
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(60));
    wait.until(ExpectedConditions.urlContains("/dev/wecom-authorize.xhtml"));
    d.findElement(By.id("account")).sendKeys(TestUsers.ADMIN.account());
    d.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dry-run")));

    d.findElement(By.id("dry-run")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-run")));
    assertThat(d.findElement(By.id("run-status")).getText()).isEqualTo("待确认");
    assertThat(d.findElement(By.id("run-summary")).getText()).contains("人员：新建");
    assertThat(d.findElements(By.cssSelector(".ct-conflict[data-key='20250100060'][data-kind='DUPLICATE_MOBILE']")))
        .hasSize(1);
    assertThat(d.findElement(By.id("conflicts")).getText()).contains("多人使用同一手机号", "199****0077")
        .doesNotContain("19900000077");
    assertThat(d.findElements(By.cssSelector(".ct-item[data-action='CREATE']"))).isNotEmpty();
    Number width = (Number) d.executeScript("return document.documentElement.scrollWidth;");
    assertThat(width.intValue()).isLessThanOrEqualTo(390);
    admin.screenshot("contacts-dry-run");

    d.findElement(By.id("confirm-run")).click();
    d.switchTo().alert().accept();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("run-progress")));
    admin.screenshot("contacts-running");
    Browser.waitFor(d, Duration.ofSeconds(240)).until(drv -> {
      drv.navigate().refresh();
      return "DONE".equals(drv.findElement(By.id("run")).getAttribute("data-status"));
    });
    assertThat(d.findElement(By.id("run-counts")).getText()).contains("100%");
    assertThat(d.findElements(By.cssSelector(".ct-item[data-status='FAILED']"))).isEmpty();
    admin.screenshot("contacts-done");

    d.get(app + "/admin/wecom/contacts-report.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-notActivated")));
    assertThat(d.findElement(By.id("report-conflicts")).getText()).contains("20250100060", "20250100061");
    assertThat(d.findElements(By.cssSelector("#report-notActivated .ct-person"))).isNotEmpty();
    admin.screenshot("contacts-report");
    d.findElement(By.cssSelector("#report-notActivated .ct-person button")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resync-nothing")));
    assertThat(d.findElement(By.id("resync-nothing")).getText()).contains("没有需要同步的内容");
  }

  @Test
  void reportExportsCsvAndOthersAreRefused() {
    WebSession web = WeComStandInScreen.signedIn(app + "/admin/wecom/contacts-report.xhtml",
        TestUsers.ADMIN.account());
    HttpResponse<String> csv = web.get(app + "/admin/wecom/contacts-report.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String text = csv.body();
    assertThat(text).startsWith("\uFEFF账号,姓名").doesNotContain("19551710287");

    WebSession student = WeComStandInScreen.signedIn(app + "/account/", TestUsers.STUDENT.account());
    assertThat(student.get(app + "/admin/wecom/contacts.xhtml").statusCode()).isEqualTo(403);
    assertThat(student.get(app + "/account/").statusCode()).isEqualTo(200);
  }
}
