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
import java.util.LinkedHashMap;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 18, 会签 at 360×640 in WeCom's user agent: an admin makes 公假 of a class a 会签 step on the
 * settings page (a 会签 for a step the rule does not have is refused beside its field, everything
 * typed kept); the student sees "第 1 步 · 辅导员 · 会签 · 已同意 0/2" and who has not decided; the first
 * counsellor approves on the page and both see 1/2 with who has and has not decided, while the
 * other's card says "陶博 已同意，等待 1 人"; the second approves with the card's button through the WeCom
 * callback and the request is approved, 2/2. The class 机电一体化261班 (2601002, counsellor 10003 陶博)
 * gets 10004 as a second counsellor for the test.
 */
class LeaveChainIT {
  @RegisterExtension static Browser student = Browser.weCom().windowSize(360, 640);
  @RegisterExtension static Browser approver = Browser.weCom().windowSize(360, 640);

  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
  private static final String WHO = "20260100111";
  private static final String FIRST = "10003";
  private static final String SECOND = "10007";

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  @Test
  void anAllStepShowsWhoHasAndHasNotDecidedToTheStudentAndTheApprovers() throws Exception {
    WebSession admin =
        WeComStandInScreen.signedIn(app + "/leave/admin.xhtml", TestUsers.ADMIN.account());
    // A 会签 for step 2 of a one-step rule: refused beside the field, the steps typed kept.
    Map<String, String> f = ruleForm(admin, "COUNSELLOR", "ALL", "ALL");
    HttpResponse<String> bad = follow(admin, admin.post(app + "/leave/admin.xhtml", f));
    assertThat(bad.body())
        .contains("id=\"error-ruleMode2\"", "规则没有第 2 步，不能设为会签")
        .containsPattern("id=\"ruleSteps\"[^>]*value=\"COUNSELLOR\"");
    assertThat(count("SELECT COUNT(*) FROM leave_rule WHERE type_code = 'OFFICIAL'")).isZero();

    HttpResponse<String> saved =
        follow(
            admin,
            admin.post(app + "/leave/admin.xhtml", ruleForm(admin, "COUNSELLOR", "ALL", "ANY")));
    assertThat(saved.body()).contains("已保存", "辅导员（会签）");
    long rule =
        Long.parseLong(query("SELECT MAX(id) FROM leave_rule WHERE type_code = 'OFFICIAL'"));
    assertThat(query("SELECT steps FROM leave_rule WHERE id = ?", rule))
        .isEqualTo("COUNSELLOR:ALL");
    exec(
        "INSERT IGNORE INTO role_grant (person_id, role, scope_kind, scope_id, source)"
            + " SELECT p.id, 'COUNSELLOR', 'CLASS', c.id, 'MANUAL' FROM person p, school_class c"
            + " WHERE p.account = ? AND c.code = '2601002'",
        SECOND);
    try {
      WebSession web = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", WHO);
      long id = submit(web);
      String url = "/leave/request.xhtml?id=" + id;
      assertThat(query("SELECT mode FROM leave_step WHERE request_id = ? AND step_no = 1", id))
          .isEqualTo("ALL");

      // The student: 会签, 0/2, both to decide.
      ChromeDriver s = student.signInThroughWeCom(app + url, WHO);
      WebDriverWait sw = Browser.waitFor(s, Duration.ofSeconds(30));
      sw.until(ExpectedConditions.presenceOfElementLocated(By.id("chain-seats")));
      assertThat(heading(s)).isEqualTo("第 1 步 · 辅导员 · 会签 · 已同意 0/2");
      assertThat(seat(s, FIRST)).isEqualTo("陶博 待审批");
      assertThat(seat(s, SECOND)).isEqualTo("梁诺 待审批");
      noSidewaysScroll(s);
      show(s, "chain-seats");
      student.screenshot("leave-chain-all-student-0of2");

      // The first counsellor approves on the page.
      ChromeDriver a = approver.signInThroughWeCom(app + url, FIRST);
      WebDriverWait aw = Browser.waitFor(a, Duration.ofSeconds(30));
      aw.until(ExpectedConditions.presenceOfElementLocated(By.id("approve")));
      a.findElement(By.id("approve")).click();
      aw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已同意"));
      assertThat(heading(a)).isEqualTo("第 1 步 · 辅导员 · 会签 · 已同意 1/2");
      assertThat(seat(a, FIRST)).matches("陶博 已同意 11-25 \\d\\d:\\d\\d");
      assertThat(seat(a, SECOND)).isEqualTo("梁诺 待审批");
      assertThat(a.findElements(By.id("approve"))).isEmpty();
      noSidewaysScroll(a);
      show(a, "chain-seats");
      approver.screenshot("leave-chain-all-approver-1of2");

      // The other's card: "陶博 已同意，等待 1 人", its buttons kept; the student sees 1/2.
      String progress =
          query(
              "SELECT body FROM wecom_outbox WHERE message_key = ?",
              "leave:" + id + ":step:1:card:" + SECOND);
      assertThat(progress).contains("陶博 已同意，等待 1 人", CardAction.approveKey(id, 1));
      assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("PENDING");
      s.navigate().refresh();
      sw.until(ExpectedConditions.presenceOfElementLocated(By.id("chain-seats")));
      assertThat(heading(s)).isEqualTo("第 1 步 · 辅导员 · 会签 · 已同意 1/2");
      student.screenshot("leave-chain-all-student-1of2");

      // The second approves with the card's button, through WeCom's callback: approved, 2/2.
      String task = seatTask(id, SECOND);
      awaitSent("leave:" + id + ":step:1:open:" + SECOND);
      assertThat(
              TestServers.standIn()
                  .cardClick(
                      SECOND, CardAction.approveKey(id, 1), task, System.currentTimeMillis() / 1000)
                  .getInt("status"))
          .isEqualTo(200);
      awaitStatus(id, "APPROVED");
      s.navigate().refresh();
      sw.until(ExpectedConditions.presenceOfElementLocated(By.id("chain-seats")));
      assertThat(heading(s)).isEqualTo("第 1 步 · 辅导员 · 会签 · 已同意 2/2");
      assertThat(seat(s, SECOND)).matches("梁诺 已同意 11-25 \\d\\d:\\d\\d");
      show(s, "chain-seats");
      student.screenshot("leave-chain-all-student-2of2");
      // A second click of the same card decides nothing more.
      TestServers.standIn()
          .cardClick(SECOND, CardAction.approveKey(id, 1), task, System.currentTimeMillis() / 1000);
      assertThat(
              count(
                  "SELECT COUNT(*) FROM leave_event WHERE request_id = ? AND action = 'APPROVED'",
                  id))
          .isEqualTo(2);
    } finally {
      exec("DELETE FROM leave_rule WHERE id = ?", rule);
      exec(
          "DELETE g FROM role_grant g JOIN person p ON p.id = g.person_id"
              + " JOIN school_class c ON c.id = g.scope_id WHERE p.account = ?"
              + " AND g.role = 'COUNSELLOR' AND c.code = '2601002' AND g.source = 'MANUAL'",
          SECOND);
    }
  }

  private static Map<String, String> ruleForm(
      WebSession admin, String steps, String mode1, String mode2) {
    HttpResponse<String> page = admin.get(app + "/leave/admin.xhtml");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("admin", "admin");
    f.put("pastLimitDays", "3");
    f.put("maxDays", "60");
    f.put("minNoticeHours", "0");
    f.put("fallbackAccount", "");
    f.put("rulePriority", "1");
    f.put("ruleType", "OFFICIAL");
    f.put("ruleMaxDays", "");
    f.put("ruleOffCampus", "");
    f.put("ruleMissedOver", "");
    f.put("ruleSteps", steps);
    f.put("ruleMode1", mode1);
    f.put("ruleMode2", mode2);
    f.put("ruleMode3", "ANY");
    f.put("add-rule", "add-rule");
    f.put("jakarta.faces.ViewState", viewState(page));
    return f;
  }

  private static HttpResponse<String> follow(WebSession web, HttpResponse<String> r) {
    return WebSession.isRedirect(r) ? web.get(WebSession.location(r)) : r;
  }

  private static long submit(WebSession web) {
    HttpResponse<String> page = web.get(app + "/leave/apply.xhtml");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("apply", "apply");
    f.put("type", "OFFICIAL");
    f.put("start", "2026-11-30T08:00");
    f.put("end", "2026-11-30T12:00");
    f.put("reason", "代表学院参加技能大赛");
    f.put("submit", "提交申请");
    f.put("jakarta.faces.ViewState", viewState(page));
    HttpResponse<String> sent = web.postMultipart(app + "/leave/apply.xhtml", f);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    Matcher m = Pattern.compile("id=(\\d+)").matcher(WebSession.location(sent));
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static String seatTask(long id, String account) throws Exception {
    String body =
        query(
            "SELECT body FROM wecom_outbox WHERE message_key = ?",
            "leave:" + id + ":step:1:open:" + account);
    Matcher m = Pattern.compile("\"task_id\":\"(leave-\\d+-1-\\d+)\"").matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return m.group(1);
  }

  private static void awaitSent(String key) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < until) {
      if ("SENT".equals(query("SELECT status FROM wecom_outbox WHERE message_key = ?", key))) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(key + " not sent");
  }

  private static void awaitStatus(long id, String status) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      if (status.equals(query("SELECT status FROM leave_request WHERE id = ?", id))) {
        return;
      }
      Thread.sleep(250);
    }
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo(status);
  }

  private static String heading(ChromeDriver d) {
    return d.findElement(By.cssSelector("#chain-seats .lv-seat-heading")).getText().strip();
  }

  private static String seat(ChromeDriver d, String account) {
    WebElement li =
        d.findElement(By.cssSelector("#chain-seats li[data-account='" + account + "']"));
    return li.getText().strip();
  }

  private static void noSidewaysScroll(ChromeDriver d) {
    Object wide =
        d.executeScript(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    assertThat(wide).isEqualTo(Boolean.FALSE);
  }

  private static void show(ChromeDriver d, String id) {
    d.executeScript("arguments[0].scrollIntoView(true);", d.findElement(By.id(id)));
  }

  private static String viewState(HttpResponse<String> page) {
    Matcher m = VIEW_STATE.matcher(page.body());
    assertThat(m.find()).as("view state in " + page.uri()).isTrue();
    return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
  }
}
