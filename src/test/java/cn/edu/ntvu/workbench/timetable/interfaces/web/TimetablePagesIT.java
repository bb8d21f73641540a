package cn.edu.ntvu.workbench.timetable.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.TestUsers.TestUser;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 查课表 in WeCom on a phone, against the demo timetable (src/main/resources/demo) at the fixed school
 * clock {@link TestServers#SCHOOL_CLOCK}: Wednesday 25 November 2026, week 12, 10:20. Class 2401000
 * (田芬's) has on Wednesdays 数据库技术 (periods 3–4, 10:00–11:40), 管理学基础 (5–6, 13:30–15:10) and, in even
 * weeks only, 体育 (7–8); in odd weeks 会计基础 on Tuesdays instead of 管理学基础 (金智, even weeks) on Tuesday
 * evenings, and 职业生涯规划 on Thursdays only in even weeks. Class 2501001 has 工程制图 (taught by the
 * counsellor 毛敏) and 网页设计, which 田芬 must never see.
 */
class TimetablePagesIT {
  @RegisterExtension static Browser browser = Browser.weCom();

  private static final String TERM = "2026-2027-1";
  private static final List<String> OTHER_CLASS_COURSES = List.of("工程制图", "网页设计", "电工电子技术");

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  @Test
  void aStudentSeesTodayTheWeekTheNextWeekAndACourse() {
    Phone phone = Phone.signedIn(TestUsers.STUDENT, "/timetable/");

    assertThat(phone.text("day-heading")).isEqualTo("11月25日 星期三");
    assertThat(phone.text("day-week")).contains(TERM).contains("第12周");
    List<WebElement> rows = phone.driver.findElements(By.cssSelector("#classes .tt-class"));
    assertThat(rows)
        .extracting(r -> r.findElement(By.className("tt-class-course")).getText())
        .containsExactly("数据库技术", "管理学基础", "体育");
    assertThat(rows)
        .extracting(r -> r.findElement(By.cssSelector(".tt-class-time b")).getText())
        .containsExactly("10:00", "13:30", "15:30");
    assertThat(rows.get(0).getAttribute("class")).contains("tt-current");
    assertThat(rows.get(0).getText()).contains("正在上课").contains("3号教学楼507").contains("龙诺");
    assertThat(rows.get(1).getAttribute("class")).contains("tt-next");
    assertThat(rows.get(1).getText()).contains("下一节");
    assertThat(rows.get(2).getAttribute("class"))
        .doesNotContain("tt-current")
        .doesNotContain("tt-next");
    assertThat(phone.driver.getTitle()).isEqualTo("查课表");
    phone.fitsAPhone("timetable-today");

    phone.tap("week-link", "week-grid");
    assertThat(phone.text("week-heading")).isEqualTo("第12周");
    assertThat(phone.text("week-dates")).contains("11月23日").contains("11月29日");
    // The term as people say it, not its code; any week of it one pick away.
    assertThat(phone.text("week-dates")).contains("2026–2027 学年第一学期").doesNotContain(TERM);
    assertThat(phone.text("week-picker")).contains("第12周（11-23 起）");
    assertThat(phone.text("week-grid"))
        .contains("形势与政策", "计算机基础", "管理学基础", "数据库技术", "体育", "职业生涯规划", "市场营销学")
        .doesNotContain("会计基础");
    assertThat(phone.driver.findElement(By.cssSelector(".tt-head-today")).getText())
        .contains("11/25");
    assertThat(phone.driver.findElements(By.cssSelector("#week-grid .tt-head"))).hasSize(5);
    phone.fitsAPhone("timetable-week-12");

    phone.tap("next-week", "week-grid");
    assertThat(phone.text("week-heading")).isEqualTo("第13周");
    assertThat(phone.driver.getCurrentUrl()).contains("week=13");
    assertThat(phone.text("week-grid"))
        .contains("会计基础", "数据库技术", "形势与政策")
        .doesNotContain("体育")
        .doesNotContain("职业生涯规划");
    assertThat(phone.driver.findElements(By.cssSelector(".tt-head-today"))).isEmpty();
    phone.fitsAPhone("timetable-week-13");

    phone
        .driver
        .findElement(By.xpath("//a[contains(@class,'tt-block')][contains(.,'数据库技术')]"))
        .click();
    phone.waitFor("course-facts");
    assertThat(phone.text("course-name")).isEqualTo("数据库技术");
    assertThat(phone.text("course-code")).isEqualTo("K00001");
    assertThat(phone.text("course-teachers")).isEqualTo("龙诺");
    assertThat(phone.text("course-room")).isEqualTo("3号教学楼507");
    assertThat(phone.text("course-when")).isEqualTo("星期三 第3-4节");
    assertThat(phone.text("course-times")).isEqualTo("10:00–11:40");
    assertThat(phone.text("course-weeks")).isEqualTo("1-16周");
    assertThat(phone.text("course-classes")).isEqualTo("机械制造241班");
    phone.fitsAPhone("timetable-course");
  }

  @Test
  void aCounsellorOpensTheTimetableOfTheirClass() {
    Phone phone = Phone.signedIn(TestUsers.COUNSELLOR, "/timetable/");

    // 毛敏 teaches 工程制图 on Mondays only
    assertThat(phone.text("no-classes")).isEqualTo("今天没有课");
    assertThat(phone.text("my-classes")).contains("机械制造241班");
    phone.fitsAPhone("timetable-counsellor-today");

    phone.driver.findElement(By.linkText("机械制造241班")).click();
    phone.waitFor("week-grid");
    assertThat(phone.driver.getCurrentUrl()).contains("class=2401000");
    assertThat(phone.text("class-heading")).contains("机械制造241班");
    assertThat(phone.text("week-grid")).contains("数据库技术", "体育", "职业生涯规划").doesNotContain("工程制图");
    phone.fitsAPhone("timetable-counsellor-class");

    phone.tap("next-week", "week-grid");
    assertThat(phone.driver.getCurrentUrl()).contains("class=2401000").contains("week=13");
    assertThat(phone.text("week-grid")).contains("会计基础").doesNotContain("体育");
  }

  @Test
  void aStudentAskingForAnotherClassGetsA403AndNoTimetable() {
    WebSession student = signedIn(TestUsers.STUDENT);

    HttpResponse<String> otherClass = student.get(app + "/timetable/week.xhtml?class=2501001");
    assertThat(otherClass.statusCode()).isEqualTo(403);
    assertThat(otherClass.body()).contains("你只能查看自己的课表").doesNotContain("tt-block");
    assertThat(OTHER_CLASS_COURSES)
        .allSatisfy(c -> assertThat(otherClass.body()).doesNotContain(c));

    HttpResponse<String> otherCourse =
        student.get(
            app + "/timetable/course.xhtml?term=" + TERM + "&src=ZF&no=" + zfMeetingNo("K00018"));
    assertThat(otherCourse.statusCode()).isEqualTo(403);
    assertThat(otherCourse.body())
        .contains("这门课不在你的课表里")
        .doesNotContain("工程制图")
        .doesNotContain("毛敏");

    HttpResponse<String> counsellorsOtherClass =
        signedIn(TestUsers.COUNSELLOR).get(app + "/timetable/week.xhtml?class=2501001");
    assertThat(counsellorsOtherClass.statusCode()).isEqualTo(403);
    assertThat(counsellorsOtherClass.body()).doesNotContain("网页设计");

    // the browser shows the same answer
    Phone phone = Phone.signedIn(TestUsers.STUDENT, "/timetable/week.xhtml?class=2501001");
    assertThat(phone.text("problem")).contains("你只能查看自己的课表");
    assertThat(phone.driver.getPageSource()).doesNotContain("工程制图").doesNotContain("网页设计");
    phone.fitsAPhone("timetable-forbidden-class");
  }

  @Test
  void holidaysAndMakeUpDaysAreSaidAndBadAddressesGetAClearAnswer() {
    WebSession student = signedIn(TestUsers.STUDENT);

    HttpResponse<String> nationalDay = student.get(app + "/timetable/index.xhtml?date=2026-10-01");
    assertThat(nationalDay.body()).contains("国庆节放假，没有课。").doesNotContain("数据库技术");
    // Saturday 10 October teaches Wednesday 7 October: week 5 is odd, so no 体育
    HttpResponse<String> makeUp = student.get(app + "/timetable/index.xhtml?date=2026-10-10");
    assertThat(makeUp.body()).contains("调休，上10月7日（星期三）的课。").contains("数据库技术").doesNotContain("体育");
    HttpResponse<String> holidayWeek =
        student.get(app + "/timetable/week.xhtml?term=" + TERM + "&week=5");
    assertThat(holidayWeek.body()).contains("tt-band-holiday").contains("10月10日");

    HttpResponse<String> vacation = student.get(app + "/timetable/index.xhtml?date=2027-02-01");
    assertThat(vacation.statusCode()).isEqualTo(200);
    assertThat(vacation.body()).contains("不在学期内");

    // the holiday week on the phone: seven columns (the make-up Saturday) still fit 360 px
    Phone phone =
        Phone.signedIn(TestUsers.STUDENT, "/timetable/week.xhtml?term=" + TERM + "&week=5");
    assertThat(phone.driver.findElements(By.cssSelector("#week-grid .tt-head"))).hasSize(7);
    assertThat(phone.driver.findElements(By.cssSelector("#week-grid .tt-band-holiday"))).hasSize(3);
    assertThat(phone.text("week-notes")).contains("10月10日 周六 调休，上10月7日（星期三）的课。");
    phone.fitsAPhone("timetable-week-5-holidays");
    phone.driver.get(app + "/timetable/index.xhtml?date=2026-10-10");
    assertThat(phone.text("day-notice")).isEqualTo("调休，上10月7日（星期三）的课。");
    phone.fitsAPhone("timetable-make-up-day");

    assertAnswer(student.get(app + "/timetable/week.xhtml?week=abc"), 400, "“abc”不是周次");
    assertAnswer(student.get(app + "/timetable/week.xhtml?week=40"), 404, "没有第40周");
    assertAnswer(student.get(app + "/timetable/week.xhtml?term=2099-2100-1"), 404, "找不到学期");
    assertAnswer(student.get(app + "/timetable/index.xhtml?date=tomorrow"), 400, "“tomorrow”不是日期");
    assertAnswer(student.get(app + "/timetable/course.xhtml?src=ZF&no=x"), 404, "找不到这门课");
    assertAnswer(
        student.get(app + "/timetable/course.xhtml?term=" + TERM + "&src=ZF&no=99999"),
        404,
        "找不到这门课");
  }

  @Test
  void theHomePageLinksTheTimetable() {
    HttpResponse<String> home = signedIn(TestUsers.DEAN).get(app + "/");
    // Every tile opens through its entry path (issue 21: counted, maintenance shown).
    assertThat(home.body()).containsPattern("data-tile=\"查课表\" href=\"/go/\\d+\"");
  }

  private static void assertAnswer(HttpResponse<String> r, int status, String message) {
    assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(status);
    assertThat(r.body()).contains(message).doesNotContain("at cn.edu").doesNotContain("tt-block");
  }

  private static WebSession signedIn(TestUser user) {
    return WeComStandInScreen.signedIn(app + "/timetable/", user.account());
  }

  /** A 正方 meeting's number: its position among the demo file's rows. */
  private static int zfMeetingNo(String courseCode) {
    try (InputStream in = TimetablePagesIT.class.getResourceAsStream("/demo/timetable-zf.csv")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      for (int i = 1; i < lines.size(); i++) {
        if (lines.get(i).startsWith(TERM + "," + courseCode + ",")) {
          return i;
        }
      }
      throw new AssertionError(courseCode + " is not in the demo timetable");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The phone: signs in through the WeCom stand-in and reads the timetable pages by their element
   * ids.
   */
  private static final class Phone {
    final ChromeDriver driver;
    final WebDriverWait wait;

    private Phone(ChromeDriver driver) {
      this.driver = driver;
      this.wait = Browser.waitFor(driver, Duration.ofSeconds(20));
    }

    static Phone signedIn(TestUser user, String path) {
      ChromeDriver driver = browser.driver();
      driver.manage().deleteAllCookies();
      driver.manage().window().setSize(new Dimension(390, 844));
      Phone phone = new Phone(driver);
      driver.get(app + path);
      phone.wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
      driver.findElement(By.id("account")).sendKeys(user.account());
      driver.findElement(By.id("continue")).click();
      phone.wait.until(
          ExpectedConditions.and(
              ExpectedConditions.not(ExpectedConditions.urlContains("wecom-authorize")),
              ExpectedConditions.presenceOfElementLocated(By.id("main"))));
      return phone;
    }

    String text(String id) {
      return waitFor(id).getText().strip();
    }

    WebElement waitFor(String id) {
      return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    /** Taps the link {@code id} and waits for the next page's element {@code arrives}. */
    void tap(String id, String arrives) {
      WebElement link = driver.findElement(By.id(id));
      link.click();
      wait.until(ExpectedConditions.stalenessOf(link));
      waitFor(arrives);
    }

    /**
     * Screenshot at 390 px, then no horizontal scrolling at 360 px, the narrowest phone we serve.
     */
    void fitsAPhone(String screenshot) {
      browser.screenshot(screenshot);
      driver.manage().window().setSize(new Dimension(360, 780));
      Object fits =
          driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
      Object widths =
          driver.executeScript(
              "return document.documentElement.scrollWidth + ' > ' + window.innerWidth");
      assertThat(fits).as(screenshot + " at 360 px: " + widths).isEqualTo(true);
      driver.manage().window().setSize(new Dimension(390, 844));
    }
  }
}
