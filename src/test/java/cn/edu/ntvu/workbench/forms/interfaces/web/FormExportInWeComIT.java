package cn.edu.ntvu.workbench.forms.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.db;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.forms.application.FormsSettings;
import cn.edu.ntvu.workbench.forms.domain.ExportLinkKey;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16: a 收集表's export inside WeCom (Chromium at 360×640 with WeCom's user agent). WeCom's
 * webview does nothing useful with a plain download, so 导出 Excel asks the server for a 5-minute
 * signed link and opens it with the JS-SDK's {@code ww.previewFile}; WeCom's native bridge is
 * played by a test hook ({@code window.WeixinJSBridge}, installed before any page script) that
 * records every call, as in {@code CloseWindowIT}. The URL it was given downloads the right XLSX
 * without any session (as WeCom's preview or the system browser fetch it); a forged, expired or
 * another person's link gets a 403/410 page of one sentence, never a 500; a member of staff who
 * does not own the form gets no link.
 */
class FormExportInWeComIT {
  @RegisterExtension static Browser weCom = Browser.weCom().windowSize(360, 640);

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

  private static final String FILLED = "20240100040";
  private static final String NOT_FILLED = "20240100038";

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  @Test
  void insideWeComExcelOpensInWeComsFilePreviewThroughASignedLinkThatDownloadsTheRightFile()
      throws Exception {
    long id = formWithOneAnswer("宿舍报修登记（预览）");
    ChromeDriver d = weCom.driver();
    d.manage().deleteAllCookies();
    d.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", FAKE_BRIDGE));
    String page = "/forms/results.xhtml?id=" + id;
    d.get(app + page);
    WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(60));
    w.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    d.findElement(By.id("account")).sendKeys(TestUsers.COUNSELLOR.account());
    d.findElement(By.id("continue")).click();
    WebElement excel = w.until(ExpectedConditions.elementToBeClickable(By.id("export-xlsx")));
    String pageUrl = d.getCurrentUrl();
    d.executeScript("arguments[0].scrollIntoView({block: 'center'});", excel);
    weCom.screenshot("forms-export-in-wecom");
    excel.click();
    w.until(driver -> call(d, "previewFile") != null);

    JsonObject args = call(d, "previewFile");
    assertThat(d.getCurrentUrl()).as("the page stays; WeCom shows the file").isEqualTo(pageUrl);
    assertThat(args.getString("name")).isEqualTo("宿舍报修登记（预览）-20261125.xlsx");
    String url = args.getString("url");
    assertThat(url).startsWith(app + "/forms/signed.xlsx?t=" + id + ".");
    assertThat(call(d, "agentConfig")).as("the SDK was registered with our signature").isNotNull();

    // WeCom's preview (or the system browser) fetches it without the page's session.
    HttpResponse<byte[]> file = new WebSession().getBytes(url);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    // The size WeCom was told: the file written once more (its zip entries' compressed sizes may
    // differ by a byte from one writing to the next).
    assertThat((long) file.body().length)
        .as("the size WeCom was told")
        .isCloseTo(
            args.getJsonNumber("size").longValue(), org.assertj.core.data.Offset.offset(64L));
    try (var book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
      var answers = book.getSheetAt(0);
      assertThat(answers.getRow(1).getCell(2).getStringCellValue()).isEqualTo(FILLED);
      assertThat(answers.getRow(1).getCell(5).getStringCellValue()).isEqualTo("3 号楼 402 水龙头漏水");
      assertThat(book.getSheet("未填写").getRow(1).getCell(2).getStringCellValue())
          .isEqualTo(NOT_FILLED);
    }
    // The CSV link as well.
    WebSession owner = WeComStandInScreen.signedIn(app + "/forms/", TestUsers.COUNSELLOR.account());
    JsonObject csv = json(owner.get(app + "/forms/export-link?id=" + id + "&format=csv").body());
    HttpResponse<byte[]> csvFile = new WebSession().getBytes(csv.getString("url"));
    assertThat(csvFile.statusCode()).isEqualTo(200);
    assertThat(new String(csvFile.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("3 号楼 402 水龙头漏水");

    // A forged, an expired and another person's link: one sentence, 403 or 410, nothing else.
    String token = URI.create(url).getQuery().substring(2);
    String[] p = token.split("\\.");
    long expires = Long.parseLong(p[2]);
    ExportLinkKey devKey = new ExportLinkKey(FormsSettings.DEV_EXPORT_LINK_SECRET);
    long ownerId = Long.parseLong(p[1]);
    long otherForm = formWithOneAnswer("别人的收集表");
    exec("UPDATE form SET owner_account = ? WHERE id = ?", TestUsers.DEAN.account(), otherForm);
    String[][] refused = {
      {"another form, same signature", (otherForm) + "." + p[1] + "." + p[2] + "." + p[3], "403"},
      {"tampered signature", p[0] + "." + p[1] + "." + p[2] + "." + p[3].substring(1) + "A", "403"},
      {"garbage", "nonsense", "403"},
      {"expired", devKey.sign(new ExportLinkKey.Link(id, "xlsx", ownerId, expires - 600)), "410"},
      {
        "another person's (a teacher who does not own the form)",
        devKey.sign(new ExportLinkKey.Link(id, "xlsx", personId(TestUsers.TEACHER), expires)),
        "403"
      },
      {
        "a form the signer does not own",
        devKey.sign(new ExportLinkKey.Link(otherForm, "xlsx", ownerId, expires)),
        "403"
      },
      {"the xlsx link used for the CSV", token, "403"}
    };
    for (String[] r : refused) {
      String at = app + (r[0].contains("CSV") ? "/forms/signed.csv" : "/forms/signed.xlsx");
      HttpResponse<String> answer = new WebSession().get(at + "?t=" + r[1]);
      assertThat(answer.statusCode()).as(r[0]).isEqualTo(Integer.parseInt(r[2]));
      assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(r[0]).contains("html");
      assertThat(answer.body())
          .as(r[0])
          .contains(r[2].equals("410") ? "已过期" : "无效")
          .doesNotContain("出错了")
          .doesNotContain("3 号楼 402");
    }
    d.get(app + "/forms/signed.xlsx?t=" + refused[3][1]);
    weCom.screenshot("forms-export-link-expired");

    // A member of staff who does not own the form gets no link; nor does a student.
    WebSession teacher = WeComStandInScreen.signedIn(app + "/forms/", TestUsers.TEACHER.account());
    assertThat(teacher.get(app + "/forms/export-link?id=" + id + "&format=xlsx").statusCode())
        .isEqualTo(403);
    WebSession student = WeComStandInScreen.signedIn(app + "/forms/", FILLED);
    assertThat(student.get(app + "/forms/export-link?id=" + id + "&format=xlsx").statusCode())
        .isEqualTo(403);
  }

  @Test
  void outsideWeComExcelStaysAPlainDownload() throws Exception {
    long id = formWithOneAnswer("宿舍报修登记（下载）");
    WebSession owner =
        WeComStandInScreen.signedIn(app + "/forms/", TestUsers.COUNSELLOR.account())
            .userAgent(
                "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/126.0 Mobile Safari/537.36");
    String html = owner.get(app + "/forms/results.xhtml?id=" + id).body();
    assertThat(html).contains("href=\"export.xlsx?id=" + id + "\"").doesNotContain("wecom-page.js");
    assertThat(owner.getBytes(app + "/forms/export.xlsx?id=" + id).statusCode()).isEqualTo(200);
  }

  private static JsonObject json(String s) {
    return Jsons.createReader(new StringReader(s)).readObject();
  }

  /** The arguments of WeCom's bridge call {@code name}, or null while there was none. */
  @SuppressWarnings("unchecked")
  private static JsonObject call(ChromeDriver d, String name) {
    List<Map<String, Object>> calls =
        (List<Map<String, Object>>) d.executeScript("return window.__wxCalls || [];");
    return calls.stream()
        .filter(c -> name.equals(c.get("name")))
        .map(c -> json((String) c.get("args")))
        .findFirst()
        .orElse(null);
  }

  private static long personId(TestUsers.TestUser u) throws SQLException {
    return count("SELECT id FROM person WHERE account = ?", u.account());
  }

  private static void exec(String sql, Object... args) throws SQLException {
    cn.edu.ntvu.workbench.testsupport.E2eDb.exec(sql, args);
  }

  /**
   * A published form of the counsellor's asking two students one text question; the first has
   * answered.
   */
  private static long formWithOneAnswer(String title) throws SQLException {
    try (Connection c = db()) {
      long id;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO form (title, status, owner_account, owner_name, deadline, anonymous,"
                  + " created_at, published_at) VALUES (?, 'PUBLISHED', ?, '毛敏',"
                  + " '2026-12-31 18:00:00', FALSE, NOW(3), NOW(3))",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, title);
        ps.setString(2, TestUsers.COUNSELLOR.account());
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      long question;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO form_question (form_id, position, type, title, required)"
                  + " VALUES (?, 1, 'TEXT', '报修内容', TRUE)",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, id);
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          question = rs.getLong(1);
        }
      }
      for (String a : List.of(FILLED, NOT_FILLED)) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO form_recipient (form_id, account, name, unit_name)"
                    + " SELECT ?, account, name, '机械制造241班' FROM person WHERE account = ?")) {
          ps.setLong(1, id);
          ps.setString(2, a);
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE form_recipient SET filled = TRUE WHERE form_id = ? AND account = ?")) {
        ps.setLong(1, id);
        ps.setString(2, FILLED);
        ps.executeUpdate();
      }
      long response;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO form_response (form_id, respondent_key, respondent_account,"
                  + " respondent_name, unit_name, submit_token, submitted_at)"
                  + " SELECT ?, REPEAT('a', 64), account, name, '机械制造241班', 't1', NOW(3)"
                  + " FROM person WHERE account = ?",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setLong(1, id);
        ps.setString(2, FILLED);
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          response = rs.getLong(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO form_answer (response_id, question_id, form_id, text_value)"
                  + " VALUES (?, ?, ?, '3 号楼 402 水龙头漏水')")) {
        ps.setLong(1, response);
        ps.setLong(2, question);
        ps.setLong(3, id);
        ps.executeUpdate();
      }
      return id;
    }
  }
}
