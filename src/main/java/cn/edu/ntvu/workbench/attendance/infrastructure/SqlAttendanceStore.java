package cn.edu.ntvu.workbench.attendance.infrastructure;

import static cn.edu.ntvu.workbench.platform.persistence.Sql.lng;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.num;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.str;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.time;

import cn.edu.ntvu.workbench.attendance.application.AttendanceStore;
import cn.edu.ntvu.workbench.attendance.domain.Mark;
import cn.edu.ntvu.workbench.attendance.domain.MarkChange;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The attendance tables through {@link Sql}. */
@ApplicationScoped
public class SqlAttendanceStore implements AttendanceStore {
  private static final String OCCURRENCE =
      " term_id = ? AND source = ? AND meeting_no = ? AND meeting_date = ?";

  @Inject Sql sql;

  private static Object[] args(OccurrenceKey k, Object... more) {
    Object[] out = new Object[4 + more.length];
    out[0] = k.termId();
    out[1] = k.source();
    out[2] = k.meetingNo();
    out[3] = k.date();
    System.arraycopy(more, 0, out, 4, more.length);
    return out;
  }

  @Override
  public Map<String, Stored> marks(OccurrenceKey key) {
    return marks(key, "");
  }

  @Override
  public Map<String, Stored> marksForUpdate(OccurrenceKey key) {
    return marks(key, " FOR UPDATE");
  }

  private Map<String, Stored> marks(OccurrenceKey key, String locking) {
    Map<String, Stored> out = new HashMap<>();
    for (Object[] r :
        sql.rows(
            "SELECT student_account, mark, marked_by, tapped_at, change_id FROM attendance_mark WHERE"
                + OCCURRENCE
                + locking,
            args(key))) {
      out.put(
          str(r[0]),
          new Stored(
              new MarkChange(str(r[0]), Mark.valueOf(str(r[1])), str(r[2]), time(r[3])),
              lng(r[4])));
    }
    return out;
  }

  @Override
  public MarksNow marksNow(OccurrenceKey key) {
    Map<String, Stored> out = new HashMap<>();
    long last = 0;
    Object[] both = new Object[8];
    System.arraycopy(args(key), 0, both, 0, 4);
    System.arraycopy(args(key), 0, both, 4, 4);
    // the last change id rides as a row of its own (student NULL), first
    for (Object[] r :
        sql.rows(
            "SELECT NULL, NULL, NULL, NULL, COALESCE(MAX(id), 0) FROM attendance_change WHERE"
                + OCCURRENCE
                + " UNION ALL SELECT student_account, mark, marked_by, tapped_at, change_id"
                + " FROM attendance_mark WHERE"
                + OCCURRENCE,
            both)) {
      if (r[0] == null) {
        last = lng(r[4]);
        continue;
      }
      out.put(
          str(r[0]),
          new Stored(
              new MarkChange(str(r[0]), Mark.valueOf(str(r[1])), str(r[2]), time(r[3])),
              lng(r[4])));
    }
    return new MarksNow(out, last);
  }

  @Override
  public long lastChangeId(OccurrenceKey key) {
    Object v =
        sql.value(
            "SELECT COALESCE(MAX(id), 0) FROM attendance_change WHERE" + OCCURRENCE, args(key));
    return lng(v);
  }

  @Override
  public Map<Long, String> changesAfter(OccurrenceKey key, long afterId) {
    Map<Long, String> out = new LinkedHashMap<>();
    for (Object[] r :
        sql.rows(
            "SELECT id, student_account FROM attendance_change WHERE"
                + OCCURRENCE
                + " AND id > ? ORDER BY id LOCK IN SHARE MODE",
            args(key, afterId))) {
      out.put(lng(r[0]), str(r[1]));
    }
    return out;
  }

  @Override
  public boolean claimBatch(OccurrenceKey key, String marker, String batchId, LocalDateTime at) {
    return sql.update(
            "INSERT IGNORE INTO attendance_batch"
                + " (marker, batch_id, term_id, source, meeting_no, meeting_date, saved_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
            marker,
            batchId,
            key.termId(),
            key.source(),
            key.meetingNo(),
            key.date(),
            at)
        == 1;
  }

  @Override
  public void session(
      OccurrenceKey key,
      String courseCode,
      String courseName,
      int firstPeriod,
      int periodCount,
      String by,
      LocalDateTime at) {
    sql.update(
        "INSERT IGNORE INTO attendance_session (term_id, source, meeting_no, meeting_date,"
            + " course_code, course_name, first_period, period_count, first_by, first_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        args(key, courseCode, courseName, firstPeriod, periodCount, by, at));
  }

  @Override
  public void lock(OccurrenceKey key) {
    sql.rows("SELECT 1 FROM attendance_session WHERE" + OCCURRENCE + " FOR UPDATE", args(key));
  }

  @Override
  public long history(
      OccurrenceKey key, MarkChange change, String batchId, boolean applied, LocalDateTime at) {
    return sql.insert(
        "INSERT INTO attendance_change (term_id, source, meeting_no, meeting_date, student_account,"
            + " mark, marked_by, tapped_at, saved_at, batch_id, applied)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        args(
            key,
            change.student(),
            change.mark().name(),
            change.by(),
            change.changedAt(),
            at,
            batchId,
            applied));
  }

  @Override
  public void put(OccurrenceKey key, MarkChange change, Long leaveRequestId, long changeId) {
    sql.update(
        "INSERT INTO attendance_mark (term_id, source, meeting_no, meeting_date, student_account,"
            + " mark, leave_request_id, marked_by, tapped_at, change_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE mark = VALUES(mark), leave_request_id = VALUES(leave_request_id),"
            + " marked_by = VALUES(marked_by), tapped_at = VALUES(tapped_at), change_id = VALUES(change_id)",
        args(
            key,
            change.student(),
            change.mark().name(),
            leaveRequestId,
            change.by(),
            change.changedAt(),
            changeId));
  }

  // the saves write their rows as multi-row INSERTs (Sql.insertRows): 60 marks are three statements
  private static final String INSERT_CHANGE_HEAD =
      "INSERT INTO attendance_change (term_id, source, meeting_no, meeting_date, student_account,"
          + " mark, marked_by, tapped_at, saved_at, batch_id, applied)";

  private static final String UPSERT_MARK_HEAD =
      "INSERT INTO attendance_mark (term_id, source, meeting_no, meeting_date, student_account,"
          + " mark, leave_request_id, marked_by, tapped_at, change_id)";

  private static final String UPSERT_MARK_TAIL =
      "ON DUPLICATE KEY UPDATE mark = VALUES(mark), leave_request_id = VALUES(leave_request_id),"
          + " marked_by = VALUES(marked_by), tapped_at = VALUES(tapped_at),"
          + " change_id = VALUES(change_id)";

  @Override
  public Map<String, Long> historyAll(
      OccurrenceKey key, List<Change> changes, String batchId, LocalDateTime at) {
    if (changes.isEmpty()) {
      return Map.of();
    }
    List<Object[]> rows = new ArrayList<>(changes.size());
    java.util.Set<String> markers = new java.util.TreeSet<>();
    for (Change c : changes) {
      MarkChange m = c.change();
      markers.add(m.by());
      rows.add(
          args(key, m.student(), m.mark().name(), m.by(), m.changedAt(), at, batchId, c.applied()));
    }
    sql.insertRows(INSERT_CHANGE_HEAD, 11, rows, "");
    Map<String, Long> ids = new HashMap<>();
    for (String marker : markers) {
      for (Object[] r :
          sql.rows(
              "SELECT student_account, id FROM attendance_change WHERE"
                  + OCCURRENCE
                  + " AND batch_id = ? AND marked_by = ?",
              args(key, batchId, marker))) {
        ids.put(str(r[0]), lng(r[1]));
      }
    }
    return ids;
  }

  @Override
  public void putAll(OccurrenceKey key, List<Put> puts) {
    List<Object[]> rows = new ArrayList<>(puts.size());
    for (Put p : puts) {
      MarkChange m = p.change();
      rows.add(
          args(
              key,
              m.student(),
              m.mark().name(),
              p.leaveRequestId(),
              m.by(),
              m.changedAt(),
              p.changeId()));
    }
    sql.insertRows(UPSERT_MARK_HEAD, 10, rows, UPSERT_MARK_TAIL);
  }

  private static final String HELD =
      "SELECT m.term_id, m.source, m.meeting_no, m.meeting_date, t.code, s.course_code,"
          + " s.course_name, s.first_period, s.period_count, m.student_account, m.mark, m.marked_by,"
          + " m.tapped_at, m.leave_request_id"
          + " FROM attendance_mark m"
          + " JOIN attendance_session s ON s.term_id = m.term_id AND s.source = m.source"
          + "  AND s.meeting_no = m.meeting_no AND s.meeting_date = m.meeting_date"
          + " JOIN term t ON t.id = m.term_id";

  private static HeldMark held(Object[] r) {
    return new HeldMark(
        new OccurrenceKey(lng(r[0]), str(r[1]), num(r[2]), date(r[3])),
        str(r[4]),
        str(r[5]),
        str(r[6]),
        num(r[7]),
        num(r[8]),
        str(r[9]),
        Mark.valueOf(str(r[10])),
        str(r[11]),
        time(r[12]),
        r[13] == null ? null : lng(r[13]));
  }

  private static LocalDate date(Object o) {
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (o instanceof LocalDate d) {
      return d;
    }
    return LocalDate.parse(String.valueOf(o).substring(0, 10));
  }

  @Override
  public List<HeldMark> absencesForUpdate(String student, LocalDate from, LocalDate to) {
    List<HeldMark> out = new ArrayList<>();
    for (Object[] r :
        sql.rows(
            HELD
                + " WHERE m.student_account = ? AND m.mark = 'ABSENT'"
                + " AND m.meeting_date BETWEEN ? AND ?"
                + " ORDER BY m.meeting_date, s.first_period FOR UPDATE",
            student,
            from,
            to)) {
      out.add(held(r));
    }
    return out;
  }

  @Override
  public List<ExcusedMark> excusedByLeaveForUpdate(String student, long requestId) {
    List<ExcusedMark> out = new ArrayList<>();
    for (Object[] r :
        sql.rows(
            HELD.replace(
                    " FROM attendance_mark m",
                    ", (SELECT c.marked_by FROM attendance_change c WHERE c.term_id = m.term_id"
                        + " AND c.source = m.source AND c.meeting_no = m.meeting_no"
                        + " AND c.meeting_date = m.meeting_date"
                        + " AND c.student_account = m.student_account AND c.applied"
                        + " AND c.marked_by NOT LIKE 'leave:%' ORDER BY c.id DESC LIMIT 1)"
                        + " FROM attendance_mark m")
                + " WHERE m.student_account = ? AND m.mark = 'EXCUSED' AND m.leave_request_id = ?"
                + " ORDER BY m.meeting_date, s.first_period FOR UPDATE",
            student,
            requestId)) {
      out.add(new ExcusedMark(held(r), r[14] == null ? null : str(r[14])));
    }
    return out;
  }

  @Override
  public List<HeldMark> marksOf(long termId, String student) {
    List<HeldMark> out = new ArrayList<>();
    for (Object[] r :
        sql.rows(
            HELD
                + " WHERE m.term_id = ? AND m.student_account = ?"
                + " ORDER BY s.course_name, m.meeting_date, s.first_period",
            termId,
            student)) {
      out.add(held(r));
    }
    return out;
  }

  /** One mark as the tallies read it: its occurrence (date as text) and the student's mark. */
  private record TallyMark(
      String student, String source, int meetingNo, String date, String mark) {}

  /** What a held occurrence counts: its course and periods. */
  private record TallySession(String courseCode, String courseName, int periods) {}

  /**
   * Two statements instead of one join: the students' marks of the term from the index {@code
   * (student_account, term_id, mark)} alone (V70; the key's other columns ride along), then the
   * distinct occurrences they were taken at by primary key — ~3,700 marks of a class point at ~90
   * occurrences. Joining and grouping ~3,700 rows in MariaDB (a primary-key lookup per mark and a
   * temporary table keyed by two collated strings) cost about ten times as much; the sums are made
   * here. Same figures as {@code SUM(...) GROUP BY student, course}.
   */
  @Override
  public List<Tally> tallies(long termId, Collection<String> students, String courseCode) {
    if (students.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(students.size() + 1);
    args.add(termId);
    args.addAll(students);
    List<TallyMark> marks =
        sql.query(
            "SELECT student_account, source, meeting_no, meeting_date, mark FROM attendance_mark"
                + " WHERE term_id = ? AND student_account IN ("
                + String.join(", ", java.util.Collections.nCopies(students.size(), "?"))
                + ")",
            r ->
                new TallyMark(
                    r.getString(1), r.getString(2), r.getInt(3), r.getString(4), r.getString(5)),
            args.toArray());
    if (marks.isEmpty()) {
      return List.of();
    }
    Map<String, TallySession> sessions = new HashMap<>();
    java.util.Set<String> keys = new java.util.LinkedHashSet<>();
    List<Object> keyArgs = new ArrayList<>();
    keyArgs.add(termId);
    for (TallyMark m : marks) {
      if (keys.add(sessionKey(m.source(), m.meetingNo(), m.date()))) {
        keyArgs.add(m.source());
        keyArgs.add(m.meetingNo());
        keyArgs.add(m.date());
      }
    }
    sql.query(
        "SELECT source, meeting_no, meeting_date, course_code, course_name, period_count"
            + " FROM attendance_session WHERE term_id = ? AND (source, meeting_no, meeting_date) IN ("
            + String.join(", ", java.util.Collections.nCopies(keys.size(), "(?, ?, ?)"))
            + ")",
        r ->
            sessions.put(
                sessionKey(r.getString(1), r.getInt(2), r.getString(3)),
                new TallySession(r.getString(4), r.getString(5), r.getInt(6))),
        keyArgs.toArray());
    // per student and course: name (the greatest, as MAX), held, absent, late, early, excused
    Map<String, Map<String, Object[]>> by = new HashMap<>();
    for (TallyMark m : marks) {
      TallySession s = sessions.get(sessionKey(m.source(), m.meetingNo(), m.date()));
      if (s == null || (courseCode != null && !courseCode.equals(s.courseCode()))) {
        continue; // no session: the join would have dropped it too
      }
      Object[] t =
          by.computeIfAbsent(m.student(), k -> new HashMap<>())
              .computeIfAbsent(s.courseCode(), k -> new Object[] {s.courseName(), new int[5]});
      if (s.courseName().compareTo((String) t[0]) > 0) {
        t[0] = s.courseName();
      }
      int[] n = (int[]) t[1];
      n[0] += s.periods();
      switch (m.mark()) {
        case "ABSENT" -> n[1] += s.periods();
        case "LATE" -> n[2]++;
        case "EARLY" -> n[3]++;
        case "EXCUSED" -> n[4] += s.periods();
        default -> {}
      }
    }
    List<Tally> out = new ArrayList<>();
    by.forEach(
        (student, courses) ->
            courses.forEach(
                (course, t) -> {
                  int[] n = (int[]) t[1];
                  out.add(new Tally(student, course, (String) t[0], n[0], n[1], n[2], n[3], n[4]));
                }));
    out.sort(
        java.util.Comparator.comparing(Tally::student, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Tally::courseCode, String.CASE_INSENSITIVE_ORDER));
    return out;
  }

  private static String sessionKey(String source, int meetingNo, String date) {
    return source + '\u0000' + meetingNo + '\u0000' + date;
  }

  @Override
  public Map<Integer, Integer> rollCallsByMeeting(long termId, String source) {
    Map<Integer, Integer> out = new HashMap<>();
    for (Object[] r :
        sql.rows(
            "SELECT meeting_no, COUNT(*) FROM attendance_session WHERE term_id = ? AND source = ?"
                + " GROUP BY meeting_no",
            termId,
            source)) {
      out.put(num(r[0]), num(r[1]));
    }
    return out;
  }

  @Override
  public java.util.Optional<HeldSession> heldSession(OccurrenceKey key) {
    List<Object[]> rows =
        sql.rows(
            "SELECT course_code, course_name, first_period, period_count, first_by"
                + " FROM attendance_session WHERE"
                + OCCURRENCE,
            args(key));
    if (rows.isEmpty()) {
      return java.util.Optional.empty();
    }
    Object[] r = rows.get(0);
    java.util.Set<String> markers = new java.util.TreeSet<>();
    markers.add(str(r[4]));
    for (Object v :
        sql.values(
            "SELECT DISTINCT marked_by FROM attendance_change WHERE" + OCCURRENCE, args(key))) {
      markers.add(str(v));
    }
    return java.util.Optional.of(
        new HeldSession(str(r[0]), str(r[1]), num(r[2]), num(r[3]), str(r[4]), markers));
  }

  @Override
  public java.util.Optional<StoredSettings> settings() {
    List<Object[]> rows =
        sql.rows(
            "SELECT alert_ratio, edit_days, version, changed_by, changed_at"
                + " FROM attendance_settings WHERE id = 1");
    if (rows.isEmpty()) {
      return java.util.Optional.empty();
    }
    Object[] r = rows.get(0);
    return java.util.Optional.of(
        new StoredSettings(
            r[0] == null ? null : str(r[0]),
            r[1] == null ? null : num(r[1]),
            lng(r[2]),
            str(r[3]),
            time(r[4])));
  }

  @Override
  public void saveSettings(String alertRatio, Integer editDays, String by, LocalDateTime at) {
    sql.update(
        "INSERT INTO attendance_settings (id, alert_ratio, edit_days, version, changed_by, changed_at)"
            + " VALUES (1, ?, ?, 1, ?, ?)"
            + " ON DUPLICATE KEY UPDATE alert_ratio = VALUES(alert_ratio),"
            + " edit_days = VALUES(edit_days), version = version + 1,"
            + " changed_by = VALUES(changed_by), changed_at = VALUES(changed_at)",
        alertRatio,
        editDays,
        by,
        at);
  }

  @Override
  public List<String> counsellorsOf(String student) {
    List<String> out = new ArrayList<>();
    for (Object v :
        sql.values(
            "SELECT p.account FROM person p WHERE p.status = 'ACTIVE' AND ("
                + " p.account = (SELECT c.counsellor_account FROM person s"
                + "   JOIN school_class c ON c.id = s.class_id WHERE s.account = ?)"
                + " OR p.id IN (SELECT g.person_id FROM person s JOIN role_grant g"
                + "   ON g.role = 'COUNSELLOR' AND g.scope_kind = 'CLASS' AND g.scope_id = s.class_id"
                + "   WHERE s.account = ?))"
                + " ORDER BY p.account",
            student,
            student)) {
      out.add(str(v));
    }
    return out;
  }

  @Override
  public Map<String, List<String>> counsellorsOf(Collection<String> students) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (students.isEmpty()) {
      return out;
    }
    String in = String.join(", ", java.util.Collections.nCopies(students.size(), "?"));
    List<Object> args = new ArrayList<>(students);
    args.addAll(students);
    for (Object[] r :
        sql.rows(
            "SELECT s.account, p.account FROM person s JOIN school_class c ON c.id = s.class_id"
                + " JOIN person p ON p.account = c.counsellor_account AND p.status = 'ACTIVE'"
                + " WHERE s.account IN ("
                + in
                + ")"
                + " UNION SELECT s.account, p.account FROM person s JOIN role_grant g"
                + "  ON g.role = 'COUNSELLOR' AND g.scope_kind = 'CLASS' AND g.scope_id = s.class_id"
                + " JOIN person p ON p.id = g.person_id AND p.status = 'ACTIVE'"
                + " WHERE s.account IN ("
                + in
                + ") ORDER BY 1, 2",
            args.toArray())) {
      out.computeIfAbsent(str(r[0]), k -> new ArrayList<>()).add(str(r[1]));
    }
    return out;
  }

  @Override
  public List<cn.edu.ntvu.workbench.identity.application.ClassRef> allClasses() {
    List<cn.edu.ntvu.workbench.identity.application.ClassRef> out = new ArrayList<>();
    for (Object[] r : sql.rows("SELECT code, name FROM school_class ORDER BY code")) {
      out.add(new cn.edu.ntvu.workbench.identity.application.ClassRef(str(r[0]), str(r[1])));
    }
    return out;
  }
}
