package cn.edu.ntvu.workbench.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** Proves the harness itself: the database speaks utf8mb4 and CAS issues tickets. */
class HarnessSmokeIT {

  @RegisterExtension static final Browser browser = Browser.weCom().language("zh-CN");

  @Test
  void databaseKeepsChineseAndEmoji() throws Exception {
    EmbeddedMariaDb db = TestServers.database();
    try (Connection c = db.appConnection(TestServers.IT_SCHEMA);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE harness_smoke (id INT PRIMARY KEY, name VARCHAR(20))");
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO harness_smoke VALUES (?, ?)")) {
        insert.setInt(1, 1);
        insert.setString(2, "张三 🎓");
        insert.executeUpdate();
      }
      try (ResultSet rs = s.executeQuery("SELECT name FROM harness_smoke WHERE id = 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("张三 🎓");
      }
      s.execute("DROP TABLE harness_smoke");
    }
    // The app reads DB_URL from the environment; failsafe hands it the same server.
    assertThat(System.getenv("DB_URL")).isEqualTo(db.jdbcUrl(TestServers.IT_SCHEMA));
  }

  @Test
  void casIssuesServiceTicketsAndRejectsWrongPasswords() {
    CasServer cas = TestServers.cas();
    String service = "http://127.0.0.1:1/x";

    assertThat(cas.signIn(TestUsers.STUDENT, service)).startsWith(service + "?ticket=ST-");
    assertThat(cas.signIn(TestUsers.GHOST, service)).startsWith(service + "?ticket=ST-");

    var wrong =
        new TestUsers.TestUser(
            TestUsers.STUDENT.account(), "wrong", "x", TestUsers.STUDENT.attrs());
    assertThat(cas.signIn(wrong, service)).isNull();
  }

  @Test
  void chromiumRendersTheCasFormInChinese() {
    var driver = browser.open(TestServers.cas().loginUrl());

    // CAS localises its form from Accept-Language; the screenshot shows whether CJK glyphs render.
    assertThat(driver.findElement(By.id("username")).isDisplayed()).isTrue();
    assertThat(driver.getPageSource()).contains("用户名");
    assertThat(browser.screenshot("harness-cas-login")).exists();
    assertThat(driver.executeScript("return navigator.userAgent")).asString().contains("wxwork");
    assertThat(driver.executeScript("return window.innerWidth")).isEqualTo(390L);
  }
}
