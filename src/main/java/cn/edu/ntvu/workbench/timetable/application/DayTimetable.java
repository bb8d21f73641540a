package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.DayResolution;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeTable.ClockTimes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One day of someone's timetable: what the calendar says about the date (teaching week, holiday,
 * make-up day) and the classes held, in order, with the clock times of the period-time set in force
 * on that date (a make-up Saturday in September keeps summer times even when it teaches an October
 * day's classes).
 */
public record DayTimetable(
    LocalDate date, DayResolution resolution, OptionalInt week, List<ClassSlot> classes) {

  /** Where a class stands at a moment: over, going on, the next one to start that day, or later. */
  public enum State {
    OVER,
    CURRENT,
    NEXT,
    LATER
  }

  public DayTimetable {
    classes = List.copyOf(classes);
  }

  /**
   * The day {@code date} of {@code schedule}'s term for someone whose meetings (of the whole term)
   * are given.
   */
  public static DayTimetable of(
      TermSchedule schedule, LocalDate date, List<TimetableEntry> meetings) {
    DayResolution day = schedule.calendar().resolve(date);
    List<ClassSlot> slots =
        day.teaching()
            .map(
                t ->
                    meetings.stream()
                        .filter(m -> m.meetsOn(t))
                        .sorted(
                            Comparator.comparingInt((TimetableEntry m) -> m.periods().first())
                                .thenComparing(TimetableEntry::courseCode))
                        .map(m -> slot(schedule, date, m))
                        .toList())
            .orElse(List.of());
    return new DayTimetable(date, day, schedule.calendar().currentWeek(date), slots);
  }

  private static ClassSlot slot(TermSchedule schedule, LocalDate date, TimetableEntry m) {
    Optional<ClockTimes> times = schedule.periodTimes().clockTimes(date, m.periods());
    return new ClassSlot(
        m, times.map(ClockTimes::start).orElse(null), times.map(ClockTimes::end).orElse(null));
  }

  public boolean hasClasses() {
    return !classes.isEmpty();
  }

  /**
   * Where {@code slot} stands at {@code now}. Only on the day itself can a class be current or
   * next; on earlier days every class is over, on later days every class is later. A class without
   * clock times is never over.
   */
  public State stateOf(ClassSlot slot, LocalDateTime now) {
    LocalDate today = now.toLocalDate();
    if (date.isBefore(today)) {
      return State.OVER;
    }
    if (date.isAfter(today) || !slot.hasTimes()) {
      return State.LATER;
    }
    LocalTime time = now.toLocalTime();
    if (!slot.end().isAfter(time)) {
      return State.OVER;
    }
    if (!slot.start().isAfter(time)) {
      return State.CURRENT;
    }
    return slot.start().equals(nextStart(time)) ? State.NEXT : State.LATER;
  }

  /**
   * The earliest start after {@code time}; classes starting then (two only in a clash) are the
   * next.
   */
  private LocalTime nextStart(LocalTime time) {
    return classes.stream()
        .filter(ClassSlot::hasTimes)
        .map(ClassSlot::start)
        .filter(s -> s.isAfter(time))
        .min(Comparator.naturalOrder())
        .orElse(null);
  }

  /** 今天还有几节课: the classes whose end is after {@code now} (the workbench tile's badge). */
  public int classesLeft(LocalDateTime now) {
    return (int) classes.stream().filter(s -> stateOf(s, now) != State.OVER).count();
  }
}
