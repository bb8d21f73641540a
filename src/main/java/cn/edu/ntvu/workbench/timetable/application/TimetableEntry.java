package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import cn.edu.ntvu.workbench.timetable.domain.WeekPattern;
import cn.edu.ntvu.workbench.timetable.domain.WeeklyMeeting;
import java.time.DayOfWeek;
import java.util.List;

/**
 * One course meeting as the views show it: the course, who teaches, where, when and which classes
 * attend. {@code source} and {@code meetingNo} identify it within its term (for course detail
 * links).
 */
public record TimetableEntry(
    String source,
    int meetingNo,
    String courseCode,
    String courseName,
    List<String> teacherAccounts,
    String teacherNames,
    String room,
    DayOfWeek weekday,
    PeriodRange periods,
    WeekPattern weeks,
    List<String> classCodes)
    implements WeeklyMeeting {

  public TimetableEntry {
    teacherAccounts = List.copyOf(teacherAccounts);
    classCodes = List.copyOf(classCodes);
  }
}
