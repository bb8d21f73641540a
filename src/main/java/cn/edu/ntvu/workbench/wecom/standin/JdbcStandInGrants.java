package cn.edu.ntvu.workbench.wecom.standin;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link StandInGrants} in table {@code standin_wecom_grant}; each statement commits by itself. */
@ApplicationScoped
public class JdbcStandInGrants implements StandInGrants {

  @Resource(lookup = "java:app/jdbc/workbench")
  DataSource dataSource;

  @Override
  public void save(StandInGrant grant) {
    execute(
        "INSERT INTO standin_wecom_grant (grant_value, grant_type, userid, expires_at, used)"
            + " VALUES (?, ?, ?, ?, ?)",
        statement -> {
          statement.setString(1, grant.value());
          statement.setString(2, grant.type().name());
          statement.setString(3, grant.userid());
          statement.setTimestamp(4, Timestamp.from(grant.expiresAt()));
          statement.setBoolean(5, grant.used());
          return statement.executeUpdate();
        });
  }

  @Override
  public Optional<StandInGrant> find(String value, StandInGrant.Type type) {
    return execute(
        "SELECT grant_value, grant_type, userid, expires_at, used FROM standin_wecom_grant"
            + " WHERE grant_value = ? AND grant_type = ?",
        statement -> {
          statement.setString(1, value);
          statement.setString(2, type.name());
          try (ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
              return Optional.empty();
            }
            return Optional.of(
                new StandInGrant(
                    row.getString(1),
                    StandInGrant.Type.valueOf(row.getString(2)),
                    row.getString(3),
                    row.getTimestamp(4).toInstant(),
                    row.getBoolean(5)));
          }
        });
  }

  @Override
  public Optional<StandInGrant> redeemCode(String code, Instant now) {
    int redeemed =
        execute(
            "UPDATE standin_wecom_grant SET used = TRUE"
                + " WHERE grant_value = ? AND grant_type = 'CODE' AND used = FALSE"
                + " AND expires_at > ?",
            statement -> {
              statement.setString(1, code);
              statement.setTimestamp(2, Timestamp.from(now));
              return statement.executeUpdate();
            });
    return redeemed == 1 ? find(code, StandInGrant.Type.CODE) : Optional.empty();
  }

  @Override
  public int expireAllTokens(Instant now) {
    return execute(
        "UPDATE standin_wecom_grant SET expires_at = ? WHERE grant_type = 'TOKEN' AND expires_at >"
            + " ?",
        statement -> {
          statement.setTimestamp(1, Timestamp.from(now));
          statement.setTimestamp(2, Timestamp.from(now));
          return statement.executeUpdate();
        });
  }

  @Override
  public void deleteExpiredBefore(Instant cutoff) {
    execute(
        "DELETE FROM standin_wecom_grant WHERE expires_at < ?",
        statement -> {
          statement.setTimestamp(1, Timestamp.from(cutoff));
          return statement.executeUpdate();
        });
  }

  private <T> T execute(String sql, Statement<T> work) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      return work.run(statement);
    } catch (SQLException e) {
      throw new IllegalStateException("stand-in grant storage failed", e);
    }
  }

  @FunctionalInterface
  private interface Statement<T> {
    T run(PreparedStatement statement) throws SQLException;
  }
}
