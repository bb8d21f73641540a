package cn.edu.ntvu.workbench.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one way this app writes SQL (the persistence rule, README): reads shaped for a page, bulk
 * work and locking reads, with the statement, its arguments and a lambda that maps a row — no
 * hand-rolled connection handling in the stores. Aggregates with a lifecycle and invariants are JPA
 * entities instead.
 *
 * <p>Straight over the application's DataSource: inside a container transaction the connection is
 * the transaction's (the same one EclipseLink uses, so a change and its audit entry commit
 * together); outside one, each call is its own statement in autocommit, which is what the home
 * page's hot path wants (no transaction, no EntityManager). {@link #inLocalTransaction} is for
 * background work that must claim rows and commit before it calls out (the outbox, the contacts
 * runner). Arguments: {@link LocalDateTime}, {@link LocalDate}, {@link Instant} and enums are
 * converted; {@code null} is SQL NULL. A database failure comes out as {@link Failure}.
 */
@ApplicationScoped
public class Sql {
  @Resource(lookup = "java:app/jdbc/workbench")
  DataSource dataSource;

  /** For tests and tools outside the container. */
  public static Sql over(DataSource dataSource) {
    Sql sql = new Sql();
    sql.dataSource = dataSource;
    return sql;
  }

  /** Maps the current row of a result. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Work on one connection in one local transaction ({@link #inLocalTransaction}). */
  @FunctionalInterface
  public interface Work<T> {
    T run(Tx tx) throws SQLException;
  }

  /**
   * A database failure: the statement's SQLState and error code are on the cause. An {@link
   * IllegalStateException}: the app could not do what was asked, through nobody's fault that a
   * message beside a field could fix.
   */
  public static final class Failure extends IllegalStateException {
    public Failure(SQLException cause) {
      super(cause.getSQLState() + " " + cause.getErrorCode() + ": " + cause.getMessage(), cause);
    }

    /** "SQLSTATE errorcode", for logs that must not carry the statement. */
    public String code() {
      SQLException e = (SQLException) getCause();
      return e.getSQLState() + " " + e.getErrorCode();
    }
  }

  public <T> List<T> query(String sql, RowMapper<T> map, Object... args) {
    try (Connection c = dataSource.getConnection()) {
      return new Tx(c).query(sql, map, args);
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }

  /** The first row's mapping, if there is a row. */
  public <T> Optional<T> one(String sql, RowMapper<T> map, Object... args) {
    List<T> all = query(sql, map, args);
    return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
  }

  /**
   * Every row as its columns, for stores that read columns by position ({@link #str}, {@link #lng}
   * …).
   */
  public List<Object[]> rows(String sql, Object... args) {
    return query(sql, Sql::columns, args);
  }

  /**
   * Every row as JPA's native queries hand them over: one column as its value, several as an array.
   */
  public List<Object> values(String sql, Object... args) {
    return query(
        sql,
        rs -> {
          Object[] row = columns(rs);
          return row.length == 1 ? row[0] : row;
        },
        args);
  }

  /** The first row as {@link #values} gives it (a count, a sum …); refused when there is no row. */
  public Object value(String sql, Object... args) {
    List<Object> all = values(sql, args);
    if (all.isEmpty()) {
      throw new IllegalStateException("no row");
    }
    return all.get(0);
  }

  /** INSERT, UPDATE or DELETE; the number of rows it changed. */
  public int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection()) {
      return new Tx(c).update(sql, args);
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }

  /** An INSERT that makes one row; its generated id. */
  public long insert(String sql, Object... args) {
    try (Connection c = dataSource.getConnection()) {
      return new Tx(c).insert(sql, args);
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }

  /** An INSERT IGNORE that makes one row or none (a duplicate key); the new row's id, or empty. */
  public java.util.OptionalLong insertIfNew(String sql, Object... args) {
    try (Connection c = dataSource.getConnection()) {
      return new Tx(c).insertIfNew(sql, args);
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }

  /**
   * Many rows of one INSERT as multi-row statements ({@code head VALUES (?, …), (?, …) tail}, up to
   * {@link #ROWS_PER_INSERT} rows each): the driver sends a JDBC batch of INSERTs as one statement
   * a row (text protocol), which MariaDB parses and runs one by one; one statement of 60 rows costs
   * both sides a fraction of that. {@code tail} may be an {@code ON DUPLICATE KEY UPDATE …}. Every
   * row has {@code columns} arguments. Returns MariaDB's affected-rows count.
   */
  public int insertRows(String head, int columns, List<Object[]> rows, String tail) {
    if (rows.isEmpty()) {
      return 0;
    }
    try (Connection c = dataSource.getConnection()) {
      return new Tx(c).insertRows(head, columns, rows, tail);
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }

  /** The most rows {@link #insertRows} puts in one statement. */
  static final int ROWS_PER_INSERT = 500;

  /**
   * As {@link #insertRows(String, int, List, String)} with {@code head} ending in {@code VALUES}
   * (the columns counted from the first row) and no tail.
   */
  public int insertRows(String headWithValues, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    String head = headWithValues.strip();
    if (!head.regionMatches(true, head.length() - 6, "VALUES", 0, 6)) {
      throw new IllegalArgumentException("the head must end in VALUES: " + head);
    }
    return insertRows(head.substring(0, head.length() - 6).strip(), rows.get(0).length, rows, "");
  }

  /** One statement run for every argument list, as a JDBC batch; the counts per list. */
  public int[] batch(String sql, List<Object[]> argLists) {
    try (Connection c = dataSource.getConnection()) {
      return new Tx(c).batch(sql, argLists);
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }

  /**
   * Runs {@code work}'s statements on one connection, in whatever transaction the caller is in (a
   * container transaction, or autocommit): for a method whose statements belong together, e.g. a
   * locking read and its update.
   */
  public <T> T onOneConnection(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(new Tx(c));
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }

  /**
   * Runs {@code work} on one connection in a local transaction at READ COMMITTED and commits (rolls
   * back on any failure). Only outside a container transaction: for background work that claims
   * rows, commits, and only then calls another server.
   */
  public <T> T inLocalTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      int isolation = c.getTransactionIsolation();
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      try {
        T result = work.run(new Tx(c));
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setTransactionIsolation(isolation);
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }

  /** The statements of {@link Sql} on one connection (inside {@link #inLocalTransaction}). */
  public static final class Tx {
    private final Connection c;

    Tx(Connection c) {
      this.c = c;
    }

    public <T> List<T> query(String sql, RowMapper<T> map, Object... args) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
          List<T> out = new ArrayList<>();
          while (rs.next()) {
            out.add(map.map(rs));
          }
          return out;
        }
      }
    }

    public List<Object[]> rows(String sql, Object... args) throws SQLException {
      return query(sql, Sql::columns, args);
    }

    public int update(String sql, Object... args) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps, args);
        return ps.executeUpdate();
      }
    }

    public long insert(String sql, Object... args) throws SQLException {
      return insertIfNew(sql, args).orElseThrow(() -> new SQLException("no row inserted"));
    }

    public java.util.OptionalLong insertIfNew(String sql, Object... args) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
        bind(ps, args);
        if (ps.executeUpdate() == 0) {
          return java.util.OptionalLong.empty();
        }
        try (ResultSet keys = ps.getGeneratedKeys()) {
          if (!keys.next()) {
            throw new SQLException("no generated key");
          }
          return java.util.OptionalLong.of(keys.getLong(1));
        }
      }
    }

    public int insertRows(String head, int columns, List<Object[]> rows, String tail)
        throws SQLException {
      String tuple = "(" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
      int affected = 0;
      for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
        List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
        String sql =
            head
                + " VALUES "
                + String.join(", ", java.util.Collections.nCopies(chunk.size(), tuple))
                + (tail == null || tail.isEmpty() ? "" : " " + tail);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          int i = 1;
          for (Object[] row : chunk) {
            if (row.length != columns) {
              throw new IllegalArgumentException(
                  "a row of " + row.length + " values for " + columns + " columns");
            }
            for (Object v : row) {
              ps.setObject(i++, sqlValue(v));
            }
          }
          affected += ps.executeUpdate();
        }
      }
      return affected;
    }

    public int[] batch(String sql, List<Object[]> argLists) throws SQLException {
      if (argLists.isEmpty()) {
        return new int[0];
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (Object[] args : argLists) {
          bind(ps, args);
          ps.addBatch();
        }
        return ps.executeBatch();
      }
    }
  }

  static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, sqlValue(args[i]));
    }
  }

  static Object sqlValue(Object a) {
    if (a instanceof LocalDateTime t) {
      return Timestamp.valueOf(t);
    }
    if (a instanceof LocalDate d) {
      return java.sql.Date.valueOf(d);
    }
    if (a instanceof Instant i) {
      return Timestamp.from(i);
    }
    if (a instanceof Enum<?> e) {
      return e.name();
    }
    return a;
  }

  static Object[] columns(ResultSet rs) throws SQLException {
    int n = rs.getMetaData().getColumnCount();
    Object[] row = new Object[n];
    for (int i = 0; i < n; i++) {
      row[i] = rs.getObject(i + 1);
    }
    return row;
  }

  // Reading the columns of rows() and values(): the driver hands them over as Object.

  public static Timestamp ts(LocalDateTime t) {
    return t == null ? null : Timestamp.valueOf(t);
  }

  public static LocalDateTime time(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Timestamp t) {
      return t.toLocalDateTime();
    }
    if (o instanceof LocalDateTime t) {
      return t;
    }
    if (o instanceof java.util.Date d) {
      return new Timestamp(d.getTime()).toLocalDateTime();
    }
    throw new IllegalStateException("not a time: " + o.getClass());
  }

  public static String str(Object o) {
    return o == null ? null : o.toString();
  }

  public static long lng(Object o) {
    return ((Number) o).longValue();
  }

  public static int num(Object o) {
    return ((Number) o).intValue();
  }

  public static Integer intOrNull(Object o) {
    return o == null ? null : ((Number) o).intValue();
  }

  public static java.math.BigDecimal dec(Object o) {
    if (o == null) {
      return null;
    }
    return o instanceof java.math.BigDecimal d ? d : new java.math.BigDecimal(o.toString());
  }

  public static boolean bool(Object o) {
    if (o instanceof Boolean b) {
      return b;
    }
    return o != null && ((Number) o).intValue() != 0;
  }

  /** A nullable DATETIME column of a ResultSet. */
  public static LocalDateTime time(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toLocalDateTime();
  }

  /** A nullable INT column of a ResultSet. */
  public static Integer intOrNull(ResultSet rs, int column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }
}
