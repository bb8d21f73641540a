package cn.edu.ntvu.workbench.testsupport;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian's HAProxy in the foreground with {@code server-config/haproxy.cfg}, on loopback ports: the
 * load balancer of the cluster drills. Its server lines are generated for the nodes given; every
 * other line is the shipped file's. The runtime API (a Unix socket) drains and readies nodes and
 * reads their state, as an operator would with socat.
 */
public final class Haproxy implements AutoCloseable {
  private final ManagedProcess process;
  private final Path socket;
  private final int port;
  private final int statsPort;

  private Haproxy(ManagedProcess process, Path socket, int port, int statsPort) {
    this.process = process;
    this.socket = socket;
    this.port = port;
    this.statsPort = statsPort;
  }

  /**
   * Starts HAProxy with {@code config} (the shipped file) for {@code nodes} (name → 127.0.0.1
   * port), listening on {@code port} with its stats page on {@code statsPort}; files and the log in
   * {@code work}.
   */
  public static Haproxy start(
      Path config, Map<String, Integer> nodes, int port, int statsPort, Path work) {
    try {
      Files.createDirectories(work);
      Path rendered = work.resolve("haproxy.cfg");
      Files.writeString(rendered, render(Files.readString(config), nodes));
      Path socket = work.resolve("haproxy.sock");
      Files.deleteIfExists(socket);
      Map<String, String> env = new LinkedHashMap<>();
      env.put("WB_HAPROXY_BIND", "127.0.0.1:" + port);
      env.put("WB_HAPROXY_STATS", "127.0.0.1:" + statsPort);
      env.put("WB_HAPROXY_SOCKET", socket.toString());
      env.put(
          "WB_HAPROXY_ERRORS",
          config.toAbsolutePath().getParent().resolve("haproxy-errors").toString());
      ManagedProcess p =
          ManagedProcess.builder("haproxy")
              .command("haproxy", "-db", "-f", rendered.toString())
              .env(env)
              .logFile(work.resolve("haproxy.log"))
              .stopTimeout(Duration.ofSeconds(5))
              .start();
      p.awaitHttp("http://127.0.0.1:" + statsPort + "/", 200, Duration.ofSeconds(20));
      return new Haproxy(p, socket, port, statsPort);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start HAProxy", e);
    }
  }

  /**
   * The shipped config with the lines between "servers begin" and "servers end" replaced by {@code
   * nodes}.
   */
  static String render(String config, Map<String, Integer> nodes) {
    int begin = config.indexOf("    # servers begin\n");
    int end = config.indexOf("    # servers end\n");
    if (begin < 0 || end < 0) {
      throw new IllegalStateException(
          "server-config/haproxy.cfg lost its '# servers begin/end' lines");
    }
    StringBuilder servers = new StringBuilder("    # servers begin\n");
    nodes.forEach(
        (name, p) ->
            servers
                .append("    server ")
                .append(name)
                .append(" 127.0.0.1:")
                .append(p)
                .append(" check\n"));
    return config.substring(0, begin) + servers + config.substring(end);
  }

  /** http://localhost:PORT: what people reach. */
  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  public String statsUrl() {
    return "http://127.0.0.1:" + statsPort + "/";
  }

  public ManagedProcess process() {
    return process;
  }

  /** One runtime API command; its answer. */
  public String command(String line) {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ch.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
      ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
      StringBuilder out = new StringBuilder();
      while (ch.read(buf) > 0) {
        buf.flip();
        out.append(StandardCharsets.UTF_8.decode(buf));
        buf.clear();
      }
      return out.toString();
    } catch (IOException e) {
      throw new IllegalStateException("HAProxy runtime API: " + line, e);
    }
  }

  /** Each server's state in the backend {@code workbench}: UP, DOWN, MAINT, DRAIN, "UP 1/2", …. */
  public Map<String, String> serverStates() {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>(command("show stat").lines().toList());
    if (lines.isEmpty()) {
      return out;
    }
    List<String> header = List.of(lines.get(0).replaceFirst("^# ", "").split(","));
    int px = header.indexOf("pxname");
    int sv = header.indexOf("svname");
    int st = header.indexOf("status");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      if (f.length > st
          && f[px].equals("workbench")
          && !f[sv].equals("FRONTEND")
          && !f[sv].equals("BACKEND")) {
        out.put(f[sv], f[st]);
      }
    }
    return out;
  }

  /**
   * Stops new requests going to {@code node} (a deploy's first step); requests under way finish.
   */
  public void drain(String node) {
    command("set server workbench/" + node + " state drain");
  }

  /** Lets {@code node} take requests again once its health check passes. */
  public void ready(String node) {
    command("set server workbench/" + node + " state ready");
  }

  /**
   * Waits until {@code node}'s state starts with {@code state} (UP, DOWN); false after {@code
   * timeout}.
   */
  public boolean awaitState(String node, String state, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String now = serverStates().getOrDefault(node, "");
      if (now.startsWith(state)) {
        return true;
      }
      ManagedProcess.sleep(200);
    }
    return false;
  }

  @Override
  public void close() {
    process.stop();
  }
}
