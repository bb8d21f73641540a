package cn.edu.ntvu.workbench.timetable.domain;

import java.time.DayOfWeek;

/**
 * Which part of the timetable is taught: the meetings of teaching week {@code week} on {@code
 * weekday}.
 */
public record TeachingDay(int week, DayOfWeek weekday) {
  public TeachingDay {
    if (week < 1 || week > WeekPattern.MAX_WEEKS) {
      throw new IllegalArgumentException("week " + week);
    }
  }
}
