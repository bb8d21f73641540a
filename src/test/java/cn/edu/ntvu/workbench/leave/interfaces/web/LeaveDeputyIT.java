package cn.edu.ntvu.workbench.leave.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.StandIn;
import cn.edu.ntvu.workbench.testsupport.TestServers;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 18, items 6 and 7 at 360×640 in WeCom's user agent: a counsellor (陶博, class 2601002) sets a
 * deputy (余刚) on 审批设置 and a quick phrase; a student's request goes to both; the deputy approves
 * from the request page and the student reads "余刚 代 陶博"; the student's comment reaches the
 * counsellor once in the stand-in; the counsellor rejects another request with the quick phrase as
 * its reason (one tap). A student's forged post to 审批设置 changes nothing. Every range it sets is
 * removed again (a range left behind would seat a deputy on other tests' steps).
 */
class LeaveDeputyIT {
  @RegisterExtension static Browser counsellor = Browser.weCom().windowSize(360, 640);
  @RegisterExtension static Browser deputy = Browser.weCom().windowSize(360, 640);
  @RegisterExtension static Browser student = Browser.weCom().windowSize(360, 640);

  private static final String HOLDER = "10003";
  private static final String DEPUTY = "10005";
  private static final String PHRASE = "请补充医院证明后再提交";
  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
  private static String app;

  @BeforeAll
  static void servers() throws Exception {
    app = TestServers.appUrl();
    clear();
  }

  @AfterAll
  static void clear() throws Exception {
    exec(
        "UPDATE leave_deputy SET removed_at = NOW(3), removed_by = 'test' WHERE removed_at IS NULL"
            + " AND approver IN ('10003', '10005')");
    exec("DELETE FROM leave_phrase WHERE owner = ?", HOLDER);
  }

  @Test
  void aDeputyDecidesInTheHoldersNameCommentsReachOthersOnceAndAPhraseRejects() throws Exception {
    // The counsellor sets her deputy and a quick phrase on 审批设置.
    ChromeDriver c = counsellor.signInThroughWeCom(app + "/leave/approver.xhtml", HOLDER);
    WebDriverWait cw = Browser.waitFor(c, Duration.ofSeconds(30));
    cw.until(ExpectedConditions.presenceOfElementLocated(By.id("deputy-picker_input")));
    c.findElement(By.id("deputy-picker_input")).sendKeys("余刚");
    WebElement item =
        cw.until(
            dr ->
                dr.findElements(By.cssSelector(".wb-picker-panel .ui-autocomplete-item")).stream()
                    .filter(e -> e.isDisplayed() && e.getText().contains(DEPUTY))
                    .findFirst()
                    .orElse(null));
    ((JavascriptExecutor) c).executeScript("arguments[0].scrollIntoView({block: 'center'})", item);
    item.click();
    // The school clock of the packaged WAR (DEV_CLOCK) is Wed 2026-11-25.
    String today = "2026-11-25";
    // A range ending before it starts: the message beside the dates, the deputy kept.
    Browser.setValue(c, "deputy-from", "2026-11-27");
    Browser.setValue(c, "deputy-to", "2026-11-26");
    c.findElement(By.id("deputy-save")).click();
    cw.until(ExpectedConditions.presenceOfElementLocated(By.id("error-dates")));
    assertThat(c.findElement(By.id("error-dates")).getText()).contains("结束日期早于开始日期");
    assertThat(
            count(
                "SELECT COUNT(*) FROM leave_deputy WHERE approver = ? AND removed_at IS NULL",
                HOLDER))
        .isZero();
    Browser.setValue(c, "deputy-from", today);
    Browser.setValue(c, "deputy-to", "2026-11-27");
    c.findElement(By.id("deputy-save")).click();
    cw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-deputies"), "余刚"));
    assertThat(
            query(
                "SELECT deputy FROM leave_deputy WHERE approver = ? AND removed_at IS NULL",
                HOLDER))
        .isEqualTo(DEPUTY);
    // The "已保存代理" toast hides itself after a few seconds; it covers the middle of the screen
    // till then.
    Browser.waitFor(c, Duration.ofSeconds(20))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".wb-toast")));
    c.findElement(By.id("phrase")).sendKeys(PHRASE);
    Browser.click(c, "phrase-add");
    cw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-phrases"), PHRASE));
    noSidewaysScroll(c);
    counsellor.screenshot("leave-deputy-settings");

    // A student's forged post to 审批设置: refused, nothing stored.
    WebSession forger = WeComStandInScreen.signedIn(app + "/leave/", "20260100087");
    Map<String, String> forged = new LinkedHashMap<>();
    forged.put("deputy-form", "deputy-form");
    forged.put("deputy-from", today);
    forged.put("deputy-to", today);
    forged.put("deputy-save", "deputy-save");
    HttpResponse<String> refused = forger.post(app + "/leave/approver.xhtml", forged);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(count("SELECT COUNT(*) FROM leave_deputy WHERE set_by = '20260100087'")).isZero();

    // A student's request goes to both.
    String who = "20260100085";
    WebSession web = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", who);
    long id = submit(web, "2026-11-26T08:00", "2026-11-26T17:00", "看牙医");
    String cards =
        query(
            "SELECT GROUP_CONCAT(to_users) FROM wecom_outbox WHERE message_key LIKE ?",
            "leave:" + id + ":step:1:open%");
    assertThat(cards).contains(HOLDER).contains(DEPUTY);

    // The deputy approves from the page.
    ChromeDriver d = deputy.signInThroughWeCom(app + "/leave/request.xhtml?id=" + id, DEPUTY);
    WebDriverWait dw = Browser.waitFor(d, Duration.ofSeconds(30));
    dw.until(ExpectedConditions.presenceOfElementLocated(By.id("approve")));
    d.findElement(By.id("approve")).click();
    dw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已批准"));
    // Opened again: the 审批进度 card of the postback itself was read before the decision (its
    // request-scoped cache, the chain's; reported).
    d.get(app + "/leave/request.xhtml?id=" + id);
    dw.until(ExpectedConditions.presenceOfElementLocated(By.id("chain-seats")));
    assertThat(d.findElement(By.id("chain-seats")).getText()).contains("余刚 代 陶博 同意");
    assertThat(d.findElement(By.id("timeline")).getText()).contains("余刚 代 陶博");
    deputy.screenshot("leave-deputy-approved");

    // The student sees 代, and comments.
    ChromeDriver s = student.signInThroughWeCom(app + "/leave/request.xhtml?id=" + id, who);
    WebDriverWait sw = Browser.waitFor(s, Duration.ofSeconds(30));
    sw.until(ExpectedConditions.presenceOfElementLocated(By.id("comment")));
    assertThat(s.findElement(By.id("chain-seats")).getText()).contains("余刚 代 陶博 同意");
    // The student's notice says it too.
    assertThat(
            query(
                "SELECT body FROM wecom_outbox WHERE message_key = ?",
                "leave:" + id + ":step:1:decided"))
        .contains("余刚 代 陶博");
    String comment = "谢谢老师，周四下午就回校 " + id;
    s.findElement(By.id("comment")).sendKeys(comment);
    s.findElement(By.id("comment-send")).click();
    sw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), comment));
    noSidewaysScroll(s);
    student.screenshot("leave-comment-student");
    StandIn standIn = TestServers.standIn();
    List<StandIn.Message> told = List.of();
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < until) {
      told =
          standIn.messagesTo(HOLDER).stream()
              .filter(m -> m.api().equals("SEND") && m.body().contains(comment))
              .toList();
      if (!told.isEmpty()) {
        break;
      }
      Thread.sleep(250);
    }
    Thread.sleep(1000);
    told =
        standIn.messagesTo(HOLDER).stream()
            .filter(m -> m.api().equals("SEND") && m.body().contains(comment))
            .toList();
    assertThat(told).hasSize(1);
    assertThat(standIn.messagesTo(who).stream().filter(m -> m.body().contains(comment)).toList())
        .isEmpty();

    // Another request: the counsellor rejects it with the quick phrase, one tap.
    WebSession web2 = WeComStandInScreen.signedIn(app + "/leave/apply.xhtml", "20260100086");
    long other = submit(web2, "2026-11-27T08:00", "2026-11-27T17:00", "家里有事");
    c.get(app + "/leave/request.xhtml?id=" + other);
    cw.until(ExpectedConditions.presenceOfElementLocated(By.id("reject")));
    c.findElement(By.id("reject")).click();
    cw.until(ExpectedConditions.presenceOfElementLocated(By.id("reject-reason")));
    WebElement chip =
        cw.until(
            dr ->
                dr
                    .findElements(By.cssSelector("[data-phrases-for='reject-reason'] button"))
                    .stream()
                    .filter(e -> e.isDisplayed() && e.getText().equals(PHRASE))
                    .findFirst()
                    .orElse(null));
    // The no-JavaScript select is hidden once the chips show.
    assertThat(c.findElement(By.id("reject-phrase")).isDisplayed()).isFalse();
    chip.click();
    assertThat(c.findElement(By.id("reject-reason")).getAttribute("value")).isEqualTo(PHRASE);
    counsellor.screenshot("leave-reject-phrase");
    c.findElement(By.id("reject-confirm")).click();
    cw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已驳回"));
    assertThat(
            query(
                "SELECT comment FROM leave_step WHERE request_id = ? AND status = 'REJECTED'",
                other))
        .isEqualTo(PHRASE);
  }

  private static void noSidewaysScroll(ChromeDriver d) {
    Object fits =
        d.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
    assertThat(fits).as("no sideways scrolling at 360 px").isEqualTo(true);
  }

  private static long submit(WebSession web, String start, String end, String reason)
      throws Exception {
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
}
