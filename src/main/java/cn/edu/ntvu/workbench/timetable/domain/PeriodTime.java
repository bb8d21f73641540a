package cn.edu.ntvu.workbench.timetable.domain;

import java.time.LocalTime;
import java.util.Objects;

/** 作息时间 of one period: 第{@code period}节 from {@code start} to {@code end}. */
public record PeriodTime(int period, LocalTime start, LocalTime end) {
  public PeriodTime {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (period < 1) {
      throw new TimetableInputException("timetable.periods.zero", period);
    }
    if (!end.isAfter(start)) {
      throw new TimetableInputException("timetable.periodTimes.backwards", period, start, end);
    }
  }
}
