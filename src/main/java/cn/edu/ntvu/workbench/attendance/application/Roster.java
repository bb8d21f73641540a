package cn.edu.ntvu.workbench.attendance.application;

import cn.edu.ntvu.workbench.attendance.domain.Mark;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The roster of one meeting occurrence as the roll-call page shows it.
 *
 * @param seenChange the last change id of this occurrence when the roster was read (a stale page is
 *     one whose submit finds later changes)
 * @param editable whether marks may still be changed (the edit window)
 * @param heldOnly the timetable no longer has this occurrence (a re-import moved or deleted the
 *     meeting): the roster is the marks as they were taken, read-only
 */
public record Roster(
    String termCode,
    String source,
    int meetingNo,
    java.time.LocalDate date,
    String courseName,
    String room,
    int firstPeriod,
    int lastPeriod,
    LocalDateTime start,
    LocalDateTime end,
    List<Row> rows,
    long seenChange,
    boolean saved,
    boolean editable,
    boolean heldOnly) {

  /**
   * A student on the roster.
   *
   * @param leaveType the approved leave's type name (病假), null when not on leave
   * @param markedBy who set the stored mark (null: not saved yet, the default shown)
   */
  public record Row(
      String account,
      String name,
      String className,
      Mark mark,
      String leaveType,
      Long leaveRequestId,
      String markedBy) {
    public boolean onLeave() {
      return leaveType != null;
    }
  }

  public long count(Mark m) {
    return rows.stream().filter(r -> r.mark() == m).count();
  }
}
