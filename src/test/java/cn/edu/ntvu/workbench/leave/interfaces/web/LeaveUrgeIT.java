package cn.edu.ntvu.workbench.leave.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 催办 (issue 18, item 5) at 360×640 in WeCom's user agent (school clock Wed 2026-11-25 10:20): the
 * student's request page says "4 小时后可催办" while the step is new, and a tap then is answered beside
 * the button with nothing stored; with the step opened 5 hours ago (seeded), 催办 reminds the
 * counsellor once — one message at the stand-in — and the timeline says 催办; a second 催办 (this phone
 * again, or another phone's page loaded before) is refused beside the button and stores nothing;
 * forged posts by a classmate and by the counsellor change nothing. Class 2501001 (counsellor 10002
 * 尹超).
 */
class LeaveUrgeIT {
  @RegisterExtension static Browser student = Browser.weCom().windowSize(360, 640);

  private static final String STUDENT = "20250100048";
  private static final String CLASSMATE = "20250100044";
  private static final String COUNSELLOR = "10002";
  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  @Test
  void aStudentUrgesOnceAfterTheHoursAndTheCounsellorIsRemindedOnce() throws Exception {
    WebSession web = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", STUDENT);
    long id = submit(web, "2026-12-03T08:00", "2026-12-03T12:00", "去医院复查");
    String url = "/leave/request.xhtml?id=" + id;
    String key = "leave:" + id + ":step:1:urged";

    // Just opened: the button says when it can be used; a tap now stores nothing.
    ChromeDriver s = student.signInThroughWeCom(app + url, STUDENT);
    WebDriverWait w = Browser.waitFor(s, Duration.ofSeconds(30));
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("urge")));
    assertThat(s.findElement(By.id("urge-hint")).getText()).isEqualTo("4 小时后可催办");
    show(s, "urge-card");
    student.screenshot("leave-urge-too-early");
    s.findElement(By.id("urge")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("error-urge")));
    assertThat(s.findElement(By.id("error-urge")).getText()).contains("小时后可催办");
    assertThat(urges(id)).isZero();
    assertThat(count("SELECT COUNT(*) FROM wecom_outbox WHERE message_key = ?", key)).isZero();

    // Opened 5 hours ago: 催办 works.
    exec(
        "UPDATE leave_step SET opened_at = DATE_SUB(opened_at, INTERVAL 5 HOUR)"
            + " WHERE request_id = ? AND step_no = 1",
        id);
    // Another phone of hers loads the page now (before the urge): its button is live.
    WebSession other = WeComStandInScreen.signedIn(app + url, STUDENT);
    HttpResponse<String> stale = other.get(app + url);
    assertThat(stale.body()).contains("id=\"urge\"");

    // Opened again (not reloaded: the page on screen is the answer to a post).
    s.get(app + url);
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("urge-help")));
    assertThat(s.findElements(By.id("urge-hint"))).isEmpty();
    assertPhoneWidth(s);
    show(s, "urge-card");
    student.screenshot("leave-urge-ready");
    // The stand-in keeps what it was sent across runs (and request ids start again with a new
    // database): count this run's reminders from here.
    int before = reminders(id);
    s.findElement(By.id("urge")).click();
    w.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已催办"));
    assertThat(s.findElement(By.id("urge-hint")).getText()).startsWith("已于 11-25 ");
    assertThat(s.findElement(By.id("timeline")).getText()).contains("催办");
    show(s, "urge-card");
    student.screenshot("leave-urge-sent");
    assertThat(urges(id)).isEqualTo(1);
    assertThat(query("SELECT to_users FROM wecom_outbox WHERE message_key = ?", key))
        .isEqualTo(COUNSELLOR);
    awaitOutbox(key);
    assertThat(reminders(id)).isEqualTo(before + 1);

    // Again on this phone: refused beside the button, nothing stored.
    s.findElement(By.id("urge")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("error-urge")));
    assertThat(s.findElement(By.id("error-urge")).getText()).isEqualTo("这一步已经催办过了，每一步只能催办一次。");
    show(s, "urge-card");
    student.screenshot("leave-urge-twice");
    // Again from the other phone's page loaded before: the same.
    HttpResponse<String> twice = post(other, stale, "urge");
    assertThat(twice.body()).contains("id=\"error-urge\"", "已经催办过了");

    // Forged: a classmate may not even see the page; the counsellor's post of the button does
    // nothing (the part is not there for staff, and the service refuses staff).
    WebSession classmate = WeComStandInScreen.signedIn(app + "/leave/", CLASSMATE);
    assertThat(classmate.get(app + url).statusCode()).isEqualTo(403);
    Map<String, String> forged = new LinkedHashMap<>();
    forged.put("detail", "detail");
    forged.put("urge", "催办");
    forged.put("jakarta.faces.ViewState", viewState(stale));
    classmate.post(app + url, forged);
    WebSession counsellor = WeComStandInScreen.signedIn(app + url, COUNSELLOR);
    HttpResponse<String> staffPage = counsellor.get(app + url);
    assertThat(staffPage.body()).doesNotContain("id=\"urge\"");
    post(counsellor, staffPage, "urge");

    assertThat(urges(id)).isEqualTo(1);
    assertThat(
            count("SELECT COUNT(*) FROM leave_event WHERE request_id = ? AND action = 'URGED'", id))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM wecom_outbox WHERE message_key LIKE ?", key + "%"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'LEAVE_URGE' AND object_id = ?",
                String.valueOf(id)))
        .isEqualTo(1);
    assertThat(reminders(id)).isEqualTo(before + 1);
  }

  /** The 催办 reminders of request {@code id} the stand-in delivered to the counsellor. */
  private static int reminders(long id) {
    return (int)
        TestServers.standIn().messagesTo(COUNSELLOR).stream()
            .filter(
                m -> m.body().contains("催办：") && m.body().contains("request.xhtml?id=" + id + "\""))
            .count();
  }

  /** Scrolls element {@code id} into view, for the screenshot. */
  private static void show(ChromeDriver d, String id) {
    d.executeScript("arguments[0].scrollIntoView(true);", d.findElement(By.id(id)));
  }

  private static long urges(long id) throws Exception {
    return count("SELECT COUNT(*) FROM leave_step_urge WHERE request_id = ?", id);
  }

  private static void assertPhoneWidth(ChromeDriver d) {
    Number scroll = (Number) d.executeScript("return document.documentElement.scrollWidth;");
    Number width = (Number) d.executeScript("return document.documentElement.clientWidth;");
    assertThat(scroll.intValue()).isLessThanOrEqualTo(width.intValue());
    Number h =
        (Number)
            d.executeScript(
                "return document.getElementById('urge').getBoundingClientRect().height;");
    assertThat(h.doubleValue()).isGreaterThanOrEqualTo(44);
  }

  private static void awaitOutbox(String key) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String now = null;
    while (System.nanoTime() < until) {
      now = query("SELECT status FROM wecom_outbox WHERE message_key = ?", key);
      if ("SENT".equals(now)) {
        return;
      }
      Thread.sleep(250);
    }
    assertThat(now).as("outbox " + key).isEqualTo("SENT");
  }

  private static long submit(WebSession web, String start, String end, String reason) {
    HttpResponse<String> page = web.get(app + "/leave/apply.xhtml");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("apply", "apply");
    f.put("type", "PERSONAL");
    f.put("start", start);
    f.put("end", end);
    f.put("reason", reason);
    f.put("submit", "提交申请");
    f.put("jakarta.faces.ViewState", viewState(page));
    HttpResponse<String> sent = web.postMultipart(app + "/leave/apply.xhtml", f);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    Matcher m = Pattern.compile("id=(\\d+)").matcher(WebSession.location(sent));
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static HttpResponse<String> post(
      WebSession web, HttpResponse<String> page, String button) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("detail", "detail");
    f.put(button, button);
    f.put("jakarta.faces.ViewState", viewState(page));
    HttpResponse<String> r = web.post(page.uri().toString(), f);
    return WebSession.isRedirect(r) ? web.get(WebSession.location(r)) : r;
  }

  private static String viewState(HttpResponse<String> page) {
    Matcher m = VIEW_STATE.matcher(page.body());
    assertThat(m.find()).as("view state in " + page.uri()).isTrue();
    return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
  }
}
