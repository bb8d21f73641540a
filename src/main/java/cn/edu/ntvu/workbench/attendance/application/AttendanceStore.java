package cn.edu.ntvu.workbench.attendance.application;

import cn.edu.ntvu.workbench.attendance.domain.Mark;
import cn.edu.ntvu.workbench.attendance.domain.MarkChange;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The attendance tables (infrastructure implements it). */
public interface AttendanceStore {
  /** One meeting held on one date: the key of every mark. */
  record OccurrenceKey(long termId, String source, int meetingNo, LocalDate date) {}

  /** The stored mark of a student with the change that set it. */
  record Stored(MarkChange change, long changeId) {
    public Mark mark() {
      return change.mark();
    }
  }

  /** The stored marks of an occurrence, by student. */
  /** An occurrence's marks and its last change id ({@link #lastChangeId}) read together. */
  record MarksNow(Map<String, Stored> marks, long lastChangeId) {}

  /** {@link #marks} and {@link #lastChangeId} in one statement (a roster's read). */
  MarksNow marksNow(OccurrenceKey key);

  Map<String, Stored> marks(OccurrenceKey key);

  /**
   * The same, as committed now (a locking read: under REPEATABLE READ a plain read would see the
   * transaction's first snapshot), for a submit after {@link #lock}.
   */
  Map<String, Stored> marksForUpdate(OccurrenceKey key);

  /** The occurrence's last change id (0: none). */
  long lastChangeId(OccurrenceKey key);

  /** Student by change id, of the changes saved after {@code afterId} (a locking read). */
  Map<Long, String> changesAfter(OccurrenceKey key, long afterId);

  /**
   * Claims a client batch id: false when the batch was stored before (a retried post), which then
   * changes nothing.
   */
  boolean claimBatch(OccurrenceKey key, String marker, String batchId, LocalDateTime at);

  /** Records the occurrence as it was held (course, periods), once. */
  void session(
      OccurrenceKey key,
      String courseCode,
      String courseName,
      int firstPeriod,
      int periodCount,
      String by,
      LocalDateTime at);

  /**
   * Locks the occurrence's session row until the transaction ends: submits of one meeting (two
   * devices) take turns, each reading the marks the other committed.
   */
  void lock(OccurrenceKey key);

  /** Appends a change to the history; returns its id. */
  long history(
      OccurrenceKey key, MarkChange change, String batchId, boolean applied, LocalDateTime at);

  /** Sets a student's current mark to the change {@code changeId}. */
  void put(OccurrenceKey key, MarkChange change, Long leaveRequestId, long changeId);

  /** Whether a student's mark exists. */
  /** One row of a submit's history: the change, whether it took effect, the leave it cites. */
  record Change(MarkChange change, boolean applied) {}

  /**
   * Appends the history rows of one batch as one JDBC batch; the id of each student's row (a batch
   * holds one row per student).
   */
  Map<String, Long> historyAll(
      OccurrenceKey key, List<Change> changes, String batchId, LocalDateTime at);

  /** A mark to store: the change, the leave it cites, the id of its history row. */
  record Put(MarkChange change, Long leaveRequestId, long changeId) {}

  /** Stores the marks of one submit as one JDBC batch (same rule as {@link #put}). */
  void putAll(OccurrenceKey key, List<Put> puts);

  default Optional<Stored> mark(OccurrenceKey key, String student) {
    return Optional.ofNullable(marks(key).get(student));
  }

  /**
   * A student's stored mark with the occurrence as it was held (attendance_session).
   *
   * @param leaveRequestId the leave that excuses a 请假 mark, else null
   */
  record HeldMark(
      OccurrenceKey key,
      String termCode,
      String courseCode,
      String courseName,
      int firstPeriod,
      int periodCount,
      String student,
      Mark mark,
      String markedBy,
      LocalDateTime tappedAt,
      Long leaveRequestId) {}

  /**
   * The 缺勤 marks of a student on meetings held from {@code from} to {@code to} (dates inclusive),
   * locked for the caller's transaction (a leave approved while a teacher re-submits takes turns).
   */
  List<HeldMark> absencesForUpdate(String student, LocalDate from, LocalDate to);

  /**
   * The 请假 marks of a student that carry leave request {@code requestId}, locked for the caller's
   * transaction, each with the teacher who took that roll call: whoever made the last applied
   * change of the student's mark that no leave made ({@code teacher}; null when none).
   */
  record ExcusedMark(HeldMark held, String teacher) {}

  List<ExcusedMark> excusedByLeaveForUpdate(String student, long requestId);

  /** Every stored mark of a student in a term, by date and period. */
  List<HeldMark> marksOf(long termId, String student);

  /**
   * Periods per student and course in a term, counted over the occurrences with a roll call that
   * listed the student (an occurrence counts its periods).
   */
  record Tally(
      String student,
      String courseCode,
      String courseName,
      int held,
      int absent,
      int late,
      int early,
      int excused) {}

  /** The tallies of these students in a term (one course: {@code courseCode}, else all). */
  List<Tally> tallies(long termId, Collection<String> students, String courseCode);

  /**
   * The counsellors of a student's class (the class's counsellor and anyone granted COUNSELLOR for
   * it; active people only) — the directory tables, read only.
   */
  List<String> counsellorsOf(String student);

  /** {@link #counsellorsOf} for many students in one query; a student without any is left out. */
  Map<String, List<String>> counsellorsOf(Collection<String> students);

  /** Occurrences with a roll call per meeting number, for a term's meetings from one system. */
  Map<Integer, Integer> rollCallsByMeeting(long termId, String source);

  /**
   * An occurrence as it was held (its first submit), when it has a roll call.
   *
   * @param markers everyone who set a mark of it (the teachers who took the roll call)
   */
  record HeldSession(
      String courseCode,
      String courseName,
      int firstPeriod,
      int periodCount,
      String firstBy,
      java.util.Set<String> markers) {}

  Optional<HeldSession> heldSession(OccurrenceKey key);

  /**
   * The school's attendance settings as an admin saved them (null fields: the config default).
   *
   * @param version grows with every save
   */
  record StoredSettings(
      String alertRatio,
      Integer editDays,
      long version,
      String changedBy,
      LocalDateTime changedAt) {}

  /** The stored settings; empty when no admin ever saved them. */
  Optional<StoredSettings> settings();

  /** Stores the settings (one row), in the caller's transaction. */
  void saveSettings(String alertRatio, Integer editDays, String by, LocalDateTime at);

  /** Every class of the school (admins see them all), by code — the directory tables, read only. */
  List<cn.edu.ntvu.workbench.identity.application.ClassRef> allClasses();
}
