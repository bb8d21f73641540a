package cn.edu.ntvu.workbench.portal.interfaces.web;

import static cn.edu.ntvu.workbench.testsupport.E2eDb.count;
import static cn.edu.ntvu.workbench.testsupport.E2eDb.exec;
import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 工作台自定义展示 (issue 21 item 5) in Chromium: an admin at 1366×768 sets the keydata template — a wrong
 * row is refused beside its field with everything typed kept, WeCom's refusal is said in Chinese
 * beside the save button, then it is set at the stand-in; the page at 360; a student's forged post
 * changes nothing.
 */
class NativeTileAdminIT {
  @RegisterExtension static Browser admin = Browser.weCom().windowSize(1366, 768);

  @AfterAll
  static void templateOff() throws Exception {
    exec("DELETE FROM workbench_native_template");
    exec("DELETE FROM workbench_native_dirty");
  }

  @Test
  void anAdminSetsTheTemplateWrongRowsAndWeComsRefusalAreSaidBesideTheirFields() throws Exception {
    String app = TestServers.appUrl(); // first: it starts the app, whose start creates the tables
    exec("DELETE FROM workbench_native_template");
    ChromeDriver d = admin.driver();
    d.manage().deleteAllCookies();
    d.get(app + "/admin/workbench/native.xhtml");
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(60));
    wait.until(ExpectedConditions.urlContains("/wecom-standin/connect/oauth2/authorize"));
    d.findElement(By.id("account")).sendKeys(TestUsers.ADMIN.account());
    d.findElement(By.id("continue")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("badge1")));

    new Select(d.findElement(By.id("badge1"))).selectByValue("leave:waiting-for-me");
    d.findElement(By.id("label1")).sendKeys("待审批");
    d.findElement(By.id("url1")).sendKeys("https://wb.example.edu.cn/leave/");
    d.findElement(By.id("label2")).sendKeys("待填写"); // no number chosen
    d.findElement(By.id("save")).click();
    // The page before the post has the (empty) message span too: wait for the answer's text, not
    // for the element, or the check may read the page while it is being replaced.
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("badge2-error"), "第 2 项"));
    assertThat(d.findElement(By.id("label2")).getAttribute("value")).isEqualTo("待填写");
    assertThat(d.findElement(By.id("url1")).getAttribute("value"))
        .isEqualTo("https://wb.example.edu.cn/leave/");
    admin.screenshot("native-1366-row-refused");

    new Select(d.findElement(By.id("badge2"))).selectByValue("forms:to-fill");
    TestServers.standIn().failNext("/cgi-bin/agent/set_workbench_template", 48002, 1, 0);
    d.findElement(By.id("save")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-error"), "48002"));
    assertThat(d.findElement(By.id("save-error")).getText()).contains("企业微信");
    assertThat(count("SELECT COUNT(*) FROM workbench_native_template")).isZero();
    admin.screenshot("native-1366-wecom-refused");

    d.findElement(By.id("save")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("native-saved")));
    assertThat(count("SELECT COUNT(*) FROM workbench_native_template")).isEqualTo(1);
    var template =
        TestServers.standIn().get("/_control/workbench?limit=1").getJsonObject("template");
    assertThat(template.getJsonObject("keydata").getJsonArray("items")).hasSize(2);
    assertThat(d.findElement(By.id("label1")).getAttribute("value")).isEqualTo("待审批");
    admin.screenshot("native-1366-saved");

    d.manage().window().setSize(new org.openqa.selenium.Dimension(360, 640));
    d.navigate().refresh();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("badge1")));
    assertThat(
            (Boolean)
                d.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth + 1;"))
        .as("no sideways scrolling at 360")
        .isTrue();
    admin.screenshot("native-360");
    d.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
  }

  @Test
  void aStudentsForgedPostChangesNothing() throws Exception {
    String app = TestServers.appUrl();
    long before = count("SELECT COUNT(*) FROM workbench_native_template");
    WebSession student = WeComStandInScreen.signedIn(app + "/", TestUsers.STUDENT.account());
    var page = student.get(app + "/admin/workbench/native.xhtml");
    assertThat(page.statusCode()).isEqualTo(403);
    var post =
        student.post(
            app + "/admin/workbench/native.xhtml",
            Map.of(
                "native", "native",
                "badge1", "forms:to-fill",
                "label1", "伪造",
                "save", "保存",
                "jakarta.faces.ViewState", "stateless"));
    assertThat(post.statusCode()).isIn(403, 302);
    assertThat(count("SELECT COUNT(*) FROM workbench_native_template")).isEqualTo(before);
    assertThat(count("SELECT COUNT(*) FROM workbench_native_template WHERE items LIKE '%伪造%'"))
        .isZero();
  }
}
