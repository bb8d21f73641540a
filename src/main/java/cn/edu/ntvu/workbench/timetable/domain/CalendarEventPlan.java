package cn.edu.ntvu.workbench.timetable.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * How a meeting's {@link ClassOccurrence}s are written as calendar events: weekly {@link
 * WeeklySeries} where a rule gives exactly those dates and times, single events for the rest.
 * Make-up days (调休) are always single events; regular dates are split into a new series wherever
 * the clock times change (夏季 → 冬季 作息). Within a series the interval is the greatest common divisor
 * of the week distances (1 for 1-16周, 2 for 单/双周), and every date the rule gives that has no class
 * (a holiday, week 9 of {@code 1-8,10-16周}) is excluded. Expanding the plan gives back exactly the
 * occurrences it was made from.
 */
public record CalendarEventPlan(List<WeeklySeries> series, List<ClassOccurrence> singles) {

  public CalendarEventPlan {
    series = List.copyOf(series);
    singles = List.copyOf(singles);
  }

  /**
   * @param occurrences of one meeting, e.g. from {@link ClassOccurrences#of}
   */
  public static CalendarEventPlan of(List<ClassOccurrence> occurrences) {
    List<ClassOccurrence> sorted = new ArrayList<>(occurrences);
    sorted.sort(Comparator.comparing(ClassOccurrence::date));
    List<WeeklySeries> series = new ArrayList<>();
    List<ClassOccurrence> singles = new ArrayList<>();
    List<ClassOccurrence> run = new ArrayList<>();
    for (ClassOccurrence o : sorted) {
      if (o.isMakeUp()) {
        singles.add(o);
        continue;
      }
      if (!run.isEmpty() && !sameRun(run.get(0), o)) {
        close(run, series, singles);
      }
      run.add(o);
    }
    close(run, series, singles);
    singles.sort(Comparator.comparing(ClassOccurrence::date));
    return new CalendarEventPlan(series, singles);
  }

  /** Same clock times and weekday: one rule can hold both. */
  private static boolean sameRun(ClassOccurrence a, ClassOccurrence b) {
    return a.start().equals(b.start())
        && a.end().equals(b.end())
        && a.date().getDayOfWeek() == b.date().getDayOfWeek();
  }

  private static void close(
      List<ClassOccurrence> run, List<WeeklySeries> series, List<ClassOccurrence> singles) {
    if (run.isEmpty()) {
      return;
    }
    if (run.size() == 1) {
      singles.add(run.get(0));
      run.clear();
      return;
    }
    LocalDate first = run.get(0).date();
    int interval = 0;
    for (ClassOccurrence o : run) {
      interval = gcd(interval, (int) (ChronoUnit.DAYS.between(first, o.date()) / 7));
    }
    int span = (int) (ChronoUnit.DAYS.between(first, run.get(run.size() - 1).date()) / 7);
    int count = span / interval + 1;
    TreeSet<LocalDate> taught = new TreeSet<>();
    run.forEach(o -> taught.add(o.date()));
    TreeSet<LocalDate> excluded = new TreeSet<>();
    for (int i = 0; i < count; i++) {
      LocalDate d = first.plusWeeks((long) i * interval);
      if (!taught.contains(d)) {
        excluded.add(d);
      }
    }
    series.add(
        new WeeklySeries(first, interval, count, run.get(0).start(), run.get(0).end(), excluded));
    run.clear();
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
