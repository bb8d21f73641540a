package cn.edu.ntvu.workbench.timetable.domain;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * 上课安排: one weekly meeting of a course — who teaches, where, on which weekday and periods, in which
 * weeks — and who attends: class groups (班级) and/or individual students (选修). A course with two
 * meetings a week has two.
 */
public record CourseMeeting(
    String courseCode,
    String courseName,
    List<String> teacherAccounts,
    String room,
    DayOfWeek weekday,
    PeriodRange periods,
    WeekPattern weeks,
    Set<String> classCodes,
    Set<String> studentAccounts)
    implements WeeklyMeeting {

  public CourseMeeting {
    courseCode = requireText(courseCode, "timetable.meeting.noCourseCode");
    courseName = requireText(courseName, "timetable.meeting.noCourseName");
    teacherAccounts = List.copyOf(teacherAccounts);
    room = room == null ? "" : room.strip();
    Objects.requireNonNull(weekday, "weekday");
    Objects.requireNonNull(periods, "periods");
    Objects.requireNonNull(weeks, "weeks");
    if (weeks.isEmpty()) {
      throw new TimetableInputException("timetable.weeks.empty", "");
    }
    classCodes = Set.copyOf(new TreeSet<>(classCodes));
    studentAccounts = Set.copyOf(new TreeSet<>(studentAccounts));
    if (classCodes.isEmpty() && studentAccounts.isEmpty()) {
      throw new TimetableInputException("timetable.meeting.noAudience", courseCode);
    }
  }

  private static String requireText(String s, String key) {
    if (s == null || s.isBlank()) {
      throw new TimetableInputException(key);
    }
    return s.strip();
  }

  /** Whether both take place at the same time: same weekday, a shared period and a shared week. */
  public boolean overlapsInTime(CourseMeeting other) {
    return weekday == other.weekday
        && periods.overlaps(other.periods)
        && weeks.overlaps(other.weeks);
  }

  /** Whether both are attended by a common class or student. */
  public boolean sharesAudience(CourseMeeting other) {
    return classCodes.stream().anyMatch(other.classCodes::contains)
        || studentAccounts.stream().anyMatch(other.studentAccounts::contains);
  }

  /**
   * The rule of the import: a course cannot meet twice at once for the same class or student (the
   * export listed a meeting twice or with overlapping weeks). Different courses at once is a clash,
   * not a contradiction.
   */
  public boolean overlapsItself(CourseMeeting other) {
    return courseCode.equals(other.courseCode) && overlapsInTime(other) && sharesAudience(other);
  }
}
