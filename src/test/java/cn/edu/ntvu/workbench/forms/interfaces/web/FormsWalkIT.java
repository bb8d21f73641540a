package cn.edu.ntvu.workbench.forms.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16's "done when" for 收集表, walked as people would at 360×640 inside WeCom (Chromium with
 * WeCom's user agent; WeCom's native bridge played by a test hook as in {@code CloseWindowIT}): a
 * teacher who never used it (梁诺) builds a 收集表 with five question types — the page never scrolls
 * sideways after a question is added — chooses the audience by name in the picker (机械制造241班) and
 * publishes; a student fills it, a 20 MB photo is refused on the phone with the limit in the
 * message and nothing typed is lost, a small photo goes; the teacher sees 1/40, reminds the 39 and
 * exports inside WeCom (the file preview gets a link to the right XLSX). Screenshots of every step
 * land in {@code target/screenshots/forms-walk-*}.
 */
class FormsWalkIT {
  @RegisterExtension static Browser phone = Browser.weCom().windowSize(360, 640);

  private static final String FAKE_BRIDGE =
      "window.__wxCalls = JSON.parse(sessionStorage.getItem('__wxCalls') || '[]');"
          + "window.WeixinJSBridge = {"
          + "  invoke: function (name, args, cb) {"
          + "    window.__wxCalls.push({name: name, args: JSON.stringify(args || {})});"
          + "    sessionStorage.setItem('__wxCalls', JSON.stringify(window.__wxCalls));"
          + "    setTimeout(function () { cb({err_msg: name + ':ok'}); }, 0);"
          + "  },"
          + "  on: function () {}"
          + "};";

  /**
   * 梁诺: a teacher of 机械工程学院 (dept 01) with no class, no grant and no form so far, and no other test
   * signs in as her (余刚, 10005, is the publishing limit's: FormsPublishScopeIT publishes ten as him
   * within the hour).
   */
  private static final String TEACHER = "10007";

  /** 朱英 of 机械制造241班. */
  private static final String STUDENT = "20240100032";

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  @Test
  void aNewTeacherBuildsPublishesAStudentFillsWithATooBigPhotoTheTeacherRemindsAndExportsInWeCom()
      throws Exception {
    ChromeDriver d = phone.driver();
    d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FAKE_BRIDGE));
    WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(60));

    // — the teacher builds —
    signIn(d, "/forms/", TEACHER);
    w.until(ExpectedConditions.elementToBeClickable(By.id("new-form"))).click();
    w.until(ExpectedConditions.urlContains("/forms/edit.xhtml?id="));
    long id = Long.parseLong(d.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
    noSidewaysScroll(d, "a new form");
    shot(d, "forms-walk-01-new");
    WebElement title = d.findElement(By.id("title"));
    title.clear();
    title.sendKeys("宿舍安全检查登记");
    d.findElement(By.id("save-settings")).click();
    w.until(ExpectedConditions.textToBePresentInElementValue(By.id("title"), "宿舍安全检查登记"));

    addQuestion(d, w, "TEXT", "宿舍号", Map.of(), 1);
    addQuestion(d, w, "NUMBER", "同住人数", Map.of("q-min", "1", "q-max", "8"), 2);
    addQuestion(d, w, "SINGLE", "是否使用违规电器", Map.of("q-options", "没有\n有"), 3);
    addQuestion(d, w, "DATE", "检查日期", Map.of(), 4);
    addQuestion(d, w, "FILE", "宿舍照片", Map.of(), 5);
    assertThat(
            query(
                "SELECT GROUP_CONCAT(type ORDER BY position) FROM form_question WHERE form_id = ?",
                id))
        .isEqualTo("TEXT,NUMBER,SINGLE,DATE,FILE");
    d.executeScript(
        "arguments[0].scrollIntoView({block: 'start'});", d.findElement(By.id("questions-h")));
    shot(d, "forms-walk-07-five-questions");

    // the audience by name, in the picker
    WebElement picker = d.findElement(By.id("audience-picker_input"));
    scrollTo(d, picker);
    picker.sendKeys("机械");
    WebElement item =
        w.until(
            x ->
                x.findElements(By.cssSelector(".wb-picker-panel .ui-autocomplete-item")).stream()
                    .filter(e -> e.isDisplayed() && e.getText().contains("机械制造241班"))
                    .findFirst()
                    .orElse(null));
    shot(d, "forms-walk-08-picker");
    item.click();
    w.until(
        x ->
            x.findElements(By.cssSelector("#audience-picker .ui-autocomplete-token")).stream()
                .anyMatch(e -> e.getText().contains("机械制造241班")));
    d.findElement(By.id("add-picked")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".audience-line")));
    assertThat(query("SELECT CONCAT(kind, ' ', value) FROM form_audience WHERE form_id = ?", id))
        .isEqualTo("CLASS 2401000");
    noSidewaysScroll(d, "the audience added");
    scrollTo(d, d.findElement(By.id("audience-h")));
    shot(d, "forms-walk-09-audience");

    ((JavascriptExecutor) d).executeScript("window.confirm = function () { return true; };");
    WebElement publish = d.findElement(By.id("publish"));
    scrollTo(d, publish);
    publish.click();
    w.until(ExpectedConditions.urlContains("/forms/results.xhtml"));
    assertThat(query("SELECT status FROM form WHERE id = ?", id)).isEqualTo("PUBLISHED");
    // the class as the directory has it now (40 in the demo; other tests may have added people)
    long classSize =
        count(
            "SELECT COUNT(*) FROM person p JOIN school_class c ON c.id = p.class_id"
                + " WHERE c.code = '2401000' AND p.status = 'ACTIVE'");
    long asked = count("SELECT COUNT(*) FROM form_recipient WHERE form_id = ?", id);
    assertThat(asked).isEqualTo(classSize).isGreaterThanOrEqualTo(40);

    // — a student fills it: a 20 MB photo is refused on the phone, nothing typed is lost —
    signIn(d, "/forms/fill.xhtml?id=" + id, STUDENT);
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("submit")));
    d.findElement(By.cssSelector("input[data-q='1']")).sendKeys("3号楼402");
    d.findElement(By.cssSelector("input[data-q='2']")).sendKeys("4");
    d.findElement(By.cssSelector("[data-q='3'] input[type=radio]")).click();
    WebElement date = d.findElement(By.cssSelector("input[data-q='4']"));
    d.executeScript(
        "arguments[0].value = '2026-11-25';"
            + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        date);
    Path dir = Files.createTempDirectory("forms-walk");
    byte[] big = new byte[20 * 1024 * 1024];
    new Random(16).nextBytes(big);
    big[0] = (byte) 0xFF;
    big[1] = (byte) 0xD8;
    big[2] = (byte) 0xFF;
    Path bigPhoto = Files.write(dir.resolve("宿舍.jpg"), big);
    WebElement file = d.findElement(By.cssSelector("input[type=file][data-q='5']"));
    file.sendKeys(bigPhoto.toString());
    w.until(ExpectedConditions.visibilityOfElementLocated(By.id("too-large-5")));
    assertThat(d.findElement(By.id("too-large-5")).getText()).contains("不能超过 5 MB", "小一点");
    assertThat(d.executeScript("return arguments[0].files.length", file)).isEqualTo(0L);
    assertThat(d.findElement(By.cssSelector("input[data-q='1']")).getAttribute("value"))
        .isEqualTo("3号楼402");
    assertThat(d.findElement(By.cssSelector("input[data-q='2']")).getAttribute("value"))
        .isEqualTo("4");
    assertThat(d.findElements(By.cssSelector("[data-q='3'] input[type=radio]:checked"))).hasSize(1);
    assertThat(date.getAttribute("value")).isEqualTo("2026-11-25");
    scrollTo(d, file);
    shot(d, "forms-walk-10-photo-too-big");
    noSidewaysScroll(d, "the fill page with the message");

    file.sendKeys(smallPhoto(dir).toString());
    w.until(ExpectedConditions.invisibilityOfElementLocated(By.id("too-large-5")));
    d.findElement(By.id("submit")).click();
    w.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "已提交"));
    shot(d, "forms-walk-11-filled");
    assertThat(
            count(
                "SELECT COUNT(*) FROM form_answer a JOIN form_response r ON r.id = a.response_id"
                    + " WHERE r.form_id = ? AND a.file_id IS NOT NULL",
                id))
        .isEqualTo(1);

    // — the teacher sees who has not filled, reminds them and exports inside WeCom —
    signIn(d, "/forms/results.xhtml?id=" + id, TEACHER);
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("filled-count")));
    // 1 of the class as the results page counts it (40 in the demo; other tests may add people)
    String filled = d.findElement(By.id("filled-count")).getText();
    assertThat(filled).startsWith("1/");
    int total = Integer.parseInt(filled.substring(2).strip());
    assertThat(total).isGreaterThanOrEqualTo(40);
    int unfilled = total - 1;
    assertThat(d.findElements(By.cssSelector("#missing li"))).hasSize(unfilled);
    assertThat(d.findElement(By.id("remind")).getAttribute("value"))
        .contains(String.valueOf(unfilled));
    shot(d, "forms-walk-12-results");
    ((JavascriptExecutor) d).executeScript("window.confirm = function () { return true; };");
    d.findElement(By.id("remind")).click();
    w.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("messages"), "已提醒 " + unfilled + " 人"));
    assertThat(d.findElements(By.id("remind")))
        .as("no button that can only say 'not yet'")
        .isEmpty();
    assertThat(d.findElement(By.id("remind-later")).getText()).contains("以后可以再提醒");
    // the reminder goes to exactly the 39 (the latest message about this form; the first was the
    // publish notice to all 40)
    String reminded =
        query(
            "SELECT to_users FROM wecom_outbox WHERE body LIKE ? ORDER BY id DESC LIMIT 1",
            "%宿舍安全检查登记%");
    assertThat(reminded.split("\\|")).hasSize(unfilled).doesNotContain(STUDENT);
    noSidewaysScroll(d, "the results");
    shot(d, "forms-walk-13-reminded");

    WebElement excel = w.until(ExpectedConditions.elementToBeClickable(By.id("export-xlsx")));
    scrollTo(d, excel);
    excel.click();
    w.until(x -> previewFile(d) != null);
    JsonObject args = previewFile(d);
    assertThat(args.getString("name")).isEqualTo("宿舍安全检查登记-20261125.xlsx");
    HttpResponse<byte[]> book = new WebSession().getBytes(args.getString("url"));
    assertThat(book.statusCode()).isEqualTo(200);
    try (var x = new XSSFWorkbook(new ByteArrayInputStream(book.body()))) {
      var answers = x.getSheetAt(0);
      assertThat(answers.getRow(1).getCell(2).getStringCellValue()).isEqualTo(STUDENT);
      assertThat(answers.getRow(1).getCell(5).getStringCellValue()).isEqualTo("3号楼402");
      assertThat(answers.getRow(1).getCell(7).getStringCellValue()).isEqualTo("没有");
      assertThat(x.getSheet("未填写").getLastRowNum()).isEqualTo(unfilled);
    }
  }

  /**
   * Adds a question of {@code type} through 添加题目 and the editor; afterwards the list has {@code n}
   * questions and the page does not scroll sideways.
   */
  private static void addQuestion(
      ChromeDriver d,
      WebDriverWait w,
      String type,
      String title,
      Map<String, String> fields,
      int n) {
    WebElement add = w.until(ExpectedConditions.elementToBeClickable(By.id("add-question")));
    new Select(d.findElement(By.id("new-type"))).selectByValue(type);
    scrollTo(d, add);
    noSidewaysScroll(d, "before adding question " + n);
    if (n == 3) {
      shot(d, "forms-walk-02-add-question");
    }
    add.click();
    WebElement qTitle = w.until(ExpectedConditions.visibilityOfElementLocated(By.id("q-title")));
    qTitle.sendKeys(title);
    if (type.equals("SINGLE")) {
      WebElement options = d.findElement(By.id("q-options"));
      assertThat(options.getAttribute("placeholder")).contains("住校");
      scrollTo(d, options);
      shot(d, "forms-walk-06-editor-single");
    }
    fields.forEach(
        (field, value) -> {
          WebElement e = d.findElement(By.id(field));
          assertThat(e.getAttribute("value")).as(field + " starts empty").isEmpty();
          e.sendKeys(value);
        });
    d.findElement(By.id("q-required")).click();
    scrollTo(d, d.findElement(By.id("question-editor")));
    noSidewaysScroll(d, "the editor of question " + n);
    if (n == 2 || n == 5) {
      shot(d, "forms-walk-0" + (n == 2 ? 3 : 4) + "-editor-" + type.toLowerCase());
    }
    d.findElement(By.id("save-question")).click();
    w.until(x -> x.findElements(By.cssSelector("#question-list .fm-qline")).size() == n);
    noSidewaysScroll(d, "after adding question " + n);
    if (n == 5) {
      scrollTo(d, d.findElement(By.id("add-question")));
      shot(d, "forms-walk-05-after-five");
    }
  }

  /** Neither the page nor any element in it is wider than the 360 px screen. */
  private static void noSidewaysScroll(ChromeDriver d, String when) {
    Object wide =
        d.executeScript(
            "var de = document.documentElement;"
                + "if (de.scrollWidth <= de.clientWidth) { return null; }"
                + "var out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) {"
                + "  var r = e.getBoundingClientRect();"
                + "  if (r.right > de.clientWidth + 0.5 && out.length < 5) {"
                + "    out.push(e.tagName + '#' + e.id + '.' + e.className + ' right=' + Math.round(r.right));"
                + "  }"
                + "});"
                + "return de.scrollWidth + ' > ' + de.clientWidth + ': ' + out.join(' | ');");
    assertThat(wide).as("sideways scroll " + when).isNull();
  }

  private static void scrollTo(ChromeDriver d, WebElement e) {
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
  }

  private static void shot(ChromeDriver d, String name) {
    phone.screenshot(name);
  }

  @SuppressWarnings("unchecked")
  private static JsonObject previewFile(ChromeDriver d) {
    List<Map<String, Object>> calls =
        (List<Map<String, Object>>) d.executeScript("return window.__wxCalls || [];");
    return calls.stream()
        .filter(c -> "previewFile".equals(c.get("name")))
        .map(c -> Jsons.createReader(new StringReader((String) c.get("args"))).readObject())
        .findFirst()
        .orElse(null);
  }

  private static Path smallPhoto(Path dir) throws Exception {
    BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0x3f, 0x72, 0xaf));
    g.fillRect(0, 0, 800, 600);
    g.setColor(Color.WHITE);
    g.fillRect(100, 100, 300, 200);
    g.dispose();
    Path p = dir.resolve("宿舍-小.jpg");
    ImageIO.write(img, "jpg", p.toFile());
    return p;
  }

  private static void signIn(ChromeDriver d, String path, String account) {
    d.manage().deleteAllCookies();
    d.get(app + path);
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    d.findElement(By.id("account")).sendKeys(account);
    d.findElement(By.id("continue")).click();
    wait.until(
        ExpectedConditions.urlContains(
            path.contains("?") ? path.substring(0, path.indexOf('?')) : path));
  }
}
