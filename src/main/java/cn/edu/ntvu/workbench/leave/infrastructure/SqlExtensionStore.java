package cn.edu.ntvu.workbench.leave.infrastructure;

import static cn.edu.ntvu.workbench.platform.persistence.Sql.bool;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.lng;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.num;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.str;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.time;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.ts;

import cn.edu.ntvu.workbench.leave.application.ExtensionRow;
import cn.edu.ntvu.workbench.leave.application.ExtensionStore;
import cn.edu.ntvu.workbench.leave.domain.ExtensionRule;
import cn.edu.ntvu.workbench.leave.domain.RoutingRule;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** {@link ExtensionStore} in SQL. */
@ApplicationScoped
public class SqlExtensionStore implements ExtensionStore {
  private static final String COLUMNS =
      "id, request_id, seq, old_end, new_end, duration_minutes, duration_days, reason, status, rule_id,"
          + " first_step, step_count, submitted_at, closed_at";

  @Inject Sql sql;

  public List<ExtensionRule> rules() {
    return sql
        .rows(
            "SELECT id, priority, type_code, max_days, steps, enabled FROM leave_extension_rule"
                + " ORDER BY priority, id")
        .stream()
        .map(
            r ->
                new ExtensionRule(
                    lng(r[0]),
                    num(r[1]),
                    str(r[2]),
                    (BigDecimal) r[3],
                    RoutingRule.parseSteps(str(r[4])),
                    bool(r[5])))
        .toList();
  }

  public long insertRule(ExtensionRule rule) {
    return sql.insert(
        "INSERT INTO leave_extension_rule (priority, type_code, max_days, steps, enabled) VALUES (?, ?, ?, ?, ?)",
        rule.priority(),
        rule.typeCode(),
        rule.maxDays(),
        rule.stepsText(),
        rule.enabled());
  }

  public int deleteRule(long id) {
    return sql.update("DELETE FROM leave_extension_rule WHERE id = ?", id);
  }

  public List<ExtensionRow> of(long requestId) {
    return sql
        .rows(
            "SELECT " + COLUMNS + " FROM leave_extension WHERE request_id = ? ORDER BY seq",
            requestId)
        .stream()
        .map(SqlExtensionStore::row)
        .toList();
  }

  private static ExtensionRow row(Object[] r) {
    return new ExtensionRow(
        lng(r[0]),
        lng(r[1]),
        num(r[2]),
        time(r[3]),
        time(r[4]),
        lng(r[5]),
        (BigDecimal) r[6],
        str(r[7]),
        str(r[8]),
        r[9] == null ? null : lng(r[9]),
        num(r[10]),
        num(r[11]),
        time(r[12]),
        time(r[13]));
  }

  public OptionalLong insert(
      long requestId,
      int seq,
      LocalDateTime oldEnd,
      LocalDateTime newEnd,
      long minutes,
      BigDecimal days,
      String reason,
      Long ruleId,
      int firstStep,
      int stepCount,
      String token,
      LocalDateTime now) {
    return sql.insertIfNew(
        "INSERT IGNORE INTO leave_extension (request_id, seq, old_end, new_end, duration_minutes,"
            + " duration_days, reason, status, rule_id, first_step, step_count, submit_token, submitted_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)",
        requestId,
        seq,
        ts(oldEnd),
        ts(newEnd),
        minutes,
        days,
        reason,
        ruleId,
        firstStep,
        stepCount,
        token,
        ts(now));
  }

  public OptionalLong byToken(long requestId, String token) {
    return sql.one(
            "SELECT id FROM leave_extension WHERE request_id = ? AND submit_token = ?",
            rs -> rs.getLong(1),
            requestId,
            token)
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }

  public int markStep(long requestId, int stepNo, long extensionId) {
    return sql.update(
        "UPDATE leave_step SET extension_id = ? WHERE request_id = ? AND step_no = ?",
        extensionId,
        requestId,
        stepNo);
  }

  public int lastStepNo(long requestId) {
    Object v =
        sql.value(
            "SELECT COALESCE(MAX(step_no), 0) FROM leave_step WHERE request_id = ?", requestId);
    return num(v);
  }

  public int close(long extensionId, String status, LocalDateTime now) {
    return sql.update(
        "UPDATE leave_extension SET status = ?, closed_at = ? WHERE id = ? AND status = 'PENDING'",
        status,
        ts(now),
        extensionId);
  }

  public int extendRequest(
      long requestId, LocalDateTime oldEnd, LocalDateTime newEnd, long minutes, BigDecimal days) {
    return sql.update(
        "UPDATE leave_request SET original_end = COALESCE(original_end, ends_at), ends_at = ?,"
            + " duration_minutes = ?, duration_days = ?, overdue_at = NULL"
            + " WHERE id = ? AND status = 'APPROVED' AND ends_at = ?",
        ts(newEnd),
        minutes,
        days,
        requestId,
        ts(oldEnd));
  }

  public Optional<LocalDateTime> originalEnd(long requestId) {
    return sql.one(
        "SELECT original_end FROM leave_request WHERE id = ? AND original_end IS NOT NULL",
        rs -> time(rs, 1),
        requestId);
  }
}
