package cn.edu.ntvu.workbench.timetable.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One 作息时间表 (e.g. 夏季 or 冬季) valid from {@code validFrom} to {@code validTo} (both included).
 * Periods are numbered 1..N without gaps, and each starts no earlier than the previous one ends.
 */
public record PeriodTimeSet(
    String name, LocalDate validFrom, LocalDate validTo, List<PeriodTime> periods) {
  public PeriodTimeSet {
    name = name == null ? "" : name.strip();
    if (name.isEmpty()) {
      throw new TimetableInputException("timetable.periodTimes.noName");
    }
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validTo, "validTo");
    if (validTo.isBefore(validFrom)) {
      throw new TimetableInputException(
          "timetable.periodTimes.datesReversed", name, validFrom, validTo);
    }
    periods = periods.stream().sorted(Comparator.comparingInt(PeriodTime::period)).toList();
    if (periods.isEmpty()) {
      throw new TimetableInputException("timetable.periodTimes.empty", name);
    }
    for (int i = 0; i < periods.size(); i++) {
      PeriodTime p = periods.get(i);
      if (p.period() != i + 1) {
        throw i > 0 && periods.get(i - 1).period() == p.period()
            ? new TimetableInputException("timetable.periodTimes.duplicate", name, p.period())
            : new TimetableInputException("timetable.periodTimes.gap", name, i + 1);
      }
      if (i > 0 && p.start().isBefore(periods.get(i - 1).end())) {
        throw new TimetableInputException(
            "timetable.periodTimes.overlap",
            name,
            i,
            p.period(),
            periods.get(i - 1).end(),
            p.start());
      }
    }
  }

  public int size() {
    return periods.size();
  }

  public boolean appliesOn(LocalDate date) {
    return !date.isBefore(validFrom) && !date.isAfter(validTo);
  }

  public boolean overlaps(PeriodTimeSet other) {
    return !validFrom.isAfter(other.validTo) && !other.validFrom.isAfter(validTo);
  }

  public LocalTime start(int period) {
    return periods.get(period - 1).start();
  }

  public LocalTime end(int period) {
    return periods.get(period - 1).end();
  }
}
