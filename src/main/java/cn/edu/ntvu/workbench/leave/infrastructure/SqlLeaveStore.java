package cn.edu.ntvu.workbench.leave.infrastructure;

import static cn.edu.ntvu.workbench.platform.persistence.Sql.bool;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.lng;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.num;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.str;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.time;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.ts;

import cn.edu.ntvu.workbench.leave.application.DecidedRow;
import cn.edu.ntvu.workbench.leave.application.LeaveEvent;
import cn.edu.ntvu.workbench.leave.application.LeaveRequestRow;
import cn.edu.ntvu.workbench.leave.application.LeaveStore;
import cn.edu.ntvu.workbench.leave.application.MissedClass;
import cn.edu.ntvu.workbench.leave.application.MissedClassList;
import cn.edu.ntvu.workbench.leave.application.StepRow;
import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
import cn.edu.ntvu.workbench.leave.domain.LeaveForm;
import cn.edu.ntvu.workbench.leave.domain.LeavePolicy;
import cn.edu.ntvu.workbench.leave.domain.LeaveStatus;
import cn.edu.ntvu.workbench.leave.domain.LeaveType;
import cn.edu.ntvu.workbench.leave.domain.RoutingRule;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The leave tables in SQL, run in the caller's transaction (the services are
 * {@code @Transactional}). Decisions are conditional updates ({@code … WHERE status = 'OPEN'}), so
 * of two approvers deciding at once exactly one changes the row; the request row is locked first
 * ({@link #lockRequest}) so every change of one request runs one after another.
 */
@ApplicationScoped
public class SqlLeaveStore implements LeaveStore {
  static final String REQUEST_COLUMNS =
      "r.id, r.student_account, r.student_name, r.class_code, r.type_code, r.starts_at, r.ends_at,"
          + " r.duration_minutes, r.duration_days, r.reason, r.off_campus, r.destination, r.emergency_contact,"
          + " r.status, r.current_step, r.step_count, r.submitted_at, r.closed_at, r.returned_at,"
          + " r.return_confirmed_at, r.return_confirmed_by, r.overdue_at, r.resubmitted_from, r.missed_periods, r.missed_courses";

  /** How many columns {@link #REQUEST_COLUMNS} has (what a join adds comes after). */
  static final int REQUEST_WIDTH = REQUEST_COLUMNS.split(",").length;

  private static final String STEP_COLUMNS =
      "s.id, s.request_id, s.step_no, s.approver_role, s.status, s.fallback, s.opened_at, s.decided_by,"
          + " s.decided_by_name, s.decided_at, s.decided_via, s.comment, s.mode";

  @Inject Sql sql;

  // ---- configuration

  public List<LeaveType> types() {
    return sql
        .rows(
            "SELECT code, name, name_en, certificate_over_days, enabled FROM leave_type ORDER BY sort_order, code")
        .stream()
        .map(r -> new LeaveType(str(r[0]), str(r[1]), str(r[2]), (BigDecimal) r[3], bool(r[4])))
        .toList();
  }

  /** A new type, after the others. */
  public void insertType(LeaveType t) {
    sql.update(
        "INSERT INTO leave_type (code, name, name_en, certificate_over_days, enabled, sort_order)"
            + " SELECT ?, ?, ?, ?, ?, COALESCE(MAX(sort_order), 0) + 1 FROM leave_type",
        t.code(),
        t.name(),
        t.nameEn(),
        t.certificateOverDays(),
        t.enabled());
  }

  /**
   * Changes a type's names, certificate limit and whether students may choose it; its code stays.
   */
  public int updateType(LeaveType t) {
    return sql.update(
        "UPDATE leave_type SET name = ?, name_en = ?, certificate_over_days = ?, enabled = ? WHERE code = ?",
        t.name(),
        t.nameEn(),
        t.certificateOverDays(),
        t.enabled(),
        t.code());
  }

  public LeavePolicy policy() {
    return sql
        .rows(
            "SELECT past_limit_days, max_days, min_notice_hours, fallback_account, auto_confirm_return"
                + " FROM leave_settings WHERE id = 1")
        .stream()
        .findFirst()
        .map(r -> new LeavePolicy(num(r[0]), num(r[1]), num(r[2]), str(r[3]), bool(r[4])))
        .orElse(LeavePolicy.DEFAULT);
  }

  public void savePolicy(LeavePolicy p) {
    sql.update(
        "UPDATE leave_settings SET past_limit_days = ?, max_days = ?, min_notice_hours = ?,"
            + " fallback_account = ?, auto_confirm_return = ?, version = version + 1 WHERE id = 1",
        p.pastLimitDays(),
        p.maxDays(),
        p.minNoticeHours(),
        p.fallbackAccount(),
        p.autoConfirmReturn());
  }

  public List<RoutingRule> rules() {
    return sql
        .rows(
            "SELECT id, priority, type_code, max_days, off_campus, steps, enabled, missed_periods_over"
                + " FROM leave_rule"
                + " ORDER BY priority, id")
        .stream()
        .map(
            r ->
                new RoutingRule(
                    lng(r[0]),
                    num(r[1]),
                    str(r[2]),
                    (BigDecimal) r[3],
                    r[4] == null ? null : bool(r[4]),
                    RoutingRule.parseSteps(str(r[5])),
                    bool(r[6]),
                    r[7] == null ? null : num(r[7]),
                    RoutingRule.parseModes(str(r[5]))))
        .toList();
  }

  public long insertRule(RoutingRule rule) {
    return sql.insert(
        "INSERT INTO leave_rule (priority, type_code, max_days, off_campus, steps, enabled,"
            + " missed_periods_over) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rule.priority(),
        rule.typeCode(),
        rule.maxDays(),
        rule.offCampus(),
        rule.stepsText(),
        rule.enabled(),
        rule.missedPeriodsOver());
  }

  public void saveMissed(long requestId, MissedClassList missed) {
    sql.update(
        "UPDATE leave_request SET missed_periods = ?, missed_courses = ? WHERE id = ?",
        missed.periods(),
        missed.courses(),
        requestId);
    List<Object[]> rows = new ArrayList<>();
    int seq = 1;
    for (MissedClass c : missed.classes()) {
      rows.add(
          new Object[] {
            requestId,
            seq++,
            java.sql.Date.valueOf(c.date()),
            c.firstPeriod(),
            c.lastPeriod(),
            java.sql.Time.valueOf(c.start()),
            java.sql.Time.valueOf(c.end()),
            cut(c.courseCode(), 64),
            cut(c.courseName(), 200),
            c.teacherNames() == null ? null : cut(c.teacherNames(), 200),
            c.room() == null ? null : cut(c.room(), 100)
          });
    }
    if (!rows.isEmpty()) {
      sql.batch(
          "INSERT INTO leave_missed_class (request_id, seq, class_date, first_period, last_period,"
              + " starts_at, ends_at, course_code, course_name, teacher_names, room)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          rows);
    }
  }

  public MissedClassList missed(long requestId) {
    return new MissedClassList(
        sql
            .rows(
                "SELECT class_date, first_period, last_period, starts_at, ends_at, course_code,"
                    + " course_name, teacher_names, room FROM leave_missed_class"
                    + " WHERE request_id = ? ORDER BY seq",
                requestId)
            .stream()
            .map(
                r ->
                    new MissedClass(
                        date(r[0]),
                        num(r[1]),
                        num(r[2]),
                        clock(r[3]),
                        clock(r[4]),
                        str(r[5]),
                        str(r[6]),
                        str(r[7]),
                        str(r[8])))
            .toList());
  }

  private static java.time.LocalDate date(Object o) {
    return o instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) o;
  }

  private static java.time.LocalTime clock(Object o) {
    return o instanceof java.sql.Time t ? t.toLocalTime() : (java.time.LocalTime) o;
  }

  public int deleteRule(long id) {
    return sql.update("DELETE FROM leave_rule WHERE id = ?", id);
  }

  // ---- requests

  /**
   * Inserts a new request; empty when this student's form token is already there (a double tap, a
   * retry).
   */
  public OptionalLong insertRequest(
      String student,
      String studentName,
      String classCode,
      LeaveForm form,
      long minutes,
      BigDecimal days,
      int stepCount,
      Long ruleId,
      String token,
      LocalDateTime now) {
    return sql.insertIfNew(
        "INSERT IGNORE INTO leave_request (student_account, student_name, class_code, type_code, starts_at,"
            + " ends_at, duration_minutes, duration_days, reason, off_campus, destination, emergency_contact,"
            + " status, current_step, step_count, rule_id, submit_token, submitted_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 1, ?, ?, ?, ?)",
        student,
        studentName,
        classCode,
        form.typeCode(),
        ts(form.start()),
        ts(form.end()),
        minutes,
        days,
        form.reason().strip(),
        form.offCampus(),
        form.offCampus() ? form.destination().strip() : null,
        form.offCampus() ? form.emergencyContact().strip() : null,
        stepCount,
        ruleId,
        token,
        ts(now));
  }

  /**
   * Locks the student's directory row until the transaction ends, so that two submits of one
   * student (two phones, two tabs) check for overlap one after the other. Must be the transaction's
   * first statement: in REPEATABLE READ a plain read before it would fix the snapshot and the
   * overlap check would not see the other submit. One row by its unique key: no gap locks, so
   * different students never wait for each other.
   */
  public void lockStudent(String student) {
    sql.values("SELECT id FROM person WHERE account = ? FOR UPDATE", student);
  }

  public OptionalLong requestIdByToken(String student, String token) {
    return sql
        .rows(
            "SELECT id FROM leave_request WHERE student_account = ? AND submit_token = ?",
            student,
            token)
        .stream()
        .mapToLong(r -> lng(r[0]))
        .findFirst();
  }

  /**
   * The student's pending and approved leave, for the overlap check. A plain read: a locking read
   * here took gap locks that made concurrent submits of different students deadlock on their
   * inserts (seen in bench/leave.sh); one student's submits are serialised by {@link #lockStudent}
   * instead.
   */
  public List<LeaveForm.Existing> activeOf(String student) {
    return sql
        .rows(
            "SELECT id, starts_at, ends_at FROM leave_request WHERE student_account = ?"
                + " AND status IN ('PENDING', 'APPROVED')",
            student)
        .stream()
        .map(r -> new LeaveForm.Existing(lng(r[0]), time(r[1]), time(r[2])))
        .toList();
  }

  public Optional<LeaveRequestRow> request(long id) {
    return requests("WHERE r.id = ?", id).stream().findFirst();
  }

  /**
   * The request row, locked until the transaction ends: changes of one request run one after
   * another.
   */
  public Optional<LeaveRequestRow> lockRequest(long id) {
    return sql
        .rows("SELECT " + REQUEST_COLUMNS + " FROM leave_request r WHERE r.id = ? FOR UPDATE", id)
        .stream()
        .findFirst()
        .map(SqlLeaveStore::request);
  }

  public List<LeaveRequestRow> requestsOf(String student, int limit) {
    return requests(
        "WHERE r.student_account = ? ORDER BY r.starts_at DESC, r.id DESC LIMIT " + limit, student);
  }

  /** The student's leave that overlaps [from, to), newest first (this term's history). */
  public List<LeaveRequestRow> historyOf(String student, LocalDateTime from, LocalDateTime to) {
    return requests(
        "WHERE r.student_account = ? AND r.starts_at < ? AND r.ends_at > ? ORDER BY r.starts_at DESC",
        student,
        ts(to),
        ts(from));
  }

  @Override
  public int markResubmittedFrom(long id, long from) {
    return sql.update(
        "UPDATE leave_request SET resubmitted_from = ? WHERE id = ? AND resubmitted_from IS NULL",
        from,
        id);
  }

  @Override
  public List<LeaveRequestRow> resubmissionsOf(long id) {
    return requests("WHERE r.resubmitted_from = ? ORDER BY r.id", id);
  }

  @Override
  public List<DecidedRow> decidedBy(String account, int offset, int limit) {
    return sql
        .rows(
            // 或签 steps by the step's decider (as before issue 18); 会签 steps by seat: each
            // approver's own decision (a deputy's once, on the holder's seat).
            "(SELECT "
                + REQUEST_COLUMNS
                + ", s.step_no, s.status, s.decided_at AS d_at, s.decided_via, s.comment, s.id AS sid"
                + " FROM leave_step s JOIN leave_request r ON r.id = s.request_id"
                + " WHERE s.decided_by = ? AND s.status IN ('APPROVED', 'REJECTED') AND s.mode = 'ANY')"
                + " UNION ALL (SELECT "
                + REQUEST_COLUMNS
                + ", s.step_no, a.state, a.decided_at AS d_at, a.via, a.comment, s.id AS sid"
                + " FROM leave_step_approver a JOIN leave_step s ON s.id = a.step_id AND s.mode = 'ALL'"
                + " JOIN leave_request r ON r.id = a.request_id"
                + " WHERE a.decided_by = ? AND a.state IN ('APPROVED', 'REJECTED') AND a.origin <> 'DEPUTY')"
                + " ORDER BY d_at DESC, sid DESC LIMIT ? OFFSET ?",
            account,
            account,
            limit,
            offset)
        .stream()
        .map(
            r ->
                new DecidedRow(
                    request(r),
                    num(r[REQUEST_WIDTH]),
                    StepStatus.valueOf(str(r[REQUEST_WIDTH + 1])),
                    time(r[REQUEST_WIDTH + 2]),
                    str(r[REQUEST_WIDTH + 3]),
                    str(r[REQUEST_WIDTH + 4])))
        .toList();
  }

  /** Requests with an open step {@code account} may decide, oldest first. */
  public List<LeaveRequestRow> waitingFor(String account, int limit) {
    return requests(
        "JOIN leave_step s ON s.request_id = r.id AND s.status = 'OPEN'"
            + " JOIN leave_step_approver a ON a.step_id = s.id AND a.account = ? AND a.state = 'PENDING'"
            + " WHERE r.status = 'PENDING' ORDER BY r.submitted_at, r.id LIMIT "
            + limit,
        account);
  }

  public long countWaitingFor(String account) {
    return lng(
        sql.value(
            "SELECT COUNT(*) FROM leave_step_approver a JOIN leave_step s ON s.id = a.step_id AND s.status = 'OPEN'"
                + " WHERE a.account = ? AND a.state = 'PENDING'",
            account));
  }

  /**
   * Requests of these classes overlapping [from, to) that are approved (or pending, when asked).
   */
  public List<LeaveRequestRow> ofClasses(
      Collection<String> classes, LocalDateTime from, LocalDateTime to, boolean withPending) {
    if (classes.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", classes.stream().map(c -> "?").toList());
    List<Object> args = new ArrayList<>(classes);
    args.add(ts(to));
    args.add(ts(from));
    return requests(
        "WHERE r.class_code IN ("
            + marks
            + ") AND r.starts_at < ? AND r.ends_at > ? AND r.status IN ("
            + (withPending ? "'PENDING', " : "")
            + "'APPROVED') ORDER BY r.class_code, r.starts_at",
        args.toArray());
  }

  /** Approved leave of these classes whose end passed without 销假. */
  public List<LeaveRequestRow> overdueOfClasses(Collection<String> classes) {
    if (classes.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", classes.stream().map(c -> "?").toList());
    return requests(
        "WHERE r.class_code IN ("
            + marks
            + ") AND r.overdue_at IS NOT NULL AND r.returned_at IS NULL"
            + " ORDER BY r.ends_at",
        classes.toArray());
  }

  @Override
  public List<LeaveRequestRow> returnsToConfirm(Collection<String> classes, int limit) {
    if (classes.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", classes.stream().map(c -> "?").toList());
    return requests(
        "WHERE r.class_code IN ("
            + marks
            + ") AND r.status = 'APPROVED' AND r.returned_at IS NOT NULL"
            + " AND r.return_confirmed_at IS NULL ORDER BY r.returned_at, r.id LIMIT "
            + limit,
        classes.toArray());
  }

  /**
   * Approved leave that ended before {@code now}, not reported back and not yet flagged; locked.
   */
  public List<LeaveRequestRow> newlyOverdue(LocalDateTime now, int limit) {
    return requests(
        "WHERE r.status = 'APPROVED' AND r.returned_at IS NULL AND r.overdue_at IS NULL"
            + " AND r.ends_at < ? ORDER BY r.id LIMIT "
            + limit
            + " FOR UPDATE",
        ts(now));
  }

  /**
   * Approved leaves that hold some time on {@code day}: overlapping it and not reported back before
   * it (a 销假 during the day keeps the leave for the part before it).
   */
  public List<LeaveRequestRow> approvedOn(java.time.LocalDate day, int limit) {
    return requests(
        "WHERE r.status = 'APPROVED' AND r.starts_at < ? AND r.ends_at > ?"
            + " AND (r.returned_at IS NULL OR r.returned_at > ?) ORDER BY r.id LIMIT "
            + limit,
        ts(day.plusDays(1).atStartOfDay()),
        ts(day.atStartOfDay()),
        ts(day.atStartOfDay()));
  }

  /** Requests a fallback approver was asked to decide (the directory had nobody), newest first. */
  public List<LeaveRequestRow> withFallbackSteps(int limit) {
    return requests(
        "WHERE EXISTS (SELECT 1 FROM leave_step s WHERE s.request_id = r.id AND s.fallback)"
            + " ORDER BY r.id DESC LIMIT "
            + limit);
  }

  private List<LeaveRequestRow> requests(String tail, Object... args) {
    return sql.rows("SELECT " + REQUEST_COLUMNS + " FROM leave_request r " + tail, args).stream()
        .map(SqlLeaveStore::request)
        .toList();
  }

  private static LeaveRequestRow request(Object[] r) {
    return new LeaveRequestRow(
        lng(r[0]),
        str(r[1]),
        str(r[2]),
        str(r[3]),
        str(r[4]),
        time(r[5]),
        time(r[6]),
        lng(r[7]),
        (BigDecimal) r[8],
        str(r[9]),
        bool(r[10]),
        str(r[11]),
        str(r[12]),
        LeaveStatus.valueOf(str(r[13])),
        num(r[14]),
        num(r[15]),
        time(r[16]),
        time(r[17]),
        time(r[18]),
        time(r[19]),
        str(r[20]),
        time(r[21]),
        r[22] == null ? null : lng(r[22]),
        r[23] == null ? null : num(r[23]),
        r[24] == null ? null : num(r[24]));
  }

  public int advance(long requestId, int fromStep) {
    return sql.update(
        "UPDATE leave_request SET current_step = ? WHERE id = ? AND status = 'PENDING' AND current_step = ?",
        fromStep + 1,
        requestId,
        fromStep);
  }

  public int close(long requestId, LeaveStatus status, LocalDateTime now) {
    return sql.update(
        "UPDATE leave_request SET status = ?, closed_at = ? WHERE id = ? AND status = 'PENDING'",
        status.name(),
        ts(now),
        requestId);
  }

  @Override
  public int reverseApproved(long requestId, LeaveStatus status) {
    return sql.update(
        "UPDATE leave_request SET status = ? WHERE id = ? AND status = 'APPROVED'"
            + " AND returned_at IS NULL",
        status.name(),
        requestId);
  }

  public int reportBack(long requestId, LocalDateTime now, boolean confirmNow) {
    return sql.update(
        "UPDATE leave_request SET returned_at = ?, return_confirmed_at = ?, return_confirmed_by = ?"
            + " WHERE id = ? AND status = 'APPROVED' AND returned_at IS NULL",
        ts(now),
        confirmNow ? ts(now) : null,
        confirmNow ? "system" : null,
        requestId);
  }

  public int confirmReturn(long requestId, String by, LocalDateTime now) {
    return sql.update(
        "UPDATE leave_request SET return_confirmed_at = ?, return_confirmed_by = ?"
            + " WHERE id = ? AND returned_at IS NOT NULL AND return_confirmed_at IS NULL",
        ts(now),
        by,
        requestId);
  }

  public int flagOverdue(long requestId, LocalDateTime now) {
    return sql.update(
        "UPDATE leave_request SET overdue_at = ? WHERE id = ? AND overdue_at IS NULL AND returned_at IS NULL",
        ts(now),
        requestId);
  }

  // ---- steps

  public long insertStep(long requestId, int stepNo, ApproverRole role) {
    return sql.insert(
        "INSERT INTO leave_step (request_id, step_no, approver_role, status) VALUES (?, ?, ?, 'WAITING')",
        requestId,
        stepNo,
        role.name());
  }

  public void openStep(
      long stepId, long requestId, List<String> approvers, boolean fallback, LocalDateTime now) {
    sql.update(
        "UPDATE leave_step SET status = 'OPEN', opened_at = ?, fallback = ? WHERE id = ? AND status = 'WAITING'",
        ts(now),
        fallback,
        stepId);
    for (String a : approvers) {
      sql.update(
          "INSERT IGNORE INTO leave_step_approver (step_id, account, request_id) VALUES (?, ?, ?)",
          stepId,
          a,
          requestId);
    }
  }

  /**
   * Records a decision on a step that is still open: 1 when this call decided it, 0 when it was no
   * longer open (an approver before us, a withdrawal) — the conditional update is what makes
   * exactly one decision win.
   */
  public int decideStep(
      long stepId,
      StepStatus status,
      String by,
      String byName,
      String via,
      String comment,
      LocalDateTime now) {
    return sql.update(
        "UPDATE leave_step SET status = ?, decided_by = ?, decided_by_name = ?, decided_at = ?, decided_via = ?,"
            + " comment = ? WHERE id = ? AND status = 'OPEN'",
        status.name(),
        by,
        byName,
        ts(now),
        via,
        comment,
        stepId);
  }

  /** Cancels the steps still waiting or open (after a rejection or a withdrawal). */
  public int cancelRemainingSteps(long requestId) {
    return sql.update(
        "UPDATE leave_step SET status = 'CANCELLED' WHERE request_id = ? AND status IN ('WAITING', 'OPEN')",
        requestId);
  }

  public List<StepRow> steps(long requestId) {
    return steps(requestId, false);
  }

  /**
   * The steps read with locking reads, i.e. as last committed even when this transaction read
   * something earlier (REPEATABLE READ would otherwise answer from its first snapshot): what a
   * decision must look at.
   */
  public List<StepRow> stepsLocked(long requestId) {
    return steps(requestId, true);
  }

  private List<StepRow> steps(long requestId, boolean lock) {
    List<Object[]> rows =
        sql.rows(
            "SELECT "
                + STEP_COLUMNS
                + " FROM leave_step s WHERE s.request_id = ?"
                + " ORDER BY s.step_no"
                + (lock ? " FOR UPDATE" : ""),
            requestId);
    Map<Long, List<String>> approvers = new LinkedHashMap<>();
    for (Object[] a :
        sql.rows(
            // Of an open step, who may decide now (PENDING seats, deputies included); of any
            // other step, who was on it (not handed over or removed; no deputies).
            "SELECT a.step_id, a.account FROM leave_step_approver a JOIN leave_step s ON s.id = a.step_id"
                + " WHERE a.request_id = ? AND (CASE WHEN s.status = 'OPEN' THEN a.state = 'PENDING'"
                + " ELSE a.state NOT IN ('HANDED_OVER', 'REMOVED') AND a.origin <> 'DEPUTY' END)"
                + " ORDER BY a.step_id, a.position, a.account"
                + (lock ? " LOCK IN SHARE MODE" : ""),
            requestId)) {
      approvers.computeIfAbsent(lng(a[0]), k -> new ArrayList<>()).add(str(a[1]));
    }
    return rows.stream()
        .map(
            r ->
                new StepRow(
                    lng(r[0]),
                    lng(r[1]),
                    num(r[2]),
                    ApproverRole.valueOf(str(r[3])),
                    StepStatus.valueOf(str(r[4])),
                    bool(r[5]),
                    time(r[6]),
                    str(r[7]),
                    str(r[8]),
                    time(r[9]),
                    str(r[10]),
                    str(r[11]),
                    approvers.getOrDefault(lng(r[0]), List.of()),
                    cn.edu.ntvu.workbench.leave.domain.StepMode.valueOf(str(r[12]))))
        .toList();
  }

  /** Whether {@code account} may decide (or was asked to decide) any step of the request. */
  public boolean wasAskedToDecide(long requestId, String account) {
    return lng(
            sql.value(
                "SELECT COUNT(*) FROM leave_step_approver WHERE request_id = ? AND account = ?",
                requestId,
                account))
        > 0;
  }

  // ---- timeline

  public void event(
      long requestId,
      String account,
      String name,
      String action,
      Integer stepNo,
      String via,
      String detail,
      LocalDateTime now) {
    sql.update(
        "INSERT INTO leave_event (request_id, occurred_at, actor_account, actor_name, action, step_no, via,"
            + " detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        requestId,
        ts(now),
        account,
        name == null ? "" : name,
        action,
        stepNo,
        via,
        detail == null ? null : cut(detail, 500));
  }

  public List<LeaveEvent> events(long requestId) {
    return sql
        .rows(
            "SELECT occurred_at, actor_account, actor_name, action, step_no, via, detail FROM leave_event"
                + " WHERE request_id = ? ORDER BY id",
            requestId)
        .stream()
        .map(
            r ->
                new LeaveEvent(
                    time(r[0]),
                    str(r[1]),
                    str(r[2]),
                    str(r[3]),
                    r[4] == null ? null : num(r[4]),
                    str(r[5]),
                    str(r[6])))
        .toList();
  }

  // ---- the scheduled job's claim

  /**
   * Claims the job {@code name} for this run: locks its row and answers true when its last run is
   * older than {@code minGap} before {@code now} (then records {@code now}); another server's run
   * in between finds it taken.
   */
  public boolean claimJob(String name, LocalDateTime now, java.time.Duration minGap) {
    List<Object[]> r =
        sql.rows("SELECT name, last_run_at FROM leave_job WHERE name = ? FOR UPDATE", name);
    if (r.isEmpty()) {
      return false;
    }
    LocalDateTime last = time(r.get(0)[1]);
    if (cn.edu.ntvu.workbench.platform.time.RecentRun.holdsOff(last, now, minGap)) {
      return false;
    }
    sql.update("UPDATE leave_job SET last_run_at = ? WHERE name = ?", ts(now), name);
    return true;
  }

  // ---- helpers

  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
