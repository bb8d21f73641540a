package cn.edu.ntvu.workbench.messaging.application;

import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What admins see of and do with the outbox ({@code /admin/wecom/outbox.xhtml}): counts, a filtered
 * list, and putting FAILED messages back to PENDING (one, or all), each retry recorded in the audit
 * log in the same transaction.
 */
@Requires(roles = Role.ADMIN)
@ApplicationScoped
public class OutboxAdmin {
  public static final int LIST_LIMIT = 100;

  @Inject Sql sql;

  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** Messages per status. */
  public record Counts(long pending, long failed, long sent) {}

  /** The list's filter; blank parts mean any. */
  public record Filter(String status, String topic, String recipient) {}

  /** One message as the admin page shows it. */
  public record Row(
      long id,
      String messageKey,
      String kind,
      String toUsers,
      String topic,
      String status,
      int attempts,
      int deferrals,
      LocalDateTime createdAt,
      LocalDateTime nextAttemptAt,
      LocalDateTime sentAt,
      Integer lastErrcode,
      String lastError,
      String wecomMsgid,
      String invalidUsers) {}

  public Counts counts() {
    long pending = 0;
    long failed = 0;
    long sent = 0;
    @SuppressWarnings("unchecked")
    List<Object[]> rows = sql.rows("SELECT status, COUNT(*) FROM wecom_outbox GROUP BY status");
    for (Object[] r : rows) {
      long n = ((Number) r[1]).longValue();
      switch (String.valueOf(r[0])) {
        case "PENDING" -> pending = n;
        case "FAILED" -> failed = n;
        case "SENT" -> sent = n;
        default -> {}
      }
    }
    return new Counts(pending, failed, sent);
  }

  /** The newest {@value #LIST_LIMIT} messages that match, newest first. */
  public List<Row> list(Filter filter) {
    return page(filter, null, null, false, 0, LIST_LIMIT);
  }

  /** The columns a page may be sorted by (the admin page's table), each with its SQL column. */
  public static final Map<String, String> SORTABLE =
      Map.of("createdAt", "id", "attempts", "attempts", "status", "status", "topic", "topic");

  /**
   * How many messages match {@code filter} and, unless {@code topicStart} is blank, whose topic
   * starts with it.
   */
  public long count(Filter filter, String topicStart) {
    List<Object> params = new ArrayList<>();
    String where = where(filter, topicStart, params);
    return ((Number)
            sql.rows("SELECT COUNT(*) FROM wecom_outbox" + where, params.toArray()).get(0)[0])
        .longValue();
  }

  /**
   * One page of the messages that match (see {@link #count}), sorted by {@code sort} (one of {@link
   * #SORTABLE}; else newest first), the newest first breaking ties; all done by the database.
   */
  public List<Row> page(
      Filter filter, String topicStart, String sort, boolean ascending, int first, int size) {
    List<Object> params = new ArrayList<>();
    StringBuilder query =
        new StringBuilder(
            "SELECT id, message_key, kind, to_users, topic, status, attempts, deferrals, created_at, next_attempt_at,"
                + " sent_at, last_errcode, last_error, wecom_msgid, invalid_users FROM wecom_outbox");
    query.append(where(filter, topicStart, params));
    String by = sort == null ? null : SORTABLE.get(sort);
    if (by == null || by.equals("id")) {
      query.append(by != null && ascending ? " ORDER BY id ASC" : " ORDER BY id DESC");
    } else {
      query
          .append(" ORDER BY ")
          .append(by)
          .append(ascending ? " ASC" : " DESC")
          .append(", id DESC");
    }
    query
        .append(" LIMIT ")
        .append(Math.max(1, Math.min(size, 500)))
        .append(" OFFSET ")
        .append(Math.max(0, first));
    List<Object[]> rows = sql.rows(query.toString(), params.toArray());
    return rows.stream()
        .map(
            r ->
                new Row(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    ((Number) r[6]).intValue(),
                    ((Number) r[7]).intValue(),
                    time(r[8]),
                    time(r[9]),
                    time(r[10]),
                    r[11] == null ? null : ((Number) r[11]).intValue(),
                    (String) r[12],
                    (String) r[13],
                    (String) r[14]))
        .toList();
  }

  private static String where(Filter filter, String topicStart, List<Object> params) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (notBlank(filter.status())) {
      where.append(" AND status = ?");
      params.add(filter.status().strip());
    }
    if (notBlank(filter.topic())) {
      where.append(" AND topic LIKE ?");
      params.add(like(filter.topic().strip()) + "%");
    }
    if (notBlank(topicStart)) {
      where.append(" AND topic LIKE ?");
      params.add(like(topicStart.strip()) + "%");
    }
    if (notBlank(filter.recipient())) {
      where.append(" AND CONCAT('|', to_users, '|') LIKE ?");
      params.add("%|" + like(filter.recipient().strip()) + "|%");
    }
    return where.toString();
  }

  /**
   * Puts one FAILED message back to PENDING, due now, with a fresh count of attempts.
   *
   * @return false if there is no such message or it is not FAILED (nothing changed, nothing
   *     recorded)
   */
  @Transactional
  public boolean retry(long id, AuditActor actor) {
    @SuppressWarnings("unchecked")
    List<Object[]> found =
        sql.rows(
            "SELECT topic, message_key, attempts, last_error FROM wecom_outbox WHERE id = ? AND status = 'FAILED'"
                + " FOR UPDATE",
            id);
    if (found.isEmpty()) {
      return false;
    }
    Object[] row = found.get(0);
    int changed =
        sql.update(
            "UPDATE wecom_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_by = NULL,"
                + " claim_token = NULL, lease_until = NULL WHERE id = ? AND status = 'FAILED'",
            now(),
            id);
    if (changed != 1) {
      return false;
    }
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("status", "FAILED");
    before.put("attempts", ((Number) row[2]).intValue());
    before.put("last_error", row[3]);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", "PENDING");
    after.put("attempts", 0);
    after.put("last_error", row[3]);
    audit.record(
        actor,
        "WECOM_OUTBOX_RETRY",
        AuditObject.of("wecom_outbox", id, row[1] + " (" + row[0] + ")"),
        AuditDiff.between(before, after));
    return true;
  }

  /** Puts every FAILED message back to PENDING; one audit entry with the number. */
  @Transactional
  public int retryAllFailed(AuditActor actor) {
    int changed =
        sql.update(
            "UPDATE wecom_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_by = NULL,"
                + " claim_token = NULL, lease_until = NULL WHERE status = 'FAILED'",
            now());
    if (changed > 0) {
      audit.record(
          actor,
          "WECOM_OUTBOX_RETRY_ALL",
          AuditObject.of("wecom_outbox", "", changed + " FAILED"),
          AuditDiff.between(Map.of("failed", changed), Map.of("failed", 0)));
    }
    return changed;
  }

  private Timestamp now() {
    return Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
  }

  private static LocalDateTime time(Object value) {
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime();
    }
    if (value instanceof LocalDateTime t) {
      return t;
    }
    return null;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String like(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
