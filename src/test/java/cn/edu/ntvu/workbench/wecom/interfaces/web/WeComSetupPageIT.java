package cn.edu.ntvu.workbench.wecom.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.Browser;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import cn.edu.ntvu.workbench.wecom.application.WeComCallbackSettings;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * /admin/wecom/setup.xhtml: what to paste into WeCom's console (and no secret), admins only; the
 * domain verification file uploaded in Chromium, stored, audited and served at the site root
 * without sign-in; bad files refused.
 */
class WeComSetupPageIT {
  @RegisterExtension static Browser browser = Browser.weCom();

  private static String app;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
  }

  private static String page() {
    return app + "/admin/wecom/setup.xhtml";
  }

  @Test
  void theAdminSeesWhatToPasteAndNoSecret() {
    WebSession admin = WeComStandInScreen.signedIn(page(), TestUsers.ADMIN.account());
    HttpResponse<String> r = admin.get(page());
    assertThat(r.statusCode()).isEqualTo(200);
    String host = URI.create(app).getHost() + ":" + URI.create(app).getPort();
    assertThat(r.body())
        .contains("企业微信配置")
        .contains(">" + app + "/wecom/callback</textarea>")
        .contains(">" + host + "</textarea>")
        .contains(">" + app + "/login/wecom?target=%2F</textarea>")
        .contains(">" + app + "/login/wecom?target=%2Ftimetable%2F</textarea>")
        .contains("已在服务器配置")
        .contains("WECOM_CALLBACK_TOKEN")
        .contains("WECOM_CALLBACK_AES_KEY")
        .contains("wwdevcorp0000000001")
        .doesNotContain(WeComCallbackSettings.DEV_TOKEN)
        .doesNotContain(WeComCallbackSettings.DEV_AES_KEY);
    // the home page links it for admins
    assertThat(admin.get(app + "/").body()).contains("id=\"admin-wecom\"");
  }

  @Test
  void otherPeopleAreRefusedThePageAndItsForm() {
    WebSession student = WeComStandInScreen.signedIn(app + "/", TestUsers.STUDENT.account());
    assertThat(student.get(page()).statusCode()).isEqualTo(403);
    HttpResponse<String> forged =
        student.post(
            page(),
            Map.of("verify", "verify", "verify:upload", "上传", "jakarta.faces.ViewState", "x"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(student.get(app + "/").body()).doesNotContain("id=\"admin-wecom\"");
  }

  @Test
  void anUploadedVerificationFileIsServedAtTheRootAndAudited() throws Exception {
    ChromeDriver d = signInAsAdmin();
    upload(d, "WW_verify_Abc123Def456Gh78.txt", "Abc123Def456Gh78\n");
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("messages"), "已保存 WW_verify_Abc123Def456Gh78.txt"));
    assertThat(d.findElement(By.id("verify-files")).getText())
        .contains("WW_verify_Abc123Def456Gh78.txt")
        .contains("10857")
        .containsPattern("20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d，");
    browser.screenshot("wecom-setup-uploaded");
    d.executeScript("document.getElementById('wc-verify').scrollIntoView({block: 'end'});");
    browser.screenshot("wecom-setup-verify-file");

    HttpResponse<String> served = new WebSession().get(app + "/WW_verify_Abc123Def456Gh78.txt");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(served.body()).isEqualTo("Abc123Def456Gh78");
    assertThat(new WebSession().get(app + "/WW_verify_NotUploaded1234.txt").statusCode())
        .isEqualTo(404);
    // An encoded slash is not a canonical path: refused before anything looks for a file.
    assertThat(new WebSession().get(app + "/WW_verify_..%2Fx.txt").statusCode()).isEqualTo(400);

    try (Connection c = TestServers.database().appConnection(TestServers.E2E_SCHEMA);
        PreparedStatement q =
            c.prepareStatement(
                "SELECT actor_account, after_values FROM audit_entry WHERE action = 'WECOM_VERIFY_FILE_UPLOAD'"
                    + " AND object_id = 'WW_verify_Abc123Def456Gh78.txt'")) {
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).as("audit entry").isTrue();
        assertThat(rs.getString(1)).isEqualTo(TestUsers.ADMIN.account());
        assertThat(rs.getString(2)).contains("Abc123Def456Gh78");
      }
    }
  }

  @Test
  void filesThatAreNotWeComsAreRefusedWithTheReason() throws Exception {
    ChromeDriver d = signInAsAdmin();
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(20));
    upload(d, "index.html", "<html><script>alert(1)</script></html>");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "文件名应为 WW_verify_"));
    upload(d, "WW_verify_Script0000.txt", "<script>alert(1)</script>");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "文件内容不像企业微信的校验文件"));
    upload(d, "WW_verify_Large0000.txt", "A".repeat(5000));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "文件过大"));
    browser.screenshot("wecom-setup-refused");
    assertThat(new WebSession().get(app + "/WW_verify_Script0000.txt").statusCode()).isEqualTo(404);
    assertThat(new WebSession().get(app + "/index.html").statusCode()).isNotEqualTo(200);
  }

  private static ChromeDriver signInAsAdmin() {
    ChromeDriver d = browser.driver();
    d.manage().deleteAllCookies();
    d.get(page());
    WebDriverWait wait = Browser.waitFor(d, Duration.ofSeconds(30));
    if (d.getCurrentUrl().contains("/wecom-standin/connect/oauth2/authorize")) {
      d.findElement(By.id("account")).sendKeys(TestUsers.ADMIN.account());
      d.findElement(By.id("continue")).click();
    }
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verify:upload")));
    return d;
  }

  private static void upload(ChromeDriver d, String name, String content) throws Exception {
    Path dir = Files.createTempDirectory("wecom-verify");
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    d.findElement(By.id("verify:file")).sendKeys(file.toAbsolutePath().toString());
    var button = d.findElement(By.id("verify:upload"));
    button.click();
    Browser.waitFor(d, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(button));
  }
}
