package cn.edu.ntvu.workbench.devserver;

import cn.edu.ntvu.workbench.testsupport.EmbeddedMariaDb;
import cn.edu.ntvu.workbench.testsupport.ManagedProcess;
import cn.edu.ntvu.workbench.testsupport.PayaraMicro;
import cn.edu.ntvu.workbench.testsupport.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the app for a developer: {@code mvn -Prun} (port: {@code -Dhttp.port=NNNN} or env PORT).
 *
 * <p>With DB_URL (and DB_USER, DB_PASSWORD) in the environment it uses that MariaDB; otherwise it
 * starts an embedded one whose data stays in {@code .data/mariadb} between runs. Ctrl-C (SIGINT to the whole
 * process group), SIGTERM to this launcher and the end of the parent Maven process all stop Payara, then MariaDB,
 * within seconds, and leave the data where it is; {@code RunCommandIT} checks both signals.
 */
public final class DevServer {

  /**
   * C1 only: on a 2-core laptop the C2 compiler threads compete with the start itself (measured: ready in ~22 s
   * instead of ~35 s). Fine for development; production keeps the JVM's default JIT for throughput.
   */
  private static final List<String> DEV_JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

  private DevServer() {}

  public static void main(String[] args) throws InterruptedException {
    Path war = Path.of(required("workbench.war"));
    Path microJar = Path.of(required("workbench.microJar"));
    Path dataDir = Path.of(System.getProperty("workbench.dataDir", ".data")).toAbsolutePath();
    Path serverConfig = Path.of(System.getProperty("workbench.serverConfig", "server-config"));
    int port = port();

    // Registered first, so it also covers a Ctrl-C while MariaDB or Payara are still starting: every child is a
    // ManagedProcess, stopped in order (Payara, then MariaDB), and none starts once this runs.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("[dev] stopping Payara Micro and MariaDB …");
                  ManagedProcess.stopAllAtExit();
                  System.out.println("[dev] stopped.");
                },
                "dev-server-stop"));
    watchParent();

    Map<String, String> env = new LinkedHashMap<>();
    env.put("APP_MODE", "dev");
    env.put("APP_PUBLIC_BASE_URL", "http://localhost:" + port);
    String databaseNote;
    CompletableFuture<EmbeddedMariaDb> database;
    Optional<String> externalUrl = env("DB_URL");
    if (externalUrl.isPresent()) {
      env.put("DB_URL", externalUrl.get());
      env("DB_USER").ifPresent(v -> env.put("DB_USER", v));
      env("DB_PASSWORD").ifPresent(v -> env.put("DB_PASSWORD", v));
      databaseNote = "external MariaDB " + externalUrl.get() + " (from DB_URL)";
      database = CompletableFuture.completedFuture(null);
    } else {
      // MariaDB starts while Payara boots: the app needs the database only when it deploys (~10 s later) and
      // waits for it if it is slower (db.startup-wait-seconds).
      int dbPort = Ports.free();
      System.out.println("[dev] starting embedded MariaDB in " + dataDir.resolve("mariadb"));
      database =
          CompletableFuture.supplyAsync(
              () -> {
                EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir.resolve("mariadb"), dbPort);
                System.out.println(
                    "[dev] MariaDB on port " + db.port() + " ready in " + db.startTime().toMillis() + " ms");
                return db;
              });
      database.whenComplete(
          (db, failure) -> {
            if (failure != null) {
              System.err.println("[dev] MariaDB did not start: " + rootMessage(failure));
              System.exit(1);
            }
          });
      env.put("DB_URL", "jdbc:mariadb://127.0.0.1:" + dbPort + "/workbench");
      env.put("DB_USER", EmbeddedMariaDb.APP_USER);
      env.put("DB_PASSWORD", EmbeddedMariaDb.APP_PASSWORD);
      databaseNote = "embedded MariaDB, data kept in " + dataDir.resolve("mariadb/data");
    }
    env("CAS_URL").ifPresent(v -> env.put("CAS_URL", v));
    env("CAS_PROTOCOL").ifPresent(v -> env.put("CAS_PROTOCOL", v));
    env("DEV_CLOCK").ifPresent(v -> env.put("DEV_CLOCK", v));

    System.out.println("[dev] starting Payara Micro on port " + port + " …");
    ClassDataArchive cds = ClassDataArchive.in(dataDir);
    PayaraMicro app;
    try {
      app =
          PayaraMicro.options()
              .microJar(microJar)
              .war(war)
              .port(port)
              .jvmOptions(cds.jvmOptions(DEV_JVM_OPTIONS))
              .preBootCommands(serverConfig.resolve("pre-boot-commands.asadmin"))
              .logFile(dataDir.resolve("logs/payara.log"))
              .echoTo(System.out)
              .env(env)
              .readyTimeout(Duration.ofMinutes(5))
              .start();
      database.join();
    } catch (RuntimeException e) {
      System.err.println("[dev] the app did not become ready: " + rootMessage(e));
      System.exit(1);
      return;
    }
    String url = "http://localhost:" + port + "/";
    System.out.println(
        String.join(
            "\n",
            "",
            "==================================================================",
            "  数字职大 workbench is ready (" + app.readyTime().toSeconds() + " s): " + url,
            "  Sign in as a demo person at " + url,
            "  Database: " + databaseNote,
            "  Data folder: " + dataDir,
            "  Log: " + dataDir.resolve("logs/payara.log"),
            "  Stop with Ctrl-C.",
            "==================================================================",
            ""));
    cds.writeInBackground(app.process(), dataDir.resolve("logs/cds.log"));
    // Payara dying on its own ends the dev run too (exit runs the shutdown hook).
    while (app.process().isAlive()) {
      Thread.sleep(1_000);
    }
    System.err.println("[dev] Payara Micro exited; stopping.");
    System.exit(2);
  }

  /**
   * Ends the dev run when Maven goes away without passing a signal on (e.g. `kill` on mvn's PID):
   * the children would otherwise run on as orphans holding the port.
   */
  private static void watchParent() {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (parent.isEmpty()) {
      return;
    }
    Thread watcher =
        new Thread(
            () -> {
              parent.get().onExit().join();
              System.err.println("[dev] parent process ended; stopping.");
              System.exit(3);
            },
            "dev-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while ((t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static int port() {
    // The pom maps -Dhttp.port and env PORT (in that order) to workbench.port.
    String value = System.getProperty("workbench.port", env("PORT").orElse("8080"));
    return Integer.parseInt(value.trim());
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("-D" + property + " is required (mvn -Prun sets it)");
    }
    return value;
  }
}
