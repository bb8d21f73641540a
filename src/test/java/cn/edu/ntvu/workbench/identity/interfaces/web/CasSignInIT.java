package cn.edu.ntvu.workbench.identity.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.CasServer;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.TestUsers.TestUser;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in outside WeCom through a real Apereo CAS server (pac4j-cas, CAS 3.0 protocol): deep links,
 * people who are not in the directory, bad tickets, open-redirect attempts, single logout both
 * ways.
 */
class CasSignInIT {
  private static final Pattern EXECUTION =
      Pattern.compile("name=\"execution\"\\s+value=\"([^\"]+)\"");

  private static String app;
  private static CasServer cas;

  @BeforeAll
  static void servers() {
    app = TestServers.appUrl();
    cas = TestServers.cas();
  }

  /**
   * Walks from {@code path} through CAS with {@code user}; returns every hop after the CAS form.
   */
  private static List<HttpResponse<String>> signIn(WebSession web, String path, TestUser user) {
    List<HttpResponse<String>> toCas = web.follow(app + path);
    HttpResponse<String> form = toCas.get(toCas.size() - 1);
    assertThat(form.uri().toString()).startsWith(cas.loginUrl());
    assertThat(form.statusCode()).isEqualTo(200);
    Matcher m = EXECUTION.matcher(form.body());
    assertThat(m.find()).as("CAS login form").isTrue();
    HttpResponse<String> posted =
        web.post(
            cas.loginUrl(),
            Map.of(
                "username", user.account(),
                "password", user.password(),
                "execution", m.group(1),
                "_eventId", "submit"));
    assertThat(posted.statusCode()).as("CAS accepts the password").isEqualTo(302);
    return web.follow(WebSession.location(posted));
  }

  private static HttpResponse<String> last(List<HttpResponse<String>> hops) {
    return hops.get(hops.size() - 1);
  }

  @Test
  void aDeepLinkLandsOnItsPageAfterCasSignIn() {
    WebSession web = new WebSession();
    List<HttpResponse<String>> hops =
        signIn(web, "/index.xhtml?from=portal&x=%E4%B8%AD", TestUsers.COUNSELLOR);

    HttpResponse<String> page = last(hops);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.uri().toString()).isEqualTo(app + "/index.xhtml?from=portal&x=%E4%B8%AD");
    assertThat(page.body()).contains("你好，" + TestUsers.COUNSELLOR.name()).contains("辅导员");
    assertThat(hops.get(0).uri().getPath()).isEqualTo("/callback");
  }

  @Test
  void theSessionIdChangesAtSignIn() {
    WebSession web = new WebSession();
    web.follow(app + "/login/wecom?target=/"); // any pre-sign-in session
    String before = sessionId(web);
    signIn(web, "/", TestUsers.STUDENT);
    assertThat(sessionId(web)).isNotNull().isNotEqualTo(before);
  }

  private static String sessionId(WebSession web) {
    return web.cookies().stream()
        .filter(c -> c.getName().equals("WBSESSION"))
        .map(c -> c.getValue())
        .findFirst()
        .orElse(null);
  }

  @Test
  void somebodyNotInTheDirectoryGetsAClearPageAndNoLoop() {
    WebSession web = new WebSession();
    HttpResponse<String> page = last(signIn(web, "/", TestUsers.GHOST));

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body())
        .contains("data-problem=\"notInDirectory\"")
        .contains("ghost01")
        .contains("不在学校通讯录中");
    // Trying again goes through CAS single sign-on and ends on the same page, never in a loop.
    HttpResponse<String> again = last(web.follow(app + "/"));
    assertThat(again.statusCode()).isEqualTo(403);
    assertThat(again.body()).contains("notInDirectory");
  }

  @Test
  void aReplayedTicketIsRefusedWithAClearPage() {
    WebSession first = new WebSession();
    List<HttpResponse<String>> hops = signIn(first, "/", TestUsers.STUDENT);
    String callbackWithTicket = hops.get(0).uri().toString();
    assertThat(callbackWithTicket).contains("ticket=ST-");

    WebSession attacker = new WebSession();
    attacker.follow(app + "/login/cas?target=/"); // a session on our side that expects a CAS answer
    HttpResponse<String> replay = last(attacker.follow(callbackWithTicket));
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(replay.body()).contains("data-problem=\"ticketInvalid\"");
    assertThat(last(attacker.follow(app + "/")).uri().toString()).startsWith(cas.loginUrl());
  }

  @Test
  void aTicketIssuedForAnotherServiceIsRefused() {
    String elsewhere = cas.signIn(TestUsers.STUDENT, "http://127.0.0.1:9/other-app/");
    assertThat(elsewhere).contains("ticket=ST-");
    String ticket = elsewhere.substring(elsewhere.indexOf("ticket=") + 7);

    WebSession web = new WebSession();
    web.follow(app + "/login/cas?target=/");
    HttpResponse<String> page =
        last(web.follow(app + "/callback?client_name=CasClient&ticket=" + ticket));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("ticketInvalid");
  }

  @Test
  void targetsOutsideTheAppAreIgnored() {
    WebSession web = new WebSession();
    signIn(web, "/", TestUsers.STUDENT);
    for (String evil : List.of("https://evil.example/", "//evil.example/", "/\\evil.example")) {
      HttpResponse<String> r = web.get(app + "/login?target=" + WebSession.enc(evil));
      assertThat(WebSession.location(r)).isEqualTo(app + "/");
    }
  }

  @Test
  void logoutEndsTheLocalAndTheCasSession() {
    WebSession web = new WebSession();
    HttpResponse<String> home = last(signIn(web, "/", TestUsers.DEAN));

    HttpResponse<String> out = web.signOut(app, home);
    assertThat(WebSession.location(out))
        .startsWith(cas.prefixUrl() + "/logout?service=")
        .contains(WebSession.enc(app + "/signed-out.xhtml"));
    HttpResponse<String> signedOut = last(web.follow(WebSession.location(out)));
    assertThat(signedOut.uri().getPath()).isEqualTo("/signed-out.xhtml");
    assertThat(signedOut.body()).contains("你已退出");
    // CAS forgot us too: the next visit shows the CAS login form again, not a silent sign-in.
    assertThat(last(web.follow(app + "/")).uri().toString()).startsWith(cas.loginUrl());
  }

  @Test
  void aCasBackChannelLogoutEndsTheMatchingLocalSession() throws Exception {
    WebSession web = new WebSession();
    String ticket = ticketOf(signIn(web, "/", TestUsers.STUDENT_AFFAIRS));
    assertThat(web.get(app + "/").statusCode()).isEqualTo(200);
    // The sign-in was recorded when CAS handed the ticket over, so that CAS's logout request is
    // recognised.
    assertThat(count("SELECT COUNT(*) FROM cas_sign_in WHERE ticket = ?", ticket)).isEqualTo(1);

    // Sign out at CAS directly (another app, or the portal): CAS posts a logoutRequest to our
    // callback.
    web.follow(cas.prefixUrl() + "/logout");

    HttpResponse<String> after = web.get(app + "/");
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(WebSession.location(after)).startsWith(app + "/login");
    assertThat(count("SELECT COUNT(*) FROM cas_logout WHERE ticket = ?", ticket)).isEqualTo(1);
  }

  @Test
  void aForgedLogoutRequestForATicketWeDidNotIssueChangesNoRow() throws Exception {
    WebSession victim = new WebSession();
    String ticket = ticketOf(signIn(victim, "/", TestUsers.COUNSELLOR));
    long logouts = count("SELECT COUNT(*) FROM cas_logout");
    long signIns = count("SELECT COUNT(*) FROM cas_sign_in");
    String callback = app + "/callback?client_name=CasClient";
    WebSession attacker = new WebSession();
    List<String> forged =
        List.of("ST-1-forged-" + System.nanoTime(), ticket + "0", ticket.substring(0, 10));
    for (String t : forged) {
      HttpResponse<String> r = attacker.post(callback, Map.of("logoutRequest", logoutRequest(t)));
      assertThat(r.statusCode()).as(t).isEqualTo(200);
    }
    // Entities would turn this into the victim's own ticket: a DOCTYPE is refused before anything
    // is read.
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY t \""
            + ticket
            + "\">]>"
            + logoutRequest("&t;");
    assertThat(attacker.post(callback, Map.of("logoutRequest", xxe)).statusCode()).isEqualTo(400);
    assertThat(attacker.post(callback, Map.of("logoutRequest", "not xml")).statusCode())
        .isEqualTo(400);
    // The same request as a link (front channel) does nothing either.
    assertThat(
            attacker
                .get(callback + "&logoutRequest=" + WebSession.enc(logoutRequest(ticket)))
                .statusCode())
        .isEqualTo(400);

    assertThat(count("SELECT COUNT(*) FROM cas_logout"))
        .as("rows of ended sign-ins")
        .isEqualTo(logouts);
    assertThat(count("SELECT COUNT(*) FROM cas_sign_in")).isEqualTo(signIns);
    Thread.sleep(2_500); // past any server's re-check of the victim's ticket
    HttpResponse<String> home = victim.get(app + "/");
    assertThat(home.statusCode()).as("the victim is still signed in").isEqualTo(200);
    assertThat(home.body()).contains(TestUsers.COUNSELLOR.name());
  }

  @Test
  void anOversizedLogoutBodyIsRefusedBeforeItIsRead() throws Exception {
    long logouts = count("SELECT COUNT(*) FROM cas_logout");
    // Announced as 10 MB, only 20 KB sent: the answer comes without waiting for the rest.
    String head =
        "POST /callback?client_name=CasClient HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000000\r\n\r\n";
    assertThat(rawStatus(head, "logoutRequest=" + "A".repeat(20_000))).isEqualTo(413);
    // Chunked, no length announced: read up to the limit, then refused.
    String chunked =
        "POST /callback?client_name=CasClient HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n";
    String big = "logoutRequest=" + "B".repeat(20_000);
    assertThat(
            rawStatus(chunked, Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n"))
        .isEqualTo(413);
    assertThat(count("SELECT COUNT(*) FROM cas_logout")).isEqualTo(logouts);
  }

  private static String logoutRequest(String ticket) {
    return "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
        + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"LR-1\" Version=\"2.0\""
        + " IssueInstant=\"2026-11-25T10:20:00Z\"><saml:NameID>@NOT_USED@</saml:NameID>"
        + "<samlp:SessionIndex>"
        + ticket
        + "</samlp:SessionIndex></samlp:LogoutRequest>";
  }

  private static String ticketOf(List<HttpResponse<String>> hops) {
    String callback = hops.get(0).uri().toString();
    assertThat(callback).contains("ticket=ST-");
    return callback.substring(callback.indexOf("ticket=") + 7);
  }

  private static long count(String sql, Object... args) throws Exception {
    return cn.edu.ntvu.workbench.testsupport.E2eDb.count(sql, args);
  }

  /**
   * Sends {@code head} and {@code body} over a plain socket and returns the status of the answer.
   */
  private static int rawStatus(String head, String body) throws Exception {
    java.net.URI base = java.net.URI.create(app);
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", base.getPort())) {
      s.setSoTimeout(30_000);
      var out = s.getOutputStream();
      out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      try {
        out.write(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.flush();
      } catch (java.io.IOException closedEarly) {
        // The server may answer and close before the body is all sent: the answer is what counts.
      }
      String status =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(
                      s.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  @Test
  void aLogoutRequestReceivedByAnotherServerEndsTheSessionHereToo() throws Exception {
    WebSession web = new WebSession();
    List<HttpResponse<String>> hops = signIn(web, "/", TestUsers.COUNSELLOR);
    String callback = hops.get(0).uri().toString();
    String ticket = callback.substring(callback.indexOf("ticket=") + 7);
    assertThat(web.get(app + "/").statusCode()).isEqualTo(200);

    // Another server got CAS's logoutRequest and recorded it; this server never saw the request.
    try (var c = TestServers.database().appConnection(TestServers.E2E_SCHEMA);
        var ps = c.prepareStatement("INSERT INTO cas_logout (ticket) VALUES (?)")) {
      ps.setString(1, ticket);
      ps.executeUpdate();
    }
    Thread.sleep(2_500); // a server re-checks a ticket at most every 2 s
    HttpResponse<String> after = web.get(app + "/");
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(WebSession.location(after)).startsWith(app + "/login");
  }
}
