package cn.edu.ntvu.workbench.portal.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.E2eDb;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The workbench search (issue 21) in Chromium at 360×640 with WeCom's user agent: {@code qj} shows
 * 学生请假 as one types and a tap opens it; one's own form, leave request and course are found by their
 * titles; another student's form, leave request and class tile never are, not even by a forged
 * request; bad queries answer 200 with nothing found; the home page with results passes axe-core,
 * at 200 % text size and in dark mode (screenshots in target/screenshots/search-*.png).
 */
class WorkbenchSearchIT {
  @RegisterExtension static Browser phone = Browser.weCom().windowSize(360, 640).language("zh-CN");

  /** 田芬 (TestUsers.STUDENT) is in class 2401000; 蒋娜俊 is in 2501001 (demo people.csv). */
  private static final String OTHER_STUDENT = "20250100041";

  private static final String RUN =
      Integer.toString(ThreadLocalRandom.current().nextInt(100000, 999999));
  private static final String MY_FORM = "体检信息确认" + RUN;
  private static final String OTHERS_FORM = "宿舍报修登记" + RUN;
  private static final String MY_LEAVE = "复诊" + RUN;
  private static final String OTHERS_LEAVE = "探亲" + RUN;
  private static final String OTHERS_TILE = "班级活动" + RUN;
  private static final String TOKEN = "search-it-" + RUN;
  private static final String KEYWORD_TILE = "校车" + RUN;

  private static String app;
  private static long myForm;

  @BeforeAll
  static void data() throws Exception {
    app = TestServers.appUrl();
    myForm = form(MY_FORM, TestUsers.STUDENT.account());
    form(OTHERS_FORM, OTHER_STUDENT);
    leave(TestUsers.STUDENT.account(), "田芬", "2401000", MY_LEAVE, "1");
    leave(OTHER_STUDENT, "蒋娜俊", "2501001", OTHERS_LEAVE, "2");
    exec(
        "INSERT INTO workbench_tile (scene, position, name, description, icon, kind, target, enabled,"
            + " visible_everyone, visible_roles, visible_kinds, visible_departments, visible_classes,"
            + " visible_people, keywords, updated_by)"
            + " VALUES ('LIFE', 900, ?, '只给 2501001', 'people', 'INTERNAL', ?, TRUE, FALSE, '', '', '',"
            + " '2501001', '', ?, 'search-it')",
        OTHERS_TILE,
        "/searchit" + RUN + "/",
        "秘密" + RUN);
    exec("UPDATE workbench_config SET tiles_version = tiles_version + 1 WHERE id = 1");
  }

  @AfterAll
  static void cleanUp() throws Exception {
    exec("DELETE FROM leave_request WHERE submit_token LIKE ?", TOKEN + "%");
    exec("DELETE FROM form WHERE title IN (?, ?)", MY_FORM, OTHERS_FORM);
    exec("DELETE FROM workbench_tile WHERE name IN (?, ?)", OTHERS_TILE, KEYWORD_TILE);
    exec("UPDATE workbench_config SET tiles_version = tiles_version + 1 WHERE id = 1");
  }

  private static long form(String title, String account) throws Exception {
    exec(
        "INSERT INTO form (title, status, owner_account, owner_name, deadline, anonymous, created_at,"
            + " published_at) VALUES (?, 'PUBLISHED', ?, '毛敏', NULL, FALSE, NOW(3), NOW(3))",
        title,
        TestUsers.COUNSELLOR.account());
    long id = Long.parseLong(E2eDb.query("SELECT MAX(id) FROM form WHERE title = ?", title));
    exec(
        "INSERT INTO form_question (form_id, position, type, title) VALUES (?, 1, 'TEXT', '备注')",
        id);
    exec(
        "INSERT INTO form_recipient (form_id, account, name, unit_name)"
            + " SELECT ?, account, name, '班' FROM person WHERE account = ?",
        id,
        account);
    return id;
  }

  private static void leave(String account, String name, String classCode, String reason, String n)
      throws Exception {
    exec(
        "INSERT INTO leave_request (student_account, student_name, class_code, type_code, starts_at,"
            + " ends_at, duration_minutes, duration_days, reason, off_campus, status, current_step,"
            + " step_count, submit_token, submitted_at, closed_at)"
            + " VALUES (?, ?, ?, 'SICK', '2026-11-30 08:00:00', '2026-11-30 12:00:00',"
            + " 240, 0.5, ?, FALSE, 'APPROVED', 1, 1, ?, '2026-11-24 20:00:00',"
            + " '2026-11-24 21:00:00')",
        account,
        name,
        classCode,
        reason,
        TOKEN + n);
  }

  private static String results(WebSession web, String q) {
    HttpResponse<String> r =
        web.get(app + "/search?part=results&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as("GET /search?q=" + q).isEqualTo(200);
    return r.body();
  }

  @Test
  void typingPinyinShowsTheTileAndATapOpensIt() {
    ChromeDriver d = phone.signInThroughWeCom(app + "/", TestUsers.STUDENT.account());
    WebElement box = d.findElement(By.id("search-q"));
    assertThat(d.findElement(By.cssSelector("label[for='search-q']")).getText()).isNotBlank();
    box.sendKeys("qj");
    WebElement hit =
        Browser.waitFor(d, Duration.ofSeconds(10))
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.xpath(
                        "//div[@id='search-results']//a[@data-search-item='tile'][.//span[text()='学生请假']]")));
    assertThat(d.getCurrentUrl()).as("no page load").isEqualTo(app + "/");
    Browser.waitFor(d, Duration.ofSeconds(5))
        .until(x -> !d.findElement(By.id("search-status")).getAttribute("textContent").isBlank());
    assertThat(d.findElement(By.id("search-status")).getAttribute("textContent")).startsWith("找到");
    phone.screenshot("search-qj-360");

    // Keyboard: ↓ from the box goes to the first result, ↑ back to the box.
    box.sendKeys(Keys.ARROW_DOWN);
    WebElement focused = d.switchTo().activeElement();
    assertThat(focused.getAttribute("data-search-item")).isEqualTo("tile");
    focused.sendKeys(Keys.ARROW_UP);
    assertThat(d.switchTo().activeElement().getAttribute("id")).isEqualTo("search-q");

    hit.click();
    Browser.waitFor(d, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/leave/"));
    phone.screenshot("search-qj-opened");
  }

  @Test
  void anAdminsKeywordsFindTheTile() {
    ChromeDriver d =
        phone.signInThroughWeCom(app + "/admin/workbench/tiles.xhtml", TestUsers.ADMIN.account());
    Browser.click(d, "new-tile");
    Browser.waitFor(d, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("keywords")));
    d.findElement(By.id("name")).sendKeys(KEYWORD_TILE);
    d.findElement(By.id("target")).sendKeys("/bus" + RUN + "/");
    d.findElement(By.id("keywords")).sendKeys("班车 shuttle" + RUN);
    phone.screenshot("search-admin-keywords");
    Browser.click(d, "save");
    Browser.waitFor(d, Duration.ofSeconds(30))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-tile='" + KEYWORD_TILE + "']")));
    WebSession student = WeComStandInScreen.signedIn(app + "/", TestUsers.STUDENT.account());
    assertThat(results(student, "shuttle" + RUN)).contains(KEYWORD_TILE);
    assertThat(results(student, "班车")).contains(KEYWORD_TILE);
  }

  @Test
  void myOwnThingsAreFoundOthersNever() {
    ChromeDriver d = phone.signInThroughWeCom(app + "/", TestUsers.STUDENT.account());
    d.findElement(By.id("search-q")).sendKeys(MY_FORM);
    WebElement found =
        Browser.waitFor(d, Duration.ofSeconds(10))
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(
                        "#search-results a[href$='/forms/fill.xhtml?id=" + myForm + "']")));
    assertThat(found.getText()).contains(MY_FORM).contains("待填写");
    assertThat(d.findElement(By.id("search-results")).getText()).contains("收集表");
    phone.screenshot("search-my-form");

    WebSession me = WeComStandInScreen.signedIn(app + "/", TestUsers.STUDENT.account());
    assertThat(results(me, MY_LEAVE)).contains("我的请假").contains("/leave/request.xhtml?id=");
    assertThat(results(me, "xsyzc"))
        .as("my course by pinyin initials")
        .contains("形势与政策")
        .contains("我的课程");
    assertThat(results(me, "xingshi")).as("by full pinyin").contains("形势与政策");
    // Another student's form, leave request and class tile: nothing, by title, reason or keyword.
    for (String q : List.of(OTHERS_FORM, OTHERS_LEAVE, OTHERS_TILE, "秘密" + RUN, RUN)) {
      String body = results(me, q);
      assertThat(body)
          .as(q)
          .doesNotContain(OTHERS_FORM)
          .doesNotContain(OTHERS_LEAVE)
          .doesNotContain(OTHERS_TILE)
          .doesNotContain("/searchit" + RUN);
    }
    assertThat(results(me, OTHERS_TILE)).contains("没有找到");
    // The other student finds their own: the searches above could have found them.
    WebSession other = WeComStandInScreen.signedIn(app + "/", OTHER_STUDENT);
    assertThat(results(other, OTHERS_FORM)).contains(OTHERS_FORM);
    assertThat(results(other, OTHERS_TILE)).contains(OTHERS_TILE);
    assertThat(results(other, "秘密" + RUN)).contains(OTHERS_TILE);
    assertThat(results(other, "bjhd")).contains(OTHERS_TILE);
  }

  @Test
  void badQueriesFindNothingAndNeverFail() {
    WebSession me = WeComStandInScreen.signedIn(app + "/", TestUsers.STUDENT.account());
    assertThat(results(me, "")).isEmpty();
    assertThat(results(me, "   ")).isEmpty();
    assertThat(results(me, "x".repeat(2000))).contains("没有找到");
    // Percent-encoded, 600 Chinese characters are 5.4 KB of address; beyond the container's 8 KB of
    // request header it answers 400 before the app (the box never sends more than 40).
    assertThat(results(me, "请".repeat(600))).contains("没有找到");
    String html = results(me, "<script>alert(1)</script><img src=x onerror=alert(2)>");
    assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
    assertThat(results(me, "' OR 1=1; DROP TABLE form; --")).contains("没有找到");
    assertThat(results(me, "%' UNION SELECT account FROM person -- ")).contains("没有找到");
    // The page without script: the query shown escaped in the box.
    HttpResponse<String> page =
        me.get(app + "/search?q=" + URLEncoder.encode("\"><b>x</b>qj", StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("value=\"&quot;&gt;&lt;b&gt;x&lt;/b&gt;qj\"")
        .doesNotContain("<b>x</b>");
    HttpResponse<String> plain = me.get(app + "/search?q=qj");
    assertThat(plain.body()).contains("学生请假").contains("id=\"search-q\"");
    // GET only: a POST changes nothing and is not served.
    assertThat(me.post(app + "/search", Map.of("q", "qj")).statusCode()).isIn(403, 405);
    // Signed out: the sign-in, not results.
    HttpResponse<String> anonymous = new WebSession().get(app + "/search?part=results&q=qj");
    assertThat(anonymous.body()).doesNotContain("学生请假");
  }

  @Test
  void accessibleAtTwiceTheTextSizeAndInDarkMode() throws Exception {
    ChromeDriver d = phone.signInThroughWeCom(app + "/", TestUsers.STUDENT.account());
    try {
      showResults(d, "kb");
      assertThat(d.findElement(By.id("search-results")).getText()).contains("查课表");
      assertThat(axe(d)).as("axe on the home page with results").isEmpty();

      // 200 % text: the root font size doubled; nothing wider than the 360 px screen.
      d.executeScript("document.documentElement.style.fontSize = '32px';");
      assertThat(overflow(d)).as("sideways overflow at 200 %").isEmpty();
      assertThat(
              ((Number)
                      d.executeScript(
                          "return parseFloat(getComputedStyle(document.querySelector('.wb-tile-name')).fontSize);"))
                  .doubleValue())
          .as("tile names follow the text size")
          .isGreaterThan(28);
      phone.screenshot("search-200-percent");
      fullPage(d, "search-200-percent-full");
      d.executeScript("document.documentElement.style.fontSize = '';");

      // Dark mode, as WeCom follows the phone's setting.
      d.executeCdpCommand(
          "Emulation.setEmulatedMedia",
          Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
      d.navigate().refresh();
      showResults(d, "qj");
      String bg =
          (String) d.executeScript("return getComputedStyle(document.body).backgroundColor;");
      assertThat(bg).as("dark background").isEqualTo("rgb(18, 20, 23)");
      assertThat(axe(d)).as("axe in dark mode").isEmpty();
      phone.screenshot("search-dark");
      fullPage(d, "search-dark-full");

      d.get(app + "/search?q=qj");
      assertThat(axe(d)).as("axe on the search page").isEmpty();
      phone.screenshot("search-page-dark");
    } finally {
      d.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }
  }

  private static void showResults(ChromeDriver d, String q) {
    WebElement box = d.findElement(By.id("search-q"));
    box.clear();
    box.sendKeys(q);
    Browser.waitFor(d, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#search-results a[data-search-item]")));
  }

  @SuppressWarnings("unchecked")
  private static List<String> overflow(ChromeDriver d) {
    return (List<String>)
        d.executeScript(
            "var w = document.documentElement.clientWidth, out = [];"
                + "if (document.documentElement.scrollWidth > w) out.push('page ' + document.documentElement.scrollWidth);"
                + "document.querySelectorAll('main *, header *').forEach(function (e) {"
                + "  var r = e.getBoundingClientRect();"
                + "  if (r.width > 0 && (r.right > w + 1 || r.left < -1)) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));"
                + "});"
                + "return out.slice(0, 10);");
  }

  private static List<String> axe(ChromeDriver d) throws IOException {
    d.executeScript(resource("/axe/axe-4.14.1.min.js") + "\n;window.__axe = axe;");
    @SuppressWarnings("unchecked")
    List<String> problems =
        (List<String>)
            d.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "window.__axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                    + "  done(r.violations.filter(function (v) {"
                    + "    return v.impact === 'serious' || v.impact === 'critical'; })"
                    + "  .map(function (v) { return v.impact + ': ' + v.id + ': '"
                    + "    + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(', ');"
                    + "  }));"
                    + "}, function (err) { done(['axe failed: ' + err]); });");
    return problems;
  }

  /** The whole page as PNG (up to 4,000 px tall). */
  private static void fullPage(ChromeDriver d, String name) throws IOException {
    Number height =
        (Number) d.executeScript("return Math.min(4000, document.documentElement.scrollHeight);");
    Number width = (Number) d.executeScript("return document.documentElement.clientWidth;");
    Map<String, Object> shot =
        d.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.write(
        dir.resolve(name + ".png"),
        java.util.Base64.getDecoder().decode((String) shot.get("data")));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = WorkbenchSearchIT.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
