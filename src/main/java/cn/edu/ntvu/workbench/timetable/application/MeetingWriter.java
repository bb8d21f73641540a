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
 * in the file, so the same file writes the same rows.
 */
final class MeetingWriter {
  static final int CHUNK = 500;

  private final EntityManager em;

  MeetingWriter(EntityManager em) {
    this.em = em;
  }

  /**
   * @return the number of meetings written
   */
  int replace(long termId, String source, List<PlannedMeeting> meetings) {
    em.createNativeQuery("DELETE FROM course_meeting WHERE term_id = ? AND source = ?")
        .setParameter(1, termId)
        .setParameter(2, source)
        .executeUpdate();
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> classes = new ArrayList<>();
    List<Object[]> students = new ArrayList<>();
    List<Object[]> teachers = new ArrayList<>();
    int no = 0;
    for (PlannedMeeting p : meetings) {
      no++;
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
    return meetings.size();
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
