package cn.edu.ntvu.standin;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/**
 * The stand-in's own database: a small connection pool of the MariaDB driver this WAR carries (the
 * container's pools belong to the app), and its tables ({@code schema.sql}) created when missing.
 * Both happen at first use, not at deployment, so the stand-in does not care whether the dev run's
 * MariaDB is up before Payara deploys it.
 */
@ApplicationScoped
public class StandInDatabase {
  private static final Logger LOG = Logger.getLogger(StandInDatabase.class.getName());

  @Inject StandInSettings settings;

  private MariaDbPoolDataSource pool;
  private Sql sql;

  /** The stand-in's SQL helper over its pool, the schema in place. */
  public synchronized Sql sql() {
    if (sql == null) {
      MariaDbPoolDataSource created = open();
      try {
        createTables(created);
      } catch (RuntimeException e) {
        created.close();
        throw e;
      }
      pool = created;
      sql = new Sql(pool);
      LOG.info("The stand-in's tables are ready");
    }
    return sql;
  }

  /** The pool itself, for work that holds one connection over several statements. */
  public DataSource dataSource() {
    sql();
    return pool;
  }

  private MariaDbPoolDataSource open() {
    String url = settings.dbUrl();
    String options =
        (url.contains("minPoolSize=") ? "" : "&minPoolSize=1")
            + (url.contains("maxPoolSize=") ? "" : "&maxPoolSize=16");
    try {
      MariaDbPoolDataSource ds = new MariaDbPoolDataSource();
      ds.setUrl(url + (url.contains("?") ? options : "?" + options.substring(1)));
      ds.setUser(settings.dbUser());
      ds.setPassword(settings.dbPassword());
      return ds;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the stand-in's database is not usable: " + e.getMessage(), e);
    }
  }

  private static void createTables(DataSource ds) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : schema().split("\n;\n")) {
        String sql =
            statement
                .lines()
                .filter(l -> !l.startsWith("--"))
                .reduce("", (a, b) -> a + "\n" + b)
                .strip();
        if (!sql.isEmpty()) {
          s.execute(sql);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the stand-in's tables could not be created: " + e.getMessage(), e);
    }
  }

  private static String schema() {
    try (InputStream in = StandInDatabase.class.getResourceAsStream("schema.sql")) {
      if (in == null) {
        throw new IllegalStateException("schema.sql is missing from the stand-in");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @PreDestroy
  synchronized void close() {
    if (pool != null) {
      pool.close();
      pool = null;
      sql = null;
    }
  }
}
