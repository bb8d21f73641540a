package cn.edu.ntvu.workbench.portal.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 21, 常用 and 最近使用, in Chromium at 360×640 with WeCom's user agent: a student pins two tiles,
 * reorders them with the buttons (mouse and keyboard, focus kept on the moved tile) and by
 * dragging, the order survives a reload, a tile opened from the home page shows under 最近使用; axe
 * finds nothing serious on the home page with the new section (editing and not). Forged posts: no
 * token, another session's token, a tile the person does not see, another person's account named in
 * the post, a hundred pins — refused or limited, and only the signed-in person's own row is ever
 * written. An admin sets a default for students (at 360 and 1366 px), a new student sees it, her
 * own change starts from it and then overrides it, and the change is in the audit log.
 */
class FavouritesIT {
  @RegisterExtension
  static Browser browser = Browser.weCom().windowSize(360, 640).language("zh-CN");

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  /** A demo student of the 2026 cohort (20260100081–120), a new one per attempt. */
  private static String student(int from, int to) {
    return "20260100" + String.format("%03d", ThreadLocalRandom.current().nextInt(from, to + 1));
  }

  private static Connection db() throws SQLException {
    return TestServers.database().appConnection(TestServers.E2E_SCHEMA);
  }

  private static long tileId(String name) throws SQLException {
    try (Connection c = db();
        PreparedStatement ps =
            c.prepareStatement("SELECT MIN(id) FROM workbench_tile WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The person's stored row; null when they have none. */
  private static String storedRow(String account) throws SQLException {
    try (Connection c = db();
        PreparedStatement ps =
            c.prepareStatement("SELECT tile_ids FROM workbench_favourite WHERE account = ?")) {
      ps.setString(1, account);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static void bumpTiles(Statement s) throws SQLException {
    s.executeUpdate("UPDATE workbench_config SET tiles_version = tiles_version + 1 WHERE id = 1");
  }

  private static WebDriverWait waitOn(ChromeDriver d) {
    return Browser.waitFor(d, Duration.ofSeconds(30));
  }

  private static List<String> row(ChromeDriver d) {
    List<String> out = new ArrayList<>();
    for (WebElement li : d.findElements(By.cssSelector("#fav-row .wb-fav-item"))) {
      out.add(li.getAttribute("data-id"));
    }
    return out;
  }

  private static void waitForRow(ChromeDriver d, String... ids) {
    waitOn(d).until(x -> row(d).equals(List.of(ids)));
  }

  private static WebElement in(ChromeDriver d, String id, String css) {
    WebElement e =
        d.findElement(By.cssSelector("#fav-row .wb-fav-item[data-id='" + id + "'] " + css));
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
    return e;
  }

  private static String token(String homeHtml) {
    Matcher m = Pattern.compile("data-token=\"([^\"]+)\"").matcher(homeHtml);
    assertThat(m.find()).as("the home page carries the session's token").isTrue();
    return m.group(1);
  }

  private static HttpResponse<String> post(WebSession web, Map<String, String> form) {
    return web.post(app + "/portal/favourites", form);
  }

  private static Map<String, String> form(String... kv) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put(kv[i], kv[i + 1]);
    }
    return out;
  }

  @Test
  void aStudentPinsReordersByButtonsKeysAndDragKeepsItAndSeesWhatSheOpened() throws Exception {
    String a = Long.toString(tileId("查课表"));
    String b = Long.toString(tileId("学生请假"));
    String opened = Long.toString(tileId("订阅到手机日历"));
    ChromeDriver d = browser.signInThroughWeCom(app + "/", student(81, 95));
    waitOn(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("fav-edit")));
    assertThat(d.findElement(By.id("fav-empty")).isDisplayed()).isTrue();
    assertThat(axe(d)).as("axe on the home page").isEmpty();
    browser.screenshot("favourites-1-home");

    Browser.click(d, "fav-edit");
    assertThat(d.findElement(By.id("fav-edit")).getAttribute("aria-pressed")).isEqualTo("true");
    WebElement starA = d.findElement(By.cssSelector(".wb-fav-star[data-id='" + a + "']"));
    assertThat(starA.getSize().getWidth()).isGreaterThanOrEqualTo(44);
    assertThat(starA.getSize().getHeight()).isGreaterThanOrEqualTo(44);
    assertThat(starA.getAttribute("aria-label")).isEqualTo("加入常用：查课表");
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", starA);
    starA.click();
    waitForRow(d, a);
    WebElement starB = d.findElement(By.cssSelector(".wb-fav-star[data-id='" + b + "']"));
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", starB);
    starB.click();
    waitForRow(d, a, b);
    assertThat(starA.getAttribute("aria-pressed")).isEqualTo("true");
    assertThat(in(d, a, ".wb-fav-up").getAttribute("aria-label")).isEqualTo("上移：查课表");
    d.executeScript("window.scrollTo(0, 0);");
    browser.screenshot("favourites-2-editing");
    assertThat(axe(d)).as("axe on the home page while editing").isEmpty();

    // 下移 with a tap: 查课表 goes last, focus stays on it (its ↑, as ↓ has nowhere to go), announced.
    in(d, a, ".wb-fav-down").click();
    waitForRow(d, b, a);
    waitOn(d)
        .until(
            x ->
                "true"
                    .equals(
                        d.executeScript(
                            "return String(document.activeElement.closest('.wb-fav-item') !== null"
                                + " && document.activeElement.closest('.wb-fav-item')"
                                + ".getAttribute('data-id') === arguments[0]);",
                            a)));
    assertThat(d.findElement(By.id("fav-status")).getText()).isEqualTo("查课表 现在是第 2 个");
    // With the keyboard: Enter on the focused 上移 moves it back up.
    d.switchTo().activeElement().sendKeys(Keys.ENTER);
    waitForRow(d, a, b);
    in(d, a, ".wb-fav-down").click();
    waitForRow(d, b, a);

    // Drag 查课表 by its handle above 学生请假 (pointer events, as a finger does).
    WebElement handle = in(d, a, ".wb-fav-handle");
    WebElement target = d.findElement(By.cssSelector("#fav-row .wb-fav-item[data-id='" + b + "']"));
    int up = target.getSize().getHeight() / 2 - 4;
    new Actions(d)
        .clickAndHold(handle)
        .pause(Duration.ofMillis(100))
        .moveToElement(target, 0, -up / 2)
        .pause(Duration.ofMillis(100))
        .moveToElement(target, 0, -up)
        .pause(Duration.ofMillis(100))
        .release()
        .perform();
    waitForRow(d, a, b);
    waitOn(d).until(ExpectedConditions.textToBe(By.id("fav-status"), "查课表 现在是第 1 个"));
    browser.screenshot("favourites-3-dragged");

    d.navigate().refresh();
    waitOn(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("fav-edit")));
    assertThat(row(d)).containsExactly(a, b);
    assertThat(d.findElements(By.id("recent"))).isEmpty();

    // A tile opened from the home page is the first of 最近使用.
    Browser.click(d, "tile-" + opened);
    waitOn(d).until(ExpectedConditions.urlContains("/timetable/calendar.xhtml"));
    d.get(app + "/");
    waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.id("recent")));
    assertThat(d.findElements(By.cssSelector("#recent a.wb-tile")))
        .extracting(e -> e.getAttribute("id"))
        .containsExactly("recent-tile-" + opened);
    // A page of the app reached otherwise (its address typed, no home page before it): not a tile
    // open.
    d.get(app + "/timetable/");
    d.get(app + "/");
    assertThat(d.findElements(By.cssSelector("#recent a.wb-tile"))).hasSize(1);
    assertThat(row(d)).containsExactly(a, b);
    browser.screenshot("favourites-4-recent");
    assertThat(axe(d)).as("axe on the home page with 常用 and 最近使用").isEmpty();
  }

  @Test
  void forgedAndExcessivePostsChangeNothingButTheSignedInPersonsOwnRow() throws Exception {
    String me = student(96, 110);
    String other = TestUsers.STUDENT.account();
    String invisible = Long.toString(tileId("工作台管理"));
    List<Long> mine = new ArrayList<>();
    try (Connection c = db();
        Statement s = c.createStatement()) {
      for (int i = 1; i <= 13; i++) {
        s.executeUpdate(
            "INSERT INTO workbench_tile (scene, position, name, description, icon, kind, target,"
                + " enabled, visible_everyone, visible_departments, visible_classes, visible_people,"
                + " updated_by) VALUES ('LIFE', "
                + (900 + i)
                + ", '常用测试"
                + me.substring(9)
                + "-"
                + i
                + "', NULL, 'link', 'EXTERNAL', 'https://example.edu.cn/"
                + i
                + "', TRUE, FALSE, '', '', '"
                + me
                + "', 'it')",
            Statement.RETURN_GENERATED_KEYS);
        try (ResultSet keys = s.getGeneratedKeys()) {
          keys.next();
          mine.add(keys.getLong(1));
        }
      }
      bumpTiles(s);
    }
    // The tiles stamp is reused for a second (the tiles were changed behind the server's back, as
    // another server would): without this wait the new tiles may not be visible yet, and the pin
    // of a tile she does see below is refused as one she does not (seen as a flake).
    Thread.sleep(1100);
    try {
      WebSession web = WeComStandInScreen.signedIn(app + "/", me);
      String token = token(web.get(app + "/").body());
      WebSession otherWeb = WeComStandInScreen.signedIn(app + "/", other);
      String otherToken = token(otherWeb.get(app + "/").body());
      String first = mine.get(0).toString();

      // No token, another session's token: 400 with one Chinese sentence, nothing stored.
      HttpResponse<String> noToken = post(web, form("action", "pin", "tile", first));
      assertThat(noToken.statusCode()).isEqualTo(400);
      assertThat(noToken.body()).contains("页面已过期");
      assertThat(post(web, form("action", "pin", "tile", first, "token", otherToken)).statusCode())
          .isEqualTo(400);
      // A tile she does not see (the admins' 工作台管理): 403, nothing stored.
      HttpResponse<String> hidden =
          post(web, form("action", "pin", "tile", invisible, "token", token));
      assertThat(hidden.statusCode()).isEqualTo(403);
      assertThat(hidden.body()).contains("你看不到这个应用");
      assertThat(post(web, form("action", "pin", "tile", "abc", "token", token)).statusCode())
          .isEqualTo(400);
      assertThat(storedRow(me)).isNull();
      // Naming another person changes nothing of theirs: the row is always the signed-in one's.
      HttpResponse<String> named =
          post(web, form("action", "pin", "tile", first, "token", token, "account", other));
      assertThat(named.statusCode()).isEqualTo(200);
      assertThat(storedRow(me)).isEqualTo(first);
      assertThat(storedRow(other)).isNull();
      // GET is not a way in; nobody signed in is sent to sign in.
      assertThat(web.get(app + "/portal/favourites").statusCode()).isEqualTo(405);
      assertThat(
              new WebSession()
                  .post(app + "/portal/favourites", form("action", "pin", "tile", first))
                  .statusCode())
          .isEqualTo(302);

      // A hundred pins: twelve kept, every one after refused with the limit, nothing changed.
      int refused = 0;
      String limitMessage = null;
      for (int i = 0; i < 100; i++) {
        String id = mine.get(i % mine.size()).toString();
        if (i >= mine.size()) {
          id = Long.toString(mine.get(mine.size() - 1) + 1000 + i); // not a tile at all
        }
        HttpResponse<String> r = post(web, form("action", "pin", "tile", id, "token", token));
        if (r.statusCode() == 400) {
          refused++;
          limitMessage = r.body();
        } else if (r.statusCode() == 403) {
          refused++;
        }
      }
      assertThat(storedRow(me).split(",")).hasSize(12);
      assertThat(refused).isEqualTo(88);
      HttpResponse<String> thirteenth =
          post(web, form("action", "pin", "tile", mine.get(12).toString(), "token", token));
      assertThat(thirteenth.statusCode()).isEqualTo(400);
      assertThat(thirteenth.body()).contains("常用最多 12 个应用，没有加入");
      assertThat(limitMessage).isNotNull();
      String twelve = storedRow(me);
      // An order naming a tile not in the row is refused (the page was out of date).
      assertThat(
              post(
                      web,
                      form(
                          "action",
                          "order",
                          "ids",
                          twelve.replace(first, mine.get(12).toString()),
                          "token",
                          token))
                  .statusCode())
          .isEqualTo(400);
      assertThat(storedRow(me)).isEqualTo(twelve);

      // A pinned tile she no longer sees leaves her row silently.
      try (Connection c = db();
          Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE workbench_tile SET enabled = FALSE WHERE id = " + first);
        bumpTiles(s);
      }
      Thread.sleep(1100); // the tiles stamp is reused for a second
      String home = web.get(app + "/").body();
      assertThat(home).doesNotContain("id=\"fav-tile-" + first + "\"");
      assertThat(home).contains("id=\"fav-tile-" + mine.get(1) + "\"");
      assertThat(storedRow(other)).isNull();
    } finally {
      try (Connection c = db();
          Statement s = c.createStatement()) {
        s.executeUpdate(
            "DELETE FROM workbench_tile WHERE updated_by = 'it' AND target LIKE 'https://example.edu.cn/%'");
        bumpTiles(s);
      }
    }
  }

  @Test
  void anAdminsDefaultForStudentsIsWhatANewStudentSeesUntilSheChangesHerOwn() throws Exception {
    String forms = Long.toString(tileId("收集表"));
    String notices = Long.toString(tileId("通知"));
    String newStudent = student(111, 120);
    ChromeDriver d =
        browser.signInThroughWeCom(
            app + "/admin/workbench/favourites.xhtml", TestUsers.ADMIN.account());
    try {
      waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.id("add-default")));
      assertThat(new Select(d.findElement(By.id("audience"))).getFirstSelectedOption().getText())
          .isEqualTo("学生");
      new Select(d.findElement(By.id("tile-to-add"))).selectByValue(forms);
      Browser.click(d, "add-default");
      waitOn(d)
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector(".wb-fav-default[data-tile='收集表']")));
      d.executeScript("document.getElementById('fav-defaults').scrollIntoView({block: 'start'});");
      browser.screenshot("favourites-admin-360");
      d.manage().window().setSize(new Dimension(1366, 768));
      browser.screenshot("favourites-admin-1366");
      d.manage().window().setSize(new Dimension(360, 640));
      try (Connection c = db();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT COUNT(*) FROM audit_entry WHERE action = 'TILE_FAVOURITE_DEFAULT'"
                      + " AND object_id = 'KIND:STUDENT' AND after_values LIKE '%收集表%'")) {
        rs.next();
        assertThat(rs.getInt(1)).as("audited").isPositive();
      }

      WebSession web = WeComStandInScreen.signedIn(app + "/", newStudent);
      String home = web.get(app + "/").body();
      assertThat(home).contains("id=\"fav-tile-" + forms + "\"");
      // Staff see no students' default.
      assertThat(
              WeComStandInScreen.signedIn(app + "/", TestUsers.TEACHER.account())
                  .get(app + "/")
                  .body())
          .doesNotContain("id=\"fav-tile-" + forms + "\"");
      // A student may not change the defaults.
      assertThat(
              web.post(
                      app + "/admin/workbench/favourites.xhtml",
                      form(
                          "fav-defaults",
                          "fav-defaults",
                          "add-default",
                          "x",
                          "jakarta.faces.ViewState",
                          "stateless"))
                  .statusCode())
          .isEqualTo(403);
      // Her own first change starts from the default, and from then on hers applies.
      String token = token(home);
      assertThat(post(web, form("action", "pin", "tile", notices, "token", token)).statusCode())
          .isEqualTo(200);
      assertThat(storedRow(newStudent)).isEqualTo(forms + "," + notices);
      assertThat(post(web, form("action", "unpin", "tile", forms, "token", token)).statusCode())
          .isEqualTo(200);
      assertThat(web.get(app + "/").body())
          .doesNotContain("id=\"fav-tile-" + forms + "\"")
          .contains("id=\"fav-tile-" + notices + "\"");
    } finally {
      d.get(app + "/admin/workbench/favourites.xhtml");
      List<WebElement> remove =
          d.findElements(By.cssSelector(".wb-fav-default[data-tile='收集表'] .delete"));
      if (!remove.isEmpty()) {
        remove.get(0).click();
        waitOn(d)
            .until(
                ExpectedConditions.invisibilityOfElementLocated(
                    By.cssSelector(".wb-fav-default[data-tile='收集表']")));
      }
    }
    assertThat(d.findElement(By.id("fav-defaults-empty")).getText()).contains("还没有默认常用");
  }

  // — axe-core, as PageCheckIT runs it (injected by WebDriver, so the page's CSP is not involved) —

  private static String axeSource;

  @SuppressWarnings("unchecked")
  private static List<String> axe(ChromeDriver d) throws IOException {
    if (axeSource == null) {
      try (InputStream in = FavouritesIT.class.getResourceAsStream("/axe/axe-4.14.1.min.js")) {
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    d.executeScript(axeSource + "\n;window.__axe = axe;");
    return (List<String>)
        d.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "window.__axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) {"
                + "    return v.impact === 'serious' || v.impact === 'critical'; })"
                + "  .map(function (v) { return 'axe ' + v.impact + ': ' + v.id + ': '"
                + "    + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(', ');"
                + "  }));"
                + "}, function (err) { done(['axe failed: ' + err]); });");
  }
}
