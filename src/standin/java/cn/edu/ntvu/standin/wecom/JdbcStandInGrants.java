package cn.edu.ntvu.standin.wecom;

import cn.edu.ntvu.standin.StandInDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** {@link StandInGrants} in table {@code wecom_grant}; each statement commits by itself. */
@ApplicationScoped
public class JdbcStandInGrants implements StandInGrants {

  @Inject StandInDatabase db;

  @Override
  public void save(StandInGrant grant) {
    db.sql()
        .update(
            "INSERT INTO wecom_grant (grant_value, grant_type, userid, expires_at, used) VALUES (?, ?, ?, ?, ?)",
            grant.value(),
            grant.type().name(),
            grant.userid(),
            Timestamp.from(grant.expiresAt()),
            grant.used());
  }

  @Override
  public Optional<StandInGrant> find(String value, StandInGrant.Type type) {
    return db.sql()
        .one(
            "SELECT grant_value, grant_type, userid, expires_at, used FROM wecom_grant"
                + " WHERE grant_value = ? AND grant_type = ?",
            rs ->
                new StandInGrant(
                    rs.getString(1),
                    StandInGrant.Type.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getBoolean(5)),
            value,
            type.name());
  }

  @Override
  public Optional<StandInGrant> redeemCode(String code, Instant now) {
    int redeemed =
        db.sql()
            .update(
                "UPDATE wecom_grant SET used = TRUE"
                    + " WHERE grant_value = ? AND grant_type = 'CODE' AND used = FALSE AND expires_at > ?",
                code,
                Timestamp.from(now));
    return redeemed == 1 ? find(code, StandInGrant.Type.CODE) : Optional.empty();
  }

  @Override
  public int expireAllTokens(Instant now) {
    return db.sql()
        .update(
            "UPDATE wecom_grant SET expires_at = ? WHERE grant_type = 'TOKEN' AND expires_at > ?",
            Timestamp.from(now),
            Timestamp.from(now));
  }

  @Override
  public void deleteExpiredBefore(Instant cutoff) {
    db.sql().update("DELETE FROM wecom_grant WHERE expires_at < ?", Timestamp.from(cutoff));
  }
}
