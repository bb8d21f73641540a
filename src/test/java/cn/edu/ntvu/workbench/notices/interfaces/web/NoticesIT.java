package cn.edu.ntvu.workbench.notices.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.E2eDb;
import cn.edu.ntvu.workbench.testsupport.StandIn;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.URI;
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
 * 通知 end to end on the packaged WAR, in Chromium at 360×640 with WeCom's user agent: the counsellor
 * 毛敏 (10001) writes a notice to the students of her class (机械制造241班) with 需确认 and sends it; 田芬
 * reads and taps 我已知晓, 潘浩 reads only; 毛敏 sees 2/N read and 1/N confirmed and taps 提醒未读, which
 * reaches exactly the unread (the WeCom stand-in's received messages); a student of another class
 * gets 403 and one sentence; a script in the body is gone; recall shows 已撤回.
 */
class NoticesIT {
  @RegisterExtension static Browser teacher = Browser.weCom().windowSize(360, 640);
  @RegisterExtension static Browser student = Browser.weCom().windowSize(360, 640);

  /** Unique per run: the stand-in keeps what it received between runs on one data folder. */
  private static final String TITLE = "周五班会通知 " + (System.currentTimeMillis() % 100000);

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  @Test
  void aCounsellorSendsTwoReadOneConfirmsSheRemindsExactlyTheUnreadAndRecalls() throws Exception {
    ChromeDriver t = signIn(teacher, "/notices/", "10001");
    WebDriverWait tw = Browser.waitFor(t, Duration.ofSeconds(30));
    click(t, "new-notice");
    tw.until(ExpectedConditions.urlContains("/notices/edit.xhtml"));
    long id = Long.parseLong(WeComStandInScreen.query(URI.create(t.getCurrentUrl())).get("id"));

    t.findElement(By.id("title")).sendKeys(TITLE);
    t.findElement(By.id("body"))
        .sendKeys(
            "<p>周五 <b>14:00</b> 在 A101 开班会。</p><script>alert(1)</script>"
                + "<a href=\"javascript:alert(2)\">链接</a>");
    click(t, "needs-confirm");
    click(t, "important");
    // A schedule in the past is refused beside the fields, everything typed kept.
    setValue(t, "send-at", "2026-11-01T08:00");
    click(t, "save");
    tw.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("settings-problems"), "已经过去"));
    assertThat(t.findElement(By.id("title")).getAttribute("value")).isEqualTo(TITLE);
    setValue(t, "send-at", "");
    click(t, "save");
    tw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "草稿已保存"));

    // An audience outside her scope is refused beside the field.
    new Select(t.findElement(By.id("audience-kind"))).selectByValue("ROLE");
    t.findElement(By.id("audience-value")).sendKeys("STUDENT");
    click(t, "add-audience");
    tw.until(ExpectedConditions.presenceOfElementLocated(By.id("audience-problems")));
    assertThat(t.findElement(By.id("audience-problems")).getText()).contains("不在你可以发送的范围内");
    new Select(t.findElement(By.id("audience-kind"))).selectByValue("CLASS");
    WebElement value = t.findElement(By.id("audience-value"));
    value.clear();
    value.sendKeys("2401000");
    click(t, "add-audience");
    tw.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".audience-line")));
    assertThat(t.findElement(By.id("audience-list")).getText()).contains("机械制造241班");
    teacher.screenshot("notices-compose");

    // Preview as a recipient: the script and the javascript: link are gone.
    click(t, "preview");
    tw.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-note")));
    String body =
        (String) t.executeScript("return document.getElementById('notice-body').innerHTML");
    assertThat(body).contains("<b>14:00</b>").doesNotContain("script", "javascript", "alert");
    teacher.screenshot("notices-preview");
    click(t, "edit-link");
    tw.until(ExpectedConditions.presenceOfElementLocated(By.id("send")));
    t.executeScript("window.confirm = function () { return true; };");
    click(t, "send");
    tw.until(ExpectedConditions.urlContains("/notices/results.xhtml"));
    int asked = (int) count("SELECT COUNT(*) FROM notice_recipient WHERE notice_id = ?", id);
    assertThat(asked).isGreaterThanOrEqualTo(40);
    assertThat(t.findElement(By.id("read-count")).getText()).isEqualTo("0/" + asked);
    assertThat(
            query(
                "SELECT body FROM wecom_outbox WHERE message_key = ?", "notices:" + id + ":sent:0"))
        .contains("textcard", TITLE, "/notices/view.xhtml?id=" + id);

    // 田芬 reads and confirms; 潘浩 reads only.
    // An important notice stays on top of her workbench home until she has read it.
    ChromeDriver s = signIn(student, "/", "20240100001");
    WebDriverWait sw = Browser.waitFor(s, Duration.ofSeconds(30));
    sw.until(ExpectedConditions.presenceOfElementLocated(By.id("pinned")));
    assertThat(s.findElement(By.id("pinned")).getText()).contains("重要通知", TITLE);
    student.screenshot("notices-home-pinned");
    s.findElement(By.cssSelector("#pinned a[href$='/notices/view.xhtml?id=" + id + "']")).click();
    sw.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
    assertThat(s.findElement(By.id("notice-title")).getText()).contains(TITLE);
    student.screenshot("notices-read");
    click(s, "confirm");
    sw.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmed")));
    student.screenshot("notices-confirmed");
    s.get(app + "/");
    sw.until(ExpectedConditions.presenceOfElementLocated(By.id("hello")));
    assertThat(
            s.findElements(By.cssSelector("#pinned a[href$='/notices/view.xhtml?id=" + id + "']")))
        .isEmpty();
    s = signIn(student, "/notices/view.xhtml?id=" + id, "20240100002");
    Browser.waitFor(s, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));

    // A student of another class: 403 and one sentence.
    s = signIn(student, "/notices/view.xhtml?id=" + id, "20250100041");
    Browser.waitFor(s, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("refused")));
    assertThat(s.findElement(By.id("refused")).getText()).isEqualTo("你不是这条通知的接收人，无法查看。");
    assertThat(s.findElements(By.id("notice-title"))).isEmpty();

    // The counsellor sees 2/N read, 1/N confirmed; the unread list leads with neither reader.
    t.get(app + "/notices/results.xhtml?id=" + id);
    assertThat(t.findElement(By.id("read-count")).getText()).isEqualTo("2/" + asked);
    assertThat(t.findElement(By.id("confirmed-count")).getText()).isEqualTo("1/" + asked);
    assertThat(t.findElements(By.cssSelector("#unread li[data-account='20240100001']"))).isEmpty();
    assertThat(t.findElements(By.cssSelector("#unread li[data-account='20240100003']"))).hasSize(1);
    t.executeScript("window.confirm = function () { return true; };");
    click(t, "remind");
    tw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已提醒"));
    teacher.screenshot("notices-results");
    // Twice within the hour: refused.
    t.executeScript("window.confirm = function () { return true; };");
    click(t, "remind");
    tw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "一小时内只能提醒一次"));

    // The stand-in received the reminder for exactly the unread.
    StandIn wecom = TestServers.standIn();
    String reminder = "请查看通知：" + TITLE;
    long deadline = System.currentTimeMillis() + 60_000;
    while (received(wecom, "20240100003", reminder) == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
    }
    assertThat(received(wecom, "20240100003", reminder)).isEqualTo(1);
    assertThat(received(wecom, "20240100001", reminder)).isZero();
    assertThat(received(wecom, "20240100002", reminder)).isZero();
    assertThat(received(wecom, "20240100001", TITLE)).isEqualTo(1);

    // Recall: the students see 已撤回.
    t.executeScript("window.confirm = function () { return true; };");
    click(t, "recall");
    tw.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已撤回"));
    s = signIn(student, "/notices/view.xhtml?id=" + id, "20240100002");
    Browser.waitFor(s, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("recalled")));
    assertThat(s.findElement(By.id("recalled")).getText()).isEqualTo("已撤回");
    assertThat(s.findElements(By.id("notice-body"))).isEmpty();
    student.screenshot("notices-recalled");
  }

  @Test
  void aStudentCannotComposeOrSeeTheReadList() throws Exception {
    ChromeDriver s = signIn(student, "/notices/", "20240100001");
    assertThat(s.findElements(By.id("new-notice"))).isEmpty();
    s.get(app + "/notices/edit.xhtml?id=1");
    assertThat(s.getPageSource()).doesNotContain("id=\"send\"");
    s.get(app + "/notices/results.xhtml?id=1");
    assertThat(s.findElements(By.id("read-count"))).isEmpty();
  }

  @Test
  void aForgedPostNamingAnAudienceOutsideHerScopeIs403AndStoresNothing() throws Exception {
    String title = "伪造范围 " + (System.nanoTime() % 100000);
    E2eDb.exec(
        "INSERT INTO notice (title, body_html, body_source, status, owner_account, owner_name,"
            + " created_at, saved_at) VALUES (?, '', '', 'DRAFT', '10001', '毛敏', NOW(3), NOW(3))",
        title);
    long id = Long.parseLong(query("SELECT MAX(id) FROM notice WHERE title = ?", title));
    WebSession t = WeComStandInScreen.signedIn(app + "/notices/", "10001");
    String edit = app + "/notices/edit.xhtml?id=" + id;
    // The picker never offers another department's class (计算机应用241班) or the role of all
    // students to her; hand-made posts name them, beside a chip of her own.
    for (String forged : List.of("CLASS:2402003", "ROLE:STUDENT")) {
      HttpResponse<String> r =
          t.postMultipart(
              edit,
              pickerForm(t.get(edit)),
              List.of(
                  Map.entry("audience-picker_hinput", "CLASS:2401000"),
                  Map.entry("audience-picker_hinput", forged)));
      assertThat(r.statusCode()).as(forged).isEqualTo(403);
      Matcher refused = REFUSED.matcher(r.body());
      assertThat(refused.find()).isTrue();
      assertThat(refused.group(1).strip()).isEqualTo("这个发送范围不在你可以发送的范围内，未作任何更改。");
      assertThat(r.body()).doesNotContain("id=\"audience-list\"");
      assertThat(count("SELECT COUNT(*) FROM notice_audience WHERE notice_id = ?", id))
          .as("nothing stored, not even her own class")
          .isZero();
    }
    // The same post with only her own class is stored.
    HttpResponse<String> r =
        t.postMultipart(
            edit,
            pickerForm(t.get(edit)),
            List.of(Map.entry("audience-picker_hinput", "CLASS:2401000")));
    assertThat(r.statusCode()).isIn(200, 302, 303);
    assertThat(count("SELECT COUNT(*) FROM notice_audience WHERE notice_id = ?", id)).isEqualTo(1);

    // Someone who is not a recipient opening it: 403 and one sentence.
    WebSession outsider = WeComStandInScreen.signedIn(app + "/notices/", "20250100041");
    HttpResponse<String> view = outsider.get(app + "/notices/view.xhtml?id=" + id);
    assertThat(view.statusCode()).isEqualTo(403);
    Matcher refused = REFUSED.matcher(view.body());
    assertThat(refused.find()).isTrue();
    assertThat(refused.group(1).strip()).isEqualTo("你不是这条通知的接收人，无法查看。");
    assertThat(view.body()).doesNotContain("notice-title", title);
  }

  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
  private static final Pattern REFUSED = Pattern.compile("id=\"refused\">([^<]+)<");

  private static Map<String, String> pickerForm(HttpResponse<String> page) {
    Matcher vs = VIEW_STATE.matcher(page.body());
    assertThat(vs.find()).isTrue();
    Map<String, String> f = new LinkedHashMap<>();
    f.put("edit", "edit");
    f.put("add-picked", "add-picked");
    f.put("jakarta.faces.ViewState", vs.group(1).replace("&#58;", ":").replace("&amp;", "&"));
    return f;
  }

  private static long received(StandIn wecom, String touser, String text) {
    return wecom.messagesTo(touser).stream().filter(m -> m.body().contains(text)).count();
  }

  private static void click(ChromeDriver d, String id) {
    Browser.click(d, id);
  }

  private static void setValue(ChromeDriver d, String id, String value) {
    Browser.setValue(d, id, value);
  }

  private static ChromeDriver signIn(Browser b, String path, String account) {
    return b.signInThroughWeCom(app + path, account);
  }
}
