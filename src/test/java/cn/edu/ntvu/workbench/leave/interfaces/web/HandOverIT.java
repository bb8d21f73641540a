package cn.edu.ntvu.workbench.leave.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.leave.domain.CardAction;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 转审 and 加签 (issue 18 items 2–3) at 360×640 in WeCom's user agent: 毛敏 hands a request over to 陶博,
 * found by his pinyin initials "tb", with a note — after first picking herself and being told so
 * beside the picker, the note kept; 陶博's card is in WeCom (the stand-in), 毛敏's card says "已转审给 陶博"
 * and her page who took it; 陶博 approves from his card; the student's timeline shows the 转审. Then 加签
 * before: 毛敏 adds 余刚 (by account), her page says she waits for him and offers no 同意; 余刚 approves;
 * it is hers again. The page is 403 for the student, a teacher and an admin.
 */
class HandOverIT {
  @RegisterExtension static Browser phone = Browser.weCom().windowSize(360, 640);

  private static final String MAO = TestUsers.COUNSELLOR.account();
  private static final String TAO = "10003";
  private static final String YU = "10005";
  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  @Test
  void aCounsellorHandsOverToAColleagueFoundByPinyinInitialsWhoApprovesFromHisCard()
      throws Exception {
    String student = "20240100033";
    long id = submit(student, "2026-12-21T08:00", "2026-12-21T12:00", "去医院复查");
    String url = "/leave/request.xhtml?id=" + id;

    ChromeDriver d = phone.signInThroughWeCom(app + url, MAO);
    WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(30));
    Browser.click(d, "hand-over");
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("handover-picker_input")));
    noSidewaysScroll(d);
    phone.screenshot("handover-1-form");

    // Herself first: refused beside the picker, the note kept.
    d.findElement(By.id("note")).sendKeys("我这周出差，请陶老师审批");
    pick(d, w, "毛敏", MAO);
    Browser.click(d, "submit");
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("error-person")));
    assertThat(d.findElement(By.id("error-person")).getText()).isEqualTo("不能转审或加签给自己。");
    assertThat(d.findElement(By.id("note")).getAttribute("value")).isEqualTo("我这周出差，请陶老师审批");
    phone.screenshot("handover-2-self-refused");
    assertThat(
            count(
                "SELECT COUNT(*) FROM leave_event WHERE request_id = ? AND action = 'HANDED_OVER'",
                id))
        .isZero();

    // 陶博 by his pinyin initials.
    d.findElement(By.cssSelector("#handover-picker .ui-autocomplete-token-icon")).click();
    pick(d, w, "tb", TAO);
    phone.screenshot("handover-3-picked-by-initials");
    Browser.click(d, "submit");
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("handed-over")));
    assertThat(d.getCurrentUrl()).contains(url);
    assertThat(d.findElement(By.id("handed-over")).getText()).isEqualTo("你已将这一步转审给 陶博。");
    assertThat(d.findElements(By.id("approve"))).isEmpty();
    assertThat(d.findElement(By.id("timeline")).getText()).contains("转审给 陶博", "我这周出差，请陶老师审批");
    noSidewaysScroll(d);
    d.executeScript("document.getElementById('handover-card').scrollIntoView({block: 'start'});");
    phone.screenshot("handover-4-handed-over");

    // WeCom (the stand-in): 陶博's card, and 毛敏's card updated.
    StandIn standIn = TestServers.standIn();
    awaitOutbox("leave:" + id + ":step:1:open:" + TAO, "SENT");
    assertThat(standIn.messagesTo(TAO))
        .filteredOn(
            m -> m.body().contains("\"task_id\":\"" + CardAction.seatTaskId(id, 1, 2) + "\""))
        // the stand-in keeps its messages across runs: this run's card links this app
        .filteredOn(m -> m.body().contains(app + "/leave/request.xhtml?id=" + id + "\""))
        .singleElement()
        .satisfies(m -> assertThat(m.body()).contains("毛敏 转审", CardAction.approveKey(id, 1)));
    awaitOutbox("leave:" + id + ":step:1:card-settled", "SENT");
    assertThat(standIn.messagesTo(MAO)).filteredOn(m -> m.body().contains("已转审给 陶博")).isNotEmpty();
    d.manage().deleteAllCookies();
    d.get(standIn.base() + "/inbox?user=" + TAO);
    inboxTop(d, w);
    phone.screenshot("handover-5-new-card-in-wecom");
    d.get(standIn.base() + "/inbox?user=" + MAO);
    inboxTop(d, w);
    phone.screenshot("handover-6-old-card-updated");

    // 毛敏's old card decides nothing; 陶博's does.
    long now = System.currentTimeMillis() / 1000;
    standIn.cardClick(MAO, CardAction.approveKey(id, 1), CardAction.taskId(id, 1), now);
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("PENDING");
    assertThat(
            standIn
                .cardClick(
                    TAO, CardAction.approveKey(id, 1), CardAction.seatTaskId(id, 1, 2), now + 1)
                .getInt("status"))
        .isEqualTo(200);
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("APPROVED");
    assertThat(
            count(
                "SELECT COUNT(*) FROM leave_event WHERE request_id = ? AND action = 'APPROVED'"
                    + " AND actor_account = ?",
                id,
                TAO))
        .isEqualTo(1);

    // The student's timeline.
    d = phone.signInThroughWeCom(app + url, student);
    w = Browser.waitFor(d, Duration.ofSeconds(30));
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
    assertThat(d.findElement(By.id("timeline")).getText()).contains("转审给 陶博");
    assertThat(d.findElements(By.id("hand-over"))).isEmpty();
    d.executeScript("document.getElementById('timeline').scrollIntoView({block: 'center'});");
    phone.screenshot("handover-7-student-timeline");
  }

  @Test
  void aCounsellorAddsAColleagueBeforeHerselfWhoDecidesFirst() throws Exception {
    String student = "20240100034";
    long id = submit(student, "2026-12-22T08:00", "2026-12-22T12:00", "参加面试");
    String url = "/leave/request.xhtml?id=" + id;
    ChromeDriver d = phone.signInThroughWeCom(app + url, MAO);
    WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(30));
    Browser.click(d, "add-approver");
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("handover-picker_input")));
    assertThat(d.findElement(By.id("hint")).getText()).contains("最多加签 2 人");
    pick(d, w, YU, YU);
    d.findElement(By.cssSelector("label[for='where:0']")).click();
    noSidewaysScroll(d);
    phone.screenshot("add-1-before");
    Browser.click(d, "submit");
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("waiting-for")));
    assertThat(d.findElement(By.id("waiting-for")).getText()).contains("等待 余刚 先审批");
    assertThat(d.findElements(By.id("approve"))).isEmpty();
    assertThat(d.findElement(By.id("timeline")).getText()).contains("加签 余刚（先于本人审批）");
    d.executeScript("document.getElementById('handover-card').scrollIntoView({block: 'start'});");
    phone.screenshot("add-2-waiting");
    awaitOutbox("leave:" + id + ":step:1:open:" + YU, "SENT");
    awaitOutbox("leave:" + id + ":step:1:card-settled", "SENT");

    // 余刚 approves on the page; then it is 毛敏's again.
    d = phone.signInThroughWeCom(app + url, YU);
    w = Browser.waitFor(d, Duration.ofSeconds(30));
    Browser.click(d, "approve");
    w.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已同意"));
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("PENDING");
    d = phone.signInThroughWeCom(app + url, MAO);
    w = Browser.waitFor(d, Duration.ofSeconds(30));
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("approve")));
    phone.screenshot("add-3-back-to-her");
    Browser.click(d, "approve");
    w.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已同意"));
    assertThat(query("SELECT status FROM leave_request WHERE id = ?", id)).isEqualTo("APPROVED");
  }

  @Test
  void thePageIsRefusedToTheStudentATeacherAndAnAdminAndTheirPostsChangeNothing() throws Exception {
    String student = "20240100035";
    long id = submit(student, "2026-12-23T08:00", "2026-12-23T12:00", "家中有事");
    String path = app + "/leave/handover.xhtml?id=" + id;
    for (String who :
        List.of(student, TestUsers.TEACHER.account(), TestUsers.ADMIN.account(), TAO)) {
      WebSession web = WeComStandInScreen.signedIn(path, who);
      HttpResponse<String> page = web.get(path);
      assertThat(page.statusCode()).as(who).isEqualTo(403);
      assertThat(page.body()).doesNotContain("handover-picker");
      Map<String, String> f = new LinkedHashMap<>();
      f.put("handover", "handover");
      f.put("submit", "submit");
      f.put("handover-picker_hinput", "PERSON:" + TAO);
      f.put("jakarta.faces.ViewState", "stateless");
      web.post(path, f);
    }
    // The counsellor's own page, with a forged chip naming a student: refused beside the picker.
    WebSession mao = WeComStandInScreen.signedIn(path, MAO);
    HttpResponse<String> page = mao.get(path);
    assertThat(page.statusCode()).isEqualTo(200);
    Map<String, String> f = new LinkedHashMap<>();
    f.put("handover", "handover");
    f.put("submit", "submit");
    f.put("handover-picker_hinput", "PERSON:" + student);
    f.put("jakarta.faces.ViewState", viewState(page));
    HttpResponse<String> answer = mao.post(path, f);
    assertThat(answer.body()).contains("是学生，不能审批");
    assertThat(
            count(
                "SELECT COUNT(*) FROM leave_event WHERE request_id = ? AND action IN"
                    + " ('HANDED_OVER', 'APPROVER_ADDED')",
                id))
        .isZero();
  }

  private static void pick(ChromeDriver d, WebDriverWait w, String typed, String account) {
    WebElement input = d.findElement(By.id("handover-picker_input"));
    input.sendKeys(typed);
    WebElement item =
        w.until(
            dr ->
                dr.findElements(By.cssSelector(".wb-picker-panel .ui-autocomplete-item")).stream()
                    .filter(e -> e.isDisplayed() && e.getText().contains(account))
                    .findFirst()
                    .orElse(null));
    d.executeScript("arguments[0].scrollIntoView({block: 'center'})", item);
    item.click();
    w.until(dr -> chips(dr).contains(account));
  }

  /** The stand-in's inbox with its newest message at the top of the screen. */
  private static void inboxTop(ChromeDriver d, WebDriverWait w) {
    WebElement newest =
        w.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox-rows > li")));
    d.executeScript("arguments[0].scrollIntoView({block: 'start'});", newest);
  }

  private static String chips(WebDriver d) {
    return d.findElements(By.cssSelector("#handover-picker .ui-autocomplete-token")).stream()
        .map(WebElement::getText)
        .reduce("", (a, b) -> a + "|" + b);
  }

  private static void noSidewaysScroll(ChromeDriver d) {
    Object wide =
        d.executeScript(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    assertThat(wide).isEqualTo(false);
  }

  private static long submit(String student, String start, String end, String reason) {
    WebSession web = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", student);
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
