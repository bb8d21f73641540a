package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.identity.application.ClassRef;

/** Whose timetable a page shows: a student's, a teacher's, or a class's. */
public sealed interface TimetableOwner {
  /** A student: their class's meetings and those they attend individually (electives). */
  record Student(String account, String classCode) implements TimetableOwner {}

  /** A member of staff: what they teach. */
  record Teacher(String account) implements TimetableOwner {}

  /** A class (班级), opened by its counsellor, its dean or an admin. */
  record ClassGroup(ClassRef schoolClass) implements TimetableOwner {}
}
