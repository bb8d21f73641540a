package cn.edu.ntvu.workbench.leave.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 请假设置's fallback approver by the people-and-groups picker (issue 16), at 360×640 in WeCom: the
 * admin finds 陶博 by name, saves ("已保存" as a toast), and after a reload 陶博 is the chip and {@code
 * leave_settings.fallback_account}; a forged chip naming a student is refused and stores nothing.
 */
class FallbackApproverPickerIT {
  @RegisterExtension static Browser admin = Browser.weCom().windowSize(360, 640);

  /** 陶博, staff of dept 01. */
  private static final String APPROVER = "10003";

  @Test
  void aFallbackApproverChosenByNameIsSavedAndShownAfterAReloadAndAForgedStudentIsRefused()
      throws Exception {
    String app = TestServers.appUrl();
    String before = query("SELECT fallback_account FROM leave_settings WHERE id = 1");
    ChromeDriver d = admin.driver();
    try {
      d.manage().deleteAllCookies();
      d.get(app + "/leave/admin.xhtml");
      WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(30));
      w.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
      d.findElement(By.id("account")).sendKeys(TestUsers.ADMIN.account());
      d.findElement(By.id("continue")).click();
      w.until(ExpectedConditions.presenceOfElementLocated(By.id("fallback-picker_input")));

      d.findElement(By.id("fallback-picker_input")).sendKeys("陶博");
      WebElement item =
          w.until(
              dr ->
                  dr.findElements(By.cssSelector(".wb-picker-panel .ui-autocomplete-item")).stream()
                      .filter(e -> e.isDisplayed() && e.getText().contains(APPROVER))
                      .findFirst()
                      .orElse(null));
      ((JavascriptExecutor) d)
          .executeScript("arguments[0].scrollIntoView({block: 'center'})", item);
      item.click();
      w.until(dr -> chips(dr).contains("陶博"));
      d.findElement(By.id("save")).click();
      w.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("#messages .wb-toast[role=status]"), "已保存"));
      assertThat(query("SELECT fallback_account FROM leave_settings WHERE id = 1"))
          .isEqualTo(APPROVER);

      d.navigate().refresh();
      w.until(ExpectedConditions.presenceOfElementLocated(By.id("fallback-picker_input")));
      assertThat(chips(d)).contains("陶博").contains(APPROVER);
      admin.screenshot("fallback-picker-360-saved");

      // a forged chip: 田芬, a student
      ((JavascriptExecutor) d)
          .executeScript(
              "var s = document.getElementById('fallback-picker_hinput');"
                  + "var o = document.createElement('option');"
                  + "o.value = 'PERSON:20240100001'; o.selected = true; s.appendChild(o);");
      d.findElement(By.id("save")).click();
      w.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("#messages .wb-notice[role=alert]"), "备用审批人须为在职教职工"));
      assertThat(query("SELECT fallback_account FROM leave_settings WHERE id = 1"))
          .isEqualTo(APPROVER);
    } finally {
      exec("UPDATE leave_settings SET fallback_account = ? WHERE id = 1", before);
    }
  }

  private static String chips(WebDriver d) {
    return d.findElements(By.cssSelector("#fallback-picker .ui-autocomplete-token")).stream()
        .map(WebElement::getText)
        .reduce("", (a, b) -> a + "|" + b);
  }
}
