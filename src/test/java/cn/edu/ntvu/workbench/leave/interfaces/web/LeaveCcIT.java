package cn.edu.ntvu.workbench.leave.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.StandIn;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 18, 抄送 (item 4) and 续假 (item 8) at 360×640 in WeCom's user agent. Class 数控技术251班 (2501001,
 * counsellor 尹超 10002), its 班主任 named on 请假设置 as 贾诺 (10006); another teacher 梁诺 (10007). The school
 * clock is Wed 2026-11-25 10:20.
 */
class LeaveCcIT {
  @RegisterExtension static Browser phone = Browser.weCom().windowSize(360, 640);

  private static final String CLASS = "2501001";
  private static final String COUNSELLOR = "10002";
  private static final String CLASS_TEACHER = "10006";
  private static final String OTHER_TEACHER = "10007";

  /** A named person copied on approval in the 续假 test (their card is updated on the extension). */
  private static final String OFFICE = "10008";

  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
  private static String app;

  @BeforeAll
  static void servers() throws Exception {
    app = TestServers.appUrl();
    cleanUp();
  }

  /** Leaves no CC line, no 班主任 and no open leave of these students behind for other tests. */
  @AfterAll
  static void cleanUp() throws Exception {
    exec("DELETE FROM leave_cc_rule WHERE target = 'CLASS_TEACHER'");
    exec("DELETE FROM leave_cc_rule WHERE target = 'PERSON' AND account = ?", OFFICE);
    exec("DELETE FROM leave_extension_rule");
    exec("DELETE FROM leave_cc_contact WHERE role = 'CLASS_TEACHER' AND class_code = ?", CLASS);
    exec(
        "UPDATE leave_request SET status = 'WITHDRAWN' WHERE student_account IN (?, ?)"
            + " AND status IN ('PENDING', 'APPROVED')",
        "20250100045",
        "20250100046");
  }

  /**
   * A rule copies the 班主任 on final approval (added on 请假设置 by the admin); the counsellor approves;
   * the 班主任's card is in the stand-in once, the request is in her 抄送我的 and opens read-only; her
   * forged 同意 and 取消 change nothing; another teacher gets 403.
   */
  @Test
  void aRuleCopiesTheClassTeacherOnFinalApprovalWhoReadsItOnly() throws Exception {
    // The admin: 班主任 of the class (the directory has no such role), and the CC line through the
    // page.
    exec(
        "INSERT INTO leave_cc_contact (role, class_code, account) VALUES ('CLASS_TEACHER', ?, ?)",
        CLASS,
        CLASS_TEACHER);
    WebSession admin =
        WeComStandInScreen.signedIn(app + "/leave/admin.xhtml", TestUsers.ADMIN.account());
    HttpResponse<String> adminPage = admin.get(app + "/leave/admin.xhtml");
    assertThat(adminPage.body()).contains("cc-admin");
    Map<String, String> line = new LinkedHashMap<>();
    line.put("cc", "cc");
    line.put("cc-rule", "");
    line.put("cc-target", "CLASS_TEACHER");
    line.put("cc-when", "APPROVAL");
    line.put("cc-add", "cc-add");
    line.put("jakarta.faces.ViewState", viewState(adminPage));
    HttpResponse<String> added = admin.post(app + "/leave/admin.xhtml", line);
    assertThat(added.statusCode()).isIn(200, 302);
    assertThat(
            count(
                "SELECT COUNT(*) FROM leave_cc_rule WHERE rule_id IS NULL AND target = 'CLASS_TEACHER'"
                    + " AND NOT on_submit AND on_approval"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'LEAVE_CC_RULE_ADD'"
                    + " AND actor_account = ?",
                TestUsers.ADMIN.account()))
        .isGreaterThanOrEqualTo(1);
    // A teacher's forged post of the same form adds nothing (the page is refused them).
    WebSession other = WeComStandInScreen.signedIn(app + "/leave/admin.xhtml", OTHER_TEACHER);
    line.put("cc-target", "DORM_MANAGER");
    HttpResponse<String> forgedLine = other.post(app + "/leave/admin.xhtml", line);
    assertThat(forgedLine.statusCode()).isNotEqualTo(500);
    assertThat(count("SELECT COUNT(*) FROM leave_cc_rule WHERE target = 'DORM_MANAGER'")).isZero();

    // A one-day leave on Saturday (no classes: the 班主任 can read it only as a copy).
    String who = "20250100045";
    WebSession student = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", who);
    long id = submit(student, "2026-11-28T08:00", "2026-11-28T17:00", "回家看望奶奶");
    String url = app + "/leave/request.xhtml?id=" + id;
    WebSession teacher = WeComStandInScreen.signedIn(url, CLASS_TEACHER);
    // Not copied yet (on approval): refused like anyone else.
    assertThat(teacher.get(url).statusCode()).isEqualTo(403);
    assertThat(count("SELECT COUNT(*) FROM leave_cc WHERE request_id = ?", id)).isZero();

    WebSession counsellor = WeComStandInScreen.signedIn(url, COUNSELLOR);
    postButton(counsellor, counsellor.get(url), "detail", "approve");
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("APPROVED");
    assertThat(
            query(
                "SELECT CONCAT(target, ' ', phase) FROM leave_cc WHERE request_id = ? AND account = ?",
                id,
                CLASS_TEACHER))
        .isEqualTo("CLASS_TEACHER APPROVED");
    assertThat(
            count(
                "SELECT COUNT(*) FROM leave_cc WHERE request_id = ? AND target = 'CLASS_TEACHER'",
                id))
        .isEqualTo(1);
    String key = "leave:" + id + ":cc:" + CLASS_TEACHER;
    assertThat(query("SELECT to_users FROM wecom_outbox WHERE message_key = ?", key))
        .isEqualTo(CLASS_TEACHER);
    awaitOutbox(key, "SENT");
    StandIn standIn = TestServers.standIn();
    List<StandIn.Message> told = toldAbout(standIn, id);
    assertThat(told).hasSize(1);
    assertThat(told.get(0).body()).contains("抄送：金远事假 1 天", "已批准");
    assertThat(
            count(
                "SELECT COUNT(*) FROM leave_event WHERE request_id = ? AND action = 'CC_SENT'", id))
        .isEqualTo(1);

    // Another teacher: 403, nothing of the request.
    WebSession stranger = WeComStandInScreen.signedIn(url, OTHER_TEACHER);
    HttpResponse<String> refused = stranger.get(url);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("回家看望奶奶");

    // The 班主任 on her phone: 抄送我的 from the leave home, the request read-only.
    ChromeDriver d = phone.signInThroughWeCom(app + "/leave/", CLASS_TEACHER);
    WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(30));
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("cc-link")));
    assertThat(d.findElement(By.id("cc-count")).getText()).isNotBlank();
    d.findElement(By.id("cc-link")).click();
    w.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#cc-list .lv-approval[data-id='" + id + "']")));
    List<org.openqa.selenium.WebElement> rows =
        d.findElements(By.cssSelector("#cc-list .lv-approval"));
    assertThat(rows.get(0).getAttribute("data-id"))
        .as("newest first")
        .isEqualTo(String.valueOf(id));
    assertThat(rows.get(0).getText()).contains("金远", "班主任", "已批准");
    assertThat(d.findElement(By.id("cc-total")).getText()).contains("共");
    noSidewaysScroll(d);
    phone.screenshot("leave-cc-list");
    rows.get(0).findElement(By.cssSelector("a")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("cc-readonly")));
    assertThat(d.findElement(By.id("status")).getText()).isEqualTo("已批准");
    assertThat(d.findElements(By.id("approve"))).isEmpty();
    assertThat(d.findElements(By.id("decide"))).isEmpty();
    assertThat(d.findElements(By.id("cancel-approved"))).isEmpty();
    assertThat(d.findElement(By.id("cc-people")).getText()).contains("贾诺", "班主任");
    noSidewaysScroll(d);
    d.executeScript("document.getElementById('cc-card').scrollIntoView();");
    phone.screenshot("leave-cc-request-readonly");

    // Her forged 同意 and 取消 change nothing.
    long events = count("SELECT COUNT(*) FROM leave_event WHERE request_id = ?", id);
    postButton(teacher, teacher.get(url), "detail", "approve");
    Map<String, String> cancel = new LinkedHashMap<>();
    cancel.put("detail", "detail");
    cancel.put("cancel-reason", "伪造的取消");
    cancel.put("cancel-confirm", "cancel-confirm");
    cancel.put("jakarta.faces.ViewState", viewState(teacher.get(url)));
    assertThat(teacher.post(url, cancel).statusCode()).isNotEqualTo(500);
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("APPROVED");
    assertThat(count("SELECT COUNT(*) FROM leave_event WHERE request_id = ?", id))
        .isEqualTo(events);
    assertThat(
            count(
                "SELECT COUNT(*) FROM leave_step WHERE request_id = ? AND decided_by = ?",
                id,
                CLASS_TEACHER))
        .isZero();
    // Still one message to her.
    assertThat(toldAbout(standIn, id)).hasSize(1);
    exec("DELETE FROM leave_cc_rule WHERE target = 'CLASS_TEACHER'");
  }

  /**
   * 续假: the admin sets a shorter chain for extensions (counsellor only); the student extends an
   * approved leave before it ends — a new end not after the current one is refused beside the field
   * with the reason kept, a second one while the first is pending and a classmate's forged one
   * store nothing — the counsellor's card says it is an extension, she approves on the page, the
   * end moves, the request shows 原假期, the 续假 and the total, and the copied person's card is updated
   * (not sent again).
   */
  @Test
  void aStudentExtendsAnApprovedLeaveTheCounsellorApprovesAndBothPeriodsShow() throws Exception {
    WebSession admin =
        WeComStandInScreen.signedIn(app + "/leave/admin.xhtml", TestUsers.ADMIN.account());
    HttpResponse<String> adminPage = admin.get(app + "/leave/admin.xhtml");
    Map<String, String> rule = new LinkedHashMap<>();
    rule.put("extension-rules", "extension-rules");
    rule.put("ext-priority", "10");
    rule.put("ext-type", "");
    rule.put("ext-max", "3");
    rule.put("ext-steps", "COUNSELLOR");
    rule.put("ext-add", "ext-add");
    rule.put("jakarta.faces.ViewState", viewState(adminPage));
    assertThat(admin.post(app + "/leave/admin.xhtml", rule).statusCode()).isIn(200, 302);
    assertThat(
            count(
                "SELECT COUNT(*) FROM leave_extension_rule WHERE steps = 'COUNSELLOR' AND max_days = 3"))
        .isEqualTo(1);
    exec(
        "INSERT INTO leave_cc_rule (rule_id, target, account, on_submit, on_approval)"
            + " VALUES (NULL, 'PERSON', ?, FALSE, TRUE)",
        OFFICE);

    String who = "20250100046";
    WebSession student = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", who);
    long id = submit(student, "2026-11-26T08:00", "2026-11-26T17:00", "参加表姐婚礼");
    String url = app + "/leave/request.xhtml?id=" + id;
    WebSession counsellor = WeComStandInScreen.signedIn(url, COUNSELLOR);
    postButton(counsellor, counsellor.get(url), "detail", "approve");
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("APPROVED");
    awaitOutbox("leave:" + id + ":cc:" + OFFICE, "SENT");

    // A classmate's forged 续假 of her leave: refused, nothing stored.
    WebSession classmate = WeComStandInScreen.signedIn(url, "20250100047");
    HttpResponse<String> refused = classmate.get(url);
    assertThat(refused.statusCode()).isEqualTo(403);
    Map<String, String> forged = new LinkedHashMap<>();
    forged.put("detail", "detail");
    forged.put("newEnd", "2026-11-27T17:00");
    forged.put("extReason", "伪造");
    forged.put("extend-submit", "extend-submit");
    Matcher vs = VIEW_STATE.matcher(refused.body());
    forged.put(
        "jakarta.faces.ViewState",
        vs.find() ? vs.group(1).replace("&#58;", ":").replace("&amp;", "&") : "stateless");
    assertThat(classmate.post(url, forged).statusCode()).isNotEqualTo(500);
    assertThat(count("SELECT COUNT(*) FROM leave_extension WHERE request_id = ?", id)).isZero();

    // The student on her phone: 续假, a new end before the current one first.
    ChromeDriver d = phone.signInThroughWeCom(url, who);
    WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(30));
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("extend")));
    d.findElement(By.id("extend")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("newEnd")));
    d.executeScript("document.getElementById('newEnd').value = '2026-11-26T12:00';");
    d.findElement(By.id("extReason")).sendKeys("婚礼推迟一天");
    d.findElement(By.id("extend-submit")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("error-newEnd")));
    assertThat(d.findElement(By.id("error-newEnd")).getText()).contains("晚于");
    assertThat(d.findElement(By.id("extReason")).getAttribute("value")).isEqualTo("婚礼推迟一天");
    assertThat(count("SELECT COUNT(*) FROM leave_extension WHERE request_id = ?", id)).isZero();
    noSidewaysScroll(d);
    d.executeScript("document.getElementById('extension-card').scrollIntoView();");
    phone.screenshot("leave-extension-refused");
    d.executeScript("document.getElementById('newEnd').value = '2026-11-27T17:00';");
    d.findElement(By.id("extend-submit")).click();
    w.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".lv-extension[data-status='PENDING']")));
    assertThat(d.findElements(By.id("extend"))).as("one pending at a time").isEmpty();
    d.executeScript("document.getElementById('extension-card').scrollIntoView();");
    phone.screenshot("leave-extension-pending");
    assertThat(
            query(
                "SELECT CONCAT(status, ' ', new_end, ' ', step_count) FROM leave_extension WHERE request_id = ?",
                id))
        .isEqualTo("PENDING 2026-11-27 17:00:00 1");
    // A second one while the first waits: refused beside the field, nothing stored.
    HttpResponse<String> own = student.get(url);
    postButton(student, own, "detail", "extend");
    Map<String, String> second = new LinkedHashMap<>();
    second.put("detail", "detail");
    second.put("newEnd", "2026-11-28T17:00");
    second.put("extReason", "再续一天");
    second.put("extend-submit", "extend-submit");
    second.put("jakarta.faces.ViewState", viewState(own));
    student.post(url, second);
    assertThat(count("SELECT COUNT(*) FROM leave_extension WHERE request_id = ?", id)).isEqualTo(1);

    // The counsellor's card says it is an extension; she approves on the page.
    String card =
        query(
            "SELECT body FROM wecom_outbox WHERE message_key = ?", "leave:" + id + ":step:2:open");
    assertThat(card).contains("续假", "原假期", "11-27 17:00");
    assertThat(
            query(
                "SELECT to_users FROM wecom_outbox WHERE message_key = ?",
                "leave:" + id + ":step:2:open"))
        .isEqualTo(COUNSELLOR);
    HttpResponse<String> toDecide = counsellor.get(url);
    assertThat(toDecide.body()).contains("id=\"approve\"", "婚礼推迟一天");
    postButton(counsellor, toDecide, "detail", "approve");
    assertThat(query("SELECT status FROM leave_extension WHERE request_id = ?", id))
        .isEqualTo("APPROVED");
    assertThat(
            query(
                "SELECT CONCAT(status, ' ', ends_at, ' ', original_end) FROM leave_request WHERE id = ?",
                id))
        .isEqualTo("APPROVED 2026-11-27 17:00:00 2026-11-26 17:00:00");
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_entry WHERE object_type = 'leave_request' AND object_id = ?"
                    + " AND action IN ('LEAVE_EXTEND_ASK', 'LEAVE_EXTEND_APPROVE')",
                String.valueOf(id)))
        .isEqualTo(2);
    // The copied person's card is updated, not sent again.
    String update = "leave:" + id + ":cc:" + OFFICE + ":updated";
    assertThat(query("SELECT kind FROM wecom_outbox WHERE message_key = ?", update))
        .isEqualTo("UPDATE_TEMPLATE_CARD");
    assertThat(query("SELECT body FROM wecom_outbox WHERE message_key = ?", update))
        .contains("已续假至 11-27 17:00");
    awaitOutbox(update, "SENT");
    assertThat(
            count(
                "SELECT COUNT(*) FROM wecom_outbox WHERE message_key LIKE ? AND kind = 'SEND'",
                "leave:" + id + ":cc:%"))
        .isEqualTo(1);

    // Both periods and the total.
    d.get(url);
    w.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".lv-extension[data-status='APPROVED']")));
    assertThat(d.findElement(By.id("period-original")).getText()).contains("11-26", "17:00");
    assertThat(d.findElement(By.cssSelector(".lv-extension")).getText())
        .contains("11-27", "已批准", "婚礼推迟一天");
    assertThat(d.findElement(By.id("period-total")).getText()).contains("11-27");
    assertThat(d.findElement(By.id("time")).getText()).contains("11-27");
    assertThat(d.findElement(By.id("timeline")).getText()).contains("申请续假", "同意续假", "续假生效");
    noSidewaysScroll(d);
    d.executeScript("document.getElementById('extension-card').scrollIntoView();");
    phone.screenshot("leave-extension-approved");
    exec("DELETE FROM leave_cc_rule WHERE target = 'PERSON' AND account = ?", OFFICE);
    exec("DELETE FROM leave_extension_rule");
  }

  // ---- helpers

  static long submit(WebSession web, String start, String end, String reason) throws Exception {
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

  /** The SEND messages the stand-in delivered to the 班主任 about request {@code id}. */
  static List<StandIn.Message> toldAbout(StandIn standIn, long id) {
    return standIn.messagesTo(CLASS_TEACHER).stream()
        .filter(
            m ->
                m.api().equals("SEND")
                    // this run's app (the stand-in keeps what earlier runs sent)
                    && m.body().contains(app + "/leave/request.xhtml?id=" + id + "\""))
        .toList();
  }

  static HttpResponse<String> postButton(
      WebSession web, HttpResponse<String> page, String form, String button) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put(form, form);
    f.put(button, button);
    f.put("jakarta.faces.ViewState", viewState(page));
    HttpResponse<String> r = web.post(page.uri().toString(), f);
    return WebSession.isRedirect(r) ? web.get(WebSession.location(r)) : r;
  }

  static String viewState(HttpResponse<String> page) {
    Matcher m = VIEW_STATE.matcher(page.body());
    assertThat(m.find()).as("view state in " + page.uri()).isTrue();
    return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
  }

  static void awaitOutbox(String key, String status) throws Exception {
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

  static void noSidewaysScroll(ChromeDriver d) {
    Object fits =
        d.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
    assertThat(fits).as("no sideways scrolling at 360 px").isEqualTo(true);
  }
}
