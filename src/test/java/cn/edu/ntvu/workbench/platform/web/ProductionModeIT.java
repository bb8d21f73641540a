package cn.edu.ntvu.workbench.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.EmbeddedMariaDb;
import cn.edu.ntvu.workbench.testsupport.PayaraMicro;
import cn.edu.ntvu.workbench.testsupport.Ports;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged WAR in production mode, on a MariaDB of its own: no stand-ins, no demo data, a
 * request cannot switch them on, and readiness goes DOWN when the database goes away. The last test
 * stops this class's database, hence the fixed order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionModeIT {
  private static EmbeddedMariaDb db;
  private static PayaraMicro app;

  @BeforeAll
  static void start() {
    Path work = Path.of(System.getProperty("test.workDir"), "production");
    db = EmbeddedMariaDb.start(work.resolve("mariadb"), Ports.free());
    db.recreateDatabase("workbench_prod");
    int port = Ports.free();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("APP_MODE", "production");
    env.put("APP_PUBLIC_BASE_URL", "http://localhost:" + port);
    env.put("DB_URL", db.jdbcUrl("workbench_prod"));
    env.put("DB_USER", EmbeddedMariaDb.APP_USER);
    env.put("DB_PASSWORD", EmbeddedMariaDb.APP_PASSWORD);
    env.put("CAS_URL", "http://127.0.0.1:9/cas");
    env.put("WECOM_CORP_ID", "ww0000000000000001");
    env.put("WECOM_AGENT_ID", "1000009");
    env.put("WECOM_AGENT_SECRET", "a-production-secret-that-must-not-leak");
    app =
        PayaraMicro.options()
            .microJar(Path.of(System.getProperty("payara.microJar")))
            .war(Path.of(System.getProperty("test.war")))
            .port(port)
            .preBootCommands(TestServers.serverConfig().resolve("pre-boot-commands.asadmin"))
            .logFile(work.resolve("payara-production.log"))
            .env(env)
            .readyTimeout(Duration.ofMinutes(10))
            .start();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
    if (db != null) {
      db.stop();
    }
  }

  @Test
  @Order(1)
  void theStandInsAndTheDevSignInDoNotExist() {
    WebSession web = new WebSession();
    String base = app.baseUrl();
    // Production deploys workbench.war alone: the stand-in (its own WAR) is not there, nor the old
    // development paths.
    assertThat(web.get(base + "/wecom-standin/cgi-bin/gettoken?corpid=x&corpsecret=y").statusCode())
        .isEqualTo(404);
    assertThat(web.get(base + "/wecom-standin/cas/login").statusCode()).isEqualTo(404);
    assertThat(web.get(base + "/dev/signin.xhtml").statusCode()).isEqualTo(404);
    assertThat(web.get(base + "/dev/wecom-authorize.xhtml?appid=ww0000000000000001").statusCode())
        .isEqualTo(404);
    assertThat(
            web.get(base + "/rest/standin/wecom/cgi-bin/gettoken?corpid=x&corpsecret=y")
                .statusCode())
        .isEqualTo(404);
    assertThat(web.get(base + "/dev/signin.xhtml?app.mode=dev").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void signInGoesToTheRealCasAndWeComAndNoDemoDataIsLoaded() {
    WebSession web = new WebSession();
    HttpResponse<String> toCas = web.get(WebSession.location(web.get(app.baseUrl() + "/")));
    assertThat(WebSession.location(toCas)).startsWith(app.baseUrl() + "/login/cas");
    WebSession weCom = new WebSession().userAgent("Mozilla/5.0 wxwork/4.1.22");
    String authorize = WebSession.location(weCom.get(app.baseUrl() + "/login/wecom?target=/"));
    assertThat(authorize)
        .startsWith("https://open.weixin.qq.com/connect/oauth2/authorize?appid=ww0000000000000001&")
        .endsWith("#wechat_redirect");
    try (var c = db.appConnection("workbench_prod");
        var rs = c.createStatement().executeQuery("select count(*) from person")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    assertThat(web.get(app.baseUrl() + "/").body()).doesNotContain("开发模式");
  }

  /**
   * Payara's MicroProfile endpoints are off (server-config/pre-boot-commands.asadmin, and
   * PayaraEndpointsFilter answers 404 there before any guard), and /health/ready is the app's own
   * UP without details. PayaraEndpointsIT asks for them signed in.
   */
  @Test
  @Order(3)
  void payarasHealthEndpointsAreOffAndReadinessSaysOnlyUp() {
    WebSession web = new WebSession();
    for (String path :
        java.util.List.of("/health", "/health/", "/health/live", "/health/started", "/health/x")) {
      assertThat(web.get(app.baseUrl() + path).statusCode()).as(path).isEqualTo(404);
    }
    HttpResponse<String> ready = web.get(app.baseUrl() + "/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("{\"status\":\"UP\"}");
    for (String path :
        java.util.List.of("/metrics", "/metrics/base", "/openapi", "/openapi/application.wadl")) {
      assertThat(web.get(app.baseUrl() + path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  @Order(3)
  void theSecretNeverAppearsInTheLog() throws Exception {
    assertThat(java.nio.file.Files.readString(app.process().logFile()))
        .doesNotContain("a-production-secret-that-must-not-leak");
  }

  @Test
  @Order(4)
  void aMissingSettingStopsStartUpAndTheLogNamesIt() throws Exception {
    Path work = Path.of(System.getProperty("test.workDir"), "production");
    Path log = work.resolve("payara-missing-setting.log");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("APP_MODE", "production");
    env.put("APP_PUBLIC_BASE_URL", "http://localhost:1");
    env.put("DB_URL", db.jdbcUrl("workbench_prod"));
    env.put("DB_USER", EmbeddedMariaDb.APP_USER);
    env.put("DB_PASSWORD", EmbeddedMariaDb.APP_PASSWORD);
    env.put("CAS_URL", "http://127.0.0.1:9/cas");
    env.put("WECOM_AGENT_ID", "1000009");
    env.put("WECOM_AGENT_SECRET", "another-secret-that-must-not-leak");
    // WECOM_CORP_ID is missing.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                PayaraMicro.options()
                    .microJar(Path.of(System.getProperty("payara.microJar")))
                    .war(Path.of(System.getProperty("test.war")))
                    .port(Ports.free())
                    .logFile(log)
                    .env(env)
                    .readyTimeout(Duration.ofMinutes(3))
                    .graceAfterBoot(Duration.ofSeconds(5))
                    .start())
        .isInstanceOf(RuntimeException.class);
    String text = java.nio.file.Files.readString(log);
    assertThat(text)
        .contains("'wecom.corp-id'")
        .contains("WECOM_CORP_ID")
        .doesNotContain("another-secret");
  }

  @Test
  @Order(5)
  void readinessIsDownWhileTheDatabaseIsGone() throws Exception {
    WebSession web = new WebSession();
    assertThat(web.get(app.baseUrl() + "/health/ready").statusCode()).isEqualTo(200);
    db.stop();
    HttpResponse<String> ready = web.get(app.baseUrl() + "/health/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    // DOWN and no reason (the reason is in the log).
    assertThat(ready.body()).isEqualTo("{\"status\":\"DOWN\"}");
  }
}
