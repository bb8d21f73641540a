package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.CourseMeeting;

/**
 * A course meeting read from line {@code line} of a timetable file; {@code teacherNames} only for
 * display.
 */
public record PlannedMeeting(int line, CourseMeeting meeting, String teacherNames) {}
