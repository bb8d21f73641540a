package cn.edu.ntvu.workbench.leave.domain;

import java.util.Locale;

/**
 * Whom a CC line (抄送) of a routing rule copies. The directory has no 班主任 and no 宿管 role: the leave
 * admin names them on 请假设置 (a person per class, one person or office for the school); a role nobody
 * is named for copies nobody.
 */
public enum CcTarget {
  /** 班主任: the person the leave admin named for the student's class. */
  CLASS_TEACHER,
  /** 宿管: the dormitory manager (one person or office account named by the leave admin). */
  DORM_MANAGER,
  /** 任课老师: the teachers of the meetings the leave misses (from the timetable). */
  COURSE_TEACHERS,
  /** A named person or office account. */
  PERSON;

  /** Parses {@code class_teacher} / {@code CLASS_TEACHER}; null for anything else. */
  public static CcTarget parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
