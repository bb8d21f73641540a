package cn.edu.ntvu.workbench.timetable.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A class repeating every {@code intervalWeeks} weeks from {@code first}, {@code count} times, at
 * the same clock times, except on the {@code excluded} dates (holidays, weeks without the class):
 * what an iCalendar {@code RRULE:FREQ=WEEKLY;INTERVAL=…;COUNT=…} with {@code EXDATE} says.
 */
public record WeeklySeries(
    LocalDate first,
    int intervalWeeks,
    int count,
    LocalTime start,
    LocalTime end,
    SortedSet<LocalDate> excluded) {

  public WeeklySeries {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (intervalWeeks < 1 || count < 1) {
      throw new IllegalArgumentException("interval " + intervalWeeks + ", count " + count);
    }
    excluded = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(excluded));
    for (LocalDate d : excluded) {
      if (!ruleDates(first, intervalWeeks, count).contains(d)) {
        throw new IllegalArgumentException(d + " is not a date of the series");
      }
    }
    if (excluded.contains(first)) {
      throw new IllegalArgumentException("the first date " + first + " cannot be excluded");
    }
  }

  /** The dates the rule alone gives, before exclusions. */
  public List<LocalDate> ruleDates() {
    return ruleDates(first, intervalWeeks, count);
  }

  private static List<LocalDate> ruleDates(LocalDate first, int intervalWeeks, int count) {
    List<LocalDate> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(first.plusWeeks((long) i * intervalWeeks));
    }
    return out;
  }

  /** The dates the class really takes place. */
  public List<LocalDate> dates() {
    return ruleDates().stream().filter(d -> !excluded.contains(d)).toList();
  }

  public LocalDate last() {
    return first.plusWeeks((long) (count - 1) * intervalWeeks);
  }
}
