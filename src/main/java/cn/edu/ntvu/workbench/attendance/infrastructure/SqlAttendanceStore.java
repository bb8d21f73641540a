package cn.edu.ntvu.workbench.attendance.infrastructure;

import static cn.edu.ntvu.workbench.platform.persistence.Sql.lng;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.str;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.time;

import cn.edu.ntvu.workbench.attendance.application.AttendanceStore;
import cn.edu.ntvu.workbench.attendance.domain.Mark;
import cn.edu.ntvu.workbench.attendance.domain.MarkChange;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
}
