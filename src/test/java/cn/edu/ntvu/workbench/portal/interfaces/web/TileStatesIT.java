package cn.edu.ntvu.workbench.portal.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.E2eDb;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tile states, banners and launch figures (issue 21), in Chromium: an admin at 1366×768 puts a tile
 * in maintenance (a window ending before it starts is refused beside the field, everything typed
 * kept) and publishes a banner for students; on the phone (360×640, WeCom) the student sees the
 * tile's 维护中 and, tapping it or opening its page directly, the message and the expected end; the 新
 * dot goes after the first open; the banner shows to the student (and stays closed once closed) and
 * not to a teacher; a tile outside its dates is neither shown nor openable. Opens are counted: the
 * figures page shows them with its chart, and the CSV has the counts. Non-admins' forged posts
 * change nothing.
 */
class TileStatesIT {
  @RegisterExtension static Browser phone = Browser.weCom().windowSize(360, 640);
  @RegisterExtension static Browser desk = Browser.weCom().windowSize(1366, 768);

  private static final String RUN =
      Integer.toString(ThreadLocalRandom.current().nextInt(100000, 999999));
  private static final String STUDENT = TestUsers.STUDENT.account();
  private static String app;
  private static long maintained;
  private static long fresh;
  private static long counted;
  private static long expired;

  @BeforeAll
  static void tiles() throws Exception {
    app = TestServers.appUrl();
    maintained = tile("维护" + RUN, "INTERNAL", "/account/", STUDENT);
    fresh = tile("新应用" + RUN, "INTERNAL", "/timetable/", STUDENT);
    counted = tile("计数" + RUN, "EXTERNAL", "https://example.edu/c" + RUN, null);
    expired = tile("过期" + RUN, "EXTERNAL", "https://example.edu/e" + RUN, null);
    E2eDb.exec(
        "INSERT INTO workbench_tile_state (tile_id, new_since) VALUES (?, NOW() - INTERVAL 1 DAY)",
        fresh);
    E2eDb.exec(
        "INSERT INTO workbench_tile_state (tile_id, visible_until) VALUES (?, '2000-01-01')",
        expired);
    bump();
  }

  @AfterAll
  static void removeTiles() throws Exception {
    E2eDb.exec("DELETE FROM workbench_tile WHERE name LIKE ?", "%" + RUN);
    E2eDb.exec("DELETE FROM workbench_banner WHERE message LIKE ?", "%" + RUN + "%");
    bump();
  }

  private static long tile(String name, String kind, String target, String person)
      throws Exception {
    E2eDb.exec(
        "INSERT INTO workbench_tile (scene, position, name, icon, kind, target, enabled,"
            + " visible_everyone, visible_departments, visible_classes, visible_people, updated_by)"
            + " VALUES ('LIFE', 900, ?, 'calendar', ?, ?, TRUE, ?, '', '', ?, 'it')",
        name,
        kind,
        target,
        person == null,
        person == null ? "" : person);
    return Long.parseLong(E2eDb.query("SELECT id FROM workbench_tile WHERE name = ?", name));
  }

  private static void bump() throws Exception {
    E2eDb.exec("UPDATE workbench_config SET tiles_version = tiles_version + 1 WHERE id = 1");
    Thread.sleep(1300); // each server reads the tiles version at most once a second
  }

  private static WebDriverWait waitOn(ChromeDriver d) {
    return Browser.waitFor(d, Duration.ofSeconds(30));
  }

  @Test
  void statesBannersAndFigures() throws Exception {
    // — the admin puts a tile in maintenance; a window that ends before it starts is refused —
    ChromeDriver a = desk.signInThroughWeCom(app + "/admin/workbench/tiles.xhtml", "10857");
    waitOn(a).until(ExpectedConditions.presenceOfElementLocated(By.id("new-tile")));
    a.findElement(By.cssSelector(".wb-tile-admin[data-tile='维护" + RUN + "'] .edit")).click();
    waitOn(a).until(ExpectedConditions.presenceOfElementLocated(By.id("maintenance")));
    Browser.click(a, "maintenance");
    a.findElement(By.id("maintenance-message")).sendKeys("系统升级" + RUN);
    Browser.setValue(a, "maintenance-from", "2099-01-02T08:00");
    Browser.setValue(a, "maintenance-until", "2099-01-01T08:00");
    Browser.click(a, "save");
    waitOn(a)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("tile-state"), "预计结束时间必须晚于维护开始时间"));
    assertThat(a.findElement(By.id("maintenance-message")).getAttribute("value"))
        .isEqualTo("系统升级" + RUN);
    assertThat(a.findElement(By.id("maintenance-until")).getAttribute("value"))
        .isEqualTo("2099-01-01T08:00");
    assertThat(a.findElement(By.id("maintenance")).isSelected()).isTrue();
    a.executeScript(
        "document.getElementById('maintenance-until').scrollIntoView({block: 'center'});");
    desk.screenshot("tile-states-admin-window-refused");
    assertThat(
            E2eDb.count("SELECT COUNT(*) FROM workbench_tile_state WHERE tile_id = ?", maintained))
        .isZero();
    Browser.setValue(a, "maintenance-from", "");
    Browser.click(a, "save");
    waitOn(a).until(ExpectedConditions.presenceOfElementLocated(By.id("new-tile")));
    assertThat(a.findElement(By.cssSelector(".wb-tile-admin[data-tile='维护" + RUN + "']")).getText())
        .contains("维护中");
    assertThat(
            E2eDb.query(
                "SELECT maintenance_until FROM workbench_tile_state WHERE tile_id = ?", maintained))
        .startsWith("2099-01-01 08:00");
    assertThat(
            E2eDb.count(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'TILE_STATE' AND object_id = ?",
                "" + maintained))
        .isEqualTo(1);

    // — the admin publishes a banner for students; an end before the start is refused —
    a.get(app + "/admin/workbench/banners.xhtml");
    waitOn(a).until(ExpectedConditions.presenceOfElementLocated(By.id("publish")));
    a.findElement(By.id("banner-message")).sendKeys("今晚 22:00–23:00 系统维护 " + RUN);
    Browser.setValue(a, "banner-until", "2000-01-01T00:00");
    Browser.click(a, "banner-everyone");
    Browser.click(a, "banner-kinds:0"); // 学生
    Browser.click(a, "publish");
    waitOn(a)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("banner-form"), "结束时间必须晚于开始时间"));
    assertThat(a.findElement(By.id("banner-message")).getAttribute("value")).contains(RUN);
    desk.screenshot("tile-states-banner-refused");
    Browser.setValue(a, "banner-until", "2099-01-01T00:00");
    Browser.click(a, "publish");
    waitOn(a)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("banner-list"), "系统维护 " + RUN));
    desk.screenshot("tile-states-banner-published");
    assertThat(
            E2eDb.count(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'BANNER_PUBLISH' AND object_label LIKE ?",
                "%" + RUN + "%"))
        .isEqualTo(1);

    // — the student's home: the banner, 维护中, the 新 dot; the expired tile is not there —
    ChromeDriver s = phone.signInThroughWeCom(app + "/", STUDENT);
    waitOn(s).until(ExpectedConditions.presenceOfElementLocated(By.id("tile-" + maintained)));
    assertThat(s.findElement(By.id("banners")).getText()).contains("系统维护 " + RUN);
    assertThat(s.findElement(By.id("tile-" + maintained)).getText()).contains("维护中");
    assertThat(s.findElements(By.id("new-" + fresh))).hasSize(1);
    assertThat(s.findElements(By.id("tile-" + expired))).isEmpty();
    phone.screenshot("tile-states-student-home");
    s.executeScript(
        "document.getElementById('tile-" + maintained + "').scrollIntoView({block: 'center'});");
    phone.screenshot("tile-states-student-tiles");

    // tapping the tile in maintenance: the message and the expected end
    Browser.click(s, "tile-" + maintained);
    waitOn(s).until(ExpectedConditions.presenceOfElementLocated(By.id("maintenance-message")));
    assertThat(s.findElement(By.id("maintenance-message")).getText()).isEqualTo("系统升级" + RUN);
    assertThat(s.findElement(By.id("maintenance-until")).getText()).contains("2099-01-01 08:00");
    phone.screenshot("tile-states-maintenance-page");
    // and its page opened directly
    s.get(app + "/account/");
    waitOn(s).until(ExpectedConditions.presenceOfElementLocated(By.id("maintenance-message")));
    assertThat(s.getCurrentUrl()).endsWith("/go/" + maintained);

    // the 新 dot goes after the first open
    s.get(app + "/");
    Browser.click(s, "tile-" + fresh);
    waitOn(s).until(ExpectedConditions.urlContains("/timetable/"));
    s.get(app + "/");
    waitOn(s).until(ExpectedConditions.presenceOfElementLocated(By.id("tile-" + fresh)));
    assertThat(s.findElements(By.id("new-" + fresh))).isEmpty();
    phone.screenshot("tile-states-new-dot-gone");

    // the banner, once closed, stays closed for this person
    s.findElement(By.cssSelector("[data-banner-close='" + bannerId() + "']")).click();
    assertThat(s.findElements(By.id("banner-" + bannerId()))).isEmpty();
    s.navigate().refresh();
    waitOn(s).until(ExpectedConditions.presenceOfElementLocated(By.id("tile-" + fresh)));
    assertThat(s.findElements(By.id("banner-" + bannerId()))).isEmpty();

    // a tile outside its dates cannot be opened either
    WebSession student = WeComStandInScreen.signedIn(app + "/", STUDENT);
    assertThat(student.get(app + "/go/" + expired).statusCode()).isEqualTo(404);

    // — a teacher does not see the students' banner —
    ChromeDriver t = phone.signInThroughWeCom(app + "/", TestUsers.TEACHER.account());
    waitOn(t).until(ExpectedConditions.presenceOfElementLocated(By.id("hello")));
    assertThat(t.getPageSource()).doesNotContain("系统维护 " + RUN);
    phone.screenshot("tile-states-teacher-home");

    // — opens are counted: three by the student, one by a teacher —
    WebSession teacher = WeComStandInScreen.signedIn(app + "/", TestUsers.TEACHER.account());
    for (int i = 0; i < 3; i++) {
      var go = student.get(app + "/go/" + counted);
      assertThat(go.statusCode()).isEqualTo(302);
      assertThat(WebSession.location(go)).isEqualTo("https://example.edu/c" + RUN);
    }
    assertThat(teacher.get(app + "/go/" + counted).statusCode()).isEqualTo(302);
    assertThat(E2eDb.count("SELECT SUM(opens) FROM workbench_launch WHERE tile_id = ?", counted))
        .isEqualTo(4);
    assertThat(E2eDb.count("SELECT COUNT(*) FROM workbench_launch WHERE tile_id = ?", counted))
        .isEqualTo(2);

    // — the admin's figures: the table, the chart, the CSV —
    a.get(app + "/admin/workbench/launches.xhtml");
    waitOn(a).until(ExpectedConditions.presenceOfElementLocated(By.id("figures-table")));
    waitOn(a)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#launch-chart canvas")));
    var row = a.findElement(By.cssSelector("#figures-table tr[data-tile='计数" + RUN + "']"));
    assertThat(row.findElement(By.cssSelector(".opens")).getText()).isEqualTo("4");
    assertThat(row.findElement(By.cssSelector(".people")).getText()).isEqualTo("2");
    a.executeScript("document.getElementById('launch-chart').scrollIntoView({block: 'start'});");
    desk.screenshot("tile-states-figures");
    WebSession admin = WeComStandInScreen.signedIn(app + "/", TestUsers.ADMIN.account());
    String csvHref = a.findElement(By.id("csv")).getAttribute("href");
    var csv = admin.get(csvHref);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    assertThat(csv.body())
        .containsPattern("计数" + RUN + ",\\d{4}-\\d\\d-\\d\\d,学生,3,1")
        .containsPattern("计数" + RUN + ",\\d{4}-\\d\\d-\\d\\d,教职工,1,1");
    assertThat(
            admin.get(app + "/admin/workbench/launches.xhtml?from=2026-12-07&to=2026-12-01").body())
        .contains("“到”的日期不能早于“从”的日期");

    // — non-admins: no figures, no CSV, and forged posts change nothing —
    assertThat(student.get(csvHref).statusCode()).isEqualTo(403);
    assertThat(teacher.get(app + "/admin/workbench/launches.xhtml").statusCode()).isEqualTo(403);
    long banners = E2eDb.count("SELECT COUNT(*) FROM workbench_banner");
    // The forms' own fields; a non-admin cannot GET the page for a view state, and the post is
    // refused before Faces looks at one.
    String viewState = "stateless";
    for (WebSession forger : new WebSession[] {student, teacher}) {
      var forged =
          forger.post(
              app + "/admin/workbench/banners.xhtml",
              Map.of(
                  "banners", "banners",
                  "banner-message", "伪造" + RUN,
                  "banner-from", "2026-01-01T00:00",
                  "banner-until", "2099-01-01T00:00",
                  "banner-everyone", "on",
                  "publish", "发布",
                  "jakarta.faces.ViewState", viewState));
      assertThat(forged.statusCode()).isEqualTo(403);
      var ended =
          forger.post(
              app + "/admin/workbench/banners.xhtml",
              Map.of("banners", "banners", "jakarta.faces.ViewState", viewState));
      assertThat(ended.statusCode()).isEqualTo(403);
      var tileForged =
          forger.post(
              app + "/admin/workbench/tiles.xhtml",
              Map.of("tiles", "tiles", "maintenance", "on", "save", "保存"));
      assertThat(tileForged.statusCode()).isEqualTo(403);
    }
    assertThat(E2eDb.count("SELECT COUNT(*) FROM workbench_banner")).isEqualTo(banners);
    assertThat(E2eDb.count("SELECT COUNT(*) FROM workbench_tile_state WHERE tile_id = ?", fresh))
        .isEqualTo(1);
    assertThat(E2eDb.query("SELECT maintenance FROM workbench_tile_state WHERE tile_id = ?", fresh))
        .isIn("0", "false");
  }

  private static long bannerId() throws Exception {
    return Long.parseLong(
        E2eDb.query("SELECT id FROM workbench_banner WHERE message LIKE ?", "%" + RUN + "%"));
  }
}
