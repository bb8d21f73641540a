package cn.edu.ntvu.workbench.wecom.infrastructure;

import cn.edu.ntvu.workbench.wecom.application.Credential;
import cn.edu.ntvu.workbench.wecom.application.CredentialStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * {@link CredentialStore} in table {@code wecom_credential} (MariaDB, InnoDB).
 *
 * <p>Plain JDBC on a connection outside any JTA transaction ({@code NOT_SUPPORTED} suspends the
 * caller's), so the row lock is held exactly as long as the refresh and is released by our own
 * commit, whatever the caller does afterwards.
 *
 * <p>A row is never deleted: "no credential" is a row whose value is NULL. The row is created first
 * with {@code INSERT IGNORE} in its own autocommit statement, so {@code SELECT … FOR UPDATE} always
 * locks an existing record; locking a missing key would take only a gap lock, which does not keep
 * two servers from both refreshing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JdbcCredentialStore implements CredentialStore {

  private static final String ENSURE_ROW =
      "INSERT IGNORE INTO wecom_credential (cache_key, value, expires_at) VALUES (?, NULL, NULL)";
  private static final String SELECT =
      "SELECT value, expires_at FROM wecom_credential WHERE cache_key = ?";
  private static final String SELECT_FOR_UPDATE = SELECT + " FOR UPDATE";
  private static final String STORE =
      "UPDATE wecom_credential SET value = ?, expires_at = ? WHERE cache_key = ?";
  private static final String COMPARE_AND_DELETE =
      "UPDATE wecom_credential SET value = NULL, expires_at = NULL"
          + " WHERE cache_key = ? AND value = ?";

  @Resource(lookup = "java:app/jdbc/workbench")
  DataSource dataSource;

  @Override
  public Optional<Credential> read(String cacheKey) {
    try (Connection connection = dataSource.getConnection()) {
      return select(connection, SELECT, cacheKey);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read WeCom credential " + cacheKey, e);
    }
  }

  @Override
  public Credential refresh(
      String cacheKey, Predicate<Credential> stillUsable, Supplier<Credential> fetch) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      try {
        connection.setAutoCommit(true);
        update(connection, ENSURE_ROW, cacheKey);
        connection.setAutoCommit(false);
        try {
          Optional<Credential> current =
              select(connection, SELECT_FOR_UPDATE, cacheKey).filter(stillUsable);
          if (current.isPresent()) {
            connection.commit();
            return current.get();
          }
          Credential fresh = fetch.get();
          try (PreparedStatement store = connection.prepareStatement(STORE)) {
            store.setString(1, fresh.value());
            store.setTimestamp(2, Timestamp.from(fresh.useUntil()));
            store.setString(3, cacheKey);
            store.executeUpdate();
          }
          connection.commit();
          return fresh;
        } catch (RuntimeException | SQLException e) {
          connection.rollback();
          throw e;
        }
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot refresh WeCom credential " + cacheKey, e);
    }
  }

  @Override
  public boolean invalidate(String cacheKey, String failedValue) {
    try (Connection connection = dataSource.getConnection()) {
      return update(connection, COMPARE_AND_DELETE, cacheKey, failedValue) == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot invalidate WeCom credential " + cacheKey, e);
    }
  }

  private static Optional<Credential> select(Connection connection, String sql, String cacheKey)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, cacheKey);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        String value = row.getString(1);
        Timestamp useUntil = row.getTimestamp(2);
        return value == null || useUntil == null
            ? Optional.empty()
            : Optional.of(new Credential(value, useUntil.toInstant()));
      }
    }
  }

  private static int update(Connection connection, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setString(i + 1, parameters[i]);
      }
      return update.executeUpdate();
    }
  }
}
