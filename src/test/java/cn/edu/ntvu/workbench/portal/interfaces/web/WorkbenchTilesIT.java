package cn.edu.ntvu.workbench.portal.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
 * The admin shapes the workbench on the phone (390×844, WeCom): a tile for one class is seen by a
 * student of that class and not by a student of another class, whose request for the tile's page is
 * refused (403); two tiles reordered show in the new order on the home page; a second admin saving
 * an outdated form is told and overwrites nothing; a tile is deleted after confirming.
 */
class WorkbenchTilesIT {
  @RegisterExtension static Browser browser = Browser.weCom();
  @RegisterExtension static Browser second = Browser.weCom();

  /** 田芬 (TestUsers.STUDENT) is in class 2401000; 蒋娜俊 is in 2501001 (demo people.csv). */
  private static final String OTHER_STUDENT = "20250100041";

  private static String app;

  /**
   * Per test instance, so per attempt: a rerun must not meet the tiles the first attempt added and
   * moved.
   */
  private final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(100000, 999999));

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  private static WebDriverWait waitOn(ChromeDriver d) {
    // An ajax update replaces the elements a condition is reading: Browser.waitFor tries again
    // rather than fail.
    return Browser.waitFor(d, Duration.ofSeconds(30));
  }

  private static ChromeDriver signInAsAdmin(Browser b) {
    ChromeDriver d = b.driver();
    d.manage().deleteAllCookies();
    d.get(app + "/admin/workbench/tiles.xhtml");
    WebDriverWait wait = waitOn(d);
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    d.findElement(By.id("account")).sendKeys(TestUsers.ADMIN.account());
    d.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-tile")));
    return d;
  }

  /** Adds a tile through the form; {@code classes} null = everyone. */
  private static void addTile(
      ChromeDriver d, String scene, String name, String target, String classes) {
    d.findElement(By.id("new-tile")).click();
    waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
    d.findElement(By.id("name")).sendKeys(name);
    browser.screenshot("workbench-admin-form");
    new Select(d.findElement(By.id("scene"))).selectByValue(scene);
    d.findElement(By.id("target")).sendKeys(target);
    if (classes != null) {
      WebElement everyone = d.findElement(By.id("everyone"));
      if (everyone.isSelected()) {
        everyone.click();
      }
      // 谁能看到 by the people-and-groups picker: the demo class 2401000 is 机械制造241班 ("jx")
      assertThat(classes).isEqualTo("2401000");
      TileVisibilityPickerIT.pick(d, "jx", "机械制造241班");
    }
    d.findElement(By.id("save")).click();
    waitOn(d)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-tile='" + name + "']")));
  }

  /** Switches a tile on or off through its edit form. */
  private static void setEnabled(ChromeDriver d, String name, boolean enabled) {
    row(d, name).findElement(By.cssSelector(".edit")).click();
    waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
    WebElement box = d.findElement(By.id("enabled"));
    if (box.isSelected() != enabled) {
      box.click();
    }
    d.findElement(By.id("save")).click();
    waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.id("new-tile")));
  }

  private static WebElement row(ChromeDriver d, String name) {
    return d.findElement(By.cssSelector(".wb-tile-admin[data-tile='" + name + "']"));
  }

  private static String home(String account) {
    WebSession web = WeComStandInScreen.signedIn(app + "/", account);
    return web.get(app + "/").body();
  }

  @Test
  void aTileForOneClassIsSeenThereOnlyAndItsPagesAreGuarded() {
    ChromeDriver d = signInAsAdmin(browser);
    String name = "班会" + RUN;
    String path = "/wbit" + RUN + "/";
    addTile(d, "TEACHING", name, path, "2401000");
    browser.screenshot("workbench-admin-tiles");

    String memberHome = home(TestUsers.STUDENT.account());
    assertThat(memberHome).contains(name);
    // The demo 查课表 tile carries the timetable's badge: at the test school clock (Wednesday from
    // 10:20) 田芬 still
    // has classes today.
    java.util.regex.Matcher badge =
        java.util.regex.Pattern.compile(
                "data-tile=\"查课表\"(?:(?!</a>).)*class=\"wb-tile-badge wb-tile-badge-info\"[^>]*>(\\d+)<",
                java.util.regex.Pattern.DOTALL)
            .matcher(memberHome);
    // Classes left today are information, not something waiting: drawn quietly, not in red.
    assertThat(badge.find()).as("badge on 查课表 in " + memberHome).isTrue();
    assertThat(Integer.parseInt(badge.group(1))).isPositive();
    assertThat(home(OTHER_STUDENT)).doesNotContain(name);

    WebSession other = WeComStandInScreen.signedIn(app + "/", OTHER_STUDENT);
    WebSession member = WeComStandInScreen.signedIn(app + "/", TestUsers.STUDENT.account());
    // A page no route serves is a 404 for everyone, whatever tile points there.
    assertThat(other.get(app + path + "page.xhtml").statusCode()).isEqualTo(404);
    assertThat(member.get(app + path + "page.xhtml").statusCode()).isEqualTo(404);
    assertThat(other.get(app + "/").statusCode()).isEqualTo(200);
    // A real page under a tile only one class sees: /account/ (no demo tile points there since 我的账号
    // moved to the home page's own card) is that class's alone while the tile is there.
    String accountTile = "账号" + RUN;
    addTile(d, "LIFE", accountTile, "/account/", "2401000");
    try {
      assertThat(other.get(app + "/account/index.xhtml").statusCode()).isEqualTo(403);
      assertThat(member.get(app + "/account/index.xhtml").statusCode()).isEqualTo(200);
    } finally {
      row(d, accountTile).findElement(By.cssSelector(".delete")).click();
      waitOn(d).until(ExpectedConditions.alertIsPresent()).accept();
      waitOn(d)
          .until(
              ExpectedConditions.invisibilityOfElementLocated(
                  By.cssSelector("[data-tile='" + accountTile + "']")));
    }
    assertThat(other.get(app + "/account/index.xhtml").statusCode()).isEqualTo(200);
    // Non-admins cannot reach the console, neither the page nor a form post to it.
    assertThat(other.get(app + "/admin/workbench/tiles.xhtml").statusCode()).isEqualTo(403);
    assertThat(
            other
                .post(
                    app + "/admin/workbench/tiles.xhtml",
                    java.util.Map.of(
                        "tiles", "tiles", "new-tile", "x", "jakarta.faces.ViewState", "stateless"))
                .statusCode())
        .isEqualTo(403);

    // A bad external URL is refused with a message, nothing saved.
    d.findElement(By.id("new-tile")).click();
    waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
    d.findElement(By.id("name")).sendKeys("坏链接" + RUN);
    new Select(d.findElement(By.id("kind"))).selectByValue("EXTERNAL");
    d.findElement(By.id("target")).sendKeys("javascript:alert(1)");
    d.findElement(By.id("save")).click();
    waitOn(d)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "javascript:"));
    d.findElement(By.id("cancel")).click();
    waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.id("new-tile")));
    assertThat(d.findElements(By.cssSelector("[data-tile='坏链接" + RUN + "']"))).isEmpty();
  }

  @Test
  void reorderedTilesShowInTheNewOrderAndAStaleSaveIsRefused() {
    ChromeDriver d = signInAsAdmin(browser);
    String a = "甲" + RUN;
    String b = "乙" + RUN;
    addTile(d, "LIFE", a, "/wbita" + RUN + "/", null);
    addTile(d, "LIFE", b, "/wbitb" + RUN + "/", null);
    String before = home(TestUsers.STUDENT.account());
    assertThat(before.indexOf(a)).isPositive().isLessThan(before.indexOf(b));

    row(d, b).findElement(By.cssSelector(".move-up")).click();
    waitOn(d)
        .until(
            dr -> {
              String page = dr.findElement(By.id("admin-scene-LIFE")).getText();
              return page.indexOf(b) >= 0 && page.indexOf(b) < page.indexOf(a);
            });
    String after = home(TestUsers.STUDENT.account());
    assertThat(after.indexOf(b)).isPositive().isLessThan(after.indexOf(a));

    // Two admins open the same tile; the first saves, the second is told and overwrites nothing.
    ChromeDriver d2 = signInAsAdmin(second);
    row(d2, a).findElement(By.cssSelector(".edit")).click();
    waitOn(d2).until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
    row(d, a).findElement(By.cssSelector(".edit")).click();
    waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
    d.findElement(By.id("description")).sendKeys("第一位管理员");
    d.findElement(By.id("save")).click();
    waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.id("new-tile")));
    d2.findElement(By.id("description")).sendKeys("第二位管理员");
    d2.findElement(By.id("save")).click();
    waitOn(d2)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"),
                "已被 " + TestUsers.ADMIN.name() + "（" + TestUsers.ADMIN.account() + "）"));
    second.screenshot("workbench-admin-stale");
    String now = home(TestUsers.STUDENT.account());
    assertThat(now).contains("第一位管理员").doesNotContain("第二位管理员");
    // Every change is in the audit log with its before and after values; the refused save left no
    // entry.
    String log =
        WeComStandInScreen.signedIn(app + "/", TestUsers.ADMIN.account())
            .get(app + "/admin/audit.csv?type=tile&actor=" + TestUsers.ADMIN.account())
            .body();
    assertThat(log).contains("TILE_CREATE").contains("TILE_MOVE").contains(a).contains(b);
    assertThat(log).contains("第一位管理员").doesNotContain("第二位管理员");

    // Delete after confirming.
    d.get(app + "/admin/workbench/tiles.xhtml");
    row(d, b).findElement(By.cssSelector(".delete")).click();
    waitOn(d).until(ExpectedConditions.alertIsPresent()).accept();
    waitOn(d)
        .until(
            ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("[data-tile='" + b + "']")));
    assertThat(home(TestUsers.STUDENT.account())).doesNotContain(b).contains(a);

    // The home page at phone width: tiles, no horizontal scroll.
    d.get(app + "/");
    waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".wb-tile")));
    List<WebElement> tiles = d.findElements(By.cssSelector(".wb-tile"));
    assertThat(tiles).isNotEmpty();
    assertThat(tiles.get(0).getSize().getHeight()).isGreaterThanOrEqualTo(44);
    Object overflow =
        d.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
    assertThat(overflow).isEqualTo(false);
    browser.screenshot("workbench-home");
    // The narrowest and a wide phone: no horizontal scroll either (screenshots kept as artifacts).
    org.openqa.selenium.Dimension before390 = d.manage().window().getSize();
    try {
      for (int width : new int[] {360, 414}) {
        d.manage().window().setSize(new org.openqa.selenium.Dimension(width, 800));
        d.navigate().refresh();
        waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".wb-tile")));
        assertThat(
                d.executeScript("return document.documentElement.scrollWidth > window.innerWidth;"))
            .as("horizontal scroll at " + width + " px")
            .isEqualTo(false);
        browser.screenshot("workbench-home-" + width);
      }
    } finally {
      d.manage().window().setSize(before390);
    }
  }

  @Test
  void anAdminPreviewsSomeonesWorkbenchAndMovesTheConfigurationByFile() throws Exception {
    ChromeDriver d = signInAsAdmin(browser);
    // Its own suffix: a rerun of this test must not meet the tiles of the first run.
    String run = Integer.toString(ThreadLocalRandom.current().nextInt(100000, 999999));
    String name = "预览" + run;
    addTile(d, "OFFICE", name, "/wbitp" + run + "/", "2401000");

    // Preview as a student of that class, as one of another class, and as nobody the directory
    // knows.
    d.findElement(By.id("preview-link")).click();
    waitOn(d)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("account")))
        .sendKeys(TestUsers.STUDENT.account());
    d.findElement(By.id("show")).click();
    waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.id("preview-person")));
    assertThat(d.findElement(By.id("preview-person")).getText()).contains(TestUsers.STUDENT.name());
    assertThat(d.findElements(By.cssSelector("#preview-tiles [data-tile='" + name + "']")))
        .hasSize(1);
    assertThat(d.findElements(By.cssSelector("#preview-tiles .wb-tile-badge")))
        .as("no badges in a preview")
        .isEmpty();
    browser.screenshot("workbench-preview");
    d.get(app + "/admin/workbench/preview.xhtml?account=" + OTHER_STUDENT);
    waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.id("preview-person")));
    assertThat(d.findElements(By.cssSelector("#preview-tiles [data-tile='" + name + "']")))
        .isEmpty();
    assertThat(d.findElement(By.id("preview-hidden")).getText()).contains(name);
    d.get(app + "/admin/workbench/preview.xhtml?account=99999999");
    waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.id("preview-problem")));
    assertThat(d.findElement(By.id("preview-problem")).getText()).contains("99999999");

    // An icon upload: an SVG with script renamed .png is refused by its content; a PNG is
    // re-encoded and used.
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tiles");
    String iconTile = "图标" + run;
    d.get(app + "/admin/workbench/tiles.xhtml");
    waitOn(d).until(ExpectedConditions.elementToBeClickable(By.id("new-tile"))).click();
    waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
    d.findElement(By.id("name")).sendKeys(iconTile);
    d.findElement(By.id("target")).sendKeys("/wbiti" + run + "/");
    java.nio.file.Path svg =
        java.nio.file.Files.writeString(
            dir.resolve("logo.png"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
    d.findElement(By.id("icon-file")).sendKeys(svg.toString());
    d.findElement(By.id("upload-icon")).click();
    waitOn(d)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("icon-file-error"), "WebP"));
    // A decompression bomb small enough to pass the size check is refused from its header, beside
    // the field.
    java.nio.file.Path bomb =
        java.nio.file.Files.write(
            dir.resolve("bomb.png"),
            cn.edu.ntvu.workbench.platform.files.ImageBombs.png(30_000, 30_000, 1));
    d.findElement(By.id("icon-file")).sendKeys(bomb.toString());
    d.findElement(By.id("upload-icon")).click();
    waitOn(d)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("icon-file-error"), "30000×30000"));
    assertThat(d.findElement(By.id("name")).getAttribute("value")).isEqualTo(iconTile);
    java.awt.image.BufferedImage logo =
        new java.awt.image.BufferedImage(200, 120, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.nio.file.Path png = dir.resolve("real.png");
    javax.imageio.ImageIO.write(logo, "png", png.toFile());
    d.findElement(By.id("icon-file")).sendKeys(png.toString());
    d.findElement(By.id("upload-icon")).click();
    waitOn(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "图标已上传"));
    assertThat(d.findElement(By.id("name")).getAttribute("value")).isEqualTo(iconTile);
    browser.screenshot("workbench-icon-uploaded");
    d.findElement(By.id("save")).click();
    waitOn(d)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-tile='" + iconTile + "']")));
    java.util.regex.Matcher iconUrl =
        java.util.regex.Pattern.compile("/resources/tile-icons/up-[0-9a-f]{24}\\.png")
            .matcher(home(TestUsers.STUDENT.account()));
    assertThat(iconUrl.find()).isTrue();
    var served =
        WeComStandInScreen.signedIn(app + "/", TestUsers.STUDENT.account())
            .get(app + iconUrl.group());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
    assertThat(served.headers().firstValue("X-Content-Type-Options").orElse(""))
        .isEqualTo("nosniff");

    // Export as a file; only admins may.
    WebSession admin = WeComStandInScreen.signedIn(app + "/", TestUsers.ADMIN.account());
    var export = admin.get(app + "/admin/workbench/tiles.json");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment");
    String json = export.body();
    assertThat(json)
        .contains("ntvu-workbench-tiles")
        .contains(name)
        .contains("2401000")
        .contains("\"icons\"")
        .contains(
            iconUrl
                .group()
                .substring("/resources/tile-icons/".length(), iconUrl.group().length() - 4));
    WebSession student = WeComStandInScreen.signedIn(app + "/", TestUsers.STUDENT.account());
    assertThat(student.get(app + "/admin/workbench/tiles.json").statusCode()).isEqualTo(403);

    // A file with a javascript: link is refused with the tile named; nothing changes.
    String renamed = name.replace("预览", "导入");
    java.nio.file.Path bad =
        java.nio.file.Files.writeString(
            dir.resolve("bad.json"),
            json.replace("\"/wbitp" + run + "/\"", "\"javascript:alert(1)\"")
                .replace("\"INTERNAL\"", "\"INTERNAL\""));
    d.get(app + "/admin/workbench/transfer.xhtml");
    waitOn(d)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("file")))
        .sendKeys(bad.toString());
    d.findElement(By.id("previewButton")).click();
    waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
    assertThat(d.findElement(By.id("problems")).getText()).contains(name).contains("javascript:");
    browser.screenshot("workbench-transfer-problems");

    // The same configuration with one tile renamed: the plan shows it, and after confirming the
    // home page does.
    java.nio.file.Path good =
        java.nio.file.Files.writeString(dir.resolve("good.json"), json.replace(name, renamed));
    d.get(app + "/admin/workbench/transfer.xhtml");
    waitOn(d)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("file")))
        .sendKeys(good.toString());
    d.findElement(By.id("previewButton")).click();
    waitOn(d).until(ExpectedConditions.presenceOfElementLocated(By.id("confirmButton")));
    assertThat(d.findElement(By.id("plan-added")).getText()).contains(renamed);
    assertThat(d.findElement(By.id("plan-removed")).getText()).contains(name);
    browser.screenshot("workbench-transfer-plan");
    d.findElement(By.id("confirmButton")).click();
    waitOn(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已导入"));
    String memberHome = home(TestUsers.STUDENT.account());
    assertThat(memberHome)
        .contains(renamed)
        .doesNotContain(name)
        .contains("data-tile=\"查课表\"")
        .contains(iconTile)
        .contains("/resources/tile-icons/up-");
    assertThat(admin.get(app + "/admin/audit.csv?type=tile").body())
        .contains("TILE_IMPORT")
        .contains("good.json");
  }
}
