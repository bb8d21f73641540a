package cn.edu.ntvu.workbench.identity.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
 * The development sign-in screen tells one story, and it works as written: in Chromium at 360 px
 * with WeCom's user agent (so the WeCom stand-in's authorize screen is the sign-in; the stand-in is
 * its own web application beside the app and reads the demo school from the same folder the app
 * imported), each demo person is listed with every role they hold in the directory — the counsellor
 * shown is the one of the student's class — and the three "try this" steps are done by tapping what
 * they name: the student asks for leave, her counsellor approves it in 待我审批, a teacher sends a 收集表
 * to her class, and the student finds it. Screenshots: target/screenshots/demo-*.png. (The CAS
 * stand-in's page, with the same list, is driven by RunCommandIT.)
 */
class DemoStoryIT {
  @RegisterExtension static Browser phone = Browser.weCom().windowSize(360, 780);

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  @Test
  void theDemoPeopleHoldTheRolesTheirLabelsSayAndTheTryThisStepsWorkAsWritten() throws Exception {
    ChromeDriver d = phone.driver();
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    d.manage().deleteAllCookies();
    d.get(app + "/");
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));

    // Who is listed, with the roles the directory gives them.
    String student = person(d, "STUDENT");
    String counsellor = person(d, "COUNSELLOR");
    String teacher = person(d, "TEACHER");
    assertThat(label(d, "STUDENT")).isEqualTo("田芬（20240100001）· 学生（机械制造241班）");
    assertThat(label(d, "COUNSELLOR")).isEqualTo("毛敏（10001）· 辅导员（机械制造241班）、教师");
    assertThat(label(d, "TEACHER")).isEqualTo("刘敏秀（10004）· 教师");
    assertThat(label(d, "DEAN")).isEqualTo("叶轩（10065）· 院系领导（机械工程学院）、教师");
    assertThat(label(d, "STUDENT_AFFAIRS")).contains("学工处");
    assertThat(label(d, "ADMIN")).contains("管理员");
    // The counsellor shown looks after the student's class, so her request reaches his 待我审批.
    assertThat(
            query(
                "SELECT c.counsellor_account FROM person p JOIN school_class c ON c.id = p.class_id"
                    + " WHERE p.account = ?",
                student))
        .isEqualTo(counsellor);
    assertThat(
            count(
                "SELECT COUNT(*) FROM role_grant g JOIN person p ON p.id = g.person_id"
                    + " WHERE p.account = ? AND g.role <> 'TEACHER'",
                teacher))
        .isZero();
    assertThat(d.findElement(By.id("try-leave")).getText())
        .contains("以学生 田芬 登录", "「学生请假」", "「申请请假」");
    assertThat(d.findElement(By.id("try-approve")).getText()).contains("以她的辅导员 毛敏 登录", "「待我审批」");
    assertThat(d.findElement(By.id("try-form")).getText())
        .contains("以教师 刘敏秀 登录", "「新建收集表」", "填 2401000（机械制造241班）", "「发布」");
    phone.screenshot("demo-signin-360");
    assertThat(widerThanTheScreen(d)).as("the sign-in screen fits 360 px").isFalse();

    // 1. As 田芬: 学生请假 → 申请请假, times and reason, 提交申请.
    d.findElement(By.cssSelector("[data-role='STUDENT']")).click();
    tapTile(d, wait, "学生请假");
    tap(d, wait, named("申请请假"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit")));
    // A day after any leave she already has (other tests, or an earlier try of this one), so it
    // never overlaps.
    String day =
        query(
            "SELECT DATE_ADD(GREATEST(DATE('2026-12-09'), COALESCE(MAX(DATE(ends_at)), '2026-12-09')),"
                + " INTERVAL 1 DAY) FROM leave_request WHERE student_account = ?",
            student);
    setDate(d, "startDate", day);
    new Select(d.findElement(By.id("startHalf"))).selectByValue("AM");
    setDate(d, "endDate", day);
    new Select(d.findElement(By.id("endHalf"))).selectByValue("PM");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("duration"), "1 天"));
    d.findElement(By.id("reason")).sendKeys("回家办身份证");
    phone.screenshot("demo-1-leave-form-360");
    tap(d, wait, named("提交申请"));
    wait.until(ExpectedConditions.urlContains("/leave/request.xhtml"));
    long id = Long.parseLong(WeComStandInScreen.query(URI.create(d.getCurrentUrl())).get("id"));
    assertThat(d.findElement(By.id("status")).getText()).isEqualTo("审批中");
    phone.screenshot("demo-1-leave-submitted-360");

    // 2. As her counsellor 毛敏: 学生请假 → 待我审批, 同意 beside her request.
    switchTo(d, wait, "COUNSELLOR");
    tapTile(d, wait, "学生请假");
    tap(d, wait, named("待我审批"));
    By row = By.cssSelector(".lv-approval[data-id='" + id + "']");
    wait.until(ExpectedConditions.presenceOfElementLocated(row));
    assertThat(d.findElement(row).getText()).contains("田芬", "回家办身份证");
    phone.screenshot("demo-2-approvals-360");
    tap(d, wait, By.xpath("//li[@data-id='" + id + "']//input[@value='同意']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("APPROVED");
    phone.screenshot("demo-2-approved-360");

    // 3. As the teacher 刘敏秀: 收集表 → 新建收集表, one question, 班级 2401000, 发布.
    switchTo(d, wait, "TEACHER");
    tapTile(d, wait, "收集表");
    tap(d, wait, named("新建收集表"));
    wait.until(ExpectedConditions.urlContains("/forms/edit.xhtml"));
    long form = Long.parseLong(WeComStandInScreen.query(URI.create(d.getCurrentUrl())).get("id"));
    tap(d, wait, named("添加题目"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q-title"))).sendKeys("是否参加周五的班会");
    tap(d, wait, named("保存题目"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("question-editor")));
    new Select(d.findElement(By.id("audience-kind"))).selectByVisibleText("班级");
    d.findElement(By.id("audience-value")).sendKeys("2401000");
    tap(d, wait, named("添加"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("audience-list"), "机械制造241班"));
    phone.screenshot("demo-3-form-built-360");
    tap(d, wait, named("发布"));
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(ExpectedConditions.urlContains("/forms/results.xhtml"));
    assertThat(query("SELECT status FROM form WHERE id = ?", form)).isEqualTo("PUBLISHED");
    phone.screenshot("demo-3-form-published-360");

    // ... and 田芬 finds it in 收集表.
    switchTo(d, wait, "STUDENT");
    tapTile(d, wait, "收集表");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "未命名收集表"));
    assertThat(d.findElement(By.cssSelector("a[href*='fill.xhtml?id=" + form + "']")).isDisplayed())
        .isTrue();
    phone.screenshot("demo-3-student-sees-form-360");
  }

  /** The account of the person listed for {@code role}. */
  private static String person(ChromeDriver d, String role) {
    return d.findElement(By.cssSelector("[data-role='" + role + "']")).getAttribute("data-account");
  }

  private static String label(ChromeDriver d, String role) {
    return d.findElement(By.cssSelector("[data-role='" + role + "']")).getText();
  }

  /**
   * "换人": 退出登录 on /logout (inside WeCom the home page has none), 重新登录, then the next person on the
   * authorize screen.
   */
  private static void switchTo(ChromeDriver d, WebDriverWait wait, String role) {
    d.get(app + "/logout");
    tap(d, wait, named("退出登录"));
    tap(d, wait, named("重新登录"));
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    tap(d, wait, By.cssSelector("[data-role='" + role + "']"));
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/wecom-standin/")));
  }

  private static void tapTile(ChromeDriver d, WebDriverWait wait, String name) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hello")));
    List<WebElement> tiles =
        d.findElements(By.xpath("//a[.//*[normalize-space(text())='" + name + "']]"));
    assertThat(tiles).as("the tile " + name + " on the home page").isNotEmpty();
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", tiles.get(0));
    tiles.get(0).click();
  }

  private static void tap(ChromeDriver d, WebDriverWait wait, By what) {
    WebElement e = wait.until(ExpectedConditions.elementToBeClickable(what));
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
    e.click();
  }

  /**
   * A link or button by the words the step names, as a person finds it: a link whose text (or a
   * part of it, beside a badge) is exactly those words, or a button that says exactly them.
   */
  private static By named(String words) {
    String w = "'" + words + "'";
    return By.xpath(
        "//a[normalize-space(.)="
            + w
            + " or .//*[normalize-space(text())="
            + w
            + "]]"
            + " | //button[normalize-space(.)="
            + w
            + "] | //input[(@type='submit' or @type='button') and @value="
            + w
            + "]");
  }

  private static void setDate(ChromeDriver d, String id, String value) {
    d.executeScript(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        d.findElement(By.id(id)),
        value);
  }

  private static boolean widerThanTheScreen(ChromeDriver d) {
    return (Boolean)
        d.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
  }
}
