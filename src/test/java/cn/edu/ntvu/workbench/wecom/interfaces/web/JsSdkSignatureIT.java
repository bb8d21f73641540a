package cn.edu.ntvu.workbench.wecom.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WeComStandInScreen;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import cn.edu.ntvu.workbench.wecom.domain.JsSdkSignature;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /rest/wecom/jssdk/signature} against the packaged app and the stand-in's tickets: the
 * signatures verify with the tickets the servers share in {@code wecom_credential}, tickets are
 * fetched once, foreign URLs are refused.
 */
class JsSdkSignatureIT {
  private static String app;
  private static WebSession web;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
    web = WeComStandInScreen.signedIn(app + "/", TestUsers.STUDENT.account());
  }

  private static String endpoint(String pageUrl) {
    return app + "/rest/wecom/jssdk/signature?url=" + WebSession.enc(pageUrl);
  }

  private static String storedTicket(String key) throws Exception {
    try (Connection c = TestServers.database().appConnection(TestServers.E2E_SCHEMA);
        PreparedStatement q =
            c.prepareStatement("SELECT value FROM wecom_credential WHERE cache_key = ?")) {
      q.setString(1, key);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).as("ticket %s stored for every server", key).isTrue();
        return rs.getString(1);
      }
    }
  }

  private static int standInCalls(String path) {
    return TestServers.standIn().calls(path);
  }

  @Test
  void bothSignaturesVerifyWithTheSharedTickets() throws Exception {
    String page = app + "/timetable/calendar.xhtml?from=tile&x=%E4%B8%AD#top";
    HttpResponse<String> r = web.get(endpoint(page));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    JsonObject body = Json.createReader(new StringReader(r.body())).readObject();
    assertThat(body.getString("corpId")).isEqualTo(AppSettings.DEV_CORP_ID);
    assertThat(body.getString("agentId")).isEqualTo(AppSettings.DEV_AGENT_ID);

    String corpTicket = storedTicket("jsapi_ticket:" + AppSettings.DEV_CORP_ID);
    String agentTicket =
        storedTicket("agent_ticket:" + AppSettings.DEV_CORP_ID + ":" + AppSettings.DEV_AGENT_ID);
    assertThat(corpTicket).startsWith("standin-").isNotEqualTo(agentTicket);
    for (String[] pair : new String[][] {{"config", corpTicket}, {"agentConfig", agentTicket}}) {
      JsonObject s = body.getJsonObject(pair[0]);
      String expected =
          JsSdkSignature.sign(
                  pair[1], s.getString("nonceStr"), s.getJsonNumber("timestamp").longValue(), page)
              .signature();
      assertThat(s.getString("signature")).as(pair[0]).isEqualTo(expected);
      assertThat(s.getString("nonceStr")).matches("[A-Za-z0-9]{16}");
      assertThat(s.getJsonNumber("timestamp").longValue())
          .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(120L));
    }
  }

  @Test
  void ticketsAreCachedNotFetchedPerPage() {
    assertThat(web.get(endpoint(app + "/")).statusCode()).isEqualTo(200);
    int corpBefore = standInCalls("/cgi-bin/get_jsapi_ticket");
    int agentBefore = standInCalls("/cgi-bin/ticket/get");
    for (int i = 0; i < 5; i++) {
      assertThat(web.get(endpoint(app + "/timetable/week.xhtml?w=" + i)).statusCode())
          .isEqualTo(200);
    }
    assertThat(standInCalls("/cgi-bin/get_jsapi_ticket")).isEqualTo(corpBefore);
    assertThat(standInCalls("/cgi-bin/ticket/get")).isEqualTo(agentBefore);
  }

  @Test
  void onlyPagesOfThisSiteAreSigned() {
    for (String foreign :
        new String[] {"https://evil.example/", "http://localhost:1/", "javascript:alert(1)", ""}) {
      HttpResponse<String> r = web.get(endpoint(foreign));
      assertThat(r.statusCode()).as(foreign).isEqualTo(400);
      assertThat(r.body()).contains("not a page of this site");
    }
    assertThat(web.get(app + "/rest/wecom/jssdk/signature").statusCode()).isEqualTo(400);
  }

  @Test
  void nobodySignedInGetsNoSignature() {
    HttpResponse<String> r = new WebSession().get(endpoint(app + "/"));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(WebSession.location(r)).startsWith(app + "/login?target=");
    assertThat(r.body()).doesNotContain("nonceStr").doesNotContain("\"signature\"");
  }
}
