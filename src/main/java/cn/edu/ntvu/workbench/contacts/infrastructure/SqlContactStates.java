package cn.edu.ntvu.workbench.contacts.infrastructure;

import cn.edu.ntvu.workbench.contacts.application.ContactState;
import cn.edu.ntvu.workbench.contacts.application.ContactStates;
import cn.edu.ntvu.workbench.contacts.application.Payloads;
import cn.edu.ntvu.workbench.contacts.domain.ContactsDiff;
import cn.edu.ntvu.workbench.contacts.domain.MemberStatus;
import cn.edu.ntvu.workbench.contacts.domain.MobileNumbers;
import cn.edu.ntvu.workbench.contacts.domain.WeComMember;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link ContactStates} in SQL; every method is one transaction (or joins the caller's). */
@ApplicationScoped
@Transactional
public class SqlContactStates implements ContactStates {
  @Inject Sql sql;

  @Override
  public ContactsDiff.Memory memory() {
    Map<String, Long> ids = new HashMap<>();
    Map<String, String> departmentPrints = new HashMap<>();
    Map<String, String> memberPrints = new HashMap<>();
    Map<String, WeComMember> pushed = new HashMap<>();
    sql.onOneConnection(
        tx -> {
          tx.query(
              "SELECT code, wecom_id, pushed_hash FROM wecom_department_map",
              rs -> {
                ids.put(rs.getString(1), rs.getLong(2));
                if (rs.getString(3) != null) {
                  departmentPrints.put(rs.getString(1), rs.getString(3));
                }
                return null;
              });
          return tx.query(
              "SELECT account, pushed_hash, pushed_fields FROM wecom_contact WHERE pushed_hash IS NOT NULL",
              rs -> {
                memberPrints.put(rs.getString(1), rs.getString(2));
                if (rs.getString(3) != null) {
                  pushed.put(rs.getString(1), Payloads.member(rs.getString(3)));
                }
                return null;
              });
        });
    return new ContactsDiff.Memory(ids, departmentPrints, memberPrints, pushed);
  }

  @Override
  public void forgetMembersNotIn(Set<String> accounts, LocalDateTime now) {
    List<String> inWeCom =
        sql.query("SELECT account FROM wecom_contact WHERE in_wecom", rs -> rs.getString(1));
    for (String account : inWeCom) {
      if (!accounts.contains(account)) {
        rememberMember(account, false, null, 0, null, now);
      }
    }
  }

  @Override
  public void rememberMember(
      String account,
      boolean inWeCom,
      String fingerprint,
      Integer errcode,
      String reason,
      LocalDateTime now) {
    rememberMember(account, inWeCom, fingerprint, null, errcode, reason, now);
  }

  @Override
  public void rememberMember(
      String account,
      boolean inWeCom,
      String fingerprint,
      String fields,
      Integer errcode,
      String reason,
      LocalDateTime now) {
    sql.update(
        "INSERT INTO wecom_contact (account, in_wecom, wecom_status, pushed_hash, last_errcode, last_reason,"
            + " synced_at, pushed_fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE in_wecom = VALUES(in_wecom), pushed_hash = VALUES(pushed_hash),"
            + " pushed_fields = VALUES(pushed_fields),"
            + " wecom_status = IF(VALUES(in_wecom), IF(wecom_status = 'MISSING', 'NOT_ACTIVATED', wecom_status),"
            + " 'MISSING'), last_errcode = VALUES(last_errcode), last_reason = VALUES(last_reason),"
            + " synced_at = VALUES(synced_at)",
        account,
        inWeCom,
        inWeCom ? MemberStatus.NOT_ACTIVATED : MemberStatus.MISSING,
        fingerprint,
        errcode,
        reason,
        now,
        inWeCom ? fields : null);
  }

  @Override
  public void memberFailed(String account, int errcode, String reason, LocalDateTime now) {
    sql.update(
        "INSERT INTO wecom_contact (account, last_errcode, last_reason, synced_at) VALUES (?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE last_errcode = VALUES(last_errcode), last_reason = VALUES(last_reason),"
            + " synced_at = VALUES(synced_at)",
        account,
        errcode,
        reason,
        now);
  }

  @Override
  public void rememberDepartment(String code, long wecomId, String fingerprint) {
    sql.update(
        "INSERT INTO wecom_department_map (code, wecom_id, pushed_hash) VALUES (?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE wecom_id = VALUES(wecom_id), pushed_hash = VALUES(pushed_hash)",
        code,
        wecomId,
        fingerprint);
  }

  @Override
  public void forgetDepartment(long wecomId) {
    sql.update("DELETE FROM wecom_department_map WHERE wecom_id = ?", wecomId);
  }

  @Override
  public ContactState state(String account) {
    return sql.one(
            "SELECT wecom_status, synced_at, last_errcode, last_reason FROM wecom_contact WHERE account = ?",
            rs ->
                new ContactState(
                    account,
                    MemberStatus.valueOf(rs.getString(1)),
                    Sql.time(rs, 2),
                    Sql.intOrNull(rs, 3),
                    rs.getString(4)),
            account)
        .orElseGet(() -> ContactState.unknown(account));
  }

  @Override
  public void setStatus(String account, MemberStatus status, LocalDateTime now) {
    sql.update(
        "INSERT INTO wecom_contact (account, in_wecom, wecom_status, status_at) VALUES (?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE in_wecom = VALUES(in_wecom), wecom_status = VALUES(wecom_status),"
            + " status_at = VALUES(status_at), pushed_hash = IF(VALUES(in_wecom), pushed_hash, NULL)",
        account,
        status != MemberStatus.MISSING,
        status,
        now);
  }

  @Override
  public List<ReportRow> report(List<MemberStatus> statuses, int limit) {
    String in = String.join(",", statuses.stream().map(st -> "'" + st.name() + "'").toList());
    return sql.query(
        "SELECT p.account, p.name, COALESCE(sc.name, d.name), p.mobile, COALESCE(w.wecom_status, 'MISSING'),"
            + " w.last_errcode, w.last_reason FROM person p LEFT JOIN wecom_contact w ON w.account = p.account"
            + " LEFT JOIN department d ON d.id = p.department_id LEFT JOIN school_class sc ON sc.id = p.class_id"
            + " WHERE p.status = 'ACTIVE' AND COALESCE(w.wecom_status, 'MISSING') IN ("
            + in
            + ")"
            + " ORDER BY p.account LIMIT ?",
        rs ->
            new ReportRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                MobileNumbers.mask(rs.getString(4)),
                MemberStatus.valueOf(rs.getString(5)),
                Sql.intOrNull(rs, 6),
                rs.getString(7)),
        limit);
  }

  private static final String REPORT_FROM =
      " FROM person p LEFT JOIN wecom_contact w ON w.account = p.account"
          + " LEFT JOIN department d ON d.id = p.department_id LEFT JOIN school_class sc ON sc.id = p.class_id"
          + " WHERE p.status = 'ACTIVE' AND COALESCE(w.wecom_status, 'MISSING') IN (";

  private static String in(List<MemberStatus> statuses) {
    return String.join(",", statuses.stream().map(st -> "'" + st.name() + "'").toList()) + ")";
  }

  private static String filterSql(String filter, List<Object> args) {
    if (filter == null || filter.isBlank()) {
      return "";
    }
    String f = filter.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    args.add(f);
    args.add(f);
    args.add(f.toLowerCase(java.util.Locale.ROOT));
    return " AND (p.account LIKE ? OR p.name LIKE ? OR p.name_initials LIKE ?)";
  }

  @Override
  public List<ReportRow> reportPage(
      List<MemberStatus> statuses,
      String filter,
      String sort,
      boolean ascending,
      int first,
      int size) {
    List<Object> args = new java.util.ArrayList<>();
    String where = filterSql(filter, args);
    String column =
        switch (sort == null ? "" : sort) {
          case "name" -> "p.name";
          case "department" -> "COALESCE(sc.name, d.name)";
          default -> "p.account";
        };
    args.add(Math.max(1, Math.min(size, 200)));
    args.add(Math.max(0, first));
    return sql.query(
        "SELECT p.account, p.name, COALESCE(sc.name, d.name), p.mobile, COALESCE(w.wecom_status, 'MISSING'),"
            + " w.last_errcode, w.last_reason"
            + REPORT_FROM
            + in(statuses)
            + where
            + " ORDER BY "
            + column
            + (ascending ? " ASC" : " DESC")
            + ", p.account LIMIT ? OFFSET ?",
        rs ->
            new ReportRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                MobileNumbers.mask(rs.getString(4)),
                MemberStatus.valueOf(rs.getString(5)),
                Sql.intOrNull(rs, 6),
                rs.getString(7)),
        args.toArray());
  }

  @Override
  public long reportCount(List<MemberStatus> statuses, String filter) {
    List<Object> args = new java.util.ArrayList<>();
    String where = filterSql(filter, args);
    return Sql.lng(
        sql.value("SELECT COUNT(*)" + REPORT_FROM + in(statuses) + where, args.toArray()));
  }
}
