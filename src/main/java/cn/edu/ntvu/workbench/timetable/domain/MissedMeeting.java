package cn.edu.ntvu.workbench.timetable.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The part of one class meeting a leave misses: on {@code date} (teaching {@code timetableDate}'s
 * timetable — another date on a make-up day), periods {@code periods} of {@code meeting}, from
 * {@code start} to {@code end} by that date's period times. Only the periods the leave overlaps
 * count: a leave from 09:00 misses period 2 of a 08:00–09:40 meeting but not period 1 if that ended
 * at 08:45.
 */
public record MissedMeeting<M extends WeeklyMeeting>(
    LocalDate date,
    LocalDate timetableDate,
    M meeting,
    PeriodRange periods,
    LocalTime start,
    LocalTime end) {
  public MissedMeeting {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(timetableDate, "timetableDate");
    Objects.requireNonNull(meeting, "meeting");
    Objects.requireNonNull(periods, "periods");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  /** Whether the meeting is taught on a make-up day (调休) in place of its own date. */
  public boolean isMakeUp() {
    return !date.equals(timetableDate);
  }
}
