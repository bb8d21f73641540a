package cn.edu.ntvu.workbench.attendance.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.CasWebSession;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 考勤设置 (issue 19, item 5) at 1366×768 and 360×640: an admin sets the alert ratio and the edit
 * window; "2/0", "abc", 0 and 400 days are refused beside their field with the typed value kept and
 * nothing saved; a good value is saved, audited and in effect (the page's 现行 line, read back by the
 * service); a blank field goes back to the config default. A teacher's forged post changes nothing.
 */
class AttendanceSettingsIT {
  @RegisterExtension static Browser browser = Browser.weCom().windowSize(1366, 768);

  private static String app;

  @BeforeAll
  static void setUp() throws Exception {
    app = TestServers.appUrl();
    reset();
  }

  @AfterAll
  static void reset() throws Exception {
    exec("DELETE FROM attendance_settings");
  }

  private static void type(ChromeDriver d, String id, String value) {
    var field = d.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private static void save(ChromeDriver d, WebDriverWait wait) {
    var button = d.findElement(By.id("save"));
    button.click();
    wait.until(ExpectedConditions.stalenessOf(button));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
  }

  private static String value(ChromeDriver d, String id) {
    return d.findElement(By.id(id)).getAttribute("value");
  }

  @Test
  void anAdminSetsTheRatioAndTheWindowAndBadValuesAreSaidBesideTheirField() throws Exception {
    ChromeDriver d = browser.signInThroughWeCom(app + "/admin/attendance.xhtml", "10857");
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    assertThat(d.findElement(By.id("in-effect")).getText()).contains("1/3").contains("7 天");
    assertThat(d.findElement(By.id("alertRatio-hint")).getText())
        .contains("默认 1/3")
        .contains("attendance.alert-ratio");
    assertThat(d.findElement(By.id("admin-nav")).getText()).contains("考勤设置");
    long audited = count("SELECT COUNT(*) FROM audit_entry WHERE action = 'ATTENDANCE_SETTINGS'");

    // nonsense: each said beside its field, what was typed kept, nothing saved
    type(d, "alertRatio", "2/0");
    type(d, "editDays", "400");
    save(d, wait);
    assertThat(d.findElement(By.id("alertRatio-problem")).getText()).contains("“2/0”不是有效的比例");
    assertThat(d.findElement(By.id("editDays-problem")).getText())
        .contains("“400”不是有效的天数")
        .contains("1 到 60");
    assertThat(value(d, "alertRatio")).isEqualTo("2/0");
    assertThat(value(d, "editDays")).isEqualTo("400");
    browser.screenshot("attendance-settings-refused-1366");
    type(d, "alertRatio", "abc");
    type(d, "editDays", "0");
    save(d, wait);
    assertThat(d.findElement(By.id("alertRatio-problem")).getText()).contains("“abc”");
    assertThat(d.findElement(By.id("editDays-problem")).getText()).contains("“0”");
    assertThat(value(d, "alertRatio")).isEqualTo("abc");
    assertThat(value(d, "editDays")).isEqualTo("0");
    type(d, "alertRatio", "1/4");
    type(d, "editDays", "x1");
    save(d, wait);
    assertThat(d.findElements(By.id("alertRatio-problem"))).isEmpty();
    assertThat(d.findElement(By.id("editDays-problem")).getText()).contains("“x1”");
    assertThat(count("SELECT COUNT(*) FROM attendance_settings")).isZero();

    // good values: saved for every server, audited, in effect
    type(d, "alertRatio", "25%");
    type(d, "editDays", "10");
    save(d, wait);
    assertThat(d.findElement(By.id("saved")).getText()).contains("考勤设置已保存");
    assertThat(value(d, "alertRatio")).isEqualTo("1/4");
    assertThat(d.findElement(By.id("in-effect")).getText()).contains("1/4").contains("10 天");
    assertThat(query("SELECT CONCAT(alert_ratio, ':', edit_days) FROM attendance_settings"))
        .isEqualTo("1/4:10");
    assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'ATTENDANCE_SETTINGS'"))
        .isEqualTo(audited + 1);
    assertThat(
            query(
                "SELECT after_values FROM audit_entry WHERE action = 'ATTENDANCE_SETTINGS'"
                    + " ORDER BY id DESC LIMIT 1"))
        .contains("1/4")
        .contains("10");
    browser.screenshot("attendance-settings-saved-1366");

    // at phone width: no sideways scroll, the fields as saved
    d.manage().window().setSize(new Dimension(360, 640));
    d.get(app + "/admin/attendance.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save")));
    assertThat(value(d, "editDays")).isEqualTo("10");
    Object fits =
        d.executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
    assertThat(fits).as("no sideways scrolling at 360 px").isEqualTo(true);
    assertThat(d.findElement(By.id("save")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
    browser.screenshot("attendance-settings-360");

    // blank: back to the config defaults
    type(d, "alertRatio", "");
    d.findElement(By.id("alertRatio")).clear();
    d.findElement(By.id("editDays")).clear();
    save(d, wait);
    assertThat(d.findElement(By.id("in-effect")).getText()).contains("1/3").contains("7 天");
    assertThat(
            query(
                "SELECT CONCAT(COALESCE(alert_ratio, '-'), ':', COALESCE(edit_days, '-'))"
                    + " FROM attendance_settings"))
        .isEqualTo("-:-");
    d.manage().window().setSize(new Dimension(1366, 768));
  }

  @Test
  void aTeachersForgedPostChangesNothing() throws Exception {
    exec(
        "INSERT INTO attendance_settings (id, alert_ratio, edit_days, version, changed_by,"
            + " changed_at) VALUES (1, '1/2', 5, 1, '10857', '2026-11-25 09:00:00')"
            + " ON DUPLICATE KEY UPDATE alert_ratio = '1/2', edit_days = 5");
    try {
      WebSession teacher = CasWebSession.signedIn(app, TestUsers.TEACHER);
      assertThat(teacher.get(app + "/admin/attendance.xhtml").statusCode()).isEqualTo(403);
      Map<String, String> form = new LinkedHashMap<>();
      form.put("settings", "settings");
      form.put("alertRatio", "1/1");
      form.put("editDays", "60");
      form.put("save", "保存");
      form.put("jakarta.faces.ViewState", "-1:-1");
      HttpResponse<String> forged = teacher.post(app + "/admin/attendance.xhtml", form);
      assertThat(forged.statusCode()).isEqualTo(403);
      WebSession student = CasWebSession.signedIn(app, TestUsers.STUDENT);
      assertThat(student.post(app + "/admin/attendance.xhtml", form).statusCode()).isEqualTo(403);
      assertThat(query("SELECT CONCAT(alert_ratio, ':', edit_days) FROM attendance_settings"))
          .isEqualTo("1/2:5");
    } finally {
      reset();
    }
  }
}
