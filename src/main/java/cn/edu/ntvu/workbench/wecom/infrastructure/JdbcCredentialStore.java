package cn.edu.ntvu.workbench.wecom.infrastructure;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.wecom.application.Credential;
import cn.edu.ntvu.workbench.wecom.application.CredentialStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@link CredentialStore} in table {@code wecom_credential} (MariaDB, InnoDB).
 *
 * <p>SQL through {@link Sql} on a connection outside any JTA transaction ({@code NOT_SUPPORTED}
 * suspends the caller's), so the row lock is held exactly as long as the refresh and is released by
 * our own commit, whatever the caller does afterwards.
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

  @Inject Sql sql;

  @Override
  public Optional<Credential> read(String cacheKey) {
    return sql.query(SELECT, JdbcCredentialStore::credential, cacheKey).stream()
        .findFirst()
        .flatMap(c -> c);
  }

  @Override
  public Credential refresh(
      String cacheKey, Predicate<Credential> stillUsable, Supplier<Credential> fetch) {
    sql.update(ENSURE_ROW, cacheKey);
    // The row lock is held while WeCom is asked: another server wanting the same token waits, then
    // finds it fresh.
    return sql.inLocalTransaction(
        tx -> {
          Optional<Credential> current =
              tx.query(SELECT_FOR_UPDATE, JdbcCredentialStore::credential, cacheKey).stream()
                  .findFirst()
                  .flatMap(c -> c)
                  .filter(stillUsable);
          if (current.isPresent()) {
            return current.get();
          }
          Credential fresh = fetch.get();
          tx.update(STORE, fresh.value(), Timestamp.from(fresh.useUntil()), cacheKey);
          return fresh;
        });
  }

  @Override
  public boolean invalidate(String cacheKey, String failedValue) {
    return sql.update(COMPARE_AND_DELETE, cacheKey, failedValue) == 1;
  }

  private static Optional<Credential> credential(ResultSet row) throws SQLException {
    String value = row.getString(1);
    Timestamp useUntil = row.getTimestamp(2);
    return value == null || useUntil == null
        ? Optional.empty()
        : Optional.of(new Credential(value, useUntil.toInstant()));
  }
}
