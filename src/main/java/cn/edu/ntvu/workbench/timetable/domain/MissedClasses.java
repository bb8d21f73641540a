package cn.edu.ntvu.workbench.timetable.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * 将缺的课: the class meetings a leave from {@code from} to {@code to} misses, from one student's own
 * meetings, by the rules the timetable pages apply day by day — week patterns (单双周), holidays
 * dropped, make-up days (调休) teaching another weekday's timetable, and the period times in force on
 * each date. A period counts as missed when the leave overlaps any part of it (a leave starting
 * mid-period misses that period); consecutive missed periods of one meeting make one entry, so a
 * leave ending at the lunch break of a 3–6 meeting that spans lunch yields 3–4 only.
 *
 * <p>A pure function of its inputs: it looks at the leave's own dates only (not the whole term), so
 * a two-week leave costs 14 day resolutions.
 */
public final class MissedClasses<M extends WeeklyMeeting> {
  private final List<MissedMeeting<M>> meetings;

  private MissedClasses(List<MissedMeeting<M>> meetings) {
    this.meetings = List.copyOf(meetings);
  }

  /** Nothing missed. */
  public static <M extends WeeklyMeeting> MissedClasses<M> none() {
    return new MissedClasses<>(List.of());
  }

  /** The missed meetings of several parts (e.g. two terms a leave spans), in date order. */
  public static <M extends WeeklyMeeting> MissedClasses<M> union(List<MissedClasses<M>> parts) {
    List<MissedMeeting<M>> all = new ArrayList<>();
    parts.forEach(p -> all.addAll(p.meetings));
    all.sort(inOrder());
    return new MissedClasses<>(all);
  }

  /**
   * @param studentMeetings the meetings the student attends (through a class or individually)
   * @param from the leave's start (inclusive)
   * @param to the leave's end (exclusive); not before {@code from}
   */
  public static <M extends WeeklyMeeting> MissedClasses<M> of(
      AcademicCalendar calendar,
      PeriodTimeTable times,
      Collection<M> studentMeetings,
      LocalDateTime from,
      LocalDateTime to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from) || studentMeetings.isEmpty()) {
      return none();
    }
    Term term = calendar.term();
    LocalDate first = max(from.toLocalDate(), term.firstDay());
    LocalDate last = min(to.toLocalDate(), term.lastDay());
    List<MissedMeeting<M>> out = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      Optional<TeachingDay> teaching = calendar.resolve(d).teaching();
      Optional<PeriodTimeSet> set = times.setOn(d);
      if (teaching.isEmpty() || set.isEmpty()) {
        continue;
      }
      LocalDate taught = term.dateOf(teaching.get().week(), teaching.get().weekday());
      for (M m : studentMeetings) {
        if (m.meetsOn(teaching.get())) {
          missedRuns(d, taught, m, set.get(), from, to, out);
        }
      }
    }
    out.sort(inOrder());
    return new MissedClasses<>(out);
  }

  private static <M extends WeeklyMeeting> void missedRuns(
      LocalDate date,
      LocalDate taught,
      M m,
      PeriodTimeSet set,
      LocalDateTime from,
      LocalDateTime to,
      List<MissedMeeting<M>> out) {
    int runStart = 0;
    int lastPeriod = Math.min(m.periods().last(), set.size());
    for (int p = m.periods().first(); p <= lastPeriod + 1; p++) {
      boolean missed =
          p <= lastPeriod
              && from.isBefore(date.atTime(set.end(p)))
              && to.isAfter(date.atTime(set.start(p)));
      if (missed && runStart == 0) {
        runStart = p;
      } else if (!missed && runStart != 0) {
        int runEnd = p - 1;
        out.add(
            new MissedMeeting<>(
                date,
                taught,
                m,
                new PeriodRange(runStart, runEnd - runStart + 1),
                set.start(runStart),
                set.end(runEnd)));
        runStart = 0;
      }
    }
  }

  /** In date and time order. */
  public List<MissedMeeting<M>> meetings() {
    return meetings;
  }

  public boolean isEmpty() {
    return meetings.isEmpty();
  }

  /** How many periods are missed in all ("6 节"). */
  public int periods() {
    return meetings.stream().mapToInt(m -> m.periods().length()).sum();
  }

  /** How many different courses are missed ("3 门课"). */
  public int courses() {
    Set<String> codes = new HashSet<>();
    meetings.forEach(m -> codes.add(m.meeting().courseCode()));
    return codes.size();
  }

  /** The teachers of the missed meetings, each once, in order of first appearance. */
  public List<String> teacherAccounts() {
    List<String> out = new ArrayList<>();
    for (MissedMeeting<M> m : meetings) {
      for (String t : m.meeting().teacherAccounts()) {
        if (!out.contains(t)) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private static <M extends WeeklyMeeting> Comparator<MissedMeeting<M>> inOrder() {
    return Comparator.<MissedMeeting<M>, LocalDate>comparing(MissedMeeting::date)
        .thenComparing(MissedMeeting::start)
        .thenComparing(x -> x.meeting().courseName());
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
