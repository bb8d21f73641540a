package cn.edu.ntvu.workbench.leave.application;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One class meeting a leave misses, as stored with the request at submit and shown on the pages: on
 * {@code date}, periods {@code firstPeriod}–{@code lastPeriod} ({@code start}–{@code end}) of the
 * course, who teaches it and where.
 */
public record MissedClass(
    LocalDate date,
    int firstPeriod,
    int lastPeriod,
    LocalTime start,
    LocalTime end,
    String courseCode,
    String courseName,
    String teacherNames,
    String room)
    implements Serializable {

  public int periodCount() {
    return lastPeriod - firstPeriod + 1;
  }
}
