package cn.edu.ntvu.workbench.portal.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 谁能看到 on the tile console by the people-and-groups picker (issue 16), at a desk (1366×768,
 * English, signed in through CAS) and on the phone (360×640, WeCom): the admin types "jx", picks
 * 机械制造241班 and saves; a student of that class sees the tile, a student of another class does not;
 * the saved class comes back as a chip with its name; a forged chip (an unknown code, a role the
 * picker does not offer) is refused beside the picker and nothing is stored. Also: the English page
 * lists tiles by their English names, and "saved" is a toast (role=status).
 */
class TileVisibilityPickerIT {
  @RegisterExtension
  static Browser desk =
      Browser.mobile()
          .userAgent(
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                  + " Chrome/126.0 Safari/537.36")
          .windowSize(1366, 768)
          .language("en");

  @RegisterExtension static Browser phone = Browser.weCom().windowSize(360, 640).language("zh-CN");

  /** 田芬 (TestUsers.STUDENT) is in 机械制造241班 (2401000); 蒋娜俊 in 2501001. */
  private static final String OTHER_STUDENT = "20250100041";

  private static String app;
  private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100000, 999999));

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  @Test
  void atADeskTheAdminPicksAClassByPinyinAndOnlyThatClassSeesTheTile() throws Exception {
    ChromeDriver d = desk.driver();
    signInThroughCas(d);
    d.get(app + "/admin/workbench/tiles.xhtml");
    WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(30));
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("new-tile")));
    desk.screenshot("tiles-1366-list");
    d.findElement(By.id("new-tile")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
    String name = "班会" + run;
    d.findElement(By.id("name")).sendKeys(name);
    d.findElement(By.id("name-en")).sendKeys("Class meeting " + run);
    d.findElement(By.id("target")).sendKeys("/jxit" + run + "/");
    WebElement everyone = d.findElement(By.id("everyone"));
    if (everyone.isSelected()) {
      everyone.click();
    }
    pick(d, "jx", "机械制造241班");
    showPicker(d);
    desk.screenshot("tiles-1366-picked");
    d.findElement(By.id("save")).click();
    w.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-tile='" + name + "']")));

    // "Saved" is a toast the screen reader announces
    WebElement toast = d.findElement(By.cssSelector("#messages .wb-toast[role=status]"));
    assertThat(toast.getText()).contains("Saved");
    // the English page names the tile in English; 谁能看到 names the class
    WebElement row = d.findElement(By.cssSelector(".wb-tile-admin[data-tile='" + name + "']"));
    assertThat(row.getText()).contains("Class meeting " + run).contains("机械制造241班");
    desk.screenshot("tiles-1366-saved");

    assertThat(query("SELECT visible_classes FROM workbench_tile WHERE name = ?", name))
        .isEqualTo("2401000");
    assertThat(home(TestUsers.STUDENT.account())).contains(name);
    assertThat(home(OTHER_STUDENT)).doesNotContain(name);

    // opened again: the stored class is a chip with its name
    row.findElement(By.cssSelector(".edit")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
    w.until(dr -> chips(dr).contains("机械制造241班"));
    showPicker(d);
    desk.screenshot("tiles-1366-edit");

    // 角标来源 by name: a provider chosen by its name is saved and shown again
    Select badge = new Select(d.findElement(By.id("badge")));
    WebElement provider = badge.getOptions().get(1);
    String key = provider.getAttribute("value");
    String label = provider.getText();
    assertThat(label).as("named, not the raw key").isNotEqualTo(key);
    badge.selectByValue(key);
    d.findElement(By.id("save")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("new-tile")));
    assertThat(query("SELECT badge_key FROM workbench_tile WHERE name = ?", name)).isEqualTo(key);
    editAgain(d, name);
    assertThat(new Select(d.findElement(By.id("badge"))).getFirstSelectedOption().getText())
        .isEqualTo(label);
    // a forged key no provider has is refused beside the select
    ((JavascriptExecutor) d)
        .executeScript(
            "var s = document.getElementById('badge'); var o = document.createElement('option');"
                + "o.value = 'forged:key'; o.text = 'forged'; s.appendChild(o); s.value = 'forged:key';");
    d.findElement(By.id("save")).click();
    w.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("badge-error"), "not in the list"));
    assertThat(query("SELECT badge_key FROM workbench_tile WHERE name = ?", name)).isEqualTo(key);
    editAgain(d, name);

    // a forged chip: a code the directory does not have, then a role the picker does not offer
    for (String forged : new String[] {"CLASS:NOPE999", "ROLE:ADMIN"}) {
      forge(d, forged);
      d.findElement(By.id("save")).click();
      try {
        w.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".wb-picker-row .wb-error"), "no longer in the directory"));
      } catch (org.openqa.selenium.TimeoutException e) {
        desk.screenshot("tiles-1366-forged-" + forged.replace(':', '-'));
        throw new AssertionError(
            forged + ": " + d.findElement(By.tagName("main")).getText().replace('\n', '|'), e);
      }
      assertThat(query("SELECT visible_classes FROM workbench_tile WHERE name = ?", name))
          .as(forged)
          .isEqualTo("2401000");
      assertThat(query("SELECT visible_roles FROM workbench_tile WHERE name = ?", name))
          .as(forged)
          .isNullOrEmpty();
      editAgain(d, name);
    }
    assertThat(count("SELECT COUNT(*) FROM workbench_tile WHERE name = ?", name)).isEqualTo(1);
  }

  @Test
  void onThePhoneThePickerFitsAndSavesTheClass() throws Exception {
    ChromeDriver d = phone.driver();
    d.manage().deleteAllCookies();
    d.get(app + "/admin/workbench/tiles.xhtml");
    WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(30));
    w.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    d.findElement(By.id("account")).sendKeys(TestUsers.ADMIN.account());
    d.findElement(By.id("continue")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("new-tile")));
    phone.screenshot("tiles-360-list");
    d.findElement(By.id("new-tile")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
    String name = "晚自习" + run;
    d.findElement(By.id("name")).sendKeys(name);
    d.findElement(By.id("target")).sendKeys("/jxphone" + run + "/");
    WebElement everyone = d.findElement(By.id("everyone"));
    if (everyone.isSelected()) {
      everyone.click();
    }
    pick(d, "jx", "机械制造241班");
    Number right =
        (Number)
            ((JavascriptExecutor) d)
                .executeScript(
                    "return Math.ceil(document.getElementById('visibility-picker')"
                        + ".getBoundingClientRect().right);");
    assertThat(right.intValue()).as("the picker stays inside 360 px").isLessThanOrEqualTo(360);
    showPicker(d);
    phone.screenshot("tiles-360-picked");
    d.findElement(By.id("save")).click();
    w.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-tile='" + name + "']")));
    assertThat(d.findElement(By.cssSelector("#messages .wb-toast[role=status]")).getText())
        .contains("已保存");
    phone.screenshot("tiles-360-saved");
    assertThat(query("SELECT visible_classes FROM workbench_tile WHERE name = ?", name))
        .isEqualTo("2401000");
    assertThat(home(TestUsers.STUDENT.account())).contains(name);
    assertThat(home(OTHER_STUDENT)).doesNotContain(name);
  }

  // ---- helpers (WorkbenchTilesIT picks with them too)

  /** Scrolls 谁能看到's picker to the middle of the window (for the screenshots). */
  private static void showPicker(ChromeDriver d) throws InterruptedException {
    ((JavascriptExecutor) d)
        .executeScript(
            "document.getElementById('visibility-picker').scrollIntoView({block: 'center'});");
    Thread.sleep(500);
  }

  /** The tile console afresh, the tile's edit form open. */
  private static void editAgain(ChromeDriver d, String name) {
    WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(30));
    d.get(app + "/admin/workbench/tiles.xhtml");
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("new-tile")));
    d.findElement(By.cssSelector(".wb-tile-admin[data-tile='" + name + "'] .edit")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
  }

  /** Types {@code typed} into 谁能看到's picker and picks the suggestion showing {@code text}. */
  static void pick(ChromeDriver d, String typed, String text) {
    WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(30));
    WebElement input = d.findElement(By.id("visibility-picker_input"));
    // the input near the top of the window first: the suggestions open below it, in view (a scroll
    // while they are open would close them)
    ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'start'})", input);
    input.clear();
    input.sendKeys(typed);
    w.until(
        dr -> {
          WebElement item =
              dr.findElements(By.cssSelector(".wb-picker-panel .ui-autocomplete-item")).stream()
                  .filter(e -> e.isDisplayed() && e.getText().contains(text))
                  .findFirst()
                  .orElse(null);
          if (item == null) {
            return false;
          }
          try {
            item.click();
            return true;
          } catch (org.openqa.selenium.ElementNotInteractableException e) {
            return false;
          }
        });
    w.until(dr -> chips(dr).contains(text));
  }

  private static String chips(WebDriver d) {
    return d.findElements(By.cssSelector("#visibility-picker .ui-autocomplete-token")).stream()
        .map(WebElement::getText)
        .reduce("", (a, b) -> a + "|" + b);
  }

  /** Adds {@code id} to the chips the form posts, as a hand-made request would. */
  private static void forge(ChromeDriver d, String id) {
    ((JavascriptExecutor) d)
        .executeScript(
            "var s = document.getElementById('visibility-picker_hinput');"
                + "var o = document.createElement('option');"
                + "o.value = arguments[0]; o.selected = true; s.appendChild(o);",
            id);
  }

  private static void signInThroughCas(ChromeDriver d) {
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(60));
    d.get(TestServers.cas().prefixUrl() + "/logout");
    d.manage().deleteAllCookies();
    d.get(app + "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
    d.findElement(By.name("username")).sendKeys(TestUsers.ADMIN.account());
    WebElement password = d.findElement(By.name("password"));
    password.sendKeys(TestUsers.ADMIN.password());
    password.submit();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hello")));
  }

  private static String home(String account) {
    return WeComStandInScreen.signedIn(app + "/", account).get(app + "/").body();
  }
}
