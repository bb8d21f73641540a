package cn.edu.ntvu.workbench.timetable.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.TestUsers.TestUser;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import cn.edu.ntvu.workbench.timetable.application.DemoTerm;
import cn.edu.ntvu.workbench.timetable.application.ICalendarCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 订阅到手机日历 against the packaged app: a person turns the subscription on, a calendar app (no cookies)
 * fetches the feed and ical4j reads it; after a reset the old address gives 404 and no data, after
 * turning off the new one too. The app's dev mode loads the demo directory; its timetable is
 * written into the app's database here when the app did not load it itself (see {@link
 * DemoTerm#insertIfMissing}).
 */
class CalendarSubscriptionIT {
  @RegisterExtension static Browser browser = Browser.weCom();

  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
  private static final Pattern FEED_URL =
      Pattern.compile("<textarea id=\"feed-url\"[^>]*>([^<]+)</textarea>");
  private static final Pattern COURSE_CODE = Pattern.compile("(?:课程号：|Course code: )(\\S+)");

  /** A calendar app: no cookie jar, no session. */
  private static final HttpClient CALENDAR_APP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static String app;

  @BeforeAll
  static void servers() throws Exception {
    app = TestServers.appUrl();
    try (Connection c = TestServers.database().appConnection(TestServers.E2E_SCHEMA)) {
      DemoTerm.load().insertIfMissing(c);
    }
  }

  private static String page() {
    return app + "/timetable/calendar.xhtml";
  }

  /**
   * Presses a button of the page's form the way the browser would, and returns the page that
   * answers.
   */
  private static HttpResponse<String> press(WebSession web, String button) {
    HttpResponse<String> page = web.get(page());
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher vs = VIEW_STATE.matcher(page.body());
    assertThat(vs.find()).as("view state").isTrue();
    assertThat(page.body())
        .as("button %s on the page", button)
        .contains("name=\"subscription:" + button + "\"");
    HttpResponse<String> answer =
        web.post(
            page(),
            Map.of(
                "subscription",
                "subscription",
                "subscription:" + button,
                button,
                "jakarta.faces.ViewState",
                vs.group(1)));
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer;
  }

  private static String issuedUrl(HttpResponse<String> answer) {
    Matcher m = FEED_URL.matcher(answer.body());
    assertThat(m.find()).as("the address is shown after turning on / resetting").isTrue();
    String url = m.group(1).replace("&amp;", "&");
    assertThat(url).matches(Pattern.quote(app) + "/calendar/[A-Za-z0-9_-]{43}\\.ics");
    return url;
  }

  private static HttpResponse<String> fetch(String url, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return CALENDAR_APP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static Set<String> courseCodes(ICalendarCheck ics) {
    Set<String> out = new TreeSet<>();
    for (VEvent e : ics.events()) {
      Matcher m = COURSE_CODE.matcher(ICalendarCheck.value(e, "DESCRIPTION"));
      assertThat(m.find()).isTrue();
      out.add(m.group(1));
    }
    return out;
  }

  /** Course codes in the app's database, by a query of its own (whoever loaded the timetable). */
  private static Set<String> codes(String sql, String... params) throws Exception {
    Set<String> out = new TreeSet<>();
    try (Connection c = TestServers.database().appConnection(TestServers.E2E_SCHEMA);
        PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        q.setString(i + 1, params[i]);
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static final String TERM = "(SELECT id FROM term WHERE code = '" + DemoTerm.CODE + "')";

  private static Set<String> allCodes() throws Exception {
    return codes("SELECT DISTINCT course_code FROM course_meeting WHERE term_id = " + TERM);
  }

  private static void assertNotFoundWithoutData(String url) throws Exception {
    HttpResponse<String> r = fetch(url);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(r.body())
        .contains("订阅地址无效")
        .contains("not valid")
        .doesNotContain("BEGIN:VCALENDAR")
        .doesNotContain("田芬")
        .doesNotContain("课程号");
    assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
  }

  private static void ensureOff(WebSession web) {
    if (web.get(page()).body().contains("name=\"subscription:turnOff\"")) {
      press(web, "turnOff");
    }
  }

  @Test
  void aStudentSubscribesAndACalendarAppWithoutCookiesGetsExactlyTheirClasses() throws Exception {
    TestUser student = TestUsers.STUDENT;
    WebSession web = WeComStandInScreen.signedIn(page(), student.account());
    ensureOff(web);
    assertThat(web.get(page()).body()).contains("未开启").contains("name=\"subscription:turnOn\"");

    String url = issuedUrl(press(web, "turnOn"));

    HttpResponse<String> feed = fetch(url, "Accept-Language", "zh-CN,zh;q=0.9");
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type").orElse("").replace(" ", ""))
        .isEqualToIgnoringCase("text/calendar;charset=utf-8");
    assertThat(feed.headers().firstValue("Cache-Control").orElse(""))
        .contains("private")
        .contains("max-age=");
    assertThat(feed.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
    // a calendar app polling must not leave a session behind on every fetch
    assertThat(feed.headers().allValues("Set-Cookie")).isEmpty();

    ICalendarCheck ics = ICalendarCheck.parseAndValidate(feed.body());
    ics.assertUniqueUids();
    assertThat(ics.property("X-WR-CALNAME")).isEqualTo("田芬的课表");
    Set<String> mine =
        codes(
            "SELECT DISTINCT m.course_code FROM course_meeting m WHERE m.term_id = "
                + TERM
                + " AND (EXISTS (SELECT 1 FROM course_meeting_class c WHERE c.term_id = m.term_id"
                + " AND c.source = m.source AND c.meeting_no = m.meeting_no AND c.class_code = '2401000')"
                + " OR EXISTS (SELECT 1 FROM course_meeting_student s WHERE s.term_id = m.term_id"
                + " AND s.source = m.source AND s.meeting_no = m.meeting_no AND s.student_account = ?))",
            student.account());
    assertThat(mine).isNotEmpty();
    assertThat(courseCodes(ics)).isEqualTo(mine);
    Set<String> others = new TreeSet<>(allCodes());
    others.removeAll(mine);
    assertThat(others).as("courses of other classes exist").isNotEmpty();
    for (String code : others) {
      assertThat(feed.body()).doesNotContain(code);
    }

    // 金智 rows carry the teacher's account only; the feed names them from the directory (K00005:
    // 10065 叶轩)
    if (mine.contains("K00005")) {
      assertThat(ics.events())
          .anyMatch(e -> ICalendarCheck.value(e, "DESCRIPTION").contains("教师：叶轩"))
          .noneMatch(e -> ICalendarCheck.value(e, "DESCRIPTION").contains("教师：10065"));
    }

    // the calendar app asks again with the entity tag: not modified
    String etag = feed.headers().firstValue("ETag").orElseThrow();
    assertThat(fetch(url, "If-None-Match", etag).statusCode()).isEqualTo(304);

    String on = web.get(page()).body();
    assertThat(on)
        .contains("已开启")
        .contains("日历最近一次更新")
        .doesNotContain(url)
        .doesNotContain("feed-url");

    // reset: the old address is dead at once and gives nothing away; the new one works
    String newUrl = issuedUrl(press(web, "reset"));
    assertThat(newUrl).isNotEqualTo(url);
    assertNotFoundWithoutData(url);
    assertThat(fetch(newUrl).statusCode()).isEqualTo(200);

    // turn off: the new address is dead too
    assertThat(press(web, "turnOff").body())
        .contains("已关闭订阅")
        .contains("name=\"subscription:turnOn\"");
    assertNotFoundWithoutData(newUrl);
    assertNotFoundWithoutData(app + "/calendar/" + "A".repeat(43) + ".ics");
    assertNotFoundWithoutData(app + "/calendar/short.ics");
  }

  @Test
  void aTeachersFeedHoldsWhatTheyTeach() throws Exception {
    TestUser teacher = TestUsers.COUNSELLOR;
    WebSession web = WeComStandInScreen.signedIn(page(), teacher.account());
    // The demo workbench has a tile for the subscription page.
    assertThat(web.get(app + "/").body())
        .containsPattern("data-tile=\"订阅到手机日历\" href=\"/go/\\d+\"");
    ensureOff(web);
    String url = issuedUrl(press(web, "turnOn"));
    HttpResponse<String> feed = fetch(url, "Accept-Language", "en");
    assertThat(feed.statusCode()).isEqualTo(200);
    ICalendarCheck ics = ICalendarCheck.parseAndValidate(feed.body());
    assertThat(ics.property("X-WR-CALNAME")).isEqualTo("Timetable of " + teacher.name());
    Set<String> taught =
        codes(
            "SELECT DISTINCT m.course_code FROM course_meeting m JOIN course_meeting_teacher t ON t.term_id = m.term_id"
                + " AND t.source = m.source AND t.meeting_no = m.meeting_no WHERE m.term_id = "
                + TERM
                + " AND t.teacher_account = ?",
            teacher.account());
    assertThat(taught).isNotEmpty();
    assertThat(courseCodes(ics)).isEqualTo(taught);
    press(web, "turnOff");
    assertNotFoundWithoutData(url);
  }

  /** The page on a phone, with the confirmations before reset and turning off. */
  @Test
  void thePageOnAPhone() {
    ChromeDriver driver = browser.driver();
    driver.manage().deleteAllCookies();
    WebDriverWait wait = Browser.waitFor(driver, Duration.ofSeconds(20));
    driver.get(page());
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    driver.findElement(By.id("account")).sendKeys(TestUsers.DEAN.account());
    driver.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subscription")));
    if (!driver.findElements(By.id("subscription:turnOff")).isEmpty()) {
      driver.findElement(By.id("subscription:turnOff")).click();
      driver.switchTo().alert().accept();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subscription:turnOn")));
    }
    browser.screenshot("calendar-subscription-off");

    driver.findElement(By.id("subscription:turnOn")).click();
    String first =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("feed-url")))
            .getAttribute("value");
    assertThat(first).contains("/calendar/").endsWith(".ics");
    assertThat(driver.findElement(By.id("webcal-link")).getAttribute("href"))
        .startsWith("webcal://");
    driver.findElement(By.id("copy-url")).click();
    wait.until(ExpectedConditions.textMatches(By.id("copy-status"), Pattern.compile(".+")));
    browser.screenshot("calendar-subscription-issued");
    Object overflow =
        driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
    assertThat(overflow).as("no horizontal scrolling at 390 px").isEqualTo(false);

    driver.executeScript("window.scrollTo(0, document.body.scrollHeight)");
    browser.screenshot("calendar-subscription-actions");

    // reset asks first; dismissing keeps the address
    driver.findElement(By.id("subscription:reset")).click();
    Alert confirm = wait.until(ExpectedConditions.alertIsPresent());
    assertThat(confirm.getText()).contains("旧地址立即失效");
    confirm.dismiss();
    assertThat(driver.findElement(By.id("feed-url")).getAttribute("value")).isEqualTo(first);
    driver.findElement(By.id("subscription:reset")).click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(
        ExpectedConditions.not(
            ExpectedConditions.attributeToBe(By.id("feed-url"), "value", first)));
    browser.screenshot("calendar-subscription-reset");

    driver.findElement(By.id("subscription:turnOff")).click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subscription:turnOn")));
    assertThat(driver.findElement(By.id("ical-notice")).getText()).contains("已关闭订阅");
    browser.screenshot("calendar-subscription-turned-off");
  }
}
