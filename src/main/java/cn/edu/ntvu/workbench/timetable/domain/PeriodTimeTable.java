package cn.edu.ntvu.workbench.timetable.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All 作息时间表 of the school, each for a date range (夏季/冬季); at most one applies on a date. */
public final class PeriodTimeTable {
  private final List<PeriodTimeSet> sets;

  /**
   * @throws TimetableInputException when two sets apply on the same date or two sets share a name
   */
  public PeriodTimeTable(List<PeriodTimeSet> sets) {
    List<PeriodTimeSet> sorted = new ArrayList<>(sets);
    sorted.sort(Comparator.comparing(PeriodTimeSet::validFrom));
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size(); j++) {
        PeriodTimeSet a = sorted.get(i);
        PeriodTimeSet b = sorted.get(j);
        if (a.name().equals(b.name())) {
          throw new TimetableInputException("timetable.periodTimes.duplicateSet", a.name());
        }
        if (a.overlaps(b)) {
          throw new TimetableInputException(
              "timetable.periodTimes.setsOverlap", a.name(), b.name());
        }
      }
    }
    this.sets = List.copyOf(sorted);
  }

  public List<PeriodTimeSet> sets() {
    return sets;
  }

  public Optional<PeriodTimeSet> setOn(LocalDate date) {
    return sets.stream().filter(s -> s.appliesOn(date)).findFirst();
  }

  /**
   * The number of periods every set in force during {@code from..to} has; a meeting may not use a
   * later period. 0 when no set covers any of those days.
   */
  public int periodsPerDay(LocalDate from, LocalDate to) {
    return sets.stream()
        .filter(s -> !s.validFrom().isAfter(to) && !s.validTo().isBefore(from))
        .mapToInt(PeriodTimeSet::size)
        .min()
        .orElse(0);
  }

  /**
   * Start and end clock time of {@code periods} on {@code date}; empty when no set applies or it is
   * too short.
   */
  public Optional<ClockTimes> clockTimes(LocalDate date, PeriodRange periods) {
    return setOn(date)
        .filter(s -> periods.last() <= s.size())
        .map(s -> new ClockTimes(s.start(periods.first()), s.end(periods.last())));
  }

  /** From the start of the first period to the end of the last. */
  public record ClockTimes(LocalTime start, LocalTime end) {}
}
