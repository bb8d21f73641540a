package cn.edu.ntvu.workbench.timetable.application;

import java.time.LocalTime;

/**
 * A meeting held on a particular day, with the clock times of its periods that day; {@code start}
 * and {@code end} are null when no period-time set covers the day.
 */
public record ClassSlot(TimetableEntry entry, LocalTime start, LocalTime end) {
  public boolean hasTimes() {
    return start != null;
  }
}
