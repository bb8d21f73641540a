package cn.edu.ntvu.standin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The stand-in's one way of talking SQL: a statement with its arguments, run on a connection of its
 * own (each commits by itself), rows mapped by a lambda. Multi-statement work that must be atomic
 * takes a connection and uses the static forms inside its own transaction.
 */
public final class Sql {
  private final DataSource dataSource;

  public Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Maps one row; may throw what JDBC throws. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Work on one connection; may throw what JDBC throws. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  public <T> List<T> list(String sql, Row<T> row, Object... args) {
    return with(c -> list(c, sql, row, args));
  }

  public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
    List<T> rows = list(sql, row, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public long count(String sql, Object... args) {
    return one(sql, rs -> rs.getLong(1), args).orElse(0L);
  }

  public int update(String sql, Object... args) {
    return with(c -> update(c, sql, args));
  }

  /** Runs {@code work} on a connection of its own (autocommit unless the work changes it). */
  public <T> T with(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("stand-in storage failed: " + e.getMessage(), e);
    }
  }

  public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args);
        ResultSet rs = s.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.map(rs));
      }
      return out;
    }
  }

  public static long count(Connection c, String sql, Object... args) throws SQLException {
    List<Long> rows = list(c, sql, rs -> rs.getLong(1), args);
    return rows.isEmpty() ? 0 : rows.get(0);
  }

  public static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, args)) {
      return s.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
    return s;
  }
}
