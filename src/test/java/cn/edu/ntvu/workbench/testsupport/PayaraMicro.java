package cn.edu.ntvu.workbench.testsupport;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged WAR on Payara Micro as a child JVM, the way production runs it; in development and
 * most tests with the development stand-in (target/wecom-standin.war) deployed beside it at {@value
 * #STANDIN_PATH}, where the app's development defaults of the WeCom and CAS URLs point.
 */
public final class PayaraMicro implements AutoCloseable {

  /** The app answers 200 here once its database and configuration are usable. */
  public static final String READY_PATH = "/health/ready";

  /**
   * The stand-in's context root: Payara Micro takes it from the WAR's file name,
   * wecom-standin(.war).
   */
  public static final String STANDIN_PATH = "/wecom-standin";

  /** Payara's "booted" line; it appears even when the WAR failed to deploy (STACK.md trap 9). */
  static final String BOOTED_MARKER = ") ready in ";

  private final int port;
  private final ManagedProcess process;
  private final Duration readyTime;
  private final boolean standIn;

  private PayaraMicro(int port, ManagedProcess process, Duration readyTime, boolean standIn) {
    this.port = port;
    this.process = process;
    this.readyTime = readyTime;
    this.standIn = standIn;
  }

  /** What to start; {@link #start()} blocks until {@value #READY_PATH} answers 200. */
  public static final class Options {
    Path microJar;
    Path war;
    Path standInWar;
    int port;
    Path preBootCommands;
    Path logFile;
    PrintStream echo;
    Map<String, String> env = Map.of();
    // A quiet 2-core machine is ready in ~40 s; a shared, busy one can take many minutes.
    Duration readyTimeout = Duration.ofSeconds(Long.getLong("test.payara.readySeconds", 600));
    Duration graceAfterBoot = Duration.ofSeconds(90);
    // SerialGC was measured: no faster start and no smaller RSS than G1 here
    // (server-config/README).
    List<String> jvmOptions = List.of("-Xmx512m");
    List<String> clusterArgs = List.of();
    List<String> extraArgs = List.of();

    public Options microJar(Path p) {
      microJar = p;
      return this;
    }

    public Options war(Path p) {
      war = p;
      return this;
    }

    /**
     * Deploys the development stand-in (its WAR, or its exploded folder, named {@code
     * wecom-standin}) beside the app; the start then also waits for the stand-in's {@code /health}.
     */
    public Options standIn(Path p) {
      standInWar = p;
      return this;
    }

    /** 0 = a free port. */
    public Options port(int p) {
      port = p;
      return this;
    }

    /** Optional asadmin file run before boot (server-config/pre-boot-commands.asadmin). */
    public Options preBootCommands(Path p) {
      preBootCommands = p;
      return this;
    }

    public Options logFile(Path p) {
      logFile = p;
      return this;
    }

    public Options echoTo(PrintStream out) {
      echo = out;
      return this;
    }

    /** The app's configuration (APP_MODE, DB_URL, …), passed as environment variables. */
    public Options env(Map<String, String> e) {
      env = Map.copyOf(e);
      return this;
    }

    public Options readyTimeout(Duration d) {
      readyTimeout = d;
      return this;
    }

    /**
     * How long the app may stay unready after Payara booted (migrations, demo data import) before
     * the start counts as failed.
     */
    public Options graceAfterBoot(Duration d) {
      graceAfterBoot = d;
      return this;
    }

    /**
     * A member of the Hazelcast cluster {@code name} (instead of {@code --nocluster}): it takes
     * data-grid port {@code ownPort} and finds the others at {@code members} (data-grid ports on
     * 127.0.0.1).
     */
    public Options cluster(String name, int ownPort, List<Integer> members) {
      StringBuilder list = new StringBuilder();
      for (int m : members) {
        list.append(list.length() == 0 ? "" : ",").append("127.0.0.1:").append(m);
      }
      clusterArgs =
          List.of(
              "--clustername",
              name,
              "--clustermode",
              "tcpip:" + list,
              "--startport",
              String.valueOf(ownPort));
      return this;
    }

    /**
     * More Payara Micro options after the others (e.g. {@code --name node1 --systemproperties
     * file}).
     */
    public Options extraArgs(List<String> args) {
      extraArgs = List.copyOf(args);
      return this;
    }

    public Options jvmOptions(List<String> options) {
      jvmOptions = List.copyOf(options);
      return this;
    }

    public PayaraMicro start() {
      return PayaraMicro.start(this);
    }
  }

  public static Options options() {
    return new Options();
  }

  /**
   * Payara Micro 6 now and then fails its own boot with an HK2 race ("Startup service failed to
   * start", ConcurrentModificationException, then "Shutdown required"; cf. payara/Payara#6101)
   * before our WAR is even deployed. That start is retried once; any other failure is reported as
   * it is.
   */
  private static PayaraMicro start(Options o) {
    try {
      return startOnce(o);
    } catch (RuntimeException e) {
      if (!bootRace(o.logFile)) {
        throw e;
      }
      System.err.println("[payara] Payara's boot race (Shutdown required); starting once more");
      return startOnce(o);
    }
  }

  private static boolean bootRace(Path log) {
    try {
      return log != null
          && Files.isRegularFile(log)
          && Files.readString(log).contains("Shutdown required");
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /**
   * What every thread of a server that never became ready was doing, beside its log (for the next
   * person).
   */
  private static void threadDump(ManagedProcess process, Path logFile) {
    if (logFile == null) {
      return;
    }
    try {
      Path out = logFile.resolveSibling(logFile.getFileName() + ".threads.txt");
      Process jcmd =
          new ProcessBuilder("jcmd", String.valueOf(process.pid()), "Thread.print")
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!jcmd.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        jcmd.destroyForcibly();
      }
      System.err.println("[payara] threads of the server that did not become ready: " + out);
    } catch (java.io.IOException | InterruptedException | RuntimeException e) {
      System.err.println("[payara] no thread dump: " + e);
    }
  }

  private static PayaraMicro startOnce(Options o) {
    List<Path> files = new ArrayList<>(List.of(o.microJar, o.war));
    if (o.standInWar != null) {
      files.add(o.standInWar);
    }
    for (Path required : files) {
      if (!Files.exists(required)) { // the WAR may be exploded (a folder) in the dev run
        throw new IllegalStateException(required + " not found: run `mvn package` first");
      }
    }
    int port = o.port > 0 ? o.port : Ports.free();
    if (!Ports.isFree(port)) {
      // Otherwise whatever holds the port answers the readiness check and we report a false start.
      throw new IllegalStateException(
          "port " + port + " is already in use; choose another with -Dhttp.port=NNNN or PORT");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(ManagedProcess.javaExecutable());
    cmd.addAll(o.jvmOptions);
    cmd.addAll(
        List.of(
            "-jar",
            o.microJar.toString(),
            "--deploy",
            o.war.toString(),
            "--contextroot",
            "/",
            "--port",
            String.valueOf(port)));
    if (o.standInWar != null) {
      // --contextroot applies to the first --deploy only; the stand-in's root is its file name.
      cmd.addAll(List.of("--deploy", o.standInWar.toString()));
    }
    if (o.clusterArgs.isEmpty()) {
      // One node: no Hazelcast discovery (saves seconds and stray multicast).
      cmd.add("--nocluster");
    } else {
      cmd.addAll(o.clusterArgs);
    }
    cmd.addAll(o.extraArgs);
    if (o.preBootCommands != null && Files.isRegularFile(o.preBootCommands)) {
      cmd.add("--prebootcommandfile");
      cmd.add(o.preBootCommands.toString());
    }
    ManagedProcess.Builder builder =
        ManagedProcess.builder("payara")
            .command(cmd)
            .logFile(o.logFile)
            .env(o.env)
            .watchFor(BOOTED_MARKER);
    // The parent's own DB_URL etc. must not leak into a child that was given other values.
    for (String key :
        List.of(
            "DB_URL",
            "DB_USER",
            "DB_PASSWORD",
            "CAS_URL",
            "CAS_PROTOCOL",
            "DEV_CLOCK",
            "SESSION_REPLICATION",
            "APP_SEED_DIR")) {
      if (!o.env.containsKey(key)) {
        builder.unsetEnv(key);
      }
    }
    if (o.echo != null) {
      builder.echoTo(o.echo);
    }
    ManagedProcess process = builder.start();
    try {
      Duration ready =
          process.awaitHttp(
              "http://127.0.0.1:" + port + READY_PATH,
              200,
              o.readyTimeout,
              BOOTED_MARKER,
              o.graceAfterBoot);
      if (o.standInWar != null) {
        // Payara deploys one WAR after the other: the app may answer before the stand-in is there.
        ready =
            ready.plus(
                process.awaitHttp(
                    "http://127.0.0.1:" + port + STANDIN_PATH + "/health",
                    200,
                    o.readyTimeout,
                    BOOTED_MARKER,
                    o.graceAfterBoot));
      }
      return new PayaraMicro(port, process, ready, o.standInWar != null);
    } catch (RuntimeException e) {
      threadDump(process, o.logFile);
      process.stop();
      throw e;
    }
  }

  public int port() {
    return port;
  }

  /** http://localhost:PORT, the app's public base URL in dev and tests. */
  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /**
   * http://localhost:PORT/wecom-standin, where the stand-in deployed beside the app answers (if it
   * was).
   */
  public String standInUrl() {
    if (!standIn) {
      throw new IllegalStateException("this server runs without the stand-in");
    }
    return baseUrl() + STANDIN_PATH;
  }

  public Duration readyTime() {
    return readyTime;
  }

  public ManagedProcess process() {
    return process;
  }

  public void stop() {
    process.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
