package cn.edu.ntvu.workbench.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.E2eDb;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guessing from one address is slowed down (issue 14): unknown calendar tokens, forged WeCom OAuth
 * states and bad CAS tickets from one address end in 429 with {@code Retry-After} and a sentence in
 * Chinese and English, while another address is not touched — a real subscriber's calendar keeps
 * working. Requests come from distinct loopback addresses (127.0.0.x, all of them this machine), as
 * they would from different computers, so the rest of the run (127.0.0.1) is never blocked. The
 * limit is the default: {@value Throttle#DEFAULT_BURST} failures at once.
 */
class BruteForceIT {
  private static URI app;

  @BeforeAll
  static void servers() {
    app = URI.create(TestServers.appUrl());
  }

  @Test
  void unknownCalendarTokensFromOneAddressEndIn429WhileAnotherAddressIsServed() throws Exception {
    String good = subscribe("20240100009");
    String guesser = "127.0.0.13";
    int notFound = 0;
    Response last = null;
    for (int i = 0; i < Throttle.DEFAULT_BURST + 5; i++) {
      last = get(guesser, "/calendar/" + randomToken() + ".ics");
      if (last.status == 404) {
        notFound++;
      } else {
        break;
      }
    }
    assertThat(notFound)
        .as("unknown tokens answered before the brake")
        .isEqualTo(Throttle.DEFAULT_BURST);
    assertThat(last.status).isEqualTo(429);
    assertThat(Long.parseLong(last.headers.get("retry-after"))).isBetween(1L, 60L);
    assertThat(last.body).contains("尝试次数过多").contains("Too many attempts");
    // Blocked means blocked: a right token from the guessing address waits too (a hit looks like a
    // miss).
    assertThat(get(guesser, "/calendar/" + good + ".ics").status).isEqualTo(429);
    // The subscriber, from another address, is served as before.
    Response feed = get("127.0.0.12", "/calendar/" + good + ".ics");
    assertThat(feed.status).isEqualTo(200);
    assertThat(feed.body).startsWith("BEGIN:VCALENDAR");
  }

  @Test
  void forgedOAuthStatesFromOneAddressEndIn429() throws Exception {
    String guesser = "127.0.0.14";
    int refused = 0;
    Response last = null;
    for (int i = 0; i < Throttle.DEFAULT_BURST + 5; i++) {
      last = get(guesser, "/login/wecom/callback?code=CODE" + i + "&state=forged" + i);
      if (last.status == 400) {
        refused++;
      } else {
        break;
      }
    }
    assertThat(refused)
        .as("forged states answered with the sign-in problem page")
        .isEqualTo(Throttle.DEFAULT_BURST);
    assertThat(last.status).isEqualTo(429);
    assertThat(last.headers).containsKey("retry-after");
    // Sign-in from elsewhere is unaffected.
    assertThat(get("127.0.0.15", "/login/wecom/callback?code=x&state=forged").status)
        .isEqualTo(400);
  }

  @Test
  void badCasTicketsFromOneAddressEndIn429BeforeTheyReachCas() throws Exception {
    String guesser = "127.0.0.16";
    int refused = 0;
    Response last = null;
    for (int i = 0; i < Throttle.DEFAULT_BURST + 5; i++) {
      last = get(guesser, "/callback?client_name=CasClient&ticket=ST-" + i + "-guessed");
      if (last.status == 400) {
        refused++;
      } else {
        break;
      }
    }
    assertThat(refused)
        .as("tickets CAS refused, each with the sign-in problem page")
        .isEqualTo(Throttle.DEFAULT_BURST);
    assertThat(last.status).isEqualTo(429);
    assertThat(last.body).contains("尝试次数过多");
  }

  // ---- helpers

  /**
   * A calendar subscription for {@code account} made directly in the database; returns its token.
   */
  private static String subscribe(String account) throws Exception {
    String token = randomToken();
    String sha =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
    E2eDb.exec(
        "INSERT INTO calendar_subscription (person_account, token_sha256) VALUES (?, ?)"
            + " ON DUPLICATE KEY UPDATE token_sha256 = VALUES(token_sha256)",
        account,
        sha);
    return token;
  }

  private static String randomToken() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  record Response(int status, Map<String, String> headers, String body) {}

  /**
   * One HTTP/1.1 GET from the local address {@code from} (a socket bound to it: the server sees
   * that peer).
   */
  static Response get(String from, String pathAndQuery) throws IOException {
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      s.connect(new InetSocketAddress("127.0.0.1", app.getPort()), 5000);
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET "
                  + pathAndQuery
                  + " HTTP/1.1\r\nHost: localhost:"
                  + app.getPort()
                  + "\r\nUser-Agent: calendar-app/1.0\r\nAccept-Language: zh-CN\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return parse(s.getInputStream());
    }
  }

  static Response parse(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    int end = 0;
    while (!(all[end] == '\r'
        && all[end + 1] == '\n'
        && all[end + 2] == '\r'
        && all[end + 3] == '\n')) {
      end++;
    }
    String[] head = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      headers.put(
          head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          head[i].substring(colon + 1).trim());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = end + 4;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      while (true) {
        int eol = at;
        while (all[eol] != '\r') {
          eol++;
        }
        int size =
            Integer.parseInt(
                new String(all, at, eol - at, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
        if (size == 0) {
          break;
        }
        body.write(all, eol + 2, size);
        at = eol + 2 + size + 2;
      }
    } else {
      body.write(all, at, all.length - at);
    }
    return new Response(
        Integer.parseInt(head[0].split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
  }
}
