package cn.edu.ntvu.workbench.devserver;

import cn.edu.ntvu.workbench.testsupport.EmbeddedMariaDb;
import cn.edu.ntvu.workbench.testsupport.ManagedProcess;
import cn.edu.ntvu.workbench.testsupport.PayaraMicro;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the app for a developer: {@code mvn -Prun} (port: {@code -Dhttp.port=NNNN} or env PORT).
 *
 * <p>With DB_URL (and DB_USER, DB_PASSWORD) in the environment it uses that MariaDB; otherwise it
 * starts an embedded one whose data stays in {@code .data/mariadb} between runs. Ctrl-C stops
 * Payara and MariaDB; so does the end of the parent Maven process.
 */
public final class DevServer {

  private DevServer() {}

  public static void main(String[] args) throws InterruptedException {
    Path war = Path.of(required("workbench.war"));
    Path microJar = Path.of(required("workbench.microJar"));
    Path dataDir = Path.of(System.getProperty("workbench.dataDir", ".data")).toAbsolutePath();
    Path serverConfig = Path.of(System.getProperty("workbench.serverConfig", "server-config"));
    int port = port();

    EmbeddedMariaDb[] embedded = new EmbeddedMariaDb[1];
    CountDownLatch stopped = new CountDownLatch(1);
    // Registered first, so it also covers a Ctrl-C while MariaDB or Payara are still starting.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("[dev] stopping Payara Micro and MariaDB …");
                  ManagedProcess.stopAllLiveNow();
                  if (embedded[0] != null) {
                    embedded[0].stop();
                  }
                  System.out.println("[dev] stopped.");
                  stopped.countDown();
                },
                "dev-server-stop"));
    watchParent();

    Map<String, String> env = new LinkedHashMap<>();
    env.put("APP_MODE", "dev");
    env.put("APP_PUBLIC_BASE_URL", "http://localhost:" + port);
    String databaseNote;
    Optional<String> externalUrl = env("DB_URL");
    if (externalUrl.isPresent()) {
      env.put("DB_URL", externalUrl.get());
      env("DB_USER").ifPresent(v -> env.put("DB_USER", v));
      env("DB_PASSWORD").ifPresent(v -> env.put("DB_PASSWORD", v));
      databaseNote = "external MariaDB " + externalUrl.get() + " (from DB_URL)";
    } else {
      System.out.println("[dev] starting embedded MariaDB in " + dataDir.resolve("mariadb"));
      embedded[0] = EmbeddedMariaDb.start(dataDir.resolve("mariadb"), 0);
      System.out.println(
          "[dev] MariaDB on port "
              + embedded[0].port()
              + " ready in "
              + embedded[0].startTime().toMillis()
              + " ms");
      env.put("DB_URL", embedded[0].jdbcUrl("workbench"));
      env.put("DB_USER", EmbeddedMariaDb.APP_USER);
      env.put("DB_PASSWORD", EmbeddedMariaDb.APP_PASSWORD);
      databaseNote = "embedded MariaDB, data kept in " + dataDir.resolve("mariadb/data");
    }
    env("CAS_URL").ifPresent(v -> env.put("CAS_URL", v));
    env("CAS_PROTOCOL").ifPresent(v -> env.put("CAS_PROTOCOL", v));
    env("DEV_CLOCK").ifPresent(v -> env.put("DEV_CLOCK", v));

    System.out.println("[dev] starting Payara Micro on port " + port + " …");
    PayaraMicro app;
    try {
      app =
          PayaraMicro.options()
              .microJar(microJar)
              .war(war)
              .port(port)
              .preBootCommands(serverConfig.resolve("pre-boot-commands.asadmin"))
              .logFile(dataDir.resolve("logs/payara.log"))
              .echoTo(System.out)
              .env(env)
              .readyTimeout(Duration.ofMinutes(5))
              .start();
    } catch (RuntimeException e) {
      System.err.println("[dev] the app did not become ready: " + e.getMessage());
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
