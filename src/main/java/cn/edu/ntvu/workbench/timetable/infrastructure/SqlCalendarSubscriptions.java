package cn.edu.ntvu.workbench.timetable.infrastructure;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.timetable.domain.CalendarSubscription;
import cn.edu.ntvu.workbench.timetable.domain.CalendarSubscriptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * {@link CalendarSubscriptions} in table {@code calendar_subscription} (one row per person).
 * Turning on and resetting are one atomic upsert, so two taps at once still leave exactly one
 * token.
 */
@ApplicationScoped
public class SqlCalendarSubscriptions implements CalendarSubscriptions {
  private static final String COLUMNS =
      "SELECT person_account, token_sha256, created_at, last_used_at"
          + " FROM calendar_subscription WHERE ";

  @Inject Sql sql;

  @Override
  public Optional<CalendarSubscription> ofPerson(String account) {
    return one(COLUMNS + "person_account = ?", account);
  }

  @Override
  public Optional<CalendarSubscription> withTokenHash(String tokenSha256) {
    return one(COLUMNS + "token_sha256 = ?", tokenSha256);
  }

  @Override
  public void replace(String account, String tokenSha256, Instant now) {
    sql.update(
        "INSERT INTO calendar_subscription (person_account, token_sha256, created_at, last_used_at)"
            + " VALUES (?, ?, ?, NULL) ON DUPLICATE KEY UPDATE token_sha256 = VALUES(token_sha256),"
            + " created_at = VALUES(created_at), last_used_at = NULL",
        account,
        tokenSha256,
        Timestamp.from(now));
  }

  @Override
  public void remove(String account) {
    sql.update("DELETE FROM calendar_subscription WHERE person_account = ?", account);
  }

  @Override
  public void touch(String tokenSha256, Instant now, Duration resolution) {
    sql.update(
        "UPDATE calendar_subscription SET last_used_at = ? WHERE token_sha256 = ?"
            + " AND (last_used_at IS NULL OR last_used_at < ?)",
        Timestamp.from(now),
        tokenSha256,
        Timestamp.from(now.minus(resolution)));
  }

  private Optional<CalendarSubscription> one(String query, String param) {
    return sql.rows(query, param).stream()
        .findFirst()
        .map(
            r ->
                new CalendarSubscription(
                    (String) r[0],
                    (String) r[1],
                    instant(r[2]),
                    Optional.ofNullable(r[3]).map(SqlCalendarSubscriptions::instant)));
  }

  /**
   * The driver answers TIMESTAMP as {@link Timestamp} or {@link LocalDateTime}, both in the JVM's
   * zone.
   */
  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof LocalDateTime l) {
      return l.atZone(ZoneId.systemDefault()).toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
