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
    // Started: no 撤销 any more; the page says 销假 is the way back.
    assertThat(s.findElements(By.id("revoke"))).isEmpty();
    assertThat(s.findElement(By.id("revoke-started")).getText()).contains("销假");
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

  /** Submits a one-day 事假 for {@code who} through the form and has the counsellor approve it. */
  private static long approvedLeave(WebSession web, String start, String end) throws Exception {
    HttpResponse<String> page = web.get(app + "/leave/apply.xhtml");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("apply", "apply");
    f.put("type", "PERSONAL");
    f.put("start", start);
    f.put("end", end);
    f.put("reason", "参加市里的技能比赛");
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
    return id;
  }

  /**
   * Issue 19: an approved leave that no longer holds. The student 撤销s one that has not started
   * (asked first; 已撤销 on the page and in the list; the counsellor told); the counsellor 取消s another
   * with a reason (asked first; 已取消 and the reason for both). Forged posts — the student's 取消, the
   * counsellor's 撤销, another student's and a teacher's — change nothing.
   */
  @Test
  void aStudentRevokesAnApprovedLeaveAndTheCounsellorCancelsAnotherWithAReason() throws Exception {
    String who = "20240100020";
    WebSession web = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", who);
    // School clock: Wednesday 2026-11-25 10:20; both leaves lie ahead.
    long revoked = approvedLeave(web, "2026-11-27T08:00", "2026-11-27T17:00");
    long cancelled = approvedLeave(web, "2026-11-30T08:00", "2026-11-30T17:00");
    String revokedUrl = app + "/leave/request.xhtml?id=" + revoked;
    String cancelledUrl = app + "/leave/request.xhtml?id=" + cancelled;

    // Forged: the student's 取消 (no such button for them), the counsellor's 撤销, another
    // student's and a teacher's posts of both (the page itself is refused them).
    postButton(web, web.get(cancelledUrl), "detail", "cancel-approved");
    Map<String, String> forged = new LinkedHashMap<>();
    HttpResponse<String> own = web.get(cancelledUrl);
    forged.put("detail", "detail");
    forged.put("cancel-reason", "学生自己取消");
    forged.put("cancel-confirm", "cancel-confirm");
    forged.put("jakarta.faces.ViewState", viewState(own));
    web.post(cancelledUrl, forged);
    WebSession c = WeComStandInScreen.signedIn(revokedUrl, COUNSELLOR);
    postButton(c, c.get(revokedUrl), "detail", "revoke");
    WebSession classmate = WeComStandInScreen.signedIn(revokedUrl, "20240100019");
    WebSession teacher = WeComStandInScreen.signedIn(revokedUrl, TestUsers.TEACHER.account());
    for (WebSession other : new WebSession[] {classmate, teacher}) {
      for (String url : new String[] {revokedUrl, cancelledUrl}) {
        HttpResponse<String> refused = other.get(url);
        assertThat(refused.statusCode()).isEqualTo(403);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("detail", "detail");
        f.put("revoke", "revoke");
        f.put("cancel-reason", "伪造");
        f.put("cancel-confirm", "cancel-confirm");
        // the refused page's own view state (its form renders the refusal only)
        Matcher vs = VIEW_STATE.matcher(refused.body());
        f.put(
            "jakarta.faces.ViewState",
            vs.find() ? vs.group(1).replace("&#58;", ":").replace("&amp;", "&") : "stateless");
        HttpResponse<String> answer = other.post(url, f);
        assertThat(answer.statusCode()).as(url).isNotEqualTo(500);
      }
    }
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", revoked))
        .isEqualTo("APPROVED");
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", cancelled))
        .isEqualTo("APPROVED");
    assertThat(
            count(
                "SELECT COUNT(*) FROM leave_event WHERE request_id IN (?, ?)"
                    + " AND action IN ('REVOKED', 'CANCELLED')",
                revoked,
                cancelled))
        .isZero();

    // The student 撤销s the first: asked first (declined: nothing), then 已撤销.
    ChromeDriver s = signIn(student, "/leave/request.xhtml?id=" + revoked, who);
    WebDriverWait sw = Browser.waitFor(s, Duration.ofSeconds(30));
    sw.until(ExpectedConditions.presenceOfElementLocated(By.id("revoke")));
    assertThat(s.findElements(By.id("cancel-approved"))).isEmpty();
    student.screenshot("leave-revoke-offered");
    s.executeScript(
        "window.asked = []; window.confirm = function (t) { window.asked.push(t); return false; };");
    s.findElement(By.id("revoke")).click();
    assertThat(s.executeScript("return window.asked[0]").toString()).contains("撤销");
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", revoked))
        .isEqualTo("APPROVED");
    s.executeScript("window.confirm = function (t) { return true; };");
    s.findElement(By.id("revoke")).click();
    sw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已撤销"));
    assertThat(s.findElements(By.id("revoke"))).isEmpty();
    assertThat(s.findElement(By.id("timeline")).getText()).contains("撤销已批准的请假");
    student.screenshot("leave-revoked");
    assertThat(
            query(
                "SELECT to_users FROM wecom_outbox WHERE message_key = ?",
                "leave:" + revoked + ":revoked"))
        .isEqualTo(COUNSELLOR);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_entry WHERE object_type = 'leave_request'"
                    + " AND object_id = ? AND action = 'LEAVE_REVOKE'",
                String.valueOf(revoked)))
        .isEqualTo(1);

    // The counsellor 取消s the second with a reason: asked for it, then asked to confirm.
    ChromeDriver d = signIn(counsellor, "/leave/request.xhtml?id=" + cancelled, COUNSELLOR);
    WebDriverWait cw = Browser.waitFor(d, Duration.ofSeconds(30));
    cw.until(ExpectedConditions.presenceOfElementLocated(By.id("cancel-approved")));
    assertThat(d.findElements(By.id("revoke"))).isEmpty();
    d.findElement(By.id("cancel-approved")).click();
    cw.until(ExpectedConditions.presenceOfElementLocated(By.id("cancel-reason")));
    d.findElement(By.id("cancel-reason")).sendKeys("比赛取消，学生正常上课");
    counsellor.screenshot("leave-cancel-reason");
    d.executeScript(
        "window.asked = []; window.confirm = function (t) { window.asked.push(t); return false; };");
    d.findElement(By.id("cancel-confirm")).click();
    assertThat(d.executeScript("return window.asked[0]").toString()).contains("取消");
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", cancelled))
        .isEqualTo("APPROVED");
    d.executeScript("window.confirm = function (t) { return true; };");
    d.findElement(By.id("cancel-confirm")).click();
    cw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已取消"));
    assertThat(d.findElement(By.id("cancel-reason-shown")).getText()).isEqualTo("比赛取消，学生正常上课");
    assertThat(d.findElements(By.id("cancel-approved"))).isEmpty();
    counsellor.screenshot("leave-cancelled-counsellor");
    assertThat(
            query(
                "SELECT to_users FROM wecom_outbox WHERE message_key = ?",
                "leave:" + cancelled + ":cancelled"))
        .isEqualTo(who);
    assertThat(
            query(
                "SELECT body FROM wecom_outbox WHERE message_key = ?",
                "leave:" + cancelled + ":cancelled"))
        .contains("比赛取消，学生正常上课");

    // The student reads 已取消 with the reason, and both in the list.
    s.get(cancelledUrl);
    sw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已取消"));
    assertThat(s.findElement(By.id("cancel-reason-shown")).getText()).contains("比赛取消");
    assertThat(s.findElements(By.id("revoke"))).isEmpty();
    student.screenshot("leave-cancelled-student");
    s.get(app + "/leave/");
    assertThat(s.getPageSource()).contains("已撤销", "已取消");
    student.screenshot("leave-list-revoked-cancelled");
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
