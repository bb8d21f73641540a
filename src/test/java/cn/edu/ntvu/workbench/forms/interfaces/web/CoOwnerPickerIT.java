package cn.edu.ntvu.workbench.forms.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.db;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 共同负责人 by the people-and-groups picker (issue 16), at 360×640 in WeCom: the teacher 刘敏秀 finds 毛敏
 * by name, saves, and after a reload 毛敏 is still a chip and a row of form_co_owner; a forged chip
 * naming a student (the picker offers staff only) is refused beside the section and stores nothing.
 */
class CoOwnerPickerIT {
  @RegisterExtension static Browser teacher = Browser.weCom().windowSize(360, 640);

  private static final String TEACHER = "10004";

  /** 毛敏, a counsellor of dept 01. */
  private static final String CO_OWNER = "10001";

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  @Test
  void aCoOwnerChosenByNameIsSavedAndShownAfterAReloadAndAForgedStudentIsRefused()
      throws Exception {
    long id = draft("共同负责人测试");
    ChromeDriver d = teacher.driver();
    d.manage().deleteAllCookies();
    d.get(app + "/forms/edit.xhtml?id=" + id);
    WebDriverWait w = Browser.waitFor(d, Duration.ofSeconds(30));
    w.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    d.findElement(By.id("account")).sendKeys(TEACHER);
    d.findElement(By.id("continue")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("co-owner-picker_input")));

    WebElement input = d.findElement(By.id("co-owner-picker_input"));
    input.sendKeys("毛敏");
    WebElement item =
        w.until(
            dr ->
                dr.findElements(By.cssSelector(".wb-picker-panel .ui-autocomplete-item")).stream()
                    .filter(e -> e.isDisplayed() && e.getText().contains(CO_OWNER))
                    .findFirst()
                    .orElse(null));
    ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", item);
    item.click();
    w.until(dr -> chips(dr).contains("毛敏"));
    d.findElement(By.id("save-co-owners")).click();
    w.until(
        dr -> {
          try {
            return count(
                    "SELECT COUNT(*) FROM form_co_owner WHERE form_id = ? AND account = ?",
                    id,
                    CO_OWNER)
                == 1;
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });

    d.navigate().refresh();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("co-owner-picker_input")));
    assertThat(chips(d)).contains("毛敏").contains(CO_OWNER);
    teacher.screenshot("co-owner-picker-360-saved");

    // a forged chip: 田芬, a student — co-owners are staff
    ((JavascriptExecutor) d)
        .executeScript(
            "var s = document.getElementById('co-owner-picker_hinput');"
                + "var o = document.createElement('option');"
                + "o.value = 'PERSON:20240100001'; o.selected = true; s.appendChild(o);");
    d.findElement(By.id("save-co-owners")).click();
    w.until(ExpectedConditions.presenceOfElementLocated(By.id("co-owner-problems")));
    assertThat(d.findElement(By.id("co-owner-problems")).getText()).contains("20240100001");
    assertThat(count("SELECT COUNT(*) FROM form_co_owner WHERE form_id = ?", id)).isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM form_co_owner WHERE form_id = ? AND account = '20240100001'",
                id))
        .isZero();
  }

  private static String chips(WebDriver d) {
    return d.findElements(By.cssSelector("#co-owner-picker .ui-autocomplete-token")).stream()
        .map(WebElement::getText)
        .reduce("", (a, b) -> a + "|" + b);
  }

  private static long draft(String title) throws SQLException {
    try (Connection c = db()) {
      long id;
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO form (title, status, owner_account, owner_name,"
                  + " created_at, deadline) SELECT ?, 'DRAFT', account, name, NOW(3),"
                  + " '2026-12-31 18:00:00' FROM person WHERE account = ?",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, title);
        ps.setString(2, TEACHER);
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
