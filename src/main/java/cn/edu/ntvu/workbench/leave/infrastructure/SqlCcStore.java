package cn.edu.ntvu.workbench.leave.infrastructure;

import static cn.edu.ntvu.workbench.platform.persistence.Sql.bool;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.lng;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.str;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.time;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.ts;

import cn.edu.ntvu.workbench.leave.application.CcStore;
import cn.edu.ntvu.workbench.leave.domain.CcRule;
import cn.edu.ntvu.workbench.leave.domain.CcTarget;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link CcStore} over {@code leave_cc_rule}, {@code leave_cc_contact} and {@code leave_cc}. */
@ApplicationScoped
public class SqlCcStore implements CcStore {
  @Inject Sql sql;

  public List<CcRule> lines() {
    return sql
        .rows(
            "SELECT id, rule_id, target, account, on_submit, on_approval FROM leave_cc_rule"
                + " ORDER BY COALESCE(rule_id, 0), id")
        .stream()
        .map(
            r ->
                new CcRule(
                    lng(r[0]),
                    r[1] == null ? null : lng(r[1]),
                    CcTarget.valueOf(str(r[2])),
                    str(r[3]),
                    bool(r[4]),
                    bool(r[5])))
        .toList();
  }

  public long insertLine(CcRule line) {
    return sql.insert(
        "INSERT INTO leave_cc_rule (rule_id, target, account, on_submit, on_approval) VALUES (?, ?, ?, ?, ?)",
        line.ruleId(),
        line.target().name(),
        line.account(),
        line.onSubmit(),
        line.onApproval());
  }

  public int deleteLine(long id) {
    return sql.update("DELETE FROM leave_cc_rule WHERE id = ?", id);
  }

  public List<Contact> contacts() {
    return sql
        .rows("SELECT role, class_code, account FROM leave_cc_contact ORDER BY role, class_code")
        .stream()
        .map(r -> new Contact(str(r[0]), str(r[1]), str(r[2])))
        .toList();
  }

  public Optional<String> contact(String role, String classCode) {
    return sql.one(
        "SELECT account FROM leave_cc_contact WHERE role = ? AND class_code = ?",
        rs -> rs.getString(1),
        role,
        classCode == null ? "" : classCode);
  }

  public void setContact(String role, String classCode, String account) {
    sql.update(
        "INSERT INTO leave_cc_contact (role, class_code, account) VALUES (?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE account = VALUES(account)",
        role,
        classCode == null ? "" : classCode,
        account);
  }

  public int deleteContact(String role, String classCode) {
    return sql.update(
        "DELETE FROM leave_cc_contact WHERE role = ? AND class_code = ?",
        role,
        classCode == null ? "" : classCode);
  }

  public Optional<Long> ruleOf(long requestId) {
    return sql.one(
            "SELECT rule_id FROM leave_request WHERE id = ?",
            rs -> {
              long v = rs.getLong(1);
              return rs.wasNull() ? -1L : v;
            },
            requestId)
        .filter(v -> v >= 0);
  }

  public Set<String> copiedOn(long requestId) {
    return new LinkedHashSet<>(
        sql.query(
            "SELECT account FROM leave_cc WHERE request_id = ? ORDER BY copied_at, account",
            rs -> rs.getString(1),
            requestId));
  }

  public boolean insertCopy(
      long requestId,
      String account,
      long ccRuleId,
      String target,
      String phase,
      LocalDateTime now) {
    return sql.update(
            "INSERT IGNORE INTO leave_cc (request_id, account, cc_rule_id, target, phase, copied_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            requestId,
            account,
            ccRuleId,
            target,
            phase,
            ts(now))
        == 1;
  }

  public boolean isCopied(long requestId, String account) {
    return sql.one(
            "SELECT 1 FROM leave_cc WHERE request_id = ? AND account = ?",
            rs -> rs.getInt(1),
            requestId,
            account)
        .isPresent();
  }

  public List<Copy> copiesOf(long requestId) {
    return sql
        .rows(
            "SELECT account, target, phase, copied_at FROM leave_cc WHERE request_id = ?"
                + " ORDER BY copied_at, account",
            requestId)
        .stream()
        .map(r -> new Copy(str(r[0]), str(r[1]), str(r[2]), time(r[3])))
        .toList();
  }

  public List<CopiedToMe> copiedTo(String account, int offset, int limit) {
    int w = SqlLeaveStore.REQUEST_WIDTH;
    return sql
        .rows(
            "SELECT "
                + SqlLeaveStore.REQUEST_COLUMNS
                + ", c.target, c.phase, c.copied_at FROM leave_cc c"
                + " JOIN leave_request r ON r.id = c.request_id WHERE c.account = ?"
                + " ORDER BY c.copied_at DESC, c.request_id DESC LIMIT ? OFFSET ?",
            account,
            limit,
            offset)
        .stream()
        .map(
            r ->
                new CopiedToMe(
                    SqlLeaveStore.request(Arrays.copyOf(r, w)),
                    str(r[w]),
                    str(r[w + 1]),
                    time(r[w + 2])))
        .toList();
  }

  public long countCopiedTo(String account) {
    return lng(sql.value("SELECT COUNT(*) FROM leave_cc WHERE account = ?", account));
  }
}
