package cn.edu.ntvu.workbench.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Plain SQL against the schema of the packaged WAR under test, for the browser and HTTP tests'
 * checks.
 */
public final class E2eDb {
  private E2eDb() {}

  public static Connection db() throws SQLException {
    return TestServers.database().appConnection(TestServers.E2E_SCHEMA);
  }

  /** The first column of the first row, as text; null when there is no row. */
  public static String query(String sql, Object... args) throws SQLException {
    try (Connection c = db();
        PreparedStatement ps = prepare(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** A number the query answers (0 when it answers no row). */
  public static long count(String sql, Object... args) throws SQLException {
    String v = query(sql, args);
    return v == null ? 0 : Long.parseLong(v);
  }

  public static void exec(String sql, Object... args) throws SQLException {
    try (Connection c = db();
        PreparedStatement ps = prepare(c, sql, args)) {
      ps.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
    return ps;
  }
}
