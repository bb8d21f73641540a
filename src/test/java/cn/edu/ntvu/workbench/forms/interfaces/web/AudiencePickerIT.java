package cn.edu.ntvu.workbench.forms.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.db;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The people-and-groups picker on the 收集表 builder (issue 16), in Chromium at 360×640 with WeCom's
 * user agent: the teacher 刘敏秀 (机械工程学院, dept 01) finds 机械制造241班 by "jx" and by "机械", a student by
 * account, never 计算机应用241班 of another department; picks them as chips, removes one, adds the rest
 * and publishes — the audience in the database is what the chips were. A forged post naming the
 * other department's class is refused beside the field and stores nothing.
 */
class AudiencePickerIT {
  @RegisterExtension static Browser teacher = Browser.weCom();

  /** 刘敏秀: teacher of dept 01, no class, no grant. */
  private static final String TEACHER = "10004";

  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta.faces.ViewState:0\" value=\"([^\"]+)\"");
  private static String app;

  @BeforeAll
  static void servers() throws SQLException {
    app = TestServers.appUrl();
    cn.edu.ntvu.workbench.testsupport.E2eDb.exec(
        "DELETE g FROM permission_grant g JOIN person p ON p.id = g.person_id WHERE p.account = ?",
        TEACHER);
  }

  @Test
  void aTeacherPicksAClassByPinyinAndByNameAndAStudentByAccountRemovesOneAndPublishes()
      throws Exception {
    long id = draft(TEACHER, "选人测试");
    ChromeDriver d = signIn("/forms/edit.xhtml?id=" + id);
    WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(30));
    assertThat(d.findElement(By.id("audience-picker")).getSize().getWidth())
        .as("the picker is as wide as its card")
        .isGreaterThan(250);

    // pinyin initials: the class of the teacher's department, under the group 班级
    type(d, "jx");
    WebElement item = suggestion(w, "机械制造241班");
    assertThat(panelText(d)).contains("班级");
    ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView(true)", item);
    teacher.screenshot("picker-360-suggestions");
    item.click();
    w.until(d2 -> chips(d2).contains("机械制造241班"));

    // another department's class is not offered to this teacher
    type(d, "jsj");
    w.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".wb-picker-panel")));
    Thread.sleep(800);
    assertThat(panelText(d)).doesNotContain("计算机应用241班");

    // by name: 机械 offers the class; pick the 机电 class too, to remove it afterwards
    type(d, "机电");
    suggestion(w, "机电一体化261班").click();
    w.until(d2 -> chips(d2).contains("机电一体化261班"));

    // by account: a student of the department
    type(d, "20250100042");
    suggestion(w, "严英").click();
    w.until(d2 -> chips(d2).contains("严英"));
    teacher.screenshot("picker-360-chips");

    // remove one chip
    for (WebElement chip :
        d.findElements(By.cssSelector("#audience-picker .ui-autocomplete-token"))) {
      if (chip.getText().contains("机电一体化261班")) {
        chip.findElement(By.cssSelector(".ui-autocomplete-token-icon")).click();
      }
    }
    w.until(d2 -> !chips(d2).contains("机电一体化261班"));
    assertThat(pickerRight(d)).as("the picker stays inside 360 px").isLessThanOrEqualTo(360);

    d.findElement(By.id("add-picked")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".audience-line")));
    assertThat(audience(id)).containsExactlyInAnyOrder("CLASS 2401000", "PERSON 20250100042");

    ((JavascriptExecutor) d).executeScript("window.confirm = function () { return true; };");
    d.findElement(By.id("publish")).click();
    w.until(ExpectedConditions.urlContains("results.xhtml"));
    assertThat(query("SELECT status FROM form WHERE id = ?", id)).isEqualTo("PUBLISHED");
    assertThat(count("SELECT COUNT(*) FROM form_recipient WHERE form_id = ?", id))
        .as("the class's students and the one student")
        .isGreaterThan(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM form_recipient WHERE form_id = ? AND account = '20250100042'",
                id))
        .isEqualTo(1);
  }

  @Test
  void aForgedChipOfAnotherDepartmentIsRefusedAndStoresNothing() throws Exception {
    long id = draft(TEACHER, "伪造选人");
    WebSession t = WeComStandInScreen.signedIn(app + "/forms/", TEACHER);
    String edit = app + "/forms/edit.xhtml?id=" + id;
    // the picker never offers 计算机应用241班 (dept 02) to this teacher; a hand-made post names it
    // beside a chip of their own
    HttpResponse<String> page = t.get(edit);
    Map<String, String> f = new LinkedHashMap<>();
    f.put("edit", "edit");
    f.put("add-picked", "add-picked");
    Matcher vs = VIEW_STATE.matcher(page.body());
    assertThat(vs.find()).isTrue();
    f.put("jakarta.faces.ViewState", vs.group(1).replace("&#58;", ":").replace("&amp;", "&"));
    HttpResponse<String> r =
        t.post(
            edit,
            f,
            List.of(
                Map.entry("audience-picker_hinput", "CLASS:2401000"),
                Map.entry("audience-picker_hinput", "CLASS:2402003")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"audience-problems\"").contains("2402003");
    assertThat(count("SELECT COUNT(*) FROM form_audience WHERE form_id = ?", id))
        .as("all or nothing: not even the teacher's own class")
        .isZero();
    // the same post with only their own class is stored
    page = t.get(edit);
    vs = VIEW_STATE.matcher(page.body());
    assertThat(vs.find()).isTrue();
    f.put("jakarta.faces.ViewState", vs.group(1).replace("&#58;", ":").replace("&amp;", "&"));
    r = t.post(edit, f, List.of(Map.entry("audience-picker_hinput", "CLASS:2401000")));
    if (WebSession.isRedirect(r)) {
      t.get(WebSession.location(r));
    }
    assertThat(audience(id)).containsExactly("CLASS 2401000");
  }

  // ---- helpers

  private static ChromeDriver signIn(String path) {
    ChromeDriver d = teacher.signInThroughWeCom(app + path, TEACHER);
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audience-picker_input")));
    return d;
  }

  private static void type(ChromeDriver d, String text) {
    WebElement input = d.findElement(By.id("audience-picker_input"));
    input.clear();
    input.sendKeys(text);
  }

  private static WebElement suggestion(WebDriverWait w, String text) {
    return w.until(
        d ->
            d.findElements(By.cssSelector(".wb-picker-panel .ui-autocomplete-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains(text))
                .findFirst()
                .orElse(null));
  }

  private static String panelText(ChromeDriver d) {
    List<WebElement> p = d.findElements(By.cssSelector(".wb-picker-panel"));
    return p.isEmpty() ? "" : p.get(0).getText();
  }

  private static String chips(org.openqa.selenium.WebDriver d) {
    return d.findElements(By.cssSelector("#audience-picker .ui-autocomplete-token")).stream()
        .map(WebElement::getText)
        .reduce("", (a, b) -> a + "|" + b);
  }

  private static long pickerRight(ChromeDriver d) {
    return ((Number)
            ((JavascriptExecutor) d)
                .executeScript(
                    "return Math.ceil(document.getElementById('audience-picker').getBoundingClientRect().right);"))
        .longValue();
  }

  private static List<String> audience(long id) throws SQLException {
    try (Connection c = db();
        PreparedStatement ps =
            c.prepareStatement("SELECT kind, value FROM form_audience WHERE form_id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        List<String> out = new java.util.ArrayList<>();
        while (rs.next()) {
          out.add(rs.getString(1) + " " + rs.getString(2));
        }
        return out;
      }
    }
  }

  private static long draft(String owner, String title) throws SQLException {
    try (Connection c = db()) {
      long id;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO form (title, status, owner_account, owner_name,"
                  + " created_at, deadline) SELECT ?, 'DRAFT', account, name, NOW(3),"
                  + " '2026-12-31 18:00:00' FROM person WHERE account = ?",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, title);
        ps.setString(2, owner);
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO form_question (form_id, position, type, title)"
                  + " VALUES (?, 1, 'TEXT', '备注')")) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
      return id;
    }
  }
}
