package cn.edu.ntvu.workbench.timetable.infrastructure;

import cn.edu.ntvu.workbench.timetable.domain.CalendarSubscription;
import cn.edu.ntvu.workbench.timetable.domain.CalendarSubscriptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * {@link CalendarSubscriptions} in table {@code calendar_subscription} (one row per person). Turning on and resetting
 * are one atomic upsert, so two taps at once still leave exactly one token.
 */
@ApplicationScoped
public class JpaCalendarSubscriptions implements CalendarSubscriptions {
  private static final String COLUMNS = "SELECT person_account, token_sha256, created_at, last_used_at"
      + " FROM calendar_subscription WHERE ";

  @PersistenceContext(unitName = "workbench")
  EntityManager em;

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
    em.createNativeQuery(
            "INSERT INTO calendar_subscription (person_account, token_sha256, created_at, last_used_at)"
                + " VALUES (?, ?, ?, NULL) ON DUPLICATE KEY UPDATE token_sha256 = VALUES(token_sha256),"
                + " created_at = VALUES(created_at), last_used_at = NULL")
        .setParameter(1, account)
        .setParameter(2, tokenSha256)
        .setParameter(3, Timestamp.from(now))
        .executeUpdate();
  }

  @Override
  public void remove(String account) {
    em.createNativeQuery("DELETE FROM calendar_subscription WHERE person_account = ?")
        .setParameter(1, account)
        .executeUpdate();
  }

  @Override
  public void touch(String tokenSha256, Instant now, Duration resolution) {
    em.createNativeQuery(
            "UPDATE calendar_subscription SET last_used_at = ? WHERE token_sha256 = ?"
                + " AND (last_used_at IS NULL OR last_used_at < ?)")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, tokenSha256)
        .setParameter(3, Timestamp.from(now.minus(resolution)))
        .executeUpdate();
  }

  private Optional<CalendarSubscription> one(String sql, String param) {
    return em.createNativeQuery(sql).setParameter(1, param).getResultStream().findFirst().map(row -> {
      Object[] r = (Object[]) row;
      return new CalendarSubscription(
          (String) r[0], (String) r[1], instant(r[2]), Optional.ofNullable(r[3]).map(JpaCalendarSubscriptions::instant));
    });
  }

  /** The driver answers TIMESTAMP as {@link Timestamp} or {@link LocalDateTime}, both in the JVM's zone. */
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
