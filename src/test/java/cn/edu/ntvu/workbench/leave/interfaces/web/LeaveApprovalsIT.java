package cn.edu.ntvu.workbench.leave.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.leave.domain.CardAction;
import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Issue 16, the approvals line, at 360×640 in WeCom's user agent (school clock Wed 2026-11-25
 * 10:20): the chain names its approvers for the student and the approvers ("辅导员 毛敏 待审批", then "辅导员
 * 毛敏 已同意 11-25 10:2x" with the comment); a comment on 同意 and the reason of 驳回 reach the student
 * (chain, timeline, message) and the audit log; the card's 驳回 is a link to the page that asks the
 * reason, and a 驳回 click of an older card decides nothing and sends that page; a 驳回 without a
 * reason stores nothing; 已处理 lists my decisions newest first, paged, and only mine; after 驳回 the
 * student sends the request again from a form filled in with it (attachment included), the new one
 * names the earlier by its dates and the earlier stays 已驳回; another student's {@code from} fills in
 * nothing and links nothing.
 */
class LeaveApprovalsIT {
  @RegisterExtension static Browser student = Browser.weCom().windowSize(360, 640);
  @RegisterExtension static Browser approver = Browser.weCom().windowSize(360, 640);

  private static final String COUNSELLOR = TestUsers.COUNSELLOR.account();
  private static final String DEAN = TestUsers.DEAN.account();
  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");

  /** A 1×1 PNG: an attachment taken along when the request is sent again. */
  private static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  @Test
  void theChainNamesItsApproversTheCommentAndReasonReachTheStudentWhoResubmits() throws Exception {
    String who = "20240100038";
    WebSession web = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", who);
    Map<String, String> f = form("2026-11-30T08:00", "2026-12-01T18:00", "参加表姐婚礼");
    f.put("offCampus", "on");
    f.put("destination", "苏州");
    f.put("contact", "母亲 139-1234-5678");
    long id = idOf(submit(web, f));
    // An attachment of the request (stored as the form stores one), to be taken along later.
    exec(
        "INSERT INTO leave_attachment (request_id, file_name, content_type, size_bytes, content)"
            + " VALUES (?, 'invitation.png', 'image/png', ?, ?)",
        id,
        PNG.length,
        PNG);
    String url = "/leave/request.xhtml?id=" + id;

    // The student: who decides each step, by name, before anyone decided.
    ChromeDriver s = signIn(student, url, who);
    WebDriverWait sw = Browser.waitFor(s, Duration.ofSeconds(30));
    sw.until(ExpectedConditions.presenceOfElementLocated(By.id("steps")));
    assertThat(step(s, 1)).startsWith("辅导员 毛敏 待审批");
    assertThat(step(s, 2)).startsWith("院系领导 叶轩 未开始");
    show(s, "steps");
    student.screenshot("leave-chain-named-pending");

    // The card: 同意 is a click, 驳回 a link to the page that asks the reason.
    String card = query("SELECT body FROM wecom_outbox WHERE message_key = ?", open(id, 1));
    assertThat(card)
        .contains("\"key\":\"" + CardAction.approveKey(id, 1) + "\"", "\"type\":1")
        .contains(url + "&reject=1")
        .doesNotContain(CardAction.rejectKey(id, 1));
    // A 驳回 click of an older card (a click carries no reason): nothing is decided, the card keeps
    // its buttons, the counsellor gets the page that asks the reason.
    long now = System.currentTimeMillis() / 1000;
    assertThat(
            TestServers.standIn()
                .cardClick(COUNSELLOR, CardAction.rejectKey(id, 1), CardAction.taskId(id, 1), now)
                .getInt("status"))
        .isEqualTo(200);
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("PENDING");
    assertThat(query("SELECT status FROM leave_step WHERE request_id = ? AND step_no = 1", id))
        .isEqualTo("OPEN");
    assertThat(
            count(
                "SELECT COUNT(*) FROM leave_event WHERE request_id = ? AND action = 'REJECTED'",
                id))
        .isZero();
    String asked = "leave:" + id + ":step:1:reason-asked:" + COUNSELLOR;
    assertThat(query("SELECT to_users FROM wecom_outbox WHERE message_key = ?", asked))
        .isEqualTo(COUNSELLOR);
    assertThat(query("SELECT body FROM wecom_outbox WHERE message_key = ?", asked))
        .contains(url + "&reject=1", "填写驳回理由");
    assertThat(
            count(
                "SELECT COUNT(*) FROM wecom_outbox WHERE topic = ? AND kind = 'UPDATE_TEMPLATE_CARD'",
                "leave:" + id))
        .isZero();

    // The counsellor approves with a comment.
    ChromeDriver a = signIn(approver, url, COUNSELLOR);
    WebDriverWait aw = Browser.waitFor(a, Duration.ofSeconds(30));
    aw.until(ExpectedConditions.presenceOfElementLocated(By.id("approve-comment")));
    assertThat(step(a, 1)).startsWith("辅导员 毛敏 待审批");
    a.findElement(By.id("approve-comment")).sendKeys("路上注意安全");
    approver.screenshot("leave-approve-with-comment");
    a.findElement(By.id("approve")).click();
    aw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已同意"));
    assertThat(step(a, 1)).matches("(?s)辅导员 毛敏 已同意 11-25 \\d\\d:\\d\\d.*意见：路上注意安全.*");
    assertThat(step(a, 2)).startsWith("院系领导 叶轩 待审批");

    // The dean's card: 驳回 opens the page with the reason asked at once. A 驳回 posted without a
    // reason stores nothing and says so beside the field.
    String deanCard = query("SELECT body FROM wecom_outbox WHERE message_key = ?", open(id, 2));
    assertThat(deanCard).contains(url + "&reject=2");
    WebSession dean = WeComStandInScreen.signedIn(app + url, DEAN);
    HttpResponse<String> deanPage = dean.get(app + url + "&reject=2");
    assertThat(deanPage.body()).contains("id=\"reject-reason\"");
    HttpResponse<String> empty =
        postButton(dean, deanPage, "detail", "reject-confirm", Map.of("reject-reason", "  "));
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).contains("请填写驳回理由");
    assertThat(query("SELECT status FROM leave_step WHERE request_id = ? AND step_no = 2", id))
        .isEqualTo("OPEN");

    ChromeDriver d = signIn(approver, url + "&reject=2", DEAN);
    aw = Browser.waitFor(d, Duration.ofSeconds(30));
    aw.until(ExpectedConditions.presenceOfElementLocated(By.id("reject-reason")));
    assertThat(d.findElements(By.id("approve"))).isEmpty();
    d.findElement(By.id("reject-reason")).sendKeys("两天太长，婚礼只需一天，请改为一天再申请");
    approver.screenshot("leave-reject-from-card-link");
    d.findElement(By.id("reject-confirm")).click();
    aw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已驳回"));

    // The student reads who decided what, the comment and the reason, in the chain and the
    // timeline; the message and the audit log carry them too.
    s.get(app + url);
    sw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已驳回"));
    assertThat(step(s, 1)).matches("(?s)辅导员 毛敏 已同意 11-25 \\d\\d:\\d\\d.*意见：路上注意安全.*");
    assertThat(step(s, 2))
        .matches("(?s)院系领导 叶轩 已驳回 11-25 \\d\\d:\\d\\d.*驳回理由：两天太长，婚礼只需一天，请改为一天再申请.*");
    assertThat(s.findElement(By.id("timeline")).getText()).contains("意见：路上注意安全", "驳回理由：两天太长");
    show(s, "steps");
    student.screenshot("leave-chain-named-rejected");
    assertThat(
            query(
                "SELECT body FROM wecom_outbox WHERE message_key = ?",
                "leave:" + id + ":step:2:decided"))
        .contains("两天太长");
    assertThat(audit(id, "LEAVE_APPROVE")).contains("路上注意安全");
    assertThat(audit(id, "LEAVE_REJECT")).contains("两天太长，婚礼只需一天");

    // 修改后重新提交: the form filled in with everything, the earlier request named by its dates.
    s.findElement(By.id("resubmit")).click();
    sw.until(ExpectedConditions.presenceOfElementLocated(By.id("resubmit-note")));
    assertThat(s.getCurrentUrl()).contains("/leave/apply.xhtml?from=" + id);
    assertThat(s.findElement(By.id("resubmit-note")).getText())
        .contains("11-30 08:00 ~ 12-01 18:00", "驳回理由：两天太长");
    assertThat(new Select(s.findElement(By.id("type"))).getFirstSelectedOption().getText())
        .isEqualTo("事假");
    assertThat(value(s, "startDate")).isEqualTo("2026-11-30");
    assertThat(new Select(s.findElement(By.id("startHalf"))).getFirstSelectedOption().getText())
        .isEqualTo("上午");
    assertThat(value(s, "endDate")).isEqualTo("2026-12-01");
    assertThat(new Select(s.findElement(By.id("endHalf"))).getFirstSelectedOption().getText())
        .isEqualTo("下午");
    assertThat(value(s, "reason")).isEqualTo("参加表姐婚礼");
    assertThat(s.findElement(By.id("offCampus")).isSelected()).isTrue();
    assertThat(value(s, "destination")).isEqualTo("苏州");
    assertThat(value(s, "contact")).isEqualTo("母亲 139-1234-5678");
    WebElement keep = s.findElement(By.cssSelector("#keep-files input.keep"));
    assertThat(keep.isSelected()).isTrue();
    assertThat(s.findElement(By.id("keep-files")).getText()).contains("invitation.png");
    student.screenshot("leave-resubmit-prefilled");
    setValue(s, "endDate", "2026-11-30");
    sw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("duration"), "1 天"));
    s.findElement(By.id("reason")).sendKeys("，改为一天");
    s.findElement(By.id("submit")).click();
    sw.until(ExpectedConditions.urlContains("/leave/request.xhtml"));
    long again =
        Long.parseLong(WeComStandInScreen.query(java.net.URI.create(s.getCurrentUrl())).get("id"));
    assertThat(again).isNotEqualTo(id);
    sw.until(ExpectedConditions.presenceOfElementLocated(By.id("resubmitted-from")));
    assertThat(s.findElement(By.id("resubmitted-from")).getText())
        .contains("11-30 08:00 ~ 12-01 18:00 的事假", "已驳回")
        .doesNotContain("#" + id);
    assertThat(s.findElement(By.id("status")).getText()).isEqualTo("审批中");
    assertThat(s.findElement(By.id("reason")).getText()).isEqualTo("参加表姐婚礼，改为一天");
    show(s, "resubmitted-from");
    student.screenshot("leave-resubmitted");
    assertThat(query("SELECT resubmitted_from FROM leave_request WHERE id = ?", again))
        .isEqualTo(String.valueOf(id));
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("REJECTED");
    assertThat(
            query(
                "SELECT CONCAT(file_name, ' ', size_bytes) FROM leave_attachment WHERE request_id = ?",
                again))
        .isEqualTo("invitation.png " + PNG.length);
    assertThat(count("SELECT COUNT(*) FROM leave_request WHERE id = ? AND off_campus", again))
        .isEqualTo(1);
    // The earlier one stays 已驳回 and points to the new one, by its dates.
    s.get(app + url);
    sw.until(ExpectedConditions.presenceOfElementLocated(By.id("resubmissions")));
    assertThat(s.findElement(By.id("status")).getText()).isEqualTo("已驳回");
    assertThat(s.findElement(By.id("resubmissions")).getText())
        .contains("11-30 08:00 ~ 11-30 18:00 的事假", "审批中");
    assertThat(s.findElements(By.id("resubmit"))).isEmpty();
  }

  @Test
  void theDecidedListShowsOnlyMyDecisionsNewestFirstPagedAndIsRefusedToStudents() throws Exception {
    // 23 decisions of a teacher (刘敏秀, 10004) on requests of one student, a minute apart.
    String teacher = TestUsers.TEACHER.account();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      String token = "decided-" + i + "-" + System.nanoTime();
      exec(
          "INSERT INTO leave_request (student_account, student_name, class_code, type_code, starts_at,"
              + " ends_at, duration_minutes, duration_days, reason, off_campus, status, current_step,"
              + " step_count, submit_token, submitted_at, closed_at) VALUES ('20240100040', '夏佳建',"
              + " '2401000', 'PERSONAL', '2026-10-01 08:00:00', '2026-10-01 12:00:00', 240, 0.5, ?,"
              + " FALSE, 'REJECTED', 1, 1, ?, '2026-09-30 08:00:00', ?)",
          "批量 " + i,
          token,
          String.format("2026-11-20 08:%02d:00", i));
      long id = Long.parseLong(query("SELECT id FROM leave_request WHERE submit_token = ?", token));
      ids.add(id);
      exec(
          "INSERT INTO leave_step (request_id, step_no, approver_role, status, opened_at, decided_by,"
              + " decided_by_name, decided_at, decided_via, comment) VALUES (?, 1, 'COUNSELLOR',"
              + " 'REJECTED', '2026-09-30 08:00:00', ?, '刘敏秀', ?, 'PAGE', ?)",
          id,
          teacher,
          String.format("2026-11-20 08:%02d:00", i),
          "理由 " + i);
      exec(
          "INSERT INTO leave_step_approver (step_id, account, request_id)"
              + " SELECT id, ?, request_id FROM leave_step WHERE request_id = ?",
          teacher,
          id);
    }
    WebSession t = WeComStandInScreen.signedIn(app + "/leave/decided.xhtml", teacher);
    HttpResponse<String> first = t.get(app + "/leave/decided.xhtml");
    assertThat(first.statusCode()).isEqualTo(200);
    List<Long> one = listed(first.body());
    assertThat(one).hasSize(20);
    assertThat(one.get(0)).isEqualTo(ids.get(22));
    assertThat(one.get(19)).isEqualTo(ids.get(3));
    assertThat(first.body()).contains("id=\"next\"", "我已驳回 11-20 08:22", "驳回理由：理由 22");
    HttpResponse<String> second = t.get(app + "/leave/decided.xhtml?page=2");
    assertThat(listed(second.body())).containsExactly(ids.get(2), ids.get(1), ids.get(0));
    assertThat(second.body()).contains("id=\"previous\"").doesNotContain("id=\"next\"");
    // Odd page numbers: the first page, or an empty one with a sentence; never an error.
    assertThat(listed(t.get(app + "/leave/decided.xhtml?page=abc").body())).isEqualTo(one);
    assertThat(listed(t.get(app + "/leave/decided.xhtml?page=-3").body())).isEqualTo(one);
    HttpResponse<String> far = t.get(app + "/leave/decided.xhtml?page=99999999999");
    assertThat(far.statusCode()).isEqualTo(200);
    HttpResponse<String> beyond = t.get(app + "/leave/decided.xhtml?page=9");
    assertThat(beyond.statusCode()).isEqualTo(200);
    assertThat(beyond.body()).contains("没有更多了");

    // Only my decisions: the counsellor's list holds none of the teacher's.
    WebSession c = WeComStandInScreen.signedIn(app + "/leave/decided.xhtml", COUNSELLOR);
    assertThat(listed(c.get(app + "/leave/decided.xhtml").body())).doesNotContainAnyElementsOf(ids);
    // A student is refused, reading or posting, and learns nothing.
    WebSession st = WeComStandInScreen.signedIn(app + "/leave/", "20240100040");
    HttpResponse<String> refused = st.get(app + "/leave/decided.xhtml");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("理由 22");
    assertThat(
            st.post(app + "/leave/decided.xhtml", Map.of("jakarta.faces.ViewState", "stateless"))
                .statusCode())
        .as("a read-only page: 405 to anyone's post, a student's included")
        .isIn(403, 405);

    // 已处理 beside 待我审批, in the browser.
    ChromeDriver d = signIn(approver, "/leave/approvals.xhtml", teacher);
    WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(30));
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("tab-decided"))).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("decided")));
    assertThat(d.findElement(By.id("tab-decided")).getAttribute("aria-current")).isEqualTo("page");
    assertThat(
            d.findElement(By.cssSelector("#decided .lv-approval[data-id='" + ids.get(22) + "']"))
                .getText())
        .contains("夏佳建", "我已驳回 11-20 08:22", "已驳回");
    approver.screenshot("leave-decided-list");
    d.findElement(By.id("next")).click();
    w.until(ExpectedConditions.urlContains("page=2"));
    assertThat(d.findElements(By.cssSelector("#decided .lv-approval"))).hasSize(3);
  }

  @Test
  void anotherStudentsRequestFillsInNothingAndLinksNothing() throws Exception {
    String owner = "20240100029";
    WebSession a = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", owner);
    long id = idOf(submit(a, form("2026-12-03T08:00", "2026-12-03T12:00", "看牙医 私事")));
    WebSession c = WeComStandInScreen.signedIn(app + "/leave/", COUNSELLOR);
    String url = app + "/leave/request.xhtml?id=" + id;
    HttpResponse<String> asked = c.get(url + "&reject=1");
    postButton(c, asked, "detail", "reject-confirm", Map.of("reject-reason", "请附上预约单"));
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("REJECTED");

    // Another student opens the form "from" it: an empty form, nothing of the request.
    String other = "20240100032";
    WebSession b = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", other);
    HttpResponse<String> forged = b.get(app + "/leave/apply.xhtml?from=" + id);
    assertThat(forged.statusCode()).isEqualTo(200);
    assertThat(forged.body()).doesNotContain("看牙医", "请附上预约单", "resubmit-note", "12-03 08:00");
    Map<String, String> f = form("2026-12-04T08:00", "2026-12-04T12:00", "自己的事由");
    f.put("jakarta.faces.ViewState", viewState(forged));
    long mine = idOf(b.postMultipart(app + "/leave/apply.xhtml", f));
    assertThat(query("SELECT resubmitted_from FROM leave_request WHERE id = ?", mine)).isNull();
    assertThat(b.get(app + "/leave/request.xhtml?id=" + mine).body())
        .doesNotContain("resubmitted-from");
    // Its owner cannot send again "from" a request that is not rejected (the other's pending one,
    // or nonsense): the empty form.
    assertThat(a.get(app + "/leave/apply.xhtml?from=" + mine).body())
        .doesNotContain("自己的事由", "resubmit-note");
    assertThat(a.get(app + "/leave/apply.xhtml?from=x%27").statusCode()).isEqualTo(200);
    // A teacher who is not asked cannot open the 驳回 link of it either.
    WebSession t = WeComStandInScreen.signedIn(app + "/leave/", TestUsers.TEACHER.account());
    HttpResponse<String> notAsked = t.get(url + "&reject=1");
    assertThat(notAsked.statusCode()).isEqualTo(403);
    assertThat(notAsked.body()).doesNotContain("reject-reason", "看牙医");
  }

  // ---- helpers

  private static String open(long id, int step) {
    return "leave:" + id + ":step:" + step + ":open";
  }

  private static String step(ChromeDriver d, int n) {
    return d.findElement(By.cssSelector("#steps li[data-step='" + n + "']")).getText();
  }

  /** Scrolls element {@code id} to the top of the viewport, for the screenshot. */
  private static void show(ChromeDriver d, String id) {
    d.executeScript("arguments[0].scrollIntoView(true);", d.findElement(By.id(id)));
  }

  private static String value(ChromeDriver d, String id) {
    return d.findElement(By.id(id)).getAttribute("value");
  }

  private static String audit(long id, String action) throws Exception {
    return query(
        "SELECT after_values FROM audit_entry WHERE object_type = 'leave_request' AND object_id = ?"
            + " AND action = ?",
        String.valueOf(id),
        action);
  }

  private static List<Long> listed(String html) {
    List<Long> out = new ArrayList<>();
    Matcher m = Pattern.compile("class=\"lv-approval\" data-id=\"(\\d+)\"").matcher(html);
    while (m.find()) {
      out.add(Long.parseLong(m.group(1)));
    }
    return out;
  }

  private static Map<String, String> form(String start, String end, String reason) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("apply", "apply");
    f.put("type", "PERSONAL");
    f.put("start", start);
    f.put("end", end);
    f.put("reason", reason);
    f.put("submit", "提交申请");
    return f;
  }

  private static HttpResponse<String> submit(WebSession web, Map<String, String> fields) {
    HttpResponse<String> page = web.get(app + "/leave/apply.xhtml");
    Map<String, String> f = new LinkedHashMap<>(fields);
    f.put("jakarta.faces.ViewState", viewState(page));
    return web.postMultipart(app + "/leave/apply.xhtml", f);
  }

  private static long idOf(HttpResponse<String> sent) {
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    Matcher m = Pattern.compile("id=(\\d+)").matcher(WebSession.location(sent));
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static HttpResponse<String> postButton(
      WebSession web,
      HttpResponse<String> page,
      String form,
      String button,
      Map<String, String> extra) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put(form, form);
    f.put(button, button);
    f.putAll(extra);
    f.put("jakarta.faces.ViewState", viewState(page));
    HttpResponse<String> r = web.post(page.uri().toString(), f);
    return WebSession.isRedirect(r) ? web.get(WebSession.location(r)) : r;
  }

  private static String viewState(HttpResponse<String> page) {
    Matcher m = VIEW_STATE.matcher(page.body());
    assertThat(m.find()).as("view state in " + page.uri()).isTrue();
    return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
  }

  private static void setValue(ChromeDriver d, String id, String value) {
    d.executeScript(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        d.findElement(By.id(id)),
        value);
  }

  private static ChromeDriver signIn(Browser b, String path, String account) {
    return b.signInThroughWeCom(app + path, account);
  }
}
