package cn.edu.ntvu.workbench.leave.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.db;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 学生请假 end to end on the packaged WAR (school clock Wed 2026-11-25 10:20): in Chromium at 390×844
 * with WeCom's user agent a student submits, the counsellor approves on the page, the student sees
 * it approved, and the WeCom messages were queued in the outbox; bad input gets a message beside
 * the field; a double submit creates one request; two approvers deciding at the same moment record
 * one decision; people who may not see or decide a request are refused. Each test uses its own
 * student (demo class 2401000, counsellor 毛敏 10001) so their leave never overlaps.
 */
class LeaveIT {
  @RegisterExtension static Browser student = Browser.weCom();
  @RegisterExtension static Browser counsellor = Browser.weCom();

  private static final String COUNSELLOR = TestUsers.COUNSELLOR.account();
  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  // ---- the browser flow

  @Test
  void studentSubmitsCounsellorApprovesOnThePageStudentSeesApproved() throws Exception {
    ChromeDriver s = signIn(student, "/leave/apply.xhtml", TestUsers.STUDENT.account());
    WebDriverWait wait = Browser.waitFor(s, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit")));
    setTime(s, "start", "2026-11-26T08:00");
    setTime(s, "end", "2026-11-26T08:00");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-end")));
    assertThat(s.findElement(By.id("error-end")).getText()).contains("不能为 0");
    setTime(s, "end", "2026-11-25T17:00");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-end"), "不能早于开始时间"));
    setTime(s, "end", "2026-11-27T17:00");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("duration"), "2 天"));
    assertThat(s.findElements(By.id("error-end"))).isEmpty();
    student.screenshot("leave-apply-duration");
    // Submitting without a reason: the message stands beside the field, nothing is stored.
    s.findElement(By.id("submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-reason")));
    assertThat(s.findElement(By.id("error-reason")).getText()).contains("请填写请假事由");
    s.findElement(By.id("reason")).sendKeys("家中有事 <script>alert(1)</script>");
    s.findElement(By.id("offCampus")).click();
    s.findElement(By.id("destination")).sendKeys("南京");
    s.findElement(By.id("contact")).sendKeys("父亲 13800000000");
    student.screenshot("leave-apply-filled");
    s.findElement(By.id("submit")).click();
    wait.until(ExpectedConditions.urlContains("/leave/request.xhtml"));
    long id =
        Long.parseLong(WeComStandInScreen.query(java.net.URI.create(s.getCurrentUrl())).get("id"));
    assertThat(s.findElement(By.id("status")).getText()).isEqualTo("审批中");
    // The reason is shown as text: the script tag is visible, not run.
    assertThat(s.findElement(By.id("reason")).getText()).contains("<script>alert(1)</script>");
    student.screenshot("leave-request-pending");

    // 2 days: counsellor then dean (seeded rules). The counsellor's card is queued with our task id
    // and buttons.
    String card = outboxBody("leave:" + id + ":step:1:open");
    assertThat(card).doesNotContain("\"key\":\"reject:");
    assertThat(card)
        .contains(
            "\"task_id\":\"leave-" + id + "-1\"",
            "\"key\":\"approve:" + id + ":1\"",
            // 驳回 opens the page that asks the reason (issue 16).
            "\"type\":1,\"url\":\"",
            "/leave/request.xhtml?id=" + id + "&reject=1\"",
            "button_interaction",
            "/leave/request.xhtml?id=" + id);
    assertThat(outboxRecipients("leave:" + id + ":step:1:open")).isEqualTo(COUNSELLOR);

    ChromeDriver c = signIn(counsellor, "/leave/approvals.xhtml", COUNSELLOR);
    WebDriverWait cw = Browser.waitFor(c, Duration.ofSeconds(30));
    cw.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".lv-approval[data-id='" + id + "']")));
    counsellor.screenshot("leave-approvals");
    c.findElement(By.cssSelector(".lv-approval[data-id='" + id + "'] .lv-approval-body")).click();
    cw.until(ExpectedConditions.presenceOfElementLocated(By.id("approve")));
    assertThat(c.findElement(By.id("class")).getText()).isEqualTo("机械制造241班");
    counsellor.screenshot("leave-detail-counsellor");
    c.findElement(By.id("approve")).click();
    cw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已同意"));
    assertThat(c.findElements(By.id("approve"))).isEmpty();
    // Decided on the page: the counsellor's card in WeCom stops offering 同意/驳回. The update names
    // the card whose
    // response code it uses; the outbox sends it once the card itself went out.
    String settled = "leave:" + id + ":step:1:card-settled";
    assertThat(outboxRecipients(settled)).isEqualTo(COUNSELLOR);
    assertThat(outboxBody(settled))
        .contains("\"response_code_of\":\"leave:" + id + ":step:1:open\"", "已同意");
    awaitOutbox(settled, "SENT");
    assertThat(TestServers.standIn().messagesTo(COUNSELLOR))
        .filteredOn(m -> m.api().equals("UPDATE_CARD"))
        .anySatisfy(m -> assertThat(m.body()).contains(TestUsers.COUNSELLOR.name() + " 已同意"));

    // The dean decides step 2 (opened with its own card).
    assertThat(outboxRecipients("leave:" + id + ":step:2:open"))
        .isEqualTo(TestUsers.DEAN.account());
    WebSession dean =
        WeComStandInScreen.signedIn(
            app + "/leave/request.xhtml?id=" + id, TestUsers.DEAN.account());
    HttpResponse<String> deanPage = dean.get(app + "/leave/request.xhtml?id=" + id);
    assertThat(postButton(dean, deanPage, "detail", "approve", Map.of()).body()).contains("已同意");

    s.navigate().refresh();
    Browser.waitFor(s, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已批准"));
    assertThat(s.findElement(By.id("timeline")).getText()).contains("毛敏", "叶轩");
    student.screenshot("leave-request-approved");
    assertThat(outboxRecipients("leave:" + id + ":step:1:decided"))
        .isEqualTo(TestUsers.STUDENT.account());
    assertThat(outboxBody("leave:" + id + ":step:2:decided")).contains("已批准");
    assertThat(
            count(
                "SELECT COUNT(*) FROM leave_event WHERE request_id = ? AND action = 'APPROVED' AND via = 'PAGE'",
                id))
        .isEqualTo(2);
    assertThat(
            count(
                "SELECT COUNT(*) FROM audit_entry WHERE object_type = 'leave_request' AND object_id = ?",
                String.valueOf(id)))
        .isEqualTo(3);

    // The student's list shows it approved.
    s.get(app + "/leave/");
    assertThat(s.findElement(By.cssSelector(".lv-row[data-id='" + id + "']")).getText())
        .contains("已批准");
  }

  // ---- bad input and double submits over HTTP

  @Test
  void badInputIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
    String who = "20240100002";
    WebSession web = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", who);
    Map<String, String> base = form("2026-11-26T08:00", "2026-11-26T12:00", "看病");
    assertThat(refusal(web, with(base, "end", "2026-11-26T07:00"))).contains("结束时间不能早于开始时间");
    assertThat(refusal(web, with(base, "end", "2026-11-26T08:00"))).contains("请假时长不能为 0");
    assertThat(refusal(web, with(base, "end", "2027-12-31T08:00"))).contains("请假最长 60 天");
    assertThat(refusal(web, with(base, "start", "2026-10-01T08:00"))).contains("开始时间不能早于 3 天前");
    assertThat(refusal(web, with(base, "start", "not-a-time"))).contains("时间格式不对");
    assertThat(refusal(web, with(base, "reason", "长".repeat(20_000))))
        .contains("事由最多 500 个字，现在有 20000 个字");
    assertThat(refusal(web, with(with(base, "type", "SICK"), "end", "2026-11-28T17:00")))
        .contains("病假超过 2 天需要上传证明");
    assertThat(count("SELECT COUNT(*) FROM leave_request WHERE student_account = ?", who)).isZero();

    // A good one, then an overlapping one is refused.
    assertThat(submit(web, base).statusCode()).isEqualTo(302);
    assertThat(refusal(web, with(base, "start", "2026-11-26T10:00"))).contains("时间重叠");
    assertThat(count("SELECT COUNT(*) FROM leave_request WHERE student_account = ?", who))
        .isEqualTo(1);
  }

  @Test
  void aDoubleTapAndARetryOfTheSameFormCreateOneRequest() throws Exception {
    String who = "20240100003";
    WebSession web = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", who);
    HttpResponse<String> page = web.get(app + "/leave/apply.xhtml");
    Map<String, String> fields =
        new LinkedHashMap<>(form("2026-11-30T08:00", "2026-11-30T17:00", "比赛"));
    fields.put("jakarta.faces.ViewState", viewState(page));
    Matcher token =
        Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(page.body());
    assertThat(token.find()).isTrue();
    fields.put("token", token.group(1));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> taps = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        taps.add(
            pool.submit(
                () -> {
                  go.await();
                  return web.postMultipart(app + "/leave/apply.xhtml", fields);
                }));
      }
      go.countDown();
      for (Future<HttpResponse<String>> f : taps) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    // The retry after a dropped connection: the same post once more.
    HttpResponse<String> retry = web.postMultipart(app + "/leave/apply.xhtml", fields);
    assertThat(count("SELECT COUNT(*) FROM leave_request WHERE student_account = ?", who))
        .isEqualTo(1);
    long id = count("SELECT MAX(id) FROM leave_request WHERE student_account = ?", who);
    assertThat(retry.statusCode()).isEqualTo(302);
    assertThat(WebSession.location(retry))
        .contains("request.xhtml?")
        .contains("id=" + id)
        .contains("again=1");
    assertThat(count("SELECT COUNT(*) FROM wecom_outbox WHERE topic = ?", "leave:" + id))
        .isEqualTo(1);
  }

  // ---- two approvers at the same moment

  @Test
  void twoApproversDecidingAtOnceRecordOneDecisionAndTheOtherIsToldWho() throws Exception {
    String who = "20240100004";
    String second = TestUsers.DEAN.account();
    // A second counsellor for the class, as the directory can have: any one of them decides.
    exec(
        "INSERT IGNORE INTO role_grant (person_id, role, scope_kind, scope_id, source)"
            + " SELECT p.id, 'COUNSELLOR', 'CLASS', c.id, 'ADMIN' FROM person p, school_class c"
            + " WHERE p.account = ? AND c.code = '2401000'",
        second);
    try {
      WebSession web = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", who);
      HttpResponse<String> sent = submit(web, form("2026-12-01T08:00", "2026-12-01T12:00", "体检"));
      long id = idOf(sent);
      assertThat(outboxRecipients("leave:" + id + ":step:1:open"))
          .isEqualTo(COUNSELLOR + "|" + second);

      WebSession a = WeComStandInScreen.signedIn(app + "/leave/request.xhtml?id=" + id, COUNSELLOR);
      WebSession b = WeComStandInScreen.signedIn(app + "/leave/request.xhtml?id=" + id, second);
      HttpResponse<String> pageA = a.get(app + "/leave/request.xhtml?id=" + id);
      HttpResponse<String> pageB = b.get(app + "/leave/request.xhtml?id=" + id);
      assertThat(pageA.body()).contains("id=\"approve\"");
      assertThat(pageB.body()).contains("id=\"approve\"");
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      try {
        answers.add(pool.submit(tap(go, a, pageA)));
        answers.add(pool.submit(tap(go, b, pageB)));
        go.countDown();
        String one = answers.get(0).get().body();
        String other = answers.get(1).get().body();
        List<String> both = List.of(one, other);
        assertThat(both.stream().filter(x -> x.contains("已同意。")).count()).isEqualTo(1);
        assertThat(both.stream().filter(x -> x.contains("已经处理过这一步")).count()).isEqualTo(1);
        String loser = both.stream().filter(x -> x.contains("已经处理过这一步")).findFirst().orElseThrow();
        String winner =
            query(
                "SELECT decided_by_name FROM leave_step WHERE request_id = ? AND step_no = 1", id);
        assertThat(loser).contains(winner + " 已经处理过这一步");
      } finally {
        pool.shutdown();
      }
      assertThat(
              count(
                  "SELECT COUNT(*) FROM leave_event WHERE request_id = ? AND action = 'APPROVED'",
                  id))
          .isEqualTo(1);
      assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("APPROVED");
      assertThat(
              count(
                  "SELECT COUNT(*) FROM wecom_outbox WHERE message_key = ?",
                  "leave:" + id + ":step:1:decided"))
          .isEqualTo(1);
    } finally {
      exec(
          "DELETE g FROM role_grant g JOIN person p ON p.id = g.person_id"
              + " WHERE p.account = ? AND g.role = 'COUNSELLOR' AND g.source = 'ADMIN'",
          second);
    }
  }

  private static Callable<HttpResponse<String>> tap(
      CountDownLatch go, WebSession web, HttpResponse<String> page) {
    return () -> {
      go.await();
      return postButton(web, page, "detail", "approve", Map.of());
    };
  }

  // ---- by half days

  @Test
  void aStudentPicksHalfDaysAndTheFormCountsThem() throws Exception {
    String who = "20240100017";
    ChromeDriver s = signIn(student, "/leave/apply.xhtml", who);
    WebDriverWait wait = Browser.waitFor(s, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit")));
    // The half-day picker is what a fresh form shows; the time fields wait behind 按具体时间.
    assertThat(s.findElement(By.id("startDate")).isDisplayed()).isTrue();
    assertThat(s.findElement(By.id("start")).isDisplayed()).isFalse();
    setTime(s, "startDate", "2026-12-21");
    new org.openqa.selenium.support.ui.Select(s.findElement(By.id("startHalf")))
        .selectByValue("PM");
    setTime(s, "endDate", "2026-12-22");
    new org.openqa.selenium.support.ui.Select(s.findElement(By.id("endHalf"))).selectByValue("AM");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("duration"), "1 天"));
    // An end before the start is said at once, as with times.
    setTime(s, "endDate", "2026-12-20");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-end"), "不能早于开始时间"));
    setTime(s, "endDate", "2026-12-22");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("error-end")));
    student.screenshot("leave-apply-half-days");
    s.findElement(By.id("reason")).sendKeys("回家");
    s.findElement(By.id("submit")).click();
    wait.until(ExpectedConditions.urlContains("/leave/request.xhtml"));
    long id =
        Long.parseLong(WeComStandInScreen.query(java.net.URI.create(s.getCurrentUrl())).get("id"));
    assertThat(
            query(
                "SELECT DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i') FROM leave_request WHERE id = ?",
                id))
        .isEqualTo("2026-12-21 12:00");
    assertThat(
            query(
                "SELECT DATE_FORMAT(ends_at, '%Y-%m-%d %H:%i') FROM leave_request WHERE id = ?",
                id))
        .isEqualTo("2026-12-22 12:00");
    assertThat(query("SELECT duration_days FROM leave_request WHERE id = ?", id)).startsWith("1.0");

    // Switching to times empties the dates, so what is hidden cannot decide.
    s.get(app + "/leave/apply.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit")));
    setTime(s, "startDate", "2026-12-28");
    s.findElement(By.id("by-time")).click();
    assertThat(s.findElement(By.id("start")).isDisplayed()).isTrue();
    assertThat(s.findElement(By.id("startDate")).getAttribute("value")).isEmpty();
  }

  // ---- one student, two phones

  @Test
  void twoOverlappingFormsOfOneStudentSentAtOnceMakeOneRequest() throws Exception {
    String who = "20240100016";
    WebSession phone = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", who);
    WebSession laptop = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", who);
    for (int day = 14; day <= 16; day++) {
      String date = "2026-12-" + day;
      HttpResponse<String> a = phone.get(app + "/leave/apply.xhtml");
      HttpResponse<String> b = laptop.get(app + "/leave/apply.xhtml");
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<HttpResponse<String>> fa =
            pool.submit(send(go, phone, a, form(date + "T08:00", date + "T12:00", "看病")));
        Future<HttpResponse<String>> fb =
            pool.submit(send(go, laptop, b, form(date + "T10:00", date + "T17:00", "看病")));
        go.countDown();
        List<HttpResponse<String>> both = List.of(fa.get(), fb.get());
        assertThat(both.stream().filter(r -> r.statusCode() == 302).count()).as(date).isEqualTo(1);
        HttpResponse<String> refused =
            both.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        assertThat(refused.body()).contains("id=\"error-start\"");
      } finally {
        pool.shutdown();
      }
      assertThat(
              count(
                  "SELECT COUNT(*) FROM leave_request WHERE student_account = ? AND DATE(starts_at) = ?",
                  who,
                  date))
          .as(date)
          .isEqualTo(1);
    }
  }

  private static Callable<HttpResponse<String>> send(
      CountDownLatch go, WebSession web, HttpResponse<String> page, Map<String, String> fields) {
    return () -> {
      Map<String, String> f = new LinkedHashMap<>(fields);
      f.put("jakarta.faces.ViewState", viewState(page));
      Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page.body());
      if (token.find()) {
        f.put("token", token.group(1));
      }
      go.await();
      return web.postMultipart(app + "/leave/apply.xhtml", f);
    };
  }

  // ---- who may see and do what

  @Test
  void othersCannotSeeOrDecideAndTheStudentCanWithdraw() throws Exception {
    String who = "20240100005";
    WebSession owner = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", who);
    long id = idOf(submit(owner, form("2026-12-02T08:00", "2026-12-02T17:00", "回家")));
    String url = app + "/leave/request.xhtml?id=" + id;

    // Another student of the same class, and a counsellor of another class: 403 and nothing of the
    // request.
    WebSession classmate = WeComStandInScreen.signedIn(app + "/leave/", "20240100006");
    HttpResponse<String> seen = classmate.get(url);
    assertThat(seen.statusCode()).isEqualTo(403);
    assertThat(seen.body()).doesNotContain("回家").contains("无权查看");
    WebSession otherCounsellor = WeComStandInScreen.signedIn(app + "/leave/", "10002");
    assertThat(otherCounsellor.get(url).statusCode()).isEqualTo(403);
    assertThat(otherCounsellor.get(app + "/leave/approvals.xhtml").body())
        .doesNotContain("data-id=\"" + id + "\"");

    // The owner's page has no approve button; posting one anyway (a forged action) decides nothing.
    HttpResponse<String> mine = owner.get(url);
    assertThat(mine.body()).doesNotContain("id=\"approve\"").contains("id=\"withdraw\"");
    HttpResponse<String> forged = postButton(owner, mine, "detail", "approve", Map.of());
    assertThat(forged.statusCode()).isEqualTo(200);
    assertThat(query("SELECT status FROM leave_step WHERE request_id = ? AND step_no = 1", id))
        .isEqualTo("OPEN");

    // Withdraw: closed, the counsellor told, and the counsellor's approve is then answered, not
    // applied.
    WebSession c = WeComStandInScreen.signedIn(url, COUNSELLOR);
    HttpResponse<String> counsellorPage = c.get(url);
    assertThat(postButton(owner, owner.get(url), "detail", "withdraw", Map.of()).body())
        .contains("已撤回");
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("WITHDRAWN");
    assertThat(outboxRecipients("leave:" + id + ":withdrawn")).isEqualTo(COUNSELLOR);
    assertThat(outboxRecipients("leave:" + id + ":step:1:card-settled")).isEqualTo(COUNSELLOR);
    assertThat(outboxBody("leave:" + id + ":step:1:card-settled")).contains("学生已撤回");
    assertThat(postButton(c, counsellorPage, "detail", "approve", Map.of()).body())
        .contains("这条申请已经结束");
    assertThat(
            count(
                "SELECT COUNT(*) FROM leave_event WHERE request_id = ? AND action = 'APPROVED'",
                id))
        .isZero();

    // Attachments of someone else's request: 403; unknown: 404.
    assertThat(classmate.get(app + "/leave/attachment?id=999999").statusCode()).isEqualTo(404);
  }

  // ---- attachments

  @Test
  void sickLeaveNeedsACertificateAnExecutableRenamedJpgIsRefusedAndAPhotoIsShownToTheApproverOnly()
      throws Exception {
    String who = "20240100010";
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("leave-it");
    java.nio.file.Path exe = dir.resolve("假条.jpg");
    java.nio.file.Files.write(exe, new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0});
    java.nio.file.Path photo = dir.resolve("病假条.png");
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(1600, 1200, java.awt.image.BufferedImage.TYPE_INT_RGB);
    javax.imageio.ImageIO.write(img, "png", photo.toFile());

    ChromeDriver s = signIn(student, "/leave/apply.xhtml", who);
    WebDriverWait wait = Browser.waitFor(s, Duration.ofSeconds(30));
    new org.openqa.selenium.support.ui.Select(s.findElement(By.id("type"))).selectByValue("SICK");
    setTime(s, "start", "2026-12-07T08:00");
    setTime(s, "end", "2026-12-09T17:00");
    s.findElement(By.id("reason")).sendKeys("发烧");
    s.findElement(By.id("submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-attachments")));
    assertThat(s.findElement(By.id("error-attachments")).getText()).contains("需要上传证明");

    s.findElement(By.id("files")).sendKeys(exe.toString());
    s.findElement(By.id("submit")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("error-attachments"), "不是照片"));
    student.screenshot("leave-apply-bad-file");
    assertThat(count("SELECT COUNT(*) FROM leave_request WHERE student_account = ?", who)).isZero();

    s.findElement(By.id("files")).sendKeys(photo.toString());
    s.findElement(By.id("submit")).click();
    wait.until(ExpectedConditions.urlContains("/leave/request.xhtml"));
    long id =
        Long.parseLong(WeComStandInScreen.query(java.net.URI.create(s.getCurrentUrl())).get("id"));
    long attachment = count("SELECT MAX(id) FROM leave_attachment WHERE request_id = ?", id);
    assertThat(s.findElements(By.cssSelector(".lv-attachment img"))).hasSize(1);
    student.screenshot("leave-request-attachment");

    WebSession classmate = WeComStandInScreen.signedIn(app + "/leave/", "20240100011");
    assertThat(classmate.get(app + "/leave/attachment?id=" + attachment).statusCode())
        .isEqualTo(403);
    WebSession c = WeComStandInScreen.signedIn(app + "/leave/", COUNSELLOR);
    HttpResponse<String> preview = c.get(app + "/leave/attachment?id=" + attachment + "&preview=1");
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.headers().firstValue("Content-Type").orElse("")).startsWith("image/jpeg");
    // Downscaled for the phone: at most 1080 px on the longer side.
    try (Connection conn = db();
        PreparedStatement ps =
            conn.prepareStatement("SELECT preview FROM leave_attachment WHERE id = ?")) {
      ps.setLong(1, attachment);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        java.awt.image.BufferedImage small =
            javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(rs.getBytes(1)));
        assertThat(small.getWidth()).isEqualTo(1080);
        assertThat(small.getHeight()).isEqualTo(810);
      }
    }
  }

  @Test
  void aDecompressionBombIsRefusedBesideTheFieldWithTheFormKeptAndDownloadsAreSandboxed()
      throws Exception {
    String who = "20240100018";
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("leave-bomb");
    // 30000×30000 pixels in under 1 MB: decoding it for the preview would need 900 MB.
    java.nio.file.Path bomb =
        java.nio.file.Files.write(
            dir.resolve("大照片.png"), cn.edu.ntvu.workbench.platform.files.ImageBombs.png30000());
    assertThat(java.nio.file.Files.size(bomb)).isLessThan(1_100_000);
    java.nio.file.Path photo = dir.resolve("假条.png");
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(800, 600, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png",
        photo.toFile());
    java.nio.file.Path pdf =
        java.nio.file.Files.writeString(
            dir.resolve("证明 (1).pdf"), "%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n");

    ChromeDriver s = signIn(student, "/leave/apply.xhtml", who);
    WebDriverWait wait = new WebDriverWait(s, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit")));
    setTime(s, "start", "2026-12-15T08:00");
    setTime(s, "end", "2026-12-15T12:00");
    s.findElement(By.id("reason")).sendKeys("看牙医");
    s.findElement(By.id("offCampus")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("destination")));
    s.findElement(By.id("destination")).sendKeys("市口腔医院");
    s.findElement(By.id("contact")).sendKeys("母亲 13900000000");
    s.findElement(By.id("files")).sendKeys(bomb + "\n" + pdf);
    s.findElement(By.id("submit")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("error-attachments"), "30000×30000"));
    assertThat(s.findElement(By.id("error-attachments")).getText())
        .contains("大照片.png", "尺寸太大", "5000 万像素");
    student.screenshot("leave-apply-image-bomb");
    // Everything else as typed; nothing stored, nothing counted against the day's quota.
    assertThat(s.findElement(By.id("reason")).getAttribute("value")).isEqualTo("看牙医");
    assertThat(s.findElement(By.id("destination")).getAttribute("value")).isEqualTo("市口腔医院");
    assertThat(s.findElement(By.id("contact")).getAttribute("value")).isEqualTo("母亲 13900000000");
    assertThat(s.findElement(By.id("offCampus")).isSelected()).isTrue();
    assertThat(count("SELECT COUNT(*) FROM leave_request WHERE student_account = ?", who)).isZero();
    assertThat(count("SELECT COUNT(*) FROM upload_quota WHERE account = ? AND files > 0", who))
        .isZero();

    s.findElement(By.id("files")).sendKeys(photo + "\n" + pdf);
    s.findElement(By.id("submit")).click();
    wait.until(ExpectedConditions.urlContains("/leave/request.xhtml"));
    long id =
        Long.parseLong(WeComStandInScreen.query(java.net.URI.create(s.getCurrentUrl())).get("id"));
    long image =
        count(
            "SELECT id FROM leave_attachment WHERE request_id = ? AND content_type = 'image/png'",
            id);
    long document =
        count(
            "SELECT id FROM leave_attachment WHERE request_id = ? AND content_type = 'application/pdf'",
            id);
    assertThat(count("SELECT files FROM upload_quota WHERE account = ?", who)).isEqualTo(2);

    // The approver opens them: the photo inline, the PDF (whatever it holds) only as a download;
    // both unsniffed
    // and sandboxed.
    WebSession c = WeComStandInScreen.signedIn(app + "/leave/", COUNSELLOR);
    HttpResponse<byte[]> shown = c.getBytes(app + "/leave/attachment?id=" + image);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
    assertThat(shown.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline;");
    assertThat(shown.headers().firstValue("X-Content-Type-Options").orElse(""))
        .isEqualTo("nosniff");
    assertThat(shown.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("sandbox");
    HttpResponse<byte[]> downloaded = c.getBytes(app + "/leave/attachment?id=" + document);
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(downloaded.headers().firstValue("Content-Type").orElse(""))
        .isEqualTo("application/pdf");
    assertThat(downloaded.headers().firstValue("Content-Disposition").orElse(""))
        .isEqualTo(
            "attachment; filename=\"__ (1).pdf\"; filename*=UTF-8''%E8%AF%81%E6%98%8E%20%281%29.pdf");
    assertThat(downloaded.headers().firstValue("X-Content-Type-Options").orElse(""))
        .isEqualTo("nosniff");
    assertThat(downloaded.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("sandbox");
  }

  @Test
  void theExportKeepsWhatAStudentTypedAsTextEvenWhereASpreadsheetWouldSeeAFormula()
      throws Exception {
    String who = "20240100019";
    String destination = "＝HYPERLINK(\"http://evil.example\",\"点我\")";
    WebSession web = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", who);
    Map<String, String> f = form("2026-12-16T08:00", "2026-12-16T12:00", "参加面试");
    f.put("offCampus", "on");
    f.put("destination", "\t" + destination);
    f.put("contact", "-1+1");
    long id = idOf(submit(web, f));
    WebSession c = WeComStandInScreen.signedIn(app + "/leave/request.xhtml?id=" + id, COUNSELLOR);
    assertThat(
            postButton(
                    c, c.get(app + "/leave/request.xhtml?id=" + id), "detail", "approve", Map.of())
                .body())
        .contains("已同意");
    String stored = query("SELECT destination FROM leave_request WHERE id = ?", id);
    assertThat(stored).endsWith(destination);

    HttpResponse<byte[]> xlsx =
        c.getBytes(app + "/leave/export.xlsx?from=2026-12-01&to=2026-12-31");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(xlsx.body()))) {
      var sheet = book.getSheetAt(0);
      org.apache.poi.ss.usermodel.Row row = null;
      for (org.apache.poi.ss.usermodel.Row r : sheet) {
        if (who.equals(r.getCell(1).getStringCellValue())) {
          row = r;
        }
      }
      assertThat(row).as("the export's row of " + who).isNotNull();
      var cell = row.getCell(8);
      assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
      assertThat(cell.getStringCellValue()).isEqualTo(stored);
      assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
      // An ordinary cell of the same row stays as it is.
      assertThat(row.getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
    }
  }

  // ---- batch approve

  @Test
  void theCounsellorApprovesSeveralFromTheListAtOnce() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (String who : List.of("20240100011", "20240100012")) {
      WebSession web = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", who);
      ids.add(idOf(submit(web, form("2026-12-03T08:00", "2026-12-03T12:00", "社团活动"))));
    }
    WebSession c = WeComStandInScreen.signedIn(app + "/leave/approvals.xhtml", COUNSELLOR);
    HttpResponse<String> list = c.get(app + "/leave/approvals.xhtml");
    Map<String, String> ticks = new LinkedHashMap<>();
    for (String part : list.body().split("class=\"lv-approval\" data-id=\"")) {
      Matcher id = Pattern.compile("^(\\d+)\"").matcher(part);
      Matcher box = Pattern.compile("<input[^>]*type=\"checkbox\"[^>]*>").matcher(part);
      if (id.find() && box.find() && ids.contains(Long.parseLong(id.group(1)))) {
        Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(box.group());
        assertThat(name.find()).isTrue();
        ticks.put(name.group(1), "on");
      }
    }
    assertThat(ticks).hasSize(2);
    // A row's own 同意 (approve-one-<id>) approves that one alone.
    HttpResponse<String> one =
        postButton(c, list, "approvals", "approve-one-" + ids.get(0), Map.of());
    assertThat(one.body()).contains("已同意 1 条").doesNotContain("未处理");
    assertThat(one.body()).doesNotContain("data-id=\"" + ids.get(0) + "\"");
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", ids.get(1)))
        .isNotEqualTo("APPROVED");
    // Ticked with a forged tick (not waiting for this counsellor) and the one just approved: both
    // are skipped and said so, the other goes through.
    ticks.put("tick-999999999", "on");
    HttpResponse<String> done = postButton(c, one, "approvals", "approve-ticked", ticks);
    assertThat(done.body())
        .contains("已同意 1 条", "2 条未处理", "#999999999 这一步不由你审批", "#" + ids.get(0) + " 这一步不由你审批");
    for (long id : ids) {
      assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("APPROVED");
    }
  }

  // ---- admin rules, class views and the export

  @Test
  void anAdminRuleRoutesNewRequestsAndTheClassViewsAndExportAreForCarersOnly() throws Exception {
    WebSession admin =
        WeComStandInScreen.signedIn(app + "/leave/admin.xhtml", TestUsers.ADMIN.account());
    HttpResponse<String> page = admin.get(app + "/leave/admin.xhtml");
    assertThat(page.statusCode()).isEqualTo(200);
    Map<String, String> rule = new LinkedHashMap<>();
    rule.put("pastLimitDays", "3");
    rule.put("maxDays", "60");
    rule.put("minNoticeHours", "0");
    rule.put("fallbackAccount", "");
    rule.put("rulePriority", "1");
    rule.put("ruleType", "OFFICIAL");
    rule.put("ruleMaxDays", "");
    rule.put("ruleOffCampus", "");
    rule.put("ruleSteps", "STUDENT_AFFAIRS");
    assertThat(postButton(admin, page, "admin", "add-rule", rule).body()).contains("已保存");
    try {
      WebSession web = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", "20240100013");
      long id =
          idOf(
              submit(
                  web,
                  with(form("2026-12-04T08:00", "2026-12-04T17:00", "参加比赛"), "type", "OFFICIAL")));
      assertThat(
              query(
                  "SELECT approver_role FROM leave_step WHERE request_id = ? AND step_no = 1", id))
          .isEqualTo("STUDENT_AFFAIRS");
      assertThat(outboxRecipients("leave:" + id + ":step:1:open"))
          .isEqualTo(TestUsers.STUDENT_AFFAIRS.account());
      WebSession office =
          WeComStandInScreen.signedIn(
              app + "/leave/request.xhtml?id=" + id, TestUsers.STUDENT_AFFAIRS.account());
      assertThat(
              postButton(
                      office,
                      office.get(app + "/leave/request.xhtml?id=" + id),
                      "detail",
                      "approve",
                      Map.of())
                  .body())
          .contains("已同意");
    } finally {
      exec("DELETE FROM leave_rule WHERE priority = 1 AND type_code = 'OFFICIAL'");
    }
    WebSession someStudent = WeComStandInScreen.signedIn(app + "/leave/", "20240100014");
    assertThat(someStudent.get(app + "/leave/admin.xhtml").statusCode()).isEqualTo(403);
    assertThat(someStudent.get(app + "/leave/export.xlsx").statusCode()).isEqualTo(403);

    WebSession c = WeComStandInScreen.signedIn(app + "/leave/classes.xhtml", COUNSELLOR);
    HttpResponse<String> classes =
        c.get(app + "/leave/classes.xhtml?from=2026-11-01&to=2026-12-31");
    assertThat(classes.statusCode()).isEqualTo(200);
    // The approved 公假 above is in the statistics of class 2401000.
    assertThat(classes.body()).contains("今天请假", "现在离校", "逾期未销假", "<td>机械制造241班</td><td>公假</td>");
    HttpResponse<String> xlsx = c.get(app + "/leave/export.xlsx?from=2026-11-01&to=2026-12-31");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    // A zip (XLSX) starts with "PK".
    assertThat(xlsx.body()).startsWith("PK");
  }

  @Test
  void anAdminAddsChangesAndTurnsOffATypeOfLeaveAndStudentsSeeIt() throws Exception {
    String code = "EXAM" + (System.nanoTime() % 100000);
    WebSession admin =
        WeComStandInScreen.signedIn(app + "/leave/admin.xhtml", TestUsers.ADMIN.account());
    HttpResponse<String> page = admin.get(app + "/leave/admin.xhtml");
    Map<String, String> type = new LinkedHashMap<>();
    // Bad input first: a code in Chinese, no English name, 1.2 days. Each field says why; nothing
    // is saved.
    type.put("typeCode", "考试");
    type.put("typeName", "考试假");
    type.put("typeNameEn", "");
    type.put("typeCertificate", "1.2");
    type.put("typeEnabled", "on");
    HttpResponse<String> refused = postButton(admin, page, "types", "save-type", type);
    assertThat(refused.body())
        .contains(
            "id=\"error-typeCode\"", "id=\"error-typeNameEn\"", "id=\"error-typeCertificate\"")
        .contains("请按提示修改后再提交")
        .doesNotContain("data-type=\"考试\"");
    // A lower-case code is taken in capitals.
    type.put("typeCode", code.toLowerCase(java.util.Locale.ROOT));
    type.put("typeNameEn", "Exam leave");
    type.put("typeCertificate", "２");
    HttpResponse<String> saved = postButton(admin, refused, "types", "save-type", type);
    assertThat(saved.body()).contains("请假类型“考试假”已保存", "data-type=\"" + code + "\"", "超过 2 天需证明");
    // The same code again is refused.
    assertThat(postButton(admin, saved, "types", "save-type", type).body())
        .contains("代码 " + code + " 已被使用");
    try {
      WebSession student = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", "20240100015");
      assertThat(student.get(app + "/leave/apply.xhtml").body())
          .contains("value=\"" + code + "\"", "考试假");

      // Turned off: no longer offered, still listed for the admin.
      HttpResponse<String> list = admin.get(app + "/leave/admin.xhtml");
      HttpResponse<String> editing =
          postButton(admin, list, "types", buttonOf(list, code), Map.of());
      assertThat(editing.body()).contains("修改请假类型", "value=\"考试假\"");
      Map<String, String> off = new LinkedHashMap<>();
      off.put("typeName", "考试假");
      off.put("typeNameEn", "Exam leave");
      off.put("typeCertificate", "");
      HttpResponse<String> turnedOff = postButton(admin, editing, "types", "save-type", off);
      assertThat(turnedOff.body()).contains("请假类型“考试假”已保存", "data-type=\"" + code + "\"", "已停用");
      assertThat(student.get(app + "/leave/apply.xhtml").body())
          .doesNotContain("value=\"" + code + "\"");
      assertThat(query("SELECT enabled FROM leave_type WHERE code = ?", code)).isIn("0", "false");

      // In the audit log, with what changed.
      String log = admin.get(app + "/admin/audit.csv?type=leave_type").body();
      assertThat(log).contains("LEAVE_TYPE_ADD", "LEAVE_TYPE_CHANGE", code);

      // A student posting the admin's form changes nothing.
      HttpResponse<String> studentPage = student.get(app + "/leave/admin.xhtml");
      assertThat(studentPage.statusCode()).isEqualTo(403);
      Map<String, String> forged = new LinkedHashMap<>(type);
      forged.put("typeCode", code + "X");
      forged.put("types", "types");
      forged.put("save-type", "save-type");
      forged.put("jakarta.faces.ViewState", "stateless");
      HttpResponse<String> r = student.post(app + "/leave/admin.xhtml", forged);
      assertThat(r.statusCode()).isIn(400, 403);
      assertThat(count("SELECT COUNT(*) FROM leave_type WHERE code = ?", code + "X")).isZero();
    } finally {
      exec("DELETE FROM leave_type WHERE code = ?", code);
    }
  }

  /** The name of the 修改 button in the row of {@code code} on the admin page. */
  private static String buttonOf(HttpResponse<String> page, String code) {
    String body = page.body();
    int row = body.indexOf("data-type=\"" + code + "\"");
    assertThat(row).as("row of " + code).isPositive();
    Matcher m =
        Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*class=\"[^\"]*lv-type-edit")
            .matcher(body);
    Matcher m2 =
        Pattern.compile("<input[^>]*class=\"[^\"]*lv-type-edit[^\"]*\"[^>]*name=\"([^\"]+)\"")
            .matcher(body);
    if (m.find(row)) {
      return m.group(1);
    }
    assertThat(m2.find(row)).as("edit button of " + code).isTrue();
    return m2.group(1);
  }

  // ---- helpers

  private static ChromeDriver signIn(Browser b, String path, String account) {
    return b.signInThroughWeCom(app + path, account);
  }

  private static void setTime(ChromeDriver d, String id, String value) {
    WebElement e = d.findElement(By.id(id));
    d.executeScript(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        e,
        value);
    try {
      Thread.sleep(400);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
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

  private static Map<String, String> with(Map<String, String> f, String key, String value) {
    Map<String, String> out = new LinkedHashMap<>(f);
    out.put(key, value);
    return out;
  }

  /** Opens the form and submits {@code fields} with its view state. */
  private static HttpResponse<String> submit(WebSession web, Map<String, String> fields) {
    HttpResponse<String> page = web.get(app + "/leave/apply.xhtml");
    assertThat(page.statusCode()).isEqualTo(200);
    Map<String, String> f = new LinkedHashMap<>(fields);
    f.put("jakarta.faces.ViewState", viewState(page));
    return web.postMultipart(app + "/leave/apply.xhtml", f);
  }

  /** Submits and expects a refusal on the page (200, not a redirect); returns the page's text. */
  private static String refusal(WebSession web, Map<String, String> fields) {
    HttpResponse<String> r = submit(web, fields);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("请按提示修改后再提交");
    return r.body();
  }

  private static long idOf(HttpResponse<String> sent) {
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    Matcher m = Pattern.compile("id=(\\d+)").matcher(WebSession.location(sent));
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static String viewState(HttpResponse<String> page) {
    Matcher m = VIEW_STATE.matcher(page.body());
    assertThat(m.find()).as("view state in " + page.uri()).isTrue();
    return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
  }

  /**
   * Posts form {@code form}'s button {@code button} from {@code page}, following a redirect back to
   * the page.
   */
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

  private static String outboxBody(String key) throws SQLException {
    String body = query("SELECT body FROM wecom_outbox WHERE message_key = ?", key);
    assertThat(body).as("outbox message " + key).isNotNull();
    return body;
  }

  /** Waits (up to a minute) until the outbox message {@code key} has {@code status}. */
  private static void awaitOutbox(String key, String status) throws Exception {
    long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    String now = null;
    while (System.nanoTime() < until) {
      now = query("SELECT status FROM wecom_outbox WHERE message_key = ?", key);
      if (status.equals(now)) {
        return;
      }
      Thread.sleep(250);
    }
    assertThat(now)
        .as(
            "status of outbox message "
                + key
                + ", last error: "
                + query("SELECT last_error FROM wecom_outbox WHERE message_key = ?", key))
        .isEqualTo(status);
  }

  private static String outboxRecipients(String key) throws SQLException {
    String to = query("SELECT to_users FROM wecom_outbox WHERE message_key = ?", key);
    assertThat(to).as("outbox message " + key).isNotNull();
    return to;
  }
}
