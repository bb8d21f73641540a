package cn.edu.ntvu.workbench.wecom.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.wecom.domain.WeComUnavailableException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Jersey transport against a local HTTP server: real timeouts, real status codes. */
class JerseyWeComHttpExchangeTest {

  private HttpServer server;
  private JerseyWeComHttp http;
  private final AtomicReference<String> lastQuery = new AtomicReference<>();
  private final AtomicReference<String> lastBody = new AtomicReference<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/cgi-bin/gettoken",
        exchange -> {
          lastQuery.set(exchange.getRequestURI().getRawQuery());
          answer(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"T\"}");
        });
    server.createContext(
        "/cgi-bin/message/send",
        exchange -> {
          lastBody.set(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          answer(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        });
    server.createContext(
        "/cgi-bin/slow",
        exchange -> {
          try {
            Thread.sleep(1500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          answer(exchange, 200, "{\"errcode\":0}");
        });
    server.createContext(
        "/cgi-bin/media/upload",
        exchange -> {
          lastQuery.set(exchange.getRequestHeaders().getFirst("Content-Type"));
          lastBody.set(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          answer(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"media_id\":\"M\"}");
        });
    server.createContext("/cgi-bin/bad-gateway", exchange -> answer(exchange, 502, "<html/>"));
    server.start();
    http =
        new JerseyWeComHttp(
            "http://127.0.0.1:" + server.getAddress().getPort(),
            Duration.ofMillis(500),
            Duration.ofMillis(300));
  }

  @AfterEach
  void stop() {
    http.close();
    server.stop(0);
  }

  @Test
  void getSendsTheQueryAndParsesTheAnswer() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("corpid", "ww1");
    query.put("corpsecret", "a+b");

    assertThat(http.get("/cgi-bin/gettoken", query).getString("access_token")).isEqualTo("T");
    assertThat(lastQuery.get()).isEqualTo("corpid=ww1&corpsecret=a%2Bb");
  }

  @Test
  void postSendsTheJsonBody() {
    http.post(
        "/cgi-bin/message/send",
        Map.of("access_token", "T"),
        Json.createObjectBuilder().add("touser", "张三").build());

    assertThat(lastBody.get()).isEqualTo("{\"touser\":\"张三\"}");
  }

  @Test
  void uploadSendsOneMultipartMediaPart() {
    try (JerseyWeComHttp patient =
        new JerseyWeComHttp(
            "http://127.0.0.1:" + server.getAddress().getPort(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10))) {
      var answer =
          patient.upload(
              "/cgi-bin/media/upload",
              Map.of("type", "file"),
              "users.csv",
              "姓名,帐号\n张三,1\n".getBytes(StandardCharsets.UTF_8));

      assertThat(answer.getString("media_id")).isEqualTo("M");
    }
    assertThat(lastQuery.get()).startsWith("multipart/form-data;").contains("boundary=");
    String boundary =
        lastQuery.get().substring(lastQuery.get().indexOf("boundary=") + 9).replace("\"", "");
    assertThat(lastBody.get())
        .startsWith(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"users.csv\"")
        .contains("\r\n\r\n姓名,帐号\n张三,1\n\r\n--" + boundary + "--");
  }

  @Test
  void slowAnswerIsAReadTimeout() {
    assertThatThrownBy(() -> http.get("/cgi-bin/slow", Map.of("access_token", "SECRET-TOKEN")))
        .isInstanceOf(WeComUnavailableException.class)
        .hasMessageContaining("read timeout")
        .hasMessageNotContaining("SECRET-TOKEN");
  }

  @Test
  void httpErrorIsUnavailable() {
    assertThatThrownBy(() -> http.get("/cgi-bin/bad-gateway", Map.of()))
        .isInstanceOf(WeComUnavailableException.class)
        .hasMessageContaining("HTTP 502");
  }

  @Test
  void closedPortIsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (JerseyWeComHttp nowhere =
        new JerseyWeComHttp(
            "http://127.0.0.1:" + closedPort, Duration.ofMillis(500), Duration.ofMillis(500))) {
      assertThatThrownBy(() -> nowhere.get("/cgi-bin/gettoken", Map.of("corpsecret", "S3CRET")))
          .isInstanceOf(WeComUnavailableException.class)
          .hasMessageContaining("connection refused")
          .hasMessageNotContaining("S3CRET");
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
