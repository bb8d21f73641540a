package cn.edu.ntvu.workbench.identity.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-in inside WeCom, in headless Chromium at 390×844 with a WeCom user agent, through the WeCom
 * stand-in's authorize screen and {@code auth/getuserinfo}: deep links, a tampered state, people
 * WeCom or the directory does not know, logout, and a PrimeFaces Ajax request on an expired
 * session.
 */
class WeComSignInIT {
  @RegisterExtension static Browser browser = Browser.weCom();

  private static String app;
  private ChromeDriver driver;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  @BeforeEach
  void freshBrowserSession() {
    driver = browser.driver();
    driver.manage().deleteAllCookies();
  }

  private WebDriverWait waiting() {
    return Browser.waitFor(driver, Duration.ofSeconds(20));
  }

  /** On the stand-in's authorize screen, continue as {@code account}. */
  private void authorizeAs(String account) {
    waiting().until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    driver.findElement(By.id("account")).sendKeys(account);
    driver.findElement(By.id("continue")).click();
  }

  private String problem() {
    return driver.findElement(By.id("problem")).getAttribute("data-problem");
  }

  @Test
  void aDeepLinkGoesThroughWeComOAuthAndLandsOnIt() {
    driver.get(app + "/index.xhtml?from=tile");
    waiting().until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    assertThat(driver.getCurrentUrl())
        .contains("scope=snsapi_base")
        .contains("response_type=code")
        .contains("agentid=")
        .containsPattern("state=[A-Za-z0-9]{32}");
    browser.screenshot("wecom-authorize-standin");
    driver
        .findElement(By.cssSelector("[data-account='" + TestUsers.STUDENT.account() + "']"))
        .click();

    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("hello")));
    assertThat(driver.getCurrentUrl()).isEqualTo(app + "/index.xhtml?from=tile");
    assertThat(driver.findElement(By.id("hello")).getText())
        .isEqualTo("你好，" + TestUsers.STUDENT.name());
    assertThat(driver.getTitle()).isEqualTo("工作台");
    Object scrollWidth =
        ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
    assertThat(((Number) scrollWidth).intValue())
        .as("no horizontal scroll at 390 px")
        .isLessThanOrEqualTo(390);
    browser.screenshot("wecom-home-student");
  }

  @Test
  void aTamperedStateIsRefused() {
    driver.get(app + "/");
    waiting().until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    String tampered =
        driver.getCurrentUrl().replaceAll("state=([A-Za-z0-9]{31})[A-Za-z0-9]", "state=$1Z");
    driver.get(
        tampered.equals(driver.getCurrentUrl()) ? tampered.replace("state=", "state=X") : tampered);
    authorizeAs(TestUsers.STUDENT.account());
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
    assertThat(problem()).isEqualTo("stateInvalid");
  }

  @Test
  void aWeComUserNotInTheDirectoryIsToldSo() {
    driver.get(app + "/");
    authorizeAs("ghost01");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
    assertThat(problem()).isEqualTo("notInDirectory");
    assertThat(driver.findElement(By.id("problem")).getText()).contains("ghost01");
    browser.screenshot("wecom-not-in-directory");
  }

  @Test
  void aNonMemberIsToldHowToJoin() {
    driver.get(app + "/");
    waiting().until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    driver.findElement(By.id("non-member")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
    assertThat(problem()).isEqualTo("notMember");
  }

  @Test
  void logoutEndsTheSession() {
    driver.get(app + "/");
    authorizeAs(TestUsers.STUDENT.account());
    // Inside WeCom the home page has no 退出登录 (WeCom closes the window); /logout still signs out.
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("hello")));
    assertThat(driver.findElements(By.id("logout"))).isEmpty();
    driver.get(app + "/logout");
    waiting().until(ExpectedConditions.elementToBeClickable(By.id("signout"))).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
    assertThat(driver.getTitle()).isEqualTo("已退出");

    driver.get(app + "/index.xhtml");
    waiting().until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
  }

  @Test
  void anAjaxRequestOnAnExpiredSessionLeadsBackThroughSignIn() {
    driver.get(app + "/admin/directory/people.xhtml");
    authorizeAs(TestUsers.ADMIN.account());
    WebDriverWait wait = waiting();
    wait.until(ExpectedConditions.urlContains("/admin/directory/people.xhtml"));
    By search = By.cssSelector("input[id$='search']");
    wait.until(ExpectedConditions.presenceOfElementLocated(search));

    // The session ends on the server side (idle timeout, another node restarted...): the cookie no
    // longer works.
    driver.manage().deleteCookieNamed("WBSESSION");
    driver.findElement(search).sendKeys("1000");

    // Without the fix PrimeFaces would get pac4j-style 401 or a login page as XML and sit there.
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    driver.findElement(By.id("account")).sendKeys(TestUsers.ADMIN.account());
    driver.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.urlContains("/admin/directory/people.xhtml"));
    wait.until(ExpectedConditions.presenceOfElementLocated(search));
    browser.screenshot("wecom-ajax-expired-back-on-page");
  }

  @Test
  void aStudentCannotOpenAdminPages() {
    driver.get(app + "/admin/directory/people.xhtml");
    authorizeAs(TestUsers.STUDENT.account());
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("error-text")));
    assertThat(driver.getTitle()).isEqualTo("无权访问");
  }
}
