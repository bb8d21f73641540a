package cn.edu.ntvu.workbench.leave.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
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
 * Issue 16, the 销假 loop at 360×640 in WeCom's user agent: the student's 销假 asks first, then reads
 * 已申请销假; the counsellor gets a message through the outbox (delivered to the stand-in), a badge that
 * counts it and a 待确认销假 entry, confirms (asked first) and the request reads 已销假 for both — never
 * 已批准 again. The student's own forged 确认销假 changes nothing.
 */
class LeaveReturnIT {
  @RegisterExtension static Browser student = Browser.weCom().windowSize(360, 640);
  @RegisterExtension static Browser counsellor = Browser.weCom().windowSize(360, 640);

  private static final String COUNSELLOR = TestUsers.COUNSELLOR.account();
  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  @Test
  void aStudentsReturnReachesTheCounsellorAndEndsReturned() throws Exception {
    String who = "20240100037";
    WebSession web = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", who);
    HttpResponse<String> page = web.get(app + "/leave/apply.xhtml");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("apply", "apply");
    f.put("type", "PERSONAL");
    f.put("start", "2026-11-26T08:00");
    f.put("end", "2026-11-26T17:00");
    f.put("reason", "回家取证件");
    f.put("offCampus", "on");
    f.put("destination", "南通");
    f.put("contact", "父亲 138-0013-8000");
    f.put("submit", "提交申请");
    f.put("jakarta.faces.ViewState", viewState(page));
    HttpResponse<String> sent = web.postMultipart(app + "/leave/apply.xhtml", f);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    Matcher m = Pattern.compile("id=(\\d+)").matcher(WebSession.location(sent));
    assertThat(m.find()).isTrue();
    long id = Long.parseLong(m.group(1));
    String url = app + "/leave/request.xhtml?id=" + id;
    WebSession c = WeComStandInScreen.signedIn(url, COUNSELLOR);
    postButton(c, c.get(url), "detail", "approve");
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("APPROVED");
    // The leave has begun (school clock Wed 10:20) and ends this evening.
    exec(
        "UPDATE leave_request SET starts_at = '2026-11-25 08:00:00', ends_at = '2026-11-25 17:00:00'"
            + " WHERE id = ?",
        id);

    ChromeDriver s = signIn(student, "/leave/request.xhtml?id=" + id, who);
    WebDriverWait sw = Browser.waitFor(s, Duration.ofSeconds(30));
    sw.until(ExpectedConditions.presenceOfElementLocated(By.id("report-back")));
    assertThat(s.findElement(By.id("status")).getText()).isEqualTo("已批准");
    // The emergency contact's number is a tel: link.
    assertThat(s.findElement(By.id("contact-tel")).getAttribute("href"))
        .isEqualTo("tel:13800138000");
    // 销假 asks first: declined, nothing happens; accepted, it is sent.
    s.executeScript(
        "window.asked = []; window.confirm = function (t) { window.asked.push(t); return false; };");
    s.findElement(By.id("report-back")).click();
    assertThat(s.executeScript("return window.asked.length")).isEqualTo(1L);
    assertThat(query("SELECT returned_at FROM leave_request WHERE id = ?", id)).isNull();
    s.executeScript("window.confirm = function (t) { return true; };");
    s.findElement(By.id("report-back")).click();
    sw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已申请销假"));
    student.screenshot("leave-return-asked");

    // The student's own forged 确认销假 changes nothing.
    postButton(web, web.get(url), "detail", "confirm-return");
    assertThat(query("SELECT return_confirmed_at FROM leave_request WHERE id = ?", id)).isNull();

    // The counsellor: a message through the outbox (delivered), the badge, the 待确认销假 list.
    String key = "leave:" + id + ":returned";
    assertThat(query("SELECT to_users FROM wecom_outbox WHERE message_key = ?", key))
        .isEqualTo(COUNSELLOR);
    assertThat(query("SELECT body FROM wecom_outbox WHERE message_key = ?", key))
        .contains("已销假，待确认", "/leave/request.xhtml?id=" + id);
    awaitOutbox(key, "SENT");
    ChromeDriver d = signIn(counsellor, "/", COUNSELLOR);
    WebDriverWait cw = Browser.waitFor(d, Duration.ofSeconds(30));
    long waiting =
        count(
            "SELECT COUNT(*) FROM leave_step_approver a JOIN leave_step s ON s.id = a.step_id"
                + " AND s.status = 'OPEN' WHERE a.account = ?",
            COUNSELLOR);
    long returns =
        count(
            "SELECT COUNT(*) FROM leave_request WHERE class_code = '2401000' AND status = 'APPROVED'"
                + " AND returned_at IS NOT NULL AND return_confirmed_at IS NULL");
    assertThat(returns).isGreaterThanOrEqualTo(1);
    cw.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("a.wb-tile[data-tile='学生请假'] .wb-tile-badge")));
    assertThat(
            d.findElement(By.cssSelector("a.wb-tile[data-tile='学生请假'] .wb-tile-badge")).getText())
        .isEqualTo(String.valueOf(waiting + returns));
    d.get(app + "/leave/approvals.xhtml");
    cw.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#returns .lv-approval[data-id='" + id + "']")));
    assertThat(d.findElement(By.id("returns-h")).getText()).isEqualTo("待确认销假");
    counsellor.screenshot("leave-returns-to-confirm");
    d.findElement(By.cssSelector("#returns .lv-approval[data-id='" + id + "'] a")).click();
    cw.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-return")));
    assertThat(d.findElement(By.id("status")).getText()).isEqualTo("待确认销假");
    d.executeScript(
        "window.asked = []; window.confirm = function (t) { window.asked.push(t); return true; };");
    d.findElement(By.id("confirm-return")).click();
    cw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已销假"));
    assertThat(query("SELECT return_confirmed_by FROM leave_request WHERE id = ?", id))
        .isEqualTo(COUNSELLOR);

    // Opened again (not a refresh, which would post the 销假 page once more).
    s.get(app + "/leave/request.xhtml?id=" + id);
    sw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已销假"));
    s.get(app + "/leave/");
    assertThat(s.getPageSource()).contains("已销假");
  }

  private static HttpResponse<String> postButton(
      WebSession web, HttpResponse<String> page, String form, String button) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put(form, form);
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

  private static void awaitOutbox(String key, String status) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String now = null;
    while (System.nanoTime() < until) {
      now = query("SELECT status FROM wecom_outbox WHERE message_key = ?", key);
      if (status.equals(now)) {
        return;
      }
      Thread.sleep(250);
    }
    assertThat(now).as("status of outbox message " + key).isEqualTo(status);
  }

  private static ChromeDriver signIn(Browser b, String path, String account) {
    return b.signInThroughWeCom(app + path, account);
  }
}
