package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.CourseMeeting;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Replaces the meetings of one term and source system in the caller's transaction: one DELETE (the
 * audience rows go by cascade) and multi-row INSERTs of {@link #CHUNK} rows, so a full term is a
 * few dozen statements instead of one per meeting, class and teacher. Meeting numbers are positions
 * in the file on a term's first import; a re-import keeps the number of every unchanged meeting and
 * gives the others numbers never used before ({@link MeetingNumbers}), so the same file writes the
 * same rows and a roll call's marks stay with the meeting that was held.
 */
final class MeetingWriter {
  static final int CHUNK = 500;

  private final EntityManager em;

  MeetingWriter(EntityManager em) {
    this.em = em;
  }

  /** The meetings of a term from one system as loaded now, by number. */
  List<MeetingNumbers.Loaded> loaded(long termId, String source) {
    java.util.Map<Integer, List<String>> classes =
        audience("course_meeting_class", "class_code", termId, source);
    java.util.Map<Integer, List<String>> students =
        audience("course_meeting_student", "student_account", termId, source);
    java.util.Map<Integer, List<String>> teachers =
        audience("course_meeting_teacher", "teacher_account", termId, source);
    List<MeetingNumbers.Loaded> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "SELECT meeting_no, course_code, course_name, weekday, first_period, period_count,"
                    + " weeks_mask FROM course_meeting WHERE term_id = ? AND source = ?"
                    + " ORDER BY meeting_no")
            .setParameter(1, termId)
            .setParameter(2, source)
            .getResultList()) {
      Object[] r = (Object[]) o;
      int no = ((Number) r[0]).intValue();
      out.add(
          new MeetingNumbers.Loaded(
              no,
              String.valueOf(r[1]),
              String.valueOf(r[2]),
              java.time.DayOfWeek.of(((Number) r[3]).intValue()),
              ((Number) r[4]).intValue(),
              ((Number) r[5]).intValue(),
              ((Number) r[6]).longValue(),
              classes.getOrDefault(no, List.of()),
              students.getOrDefault(no, List.of()),
              teachers.getOrDefault(no, List.of())));
    }
    return out;
  }

  private java.util.Map<Integer, List<String>> audience(
      String table, String column, long termId, String source) {
    java.util.Map<Integer, List<String>> out = new java.util.HashMap<>();
    for (Object o :
        em.createNativeQuery(
                "SELECT meeting_no, "
                    + column
                    + " FROM "
                    + table
                    + " WHERE term_id = ? AND source = ?")
            .setParameter(1, termId)
            .setParameter(2, source)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.computeIfAbsent(((Number) r[0]).intValue(), k -> new ArrayList<>())
          .add(String.valueOf(r[1]));
    }
    return out;
  }

  /**
   * @param highestHeld the highest meeting number with a roll call (never given to a new meeting)
   * @return the numbers given and the meetings dropped
   */
  MeetingNumbers.Assignment replace(
      long termId, String source, List<PlannedMeeting> meetings, int highestHeld) {
    MeetingNumbers.Assignment numbers =
        MeetingNumbers.assign(loaded(termId, source), meetings, highestHeld);
    em.createNativeQuery("DELETE FROM course_meeting WHERE term_id = ? AND source = ?")
        .setParameter(1, termId)
        .setParameter(2, source)
        .executeUpdate();
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> classes = new ArrayList<>();
    List<Object[]> students = new ArrayList<>();
    List<Object[]> teachers = new ArrayList<>();
    int index = 0;
    for (PlannedMeeting p : meetings) {
      int no = numbers.numbers().get(index++);
      CourseMeeting m = p.meeting();
      rows.add(
          new Object[] {
            termId,
            source,
            no,
            p.line(),
            m.courseCode(),
            truncate(m.courseName(), 100),
            truncate(p.teacherNames() == null ? "" : p.teacherNames(), 200),
            truncate(m.room(), 64),
            m.weekday().getValue(),
            m.periods().first(),
            m.periods().length(),
            m.weeks().mask()
          });
      for (String c : m.classCodes()) {
        classes.add(new Object[] {termId, c, source, no});
      }
      for (String s : m.studentAccounts()) {
        students.add(new Object[] {termId, s, source, no});
      }
      for (String t : new java.util.LinkedHashSet<>(m.teacherAccounts())) {
        teachers.add(new Object[] {termId, t, source, no});
      }
    }
    insert(
        "course_meeting (term_id, source, meeting_no, source_line, course_code, course_name, teacher_names, room,"
            + " weekday, first_period, period_count, weeks_mask)",
        rows);
    insert("course_meeting_class (term_id, class_code, source, meeting_no)", classes);
    insert("course_meeting_student (term_id, student_account, source, meeting_no)", students);
    insert("course_meeting_teacher (term_id, teacher_account, source, meeting_no)", teachers);
    return numbers;
  }

  private void insert(String tableAndColumns, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int width = rows.get(0).length;
    String tuple = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
    for (int from = 0; from < rows.size(); from += CHUNK) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
      String sql =
          "INSERT INTO "
              + tableAndColumns
              + " VALUES "
              + String.join(", ", Collections.nCopies(chunk.size(), tuple));
      Query q = em.createNativeQuery(sql);
      int i = 1;
      for (Object[] row : chunk) {
        for (Object value : row) {
          q.setParameter(i++, value);
        }
      }
      q.executeUpdate();
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
