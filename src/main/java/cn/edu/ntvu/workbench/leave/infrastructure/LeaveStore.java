package cn.edu.ntvu.workbench.leave.infrastructure;

import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.bool;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.lng;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.num;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.rows;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.str;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.time;
import static cn.edu.ntvu.workbench.platform.persistence.NativeRows.ts;

import cn.edu.ntvu.workbench.leave.application.LeaveEvent;
import cn.edu.ntvu.workbench.leave.application.LeaveRequestRow;
import cn.edu.ntvu.workbench.leave.application.StepRow;
import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
import cn.edu.ntvu.workbench.leave.domain.LeaveForm;
import cn.edu.ntvu.workbench.leave.domain.LeavePolicy;
import cn.edu.ntvu.workbench.leave.domain.LeaveStatus;
import cn.edu.ntvu.workbench.leave.domain.LeaveType;
import cn.edu.ntvu.workbench.leave.domain.RoutingRule;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The leave tables in SQL, run in the caller's transaction (the services are {@code @Transactional}). Decisions are
 * conditional updates ({@code … WHERE status = 'OPEN'}), so of two approvers deciding at once exactly one changes the
 * row; the request row is locked first ({@link #lockRequest}) so every change of one request runs one after another.
 */
@ApplicationScoped
public class LeaveStore {
  static final String REQUEST_COLUMNS =
      "r.id, r.student_account, r.student_name, r.class_code, r.type_code, r.starts_at, r.ends_at,"
          + " r.duration_minutes, r.duration_days, r.reason, r.off_campus, r.destination, r.emergency_contact,"
          + " r.status, r.current_step, r.step_count, r.submitted_at, r.closed_at, r.returned_at,"
          + " r.return_confirmed_at, r.return_confirmed_by, r.overdue_at";

  private static final String STEP_COLUMNS =
      "s.id, s.request_id, s.step_no, s.approver_role, s.status, s.fallback, s.opened_at, s.decided_by,"
          + " s.decided_by_name, s.decided_at, s.decided_via, s.comment";

  @PersistenceContext(unitName = "workbench")
  EntityManager em;

  // ---- configuration

  public List<LeaveType> types() {
    return rows(em.createNativeQuery(
            "SELECT code, name, name_en, certificate_over_days, enabled FROM leave_type ORDER BY sort_order, code"))
        .stream()
        .map(r -> new LeaveType(str(r[0]), str(r[1]), str(r[2]), (BigDecimal) r[3], bool(r[4])))
        .toList();
  }

  /** A new type, after the others. */
  public void insertType(LeaveType t) {
    em.createNativeQuery(
            "INSERT INTO leave_type (code, name, name_en, certificate_over_days, enabled, sort_order)"
                + " SELECT ?, ?, ?, ?, ?, COALESCE(MAX(sort_order), 0) + 1 FROM leave_type")
        .setParameter(1, t.code())
        .setParameter(2, t.name())
        .setParameter(3, t.nameEn())
        .setParameter(4, t.certificateOverDays())
        .setParameter(5, t.enabled())
        .executeUpdate();
  }

  /** Changes a type's names, certificate limit and whether students may choose it; its code stays. */
  public int updateType(LeaveType t) {
    return em.createNativeQuery(
            "UPDATE leave_type SET name = ?, name_en = ?, certificate_over_days = ?, enabled = ? WHERE code = ?")
        .setParameter(1, t.name())
        .setParameter(2, t.nameEn())
        .setParameter(3, t.certificateOverDays())
        .setParameter(4, t.enabled())
        .setParameter(5, t.code())
        .executeUpdate();
  }

  public LeavePolicy policy() {
    return rows(em.createNativeQuery(
            "SELECT past_limit_days, max_days, min_notice_hours, fallback_account, auto_confirm_return"
                + " FROM leave_settings WHERE id = 1"))
        .stream()
        .findFirst()
        .map(r -> new LeavePolicy(num(r[0]), num(r[1]), num(r[2]), str(r[3]), bool(r[4])))
        .orElse(LeavePolicy.DEFAULT);
  }

  public void savePolicy(LeavePolicy p) {
    em.createNativeQuery(
            "UPDATE leave_settings SET past_limit_days = ?, max_days = ?, min_notice_hours = ?,"
                + " fallback_account = ?, auto_confirm_return = ?, version = version + 1 WHERE id = 1")
        .setParameter(1, p.pastLimitDays())
        .setParameter(2, p.maxDays())
        .setParameter(3, p.minNoticeHours())
        .setParameter(4, p.fallbackAccount())
        .setParameter(5, p.autoConfirmReturn())
        .executeUpdate();
  }

  public List<RoutingRule> rules() {
    return rows(em.createNativeQuery(
            "SELECT id, priority, type_code, max_days, off_campus, steps, enabled FROM leave_rule"
                + " ORDER BY priority, id"))
        .stream()
        .map(r -> new RoutingRule(lng(r[0]), num(r[1]), str(r[2]), (BigDecimal) r[3],
            r[4] == null ? null : bool(r[4]), RoutingRule.parseSteps(str(r[5])), bool(r[6])))
        .toList();
  }

  public long insertRule(RoutingRule rule) {
    em.createNativeQuery(
            "INSERT INTO leave_rule (priority, type_code, max_days, off_campus, steps, enabled)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, rule.priority())
        .setParameter(2, rule.typeCode())
        .setParameter(3, rule.maxDays())
        .setParameter(4, rule.offCampus())
        .setParameter(5, rule.stepsText())
        .setParameter(6, rule.enabled())
        .executeUpdate();
    return lastId();
  }

  public int deleteRule(long id) {
    return em.createNativeQuery("DELETE FROM leave_rule WHERE id = ?").setParameter(1, id).executeUpdate();
  }

  // ---- requests

  /** Inserts a new request; empty when this student's form token is already there (a double tap, a retry). */
  public OptionalLong insertRequest(
      String student, String studentName, String classCode, LeaveForm form, long minutes, BigDecimal days,
      int stepCount, Long ruleId, String token, LocalDateTime now) {
    int inserted =
        em.createNativeQuery(
                "INSERT IGNORE INTO leave_request (student_account, student_name, class_code, type_code, starts_at,"
                    + " ends_at, duration_minutes, duration_days, reason, off_campus, destination, emergency_contact,"
                    + " status, current_step, step_count, rule_id, submit_token, submitted_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 1, ?, ?, ?, ?)")
            .setParameter(1, student)
            .setParameter(2, studentName)
            .setParameter(3, classCode)
            .setParameter(4, form.typeCode())
            .setParameter(5, ts(form.start()))
            .setParameter(6, ts(form.end()))
            .setParameter(7, minutes)
            .setParameter(8, days)
            .setParameter(9, form.reason().strip())
            .setParameter(10, form.offCampus())
            .setParameter(11, form.offCampus() ? form.destination().strip() : null)
            .setParameter(12, form.offCampus() ? form.emergencyContact().strip() : null)
            .setParameter(13, stepCount)
            .setParameter(14, ruleId)
            .setParameter(15, token)
            .setParameter(16, ts(now))
            .executeUpdate();
    return inserted == 1 ? OptionalLong.of(lastId()) : OptionalLong.empty();
  }

  /**
   * Locks the student's directory row until the transaction ends, so that two submits of one student (two phones, two
   * tabs) check for overlap one after the other. Must be the transaction's first statement: in REPEATABLE READ a plain
   * read before it would fix the snapshot and the overlap check would not see the other submit. One row by its unique
   * key: no gap locks, so different students never wait for each other.
   */
  public void lockStudent(String student) {
    em.createNativeQuery("SELECT id FROM person WHERE account = ? FOR UPDATE").setParameter(1, student)
        .getResultList();
  }

  public OptionalLong requestIdByToken(String student, String token) {
    return rows(em.createNativeQuery(
                "SELECT id FROM leave_request WHERE student_account = ? AND submit_token = ?")
            .setParameter(1, student)
            .setParameter(2, token))
        .stream()
        .mapToLong(r -> lng(r[0]))
        .findFirst();
  }

  /**
   * The student's pending and approved leave, for the overlap check. A plain read: a locking read here took gap locks
   * that made concurrent submits of different students deadlock on their inserts (seen in bench/leave.sh); one student's
   * submits are serialised by {@link #lockStudent} instead.
   */
  public List<LeaveForm.Existing> activeOf(String student) {
    return rows(em.createNativeQuery(
                "SELECT id, starts_at, ends_at FROM leave_request WHERE student_account = ?"
                    + " AND status IN ('PENDING', 'APPROVED')")
            .setParameter(1, student))
        .stream()
        .map(r -> new LeaveForm.Existing(lng(r[0]), time(r[1]), time(r[2])))
        .toList();
  }

  public Optional<LeaveRequestRow> request(long id) {
    return requests("WHERE r.id = ?", id).stream().findFirst();
  }

  /** The request row, locked until the transaction ends: changes of one request run one after another. */
  public Optional<LeaveRequestRow> lockRequest(long id) {
    return rows(em.createNativeQuery("SELECT " + REQUEST_COLUMNS + " FROM leave_request r WHERE r.id = ? FOR UPDATE")
            .setParameter(1, id))
        .stream()
        .findFirst()
        .map(LeaveStore::request);
  }

  public List<LeaveRequestRow> requestsOf(String student, int limit) {
    return requests("WHERE r.student_account = ? ORDER BY r.starts_at DESC, r.id DESC LIMIT " + limit, student);
  }

  /** The student's leave that overlaps [from, to), newest first (this term's history). */
  public List<LeaveRequestRow> historyOf(String student, LocalDateTime from, LocalDateTime to) {
    return requests("WHERE r.student_account = ? AND r.starts_at < ? AND r.ends_at > ? ORDER BY r.starts_at DESC",
        student, ts(to), ts(from));
  }

  /** Requests with an open step {@code account} may decide, oldest first. */
  public List<LeaveRequestRow> waitingFor(String account, int limit) {
    return requests(
        "JOIN leave_step s ON s.request_id = r.id AND s.status = 'OPEN'"
            + " JOIN leave_step_approver a ON a.step_id = s.id AND a.account = ?"
            + " WHERE r.status = 'PENDING' ORDER BY r.submitted_at, r.id LIMIT " + limit,
        account);
  }

  public long countWaitingFor(String account) {
    return lng(em.createNativeQuery(
            "SELECT COUNT(*) FROM leave_step_approver a JOIN leave_step s ON s.id = a.step_id AND s.status = 'OPEN'"
                + " WHERE a.account = ?")
        .setParameter(1, account)
        .getSingleResult());
  }

  /** Requests of these classes overlapping [from, to) that are approved (or pending, when asked). */
  public List<LeaveRequestRow> ofClasses(Collection<String> classes, LocalDateTime from, LocalDateTime to,
      boolean withPending) {
    if (classes.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", classes.stream().map(c -> "?").toList());
    List<Object> args = new ArrayList<>(classes);
    args.add(ts(to));
    args.add(ts(from));
    return requests("WHERE r.class_code IN (" + marks + ") AND r.starts_at < ? AND r.ends_at > ? AND r.status IN ("
        + (withPending ? "'PENDING', " : "") + "'APPROVED') ORDER BY r.class_code, r.starts_at", args.toArray());
  }

  /** Approved leave of these classes whose end passed without 销假. */
  public List<LeaveRequestRow> overdueOfClasses(Collection<String> classes) {
    if (classes.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", classes.stream().map(c -> "?").toList());
    return requests("WHERE r.class_code IN (" + marks + ") AND r.overdue_at IS NOT NULL AND r.returned_at IS NULL"
        + " ORDER BY r.ends_at", classes.toArray());
  }

  /** Approved leave that ended before {@code now}, not reported back and not yet flagged; locked. */
  public List<LeaveRequestRow> newlyOverdue(LocalDateTime now, int limit) {
    return requests("WHERE r.status = 'APPROVED' AND r.returned_at IS NULL AND r.overdue_at IS NULL"
        + " AND r.ends_at < ? ORDER BY r.id LIMIT " + limit + " FOR UPDATE", ts(now));
  }

  /** Requests a fallback approver was asked to decide (the directory had nobody), newest first. */
  public List<LeaveRequestRow> withFallbackSteps(int limit) {
    return requests("WHERE EXISTS (SELECT 1 FROM leave_step s WHERE s.request_id = r.id AND s.fallback)"
        + " ORDER BY r.id DESC LIMIT " + limit);
  }

  private List<LeaveRequestRow> requests(String tail, Object... args) {
    Query q = em.createNativeQuery("SELECT " + REQUEST_COLUMNS + " FROM leave_request r " + tail);
    for (int i = 0; i < args.length; i++) {
      q.setParameter(i + 1, args[i]);
    }
    return rows(q).stream().map(LeaveStore::request).toList();
  }

  private static LeaveRequestRow request(Object[] r) {
    return new LeaveRequestRow(lng(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), time(r[5]), time(r[6]),
        lng(r[7]), (BigDecimal) r[8], str(r[9]), bool(r[10]), str(r[11]), str(r[12]), LeaveStatus.valueOf(str(r[13])),
        num(r[14]), num(r[15]), time(r[16]), time(r[17]), time(r[18]), time(r[19]), str(r[20]), time(r[21]));
  }

  public int advance(long requestId, int fromStep) {
    return em.createNativeQuery(
            "UPDATE leave_request SET current_step = ? WHERE id = ? AND status = 'PENDING' AND current_step = ?")
        .setParameter(1, fromStep + 1)
        .setParameter(2, requestId)
        .setParameter(3, fromStep)
        .executeUpdate();
  }

  public int close(long requestId, LeaveStatus status, LocalDateTime now) {
    return em.createNativeQuery(
            "UPDATE leave_request SET status = ?, closed_at = ? WHERE id = ? AND status = 'PENDING'")
        .setParameter(1, status.name())
        .setParameter(2, ts(now))
        .setParameter(3, requestId)
        .executeUpdate();
  }

  public int reportBack(long requestId, LocalDateTime now, boolean confirmNow) {
    return em.createNativeQuery(
            "UPDATE leave_request SET returned_at = ?, return_confirmed_at = ?, return_confirmed_by = ?"
                + " WHERE id = ? AND status = 'APPROVED' AND returned_at IS NULL")
        .setParameter(1, ts(now))
        .setParameter(2, confirmNow ? ts(now) : null)
        .setParameter(3, confirmNow ? "system" : null)
        .setParameter(4, requestId)
        .executeUpdate();
  }

  public int confirmReturn(long requestId, String by, LocalDateTime now) {
    return em.createNativeQuery(
            "UPDATE leave_request SET return_confirmed_at = ?, return_confirmed_by = ?"
                + " WHERE id = ? AND returned_at IS NOT NULL AND return_confirmed_at IS NULL")
        .setParameter(1, ts(now))
        .setParameter(2, by)
        .setParameter(3, requestId)
        .executeUpdate();
  }

  public int flagOverdue(long requestId, LocalDateTime now) {
    return em.createNativeQuery(
            "UPDATE leave_request SET overdue_at = ? WHERE id = ? AND overdue_at IS NULL AND returned_at IS NULL")
        .setParameter(1, ts(now))
        .setParameter(2, requestId)
        .executeUpdate();
  }

  // ---- steps

  public long insertStep(long requestId, int stepNo, ApproverRole role) {
    em.createNativeQuery(
            "INSERT INTO leave_step (request_id, step_no, approver_role, status) VALUES (?, ?, ?, 'WAITING')")
        .setParameter(1, requestId)
        .setParameter(2, stepNo)
        .setParameter(3, role.name())
        .executeUpdate();
    return lastId();
  }

  public void openStep(long stepId, long requestId, List<String> approvers, boolean fallback, LocalDateTime now) {
    em.createNativeQuery(
            "UPDATE leave_step SET status = 'OPEN', opened_at = ?, fallback = ? WHERE id = ? AND status = 'WAITING'")
        .setParameter(1, ts(now))
        .setParameter(2, fallback)
        .setParameter(3, stepId)
        .executeUpdate();
    for (String a : approvers) {
      em.createNativeQuery("INSERT IGNORE INTO leave_step_approver (step_id, account, request_id) VALUES (?, ?, ?)")
          .setParameter(1, stepId)
          .setParameter(2, a)
          .setParameter(3, requestId)
          .executeUpdate();
    }
  }

  /**
   * Records a decision on a step that is still open: 1 when this call decided it, 0 when it was no longer open (an
   * approver before us, a withdrawal) — the conditional update is what makes exactly one decision win.
   */
  public int decideStep(long stepId, StepStatus status, String by, String byName, String via, String comment,
      LocalDateTime now) {
    return em.createNativeQuery(
            "UPDATE leave_step SET status = ?, decided_by = ?, decided_by_name = ?, decided_at = ?, decided_via = ?,"
                + " comment = ? WHERE id = ? AND status = 'OPEN'")
        .setParameter(1, status.name())
        .setParameter(2, by)
        .setParameter(3, byName)
        .setParameter(4, ts(now))
        .setParameter(5, via)
        .setParameter(6, comment)
        .setParameter(7, stepId)
        .executeUpdate();
  }

  /** Cancels the steps still waiting or open (after a rejection or a withdrawal). */
  public int cancelRemainingSteps(long requestId) {
    return em.createNativeQuery(
            "UPDATE leave_step SET status = 'CANCELLED' WHERE request_id = ? AND status IN ('WAITING', 'OPEN')")
        .setParameter(1, requestId)
        .executeUpdate();
  }

  public List<StepRow> steps(long requestId) {
    return steps(requestId, false);
  }

  /**
   * The steps read with locking reads, i.e. as last committed even when this transaction read something earlier
   * (REPEATABLE READ would otherwise answer from its first snapshot): what a decision must look at.
   */
  public List<StepRow> stepsLocked(long requestId) {
    return steps(requestId, true);
  }

  private List<StepRow> steps(long requestId, boolean lock) {
    List<Object[]> rows =
        rows(em.createNativeQuery("SELECT " + STEP_COLUMNS + " FROM leave_step s WHERE s.request_id = ?"
                + " ORDER BY s.step_no" + (lock ? " FOR UPDATE" : ""))
            .setParameter(1, requestId));
    Map<Long, List<String>> approvers = new LinkedHashMap<>();
    for (Object[] a :
        rows(em.createNativeQuery("SELECT step_id, account FROM leave_step_approver WHERE request_id = ?"
                + " ORDER BY account" + (lock ? " LOCK IN SHARE MODE" : ""))
            .setParameter(1, requestId))) {
      approvers.computeIfAbsent(lng(a[0]), k -> new ArrayList<>()).add(str(a[1]));
    }
    return rows.stream()
        .map(r -> new StepRow(lng(r[0]), lng(r[1]), num(r[2]), ApproverRole.valueOf(str(r[3])),
            StepStatus.valueOf(str(r[4])), bool(r[5]), time(r[6]), str(r[7]), str(r[8]), time(r[9]), str(r[10]),
            str(r[11]), approvers.getOrDefault(lng(r[0]), List.of())))
        .toList();
  }

  /** Whether {@code account} may decide (or was asked to decide) any step of the request. */
  public boolean wasAskedToDecide(long requestId, String account) {
    return lng(em.createNativeQuery("SELECT COUNT(*) FROM leave_step_approver WHERE request_id = ? AND account = ?")
            .setParameter(1, requestId)
            .setParameter(2, account)
            .getSingleResult()) > 0;
  }

  // ---- timeline

  public void event(long requestId, String account, String name, String action, Integer stepNo, String via,
      String detail, LocalDateTime now) {
    em.createNativeQuery(
            "INSERT INTO leave_event (request_id, occurred_at, actor_account, actor_name, action, step_no, via,"
                + " detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, requestId)
        .setParameter(2, ts(now))
        .setParameter(3, account)
        .setParameter(4, name == null ? "" : name)
        .setParameter(5, action)
        .setParameter(6, stepNo)
        .setParameter(7, via)
        .setParameter(8, detail == null ? null : cut(detail, 500))
        .executeUpdate();
  }

  public List<LeaveEvent> events(long requestId) {
    return rows(em.createNativeQuery(
                "SELECT occurred_at, actor_account, actor_name, action, step_no, via, detail FROM leave_event"
                    + " WHERE request_id = ? ORDER BY id")
            .setParameter(1, requestId))
        .stream()
        .map(r -> new LeaveEvent(time(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4] == null ? null : num(r[4]),
            str(r[5]), str(r[6])))
        .toList();
  }

  // ---- the scheduled job's claim

  /**
   * Claims the job {@code name} for this run: locks its row and answers true when its last run is older than
   * {@code minGap} before {@code now} (then records {@code now}); another server's run in between finds it taken.
   */
  public boolean claimJob(String name, LocalDateTime now, java.time.Duration minGap) {
    List<Object[]> r =
        rows(em.createNativeQuery("SELECT name, last_run_at FROM leave_job WHERE name = ? FOR UPDATE")
            .setParameter(1, name));
    if (r.isEmpty()) {
      return false;
    }
    LocalDateTime last = time(r.get(0)[1]);
    if (cn.edu.ntvu.workbench.platform.time.RecentRun.holdsOff(last, now, minGap)) {
      return false;
    }
    em.createNativeQuery("UPDATE leave_job SET last_run_at = ? WHERE name = ?")
        .setParameter(1, ts(now))
        .setParameter(2, name)
        .executeUpdate();
    return true;
  }

  // ---- helpers

  private long lastId() {
    return lng(em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult());
  }

  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
