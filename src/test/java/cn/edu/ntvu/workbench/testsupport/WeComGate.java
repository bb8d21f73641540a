package cn.edu.ntvu.workbench.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network between our servers and WeCom's API, under a drill's control: every call the nodes
 * make to {@code wecom.api-base-url} passes through here on its way to the WeCom stand-in (or
 * whatever {@code upstream} is), so a drill can make WeCom answer {@code -1}, hang until the
 * caller's read timeout, or refuse connections, and afterwards count what reached WeCom — above all
 * {@code gettoken}, which must be called once per token lifetime across the whole cluster. The
 * stand-in's own fault switches live in one node's memory; a cluster needs one switch.
 */
public final class WeComGate implements AutoCloseable {

  /** How WeCom behaves for the nodes. */
  public enum Mode {
    /** Every call reaches the stand-in. */
    PASS,
    /**
     * Every call is answered {@code {"errcode":-1,"errmsg":"system busy"}} (WeCom's "busy, try
     * later").
     */
    BUSY,
    /** Every call is accepted and never answered (the caller's read timeout ends it). */
    HANG,
    /** Nothing listens: every connection is refused. */
    REFUSE
  }

  /** One call a node made, as it went. */
  public record Call(
      long atMillis, String path, String query, int status, String errcode, Mode mode) {
    public boolean isGetToken() {
      return path.endsWith("/cgi-bin/gettoken");
    }
  }

  private static final Pattern ERRCODE = Pattern.compile("\"errcode\"\\s*:\\s*(-?\\d+)");

  private final int port;
  private final String upstream;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final List<Call> calls = new ArrayList<>();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "wecom-gate");
            t.setDaemon(true);
            return t;
          });
  private volatile Mode mode = Mode.PASS;
  private HttpServer server;

  private WeComGate(int port, String upstream) {
    this.port = port;
    this.upstream =
        upstream.endsWith("/") ? upstream.substring(0, upstream.length() - 1) : upstream;
  }

  /**
   * Listens on 127.0.0.1:{@code port} (0: a free one) and forwards to {@code upstream} (a base
   * URL).
   */
  public static WeComGate start(int port, String upstream) {
    WeComGate gate = new WeComGate(port > 0 ? port : Ports.free(), upstream);
    gate.listen();
    return gate;
  }

  /** The base URL the nodes use as {@code wecom.api-base-url}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public Mode mode() {
    return mode;
  }

  /**
   * Switches WeCom's behaviour at once; {@link Mode#REFUSE} closes the port, leaving it opens it
   * again.
   */
  public synchronized void mode(Mode next) {
    Mode before = mode;
    mode = next;
    if (next == Mode.REFUSE && server != null) {
      server.stop(0);
      server = null;
    } else if (before == Mode.REFUSE && next != Mode.REFUSE) {
      listen();
    }
  }

  /** Every call so far, in order. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  private synchronized void listen() {
    for (int attempt = 0; ; attempt++) {
      try {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        s.setExecutor(threads);
        s.createContext("/", this::handle);
        s.start();
        server = s;
        return;
      } catch (BindException e) {
        if (attempt > 50) {
          throw new IllegalStateException("WeCom gate: port " + port + " stays in use", e);
        }
        ManagedProcess.sleep(100);
      } catch (IOException e) {
        throw new IllegalStateException("WeCom gate: cannot listen on " + port, e);
      }
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    URI uri = ex.getRequestURI();
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readAllBytes();
    }
    Mode now = mode;
    try {
      if (now == Mode.HANG) {
        // Until the caller gives up (its read timeout) or the drill ends the outage; then the
        // connection just closes.
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (mode == Mode.HANG && System.nanoTime() < until) {
          ManagedProcess.sleep(100);
        }
        record(uri, 0, "", now);
        ex.close();
        return;
      }
      if (now == Mode.BUSY) {
        byte[] busy =
            "{\"errcode\":-1,\"errmsg\":\"system busy\"}".getBytes(StandardCharsets.UTF_8);
        record(uri, 200, "-1", now);
        send(ex, 200, "application/json; charset=UTF-8", busy);
        return;
      }
      HttpRequest.Builder forward =
          HttpRequest.newBuilder(
                  URI.create(
                      upstream
                          + uri.getRawPath()
                          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
              .timeout(Duration.ofSeconds(20))
              .method(
                  ex.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      String type = ex.getRequestHeaders().getFirst("Content-Type");
      if (type != null) {
        forward.header("Content-Type", type);
      }
      HttpResponse<byte[]> answer =
          client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      Matcher m = ERRCODE.matcher(new String(answer.body(), StandardCharsets.UTF_8));
      record(uri, answer.statusCode(), m.find() ? m.group(1) : "", now);
      send(
          ex,
          answer.statusCode(),
          answer.headers().firstValue("Content-Type").orElse("application/json"),
          answer.body());
    } catch (IOException e) {
      // The stand-in behind us is away (its node restarting, the database down): WeCom answering a
      // bare 502.
      record(uri, 502, "", now);
      send(ex, 502, "text/plain", new byte[0]);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.close();
    }
  }

  private synchronized void record(URI uri, int status, String errcode, Mode m) {
    calls.add(
        new Call(
            System.currentTimeMillis(),
            uri.getPath(),
            uri.getRawQuery() == null ? "" : uri.getRawQuery(),
            status,
            errcode,
            m));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
    threads.shutdownNow();
  }
}
