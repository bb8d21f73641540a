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
 * Issue 19 items 1–2 at 360×640 in WeCom's user agent, on the demo term (school clock Wed
 * 2026-11-25): 田芬 (class 2401000) picks Thu 11-26 08:00 – Fri 11-27 18:00 and the page lists the
 * classes it would miss day by day; 按节 on 11-26 第5–6节 lists 形势与政策 only; a holiday and periods
 * without classes are refused beside the field with everything else kept. Submitted, the request
 * page shows what it missed, the counsellor's 待我审批 says 缺 2 节 and the approvers' card carries the
 * one-line summary; a routing rule "缺课超过 3 节" sends a request missing more to the dean too.
 */
class LeaveMissedClassesIT {
  @RegisterExtension static Browser student = Browser.weCom().windowSize(360, 640);
  @RegisterExtension static Browser counsellor = Browser.weCom().windowSize(360, 640);

  private static final String WHO = TestUsers.STUDENT.account();
  private static final String COUNSELLOR = TestUsers.COUNSELLOR.account();
  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
  private static String app;

  @BeforeAll
  static void servers() throws Exception {
    app = TestServers.appUrl();
    // Other tests' leaves of this student on these days would be refused as overlapping.
    exec(
        "UPDATE leave_request SET status = 'WITHDRAWN' WHERE student_account = ?"
            + " AND status IN ('PENDING', 'APPROVED') AND starts_at < '2026-11-29 00:00:00'"
            + " AND ends_at > '2026-11-26 00:00:00'",
        WHO);
  }

  @Test
  void theStudentSeesTheClassesALeaveMissesAndTheApproversToo() throws Exception {
    ChromeDriver s = student.signInThroughWeCom(app + "/leave/apply.xhtml", WHO);
    WebDriverWait w = Browser.waitFor(s, Duration.ofSeconds(30));
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("by-time")));
    new Select(s.findElement(By.id("type"))).selectByValue("PERSONAL");
    s.findElement(By.id("reason")).sendKeys("去医院复查");

    // By time: two days, 4 courses and 8 periods.
    Browser.click(s, "by-time");
    Browser.setValue(s, "start", "2026-11-26T08:00");
    Browser.setValue(s, "end", "2026-11-27T18:00");
    change(s, "end");
    w.until(ExpectedConditions.textToBePresentInElementLocated(By.id("missed-total"), "将缺"));
    assertThat(s.findElement(By.id("missed-total")).getText()).isEqualTo("将缺 4 门课 8 节");
    List<WebElement> days = s.findElements(By.cssSelector("#missed .lv-missed-day"));
    assertThat(days)
        .extracting(e -> e.getAttribute("data-date"))
        .containsExactly("2026-11-26", "2026-11-27");
    s.executeScript("document.getElementById('missed').scrollIntoView({block: 'center'});");
    assertThat(days.get(0).getText()).contains("11月26日", "第1–2节 职业生涯规划", "第5–6节 形势与政策");
    student.screenshot("leave-missed-by-time");

    // 按节: a holiday is refused beside the field, the reason typed is kept.
    Browser.click(s, "by-periods");
    w.until(ExpectedConditions.invisibilityOfElementLocated(By.id("missed")));
    Browser.setValue(s, "periodDate", "2026-10-01");
    change(s, "periodDate");
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("error-periods")));
    assertThat(s.findElement(By.id("error-periods")).getText()).contains("国庆节", "放假");
    assertThat(s.findElement(By.id("reason")).getAttribute("value")).isEqualTo("去医院复查");
    student.screenshot("leave-periods-holiday");

    // 11-26 第3–4节: no classes then.
    Browser.setValue(s, "periodDate", "2026-11-26");
    change(s, "periodDate");
    w.until(ExpectedConditions.textToBePresentInElementLocated(By.id("missed-total"), "将缺"));
    select(s, w, "firstPeriod", "3");
    select(s, w, "lastPeriod", "4");
    w.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-periods"), "没有课"));
    assertThat(s.findElements(By.id("missed"))).isEmpty();

    // 第5–6节: 形势与政策 only, the duration in periods too.
    select(s, w, "lastPeriod", "6");
    select(s, w, "firstPeriod", "5");
    w.until(ExpectedConditions.textToBePresentInElementLocated(By.id("missed-total"), "1 门课 2 节"));
    assertThat(s.findElement(By.id("missed")).getText())
        .contains("形势与政策", "第5–6节")
        .doesNotContain("职业生涯规划");
    assertThat(s.findElement(By.id("duration")).getText()).contains("2 节");
    assertThat(s.findElements(By.id("error-periods"))).isEmpty();
    s.executeScript("document.getElementById('missed').scrollIntoView({block: 'center'});");
    student.screenshot("leave-missed-by-periods");

    Browser.click(s, "submit");
    w.until(ExpectedConditions.urlContains("request.xhtml"));
    Matcher m = Pattern.compile("id=(\\d+)").matcher(s.getCurrentUrl());
    assertThat(m.find()).isTrue();
    long id = Long.parseLong(m.group(1));
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("missed-total")));
    assertThat(s.findElement(By.id("missed-total")).getText()).isEqualTo("缺 1 门课 2 节");
    assertThat(s.findElement(By.id("missed")).getText()).contains("形势与政策");
    student.screenshot("leave-request-missed");
    assertThat(query("SELECT missed_periods FROM leave_request WHERE id = ?", id)).isEqualTo("2");
    assertThat(count("SELECT COUNT(*) FROM leave_missed_class WHERE request_id = ?", id))
        .isEqualTo(1);

    // The approvers' card carries the summary (delivered to the stand-in).
    String key = "leave:" + id + ":step:1:open";
    assertThat(query("SELECT body FROM wecom_outbox WHERE message_key = ?", key))
        .contains("缺课", "1 门课 2 节");
    awaitOutbox(key, "SENT");

    // 待我审批: 缺 2 节.
    ChromeDriver c = counsellor.signInThroughWeCom(app + "/leave/approvals.xhtml", COUNSELLOR);
    WebDriverWait cw = Browser.waitFor(c, Duration.ofSeconds(30));
    By row = By.cssSelector("#rows .lv-approval[data-id='" + id + "'] .lv-missed-short");
    cw.until(ExpectedConditions.presenceOfElementLocated(row));
    assertThat(c.findElement(row).getText()).isEqualTo("缺 2 节");
    counsellor.screenshot("leave-approvals-missed");
  }

  @Test
  void aRuleOnMissedPeriodsAlsoAsksTheDean() throws Exception {
    // The admin adds "离校, 缺课超过 3 节 → 辅导员, 院长" on the settings page.
    WebSession admin =
        WeComStandInScreen.signedIn(app + "/leave/admin.xhtml", TestUsers.ADMIN.account());
    HttpResponse<String> page = admin.get(app + "/leave/admin.xhtml");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("admin", "admin");
    f.put("pastLimitDays", "3");
    f.put("maxDays", "60");
    f.put("minNoticeHours", "0");
    f.put("fallbackAccount", "");
    f.put("rulePriority", "1");
    f.put("ruleType", "");
    f.put("ruleMaxDays", "");
    f.put("ruleOffCampus", "true");
    f.put("ruleMissedOver", "3");
    f.put("ruleSteps", "COUNSELLOR,DEAN");
    f.put("add-rule", "add-rule");
    f.put("jakarta.faces.ViewState", viewState(page));
    HttpResponse<String> saved = admin.post(app + "/leave/admin.xhtml", f);
    if (WebSession.isRedirect(saved)) {
      saved = admin.get(WebSession.location(saved));
    }
    assertThat(saved.body()).contains("已保存");
    long rule =
        Long.parseLong(
            query("SELECT MAX(id) FROM leave_rule WHERE missed_periods_over = 3 AND off_campus"));
    assertThat(admin.get(app + "/leave/admin.xhtml").body())
        .containsPattern("data-rule=\"" + rule + "\"[\\s\\S]*?missed-over\">3<");
    try {
      WebSession web = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", WHO);
      // Friday 11-27: 4 periods (more than 3) → the counsellor, then the dean.
      long friday = submit(web, "2026-11-27T08:00", "2026-11-27T18:00");
      assertThat(query("SELECT step_count FROM leave_request WHERE id = ?", friday)).isEqualTo("2");
      assertThat(
              query(
                  "SELECT approver_role FROM leave_step WHERE request_id = ? AND step_no = 2",
                  friday))
          .isEqualTo("DEAN");
      // A weekend day misses nothing: the seeded one-day rule, the counsellor alone.
      long saturday = submit(web, "2026-11-28T08:00", "2026-11-28T18:00");
      assertThat(query("SELECT step_count FROM leave_request WHERE id = ?", saturday))
          .isEqualTo("1");
    } finally {
      exec("DELETE FROM leave_rule WHERE id = ?", rule);
    }
  }

  private static long submit(WebSession web, String start, String end) {
    HttpResponse<String> page = web.get(app + "/leave/apply.xhtml");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("apply", "apply");
    f.put("type", "PERSONAL");
    f.put("start", start);
    f.put("end", end);
    f.put("reason", "回家办理证件");
    f.put("offCampus", "on");
    f.put("destination", "南通");
    f.put("contact", "父亲 138-0013-8000");
    f.put("submit", "提交申请");
    f.put("jakarta.faces.ViewState", viewState(page));
    HttpResponse<String> sent = web.postMultipart(app + "/leave/apply.xhtml", f);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    Matcher m = Pattern.compile("id=(\\d+)").matcher(WebSession.location(sent));
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static void change(ChromeDriver d, String id) {
    d.executeScript(
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        d.findElement(By.id(id)));
  }

  /** Picks a period once the selects (re-rendered with the day) offer it. */
  private static void select(ChromeDriver d, WebDriverWait w, String id, String value) {
    w.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            x -> {
              new Select(d.findElement(By.id(id))).selectByValue(value);
              return value.equals(d.findElement(By.id(id)).getAttribute("value"));
            });
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
}
