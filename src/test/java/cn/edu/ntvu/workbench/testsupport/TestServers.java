package cn.edu.ntvu.workbench.testsupport;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The servers of one integration-test run, started once per JVM and stopped at its end.
 *
 * <p>Registered as a JUnit Platform {@link LauncherSessionListener} (META-INF/services) because
 * Arquillian runs test classes again inside its container, where a JUnit extension cannot start a
 * database (STACK.md trap 5). Surefire loads the listener too, so it does nothing unless the system
 * property {@code test.war} is set, which only failsafe does.
 *
 * <ul>
 *   <li>MariaDB starts at session open on port {@code test.db.port}, which the pom reserved and
 *       also put in DB_URL for the Payara that Arquillian starts (env vars cannot be set later).
 *   <li>CAS and the packaged WAR start lazily, in parallel, on the first {@link #app()} or {@link
 *       #cas()} call; the WAR gets its own schema {@value #E2E_SCHEMA} so end-to-end tests and
 *       in-container tests never see each other's rows, the demo school as its first data ({@link
 *       #demoDir()}), and the development stand-in beside it in the same Payara (WeCom; CAS is the
 *       real server here).
 * </ul>
 */
public final class TestServers implements LauncherSessionListener {

  /** Schema of the Arquillian in-container tests (DB_URL of the failsafe JVM). */
  public static final String IT_SCHEMA = "workbench";

  /** Schema of the packaged WAR that end-to-end tests drive. */
  public static final String E2E_SCHEMA = "workbench_e2e";

  /**
   * The packaged WAR's school clock at start-up ({@code DEV_CLOCK}): Wednesday of week 12 of the
   * demo term, during periods 3–4, so browser tests see the same school day whatever date the build
   * runs on. The clock runs on from there; the class going on at start-up lasts until 11:40.
   */
  public static final String SCHOOL_CLOCK = "2026-11-25T10:20";

  /** Schema of the packaged WAR in production mode that the route matrix drives. */
  public static final String PRODUCTION_SCHEMA = "workbench_production";

  private static EmbeddedMariaDb db;
  private static CompletableFuture<CasServer> cas;
  private static CompletableFuture<PayaraMicro> app;
  private static PayaraMicro production;
  private static int casPort;

  /** Public no-arg constructor for ServiceLoader. */
  public TestServers() {}

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!enabled()) {
      return;
    }
    database();
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    stopAll();
    if (enabled()) {
      removeArquillianLeftovers();
    }
  }

  /**
   * The Payara Micro connector copies each deployment to /tmp/arquillian-payara-micro* and never
   * removes it (STACK.md trap 7): ~40 MB per run would pile up on a CI machine. Ours are done once
   * the session closes. Failsafe sets java.io.tmpdir to target/, so only this checkout's copies are
   * in reach.
   */
  private static void removeArquillianLeftovers() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (var dirs = java.nio.file.Files.newDirectoryStream(tmp, "arquillian-payara-micro*")) {
      for (Path dir : dirs) {
        try (var walk = java.nio.file.Files.walk(dir)) {
          walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      log("could not remove Arquillian's temporary folders: " + e.getMessage());
    }
  }

  /** True in failsafe runs (and whenever someone sets {@code test.war} by hand). */
  public static boolean enabled() {
    return System.getProperty("test.war") != null;
  }

  /** The embedded MariaDB, started on first use. */
  public static synchronized EmbeddedMariaDb database() {
    requireEnabled();
    if (db == null) {
      int port = Integer.getInteger("test.db.port", 0);
      db = EmbeddedMariaDb.start(workDir().resolve("mariadb"), port);
      // target/it survives `mvn verify` without clean: every run starts from empty schemas.
      db.recreateDatabase(IT_SCHEMA);
      db.recreateDatabase(E2E_SCHEMA);
      log("MariaDB on port " + db.port() + " ready in " + db.startTime().toMillis() + " ms");
    }
    return db;
  }

  /** CAS with {@link TestUsers#ALL}; waits until /cas/login answers. */
  public static CasServer cas() {
    startLazily();
    return join(cas);
  }

  /**
   * The packaged WAR on Payara Micro, signed in through {@link #cas()}; waits until both are ready,
   * so a test can go straight to a sign-in.
   */
  public static PayaraMicro app() {
    startLazily();
    join(cas);
    return join(app);
  }

  /** Shortcut for {@code app().baseUrl()}, e.g. http://localhost:41234. */
  public static String appUrl() {
    return app().baseUrl();
  }

  /** The development stand-in beside {@link #app()}, reached over HTTP as the app reaches it. */
  public static StandIn standIn() {
    return new StandIn(app().standInUrl());
  }

  /**
   * The demo school (src/demo): the first data of the apps the tests start, and the stand-in's
   * people.
   */
  public static Path demoDir() {
    return Path.of(System.getProperty("test.demoDir", "src/demo")).toAbsolutePath();
  }

  /** target/wecom-standin.war. */
  public static Path standInWar() {
    return Path.of(System.getProperty("test.standinWar", "target/wecom-standin.war"))
        .toAbsolutePath();
  }

  private static synchronized void startLazily() {
    requireEnabled();
    if (app != null) {
      return;
    }
    EmbeddedMariaDb database = database();
    // Ports fixed before either starts: the app needs CAS's URL in its environment.
    casPort = Ports.free();
    int appPort = Ports.free();
    cas =
        CompletableFuture.supplyAsync(
            () -> {
              CasServer started =
                  CasServer.start(
                      Path.of(System.getProperty("test.casWar")),
                      workDir().resolve("cas"),
                      casPort,
                      TestUsers.ALL);
              log("CAS on port " + casPort + " ready in " + started.readyTime().toMillis() + " ms");
              return started;
            });
    Map<String, String> env = new LinkedHashMap<>();
    env.put("APP_MODE", "dev");
    env.put("APP_PUBLIC_BASE_URL", "http://localhost:" + appPort);
    env.put("DB_URL", database.jdbcUrl(E2E_SCHEMA));
    env.put("DB_USER", EmbeddedMariaDb.APP_USER);
    env.put("DB_PASSWORD", EmbeddedMariaDb.APP_PASSWORD);
    env.put("CAS_URL", "http://127.0.0.1:" + casPort + "/cas");
    env.put("CAS_PROTOCOL", "CAS30");
    env.put("DEV_CLOCK", SCHOOL_CLOCK);
    env.put("APP_SEED_DIR", demoDir().toString());
    app =
        CompletableFuture.supplyAsync(
            () -> {
              PayaraMicro started =
                  PayaraMicro.options()
                      .microJar(Path.of(System.getProperty("payara.microJar")))
                      .war(Path.of(System.getProperty("test.war")))
                      .standIn(standInWar())
                      .port(appPort)
                      .preBootCommands(serverConfig().resolve("pre-boot-commands.asadmin"))
                      .logFile(workDir().resolve("payara-e2e.log"))
                      .env(env)
                      .start();
              log("app on port " + appPort + " ready in " + started.readyTime().toMillis() + " ms");
              return started;
            });
  }

  /**
   * The packaged WAR in <em>production</em> mode (no stand-ins, no demo data, no development
   * sign-in), signing in through the real CAS server, on a schema of its own; started on first use
   * and kept for the run. Its directory is empty: tests add the people they sign in as ({@link
   * ProductionDirectory}). WeCom is unreachable for it.
   */
  public static synchronized PayaraMicro production() {
    startLazily();
    join(cas);
    if (production == null) {
      database().recreateDatabase(PRODUCTION_SCHEMA);
      int port = Ports.free();
      Map<String, String> env = new LinkedHashMap<>();
      env.put("APP_MODE", "production");
      env.put("APP_PUBLIC_BASE_URL", "http://localhost:" + port);
      env.put("DB_URL", database().jdbcUrl(PRODUCTION_SCHEMA));
      env.put("DB_USER", EmbeddedMariaDb.APP_USER);
      env.put("DB_PASSWORD", EmbeddedMariaDb.APP_PASSWORD);
      env.put("CAS_URL", "http://127.0.0.1:" + casPort + "/cas");
      env.put("CAS_PROTOCOL", "CAS30");
      env.put("WECOM_CORP_ID", "ww0000000000000002");
      env.put("WECOM_AGENT_ID", "1000010");
      env.put("WECOM_AGENT_SECRET", "production-test-secret-not-real");
      // Nothing listens on port 9 (discard): WeCom is unreachable, as from a test machine.
      env.put("WECOM_API_BASE_URL", "http://127.0.0.1:9");
      env.put("WECOM_OUTBOX_WORKER_ENABLED", "false");
      env.put("CONTACTS_WORKER_ENABLED", "false");
      env.put("FORMS_ANONYMITY_SECRET", "production-test-anonymity-secret-0123456789abcdef");
      env.put("FORMS_EXPORT_LINK_SECRET", "production-test-export-link-secret-0123456789abcdef");
      production =
          PayaraMicro.options()
              .microJar(Path.of(System.getProperty("payara.microJar")))
              .war(Path.of(System.getProperty("test.war")))
              .port(port)
              .preBootCommands(serverConfig().resolve("pre-boot-commands.asadmin"))
              .logFile(workDir().resolve("payara-production.log"))
              .env(env)
              .start();
      log(
          "production-mode app on port "
              + port
              + " ready in "
              + production.readyTime().toMillis()
              + " ms");
    }
    return production;
  }

  /** Stops everything that was started (also called at session close). */
  public static synchronized void stopAll() {
    // Whatever is still starting is stopped by ManagedProcess itself; stop the rest in parallel.
    ManagedProcess.stopAllLive();
    if (db != null) {
      db.stop();
      db = null;
    }
    cas = null;
    app = null;
    production = null;
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      // Every later test fails with the same cause instead of starting the server again.
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static void requireEnabled() {
    if (!enabled()) {
      throw new IllegalStateException(
          "TestServers run under failsafe only (mvn verify); system property test.war is unset");
    }
  }

  static Path workDir() {
    return Path.of(System.getProperty("test.workDir", "target/it")).toAbsolutePath();
  }

  public static Path serverConfig() {
    return Path.of(System.getProperty("test.serverConfig", "server-config")).toAbsolutePath();
  }

  private static void log(String message) {
    System.out.println("[TestServers] " + message);
  }
}
