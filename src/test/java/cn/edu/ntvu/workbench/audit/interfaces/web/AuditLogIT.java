package cn.edu.ntvu.workbench.audit.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The audit log on the phone (390×844, WeCom): an admin imports a directory file, finds the entry
 * by filtering the log by their account (signed in through WeCom, the counts before → after),
 * exports the filtered log as CSV; a student gets 403 for the page and the export.
 */
class AuditLogIT {
  @RegisterExtension static Browser browser = Browser.weCom();

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  @Test
  void anAdminFiltersTheLogByPersonAndExportsIt() throws Exception {
    ChromeDriver driver = browser.driver();
    driver.manage().deleteAllCookies();
    WebDriverWait wait = Browser.waitFor(driver, Duration.ofSeconds(20));
    driver.get(app + "/admin/directory/import.xhtml");
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    driver.findElement(By.id("account")).sendKeys(TestUsers.ADMIN.account());
    driver.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload:file")));

    String fileName = "审计-" + System.nanoTime() + ".csv";
    Path dir = Path.of(System.getProperty("test.workDir"), "uploads");
    Files.createDirectories(dir);
    Path file = dir.resolve(fileName);
    Files.writeString(
        file,
        "account,name,kind,gender,mobile,email,dept_code,class_code,position,roles\n"
            + "T990801,审计新人,staff,2,13912348801,,01,,教师,teacher\n",
        StandardCharsets.UTF_8);
    driver.findElement(By.id("upload:file")).sendKeys(file.toString());
    driver.findElement(By.id("upload:previewButton")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("preview:confirm"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#result .dir-ok")));

    driver.get(app + "/");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("admin-audit"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-filter")));
    assertThat(driver.getTitle()).isEqualTo("审计日志");

    // Someone who has done nothing: the person this test just imported (other tests act as the demo
    // people).
    driver.findElement(By.id("actor")).sendKeys("T990801");
    driver.findElement(By.id("apply")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-empty")));

    WebElement actor = driver.findElement(By.id("actor"));
    actor.clear();
    actor.sendKeys(TestUsers.ADMIN.account());
    new Select(driver.findElement(By.id("type"))).selectByValue("import_batch");
    driver.findElement(By.id("apply")).click();
    wait.until(ExpectedConditions.urlContains("actor=" + TestUsers.ADMIN.account()));
    WebElement card =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//tr[contains(@class,'au-entry')][.//span[@class='au-label' and text()='"
                        + fileName
                        + "']]")));
    String text = card.getText();
    assertThat(text)
        .contains(TestUsers.ADMIN.name())
        .contains(TestUsers.ADMIN.account())
        .contains("经 企业微信 登录")
        .contains("导入通讯录")
        .contains("导入批次")
        .contains("状态")
        .contains("由 PREVIEWED 改为 APPLIED")
        .contains("新增")
        .contains("设为 1")
        .doesNotContain("∅")
        .doesNotContain("created");
    assertThat(driver.findElements(By.cssSelector(".au-entry .au-account")))
        .allSatisfy(e -> assertThat(e.getText()).isEqualTo(TestUsers.ADMIN.account()));
    Number scrollWidth =
        (Number) driver.executeScript("return document.documentElement.scrollWidth");
    assertThat(scrollWidth.intValue()).as("no horizontal scrolling").isLessThanOrEqualTo(390);
    browser.screenshot("audit-log-filtered");
    driver.executeScript("arguments[0].scrollIntoView()", card);
    browser.screenshot("audit-log-entry");

    String exportUrl = driver.findElement(By.id("export")).getAttribute("href");
    assertThat(exportUrl)
        .contains("/admin/audit.csv?actor=" + TestUsers.ADMIN.account())
        .contains("type=import_batch");
    Object csv =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done([r.status,"
                + " r.headers.get('content-type'), Array.from(new Uint8Array(b.slice(0, 3))),"
                + " new TextDecoder('utf-8').decode(b)]))).catch(e => done(String(e)));",
            exportUrl);
    assertThat(csv).isInstanceOf(java.util.List.class);
    java.util.List<?> answer = (java.util.List<?>) csv;
    assertThat(((Number) answer.get(0)).intValue()).isEqualTo(200);
    assertThat((String) answer.get(1)).startsWith("text/csv");
    assertThat(((java.util.List<?>) answer.get(2)).stream().map(n -> ((Number) n).intValue()))
        .containsExactly(0xEF, 0xBB, 0xBF);
    String body = (String) answer.get(3);
    assertThat(body.lines().findFirst().orElseThrow()).contains("时间,账号,姓名,登录方式,操作");
    assertThat(body)
        .contains(
            TestUsers.ADMIN.account()
                + ","
                + TestUsers.ADMIN.name()
                + ",WECOM,DIRECTORY_IMPORT,import_batch,")
        .contains(fileName)
        .contains("status: PREVIEWED → APPLIED")
        .doesNotContain("," + TestUsers.STUDENT.account() + ",");
  }

  @Test
  void theDateRangeCountsWholeSchoolDays() {
    // the demo directory and timetable are loaded at start-up by "system", on the school clock's
    // 2026-11-25
    WebSession admin = WeComStandInScreen.signedIn(app + "/", TestUsers.ADMIN.account());
    String sameDay =
        admin.get(app + "/admin/audit.xhtml?actor=system&from=2026-11-25&to=2026-11-25").body();
    assertThat(sameDay).contains("au-entry").contains("系统").doesNotContain("id=\"audit-empty\"");
    String dayBefore = admin.get(app + "/admin/audit.xhtml?actor=system&to=2026-11-24").body();
    assertThat(dayBefore).contains("id=\"audit-empty\"").doesNotContain("au-entry");
    String dayAfter = admin.get(app + "/admin/audit.csv?actor=system&from=2026-11-26").body();
    assertThat(dayAfter.lines().count()).as("header only").isEqualTo(1);
  }

  @Test
  void aBadDateIsExplainedNotAnError() {
    WebSession admin = WeComStandInScreen.signedIn(app + "/", TestUsers.ADMIN.account());
    var r = admin.get(app + "/admin/audit.xhtml?from=2026-13-45&to=yesterday&page=x");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"bad-date\"").contains("yyyy-MM-dd");
    assertThat(admin.get(app + "/admin/audit.csv?from=nope").statusCode()).isEqualTo(200);
  }

  @Test
  void aStudentGets403ForThePageAndTheExport() {
    WebSession student = WeComStandInScreen.signedIn(app + "/", TestUsers.STUDENT.account());
    assertThat(student.get(app + "/admin/audit.xhtml").statusCode()).isEqualTo(403);
    assertThat(student.get(app + "/admin/audit.csv").statusCode()).isEqualTo(403);
    assertThat(student.get(app + "/admin/audit.csv?actor=10857").body())
        .doesNotContain("DIRECTORY_IMPORT");
    assertThat(student.get(app + "/").body()).doesNotContain("/admin/audit.xhtml");
  }
}
