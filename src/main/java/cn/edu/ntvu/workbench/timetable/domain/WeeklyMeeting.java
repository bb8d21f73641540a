package cn.edu.ntvu.workbench.timetable.domain;

import java.time.DayOfWeek;
import java.util.List;

/**
 * A course's weekly meeting as far as "when" is concerned: the course, its teachers, the weekday,
 * the periods and the weeks. {@link CourseMeeting} (the import's) and the views' entries both are
 * one, so the functions of the calendar ({@link MissedClasses}) work on either.
 */
public interface WeeklyMeeting {
  String courseCode();

  String courseName();

  List<String> teacherAccounts();

  DayOfWeek weekday();

  PeriodRange periods();

  WeekPattern weeks();

  /** Whether this meeting takes place on the given teaching day. */
  default boolean meetsOn(TeachingDay day) {
    return weekday() == day.weekday() && weeks().contains(day.week());
  }
}
