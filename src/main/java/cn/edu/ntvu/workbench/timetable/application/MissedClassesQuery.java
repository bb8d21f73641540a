package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.ClassPeriodLeave;
import cn.edu.ntvu.workbench.timetable.domain.MissedClasses;
import cn.edu.ntvu.workbench.timetable.domain.TimetableInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The timetable's answer to "which classes does this leave miss?" for other contexts (请假 asks it
 * while the student picks the time, on the request page and for the approvers' list): the meetings
 * of the student's own timetable — their class's and their electives — through {@link
 * MissedClasses}, term by term when a leave spans two. Reads the same per-server caches as the
 * timetable pages, so it costs no query on a warm server.
 */
@ApplicationScoped
public class MissedClassesQuery {
  /** A leave longer than this is not looked at day by day (a semester's 休学 is not a leave). */
  static final int MAX_DAYS = 120;

  @Inject TimetableQueryService timetable;

  /**
   * @param classCode the student's class (may be null for a student without one)
   * @return the missed meetings in date order; none when the leave is empty, longer than {@link
   *     #MAX_DAYS} or outside every term
   */
  public MissedClasses<TimetableEntry> forStudent(
      String account, String classCode, LocalDateTime from, LocalDateTime to) {
    if (from == null || to == null || !to.isAfter(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
      return MissedClasses.none();
    }
    Map<Long, TermSchedule> terms = new LinkedHashMap<>();
    for (LocalDate d = from.toLocalDate(); !d.isAfter(to.toLocalDate()); d = d.plusDays(1)) {
      timetable.termOn(d).ifPresent(t -> terms.putIfAbsent(t.termId(), t));
    }
    List<MissedClasses<TimetableEntry>> parts = new ArrayList<>();
    TimetableOwner owner = new TimetableOwner.Student(account, classCode);
    for (TermSchedule t : terms.values()) {
      parts.add(
          MissedClasses.of(
              t.calendar(), t.periodTimes(), timetable.meetingsOf(t, owner), from, to));
    }
    return MissedClasses.union(parts);
  }

  /**
   * 按节请假: the clock interval of periods {@code first}–{@code last} on {@code date}, by the term
   * that day belongs to.
   *
   * @throws TimetableInputException with a key of the {@code i18n.timetable} bundle when the day
   *     has no teaching or the periods are out of range
   */
  public ClassPeriodLeave byPeriods(LocalDate date, int first, int last) {
    Optional<TermSchedule> term = timetable.termOn(date);
    if (term.isEmpty()) {
      throw new TimetableInputException("timetable.periodLeave.outsideTerm", date);
    }
    return ClassPeriodLeave.of(term.get().calendar(), term.get().periodTimes(), date, first, last);
  }

  /**
   * How many periods {@code date} has by its period times (for the 按节 selects); 0 on a day without
   * teaching or without period times.
   */
  public int periodCountOn(LocalDate date) {
    return timetable
        .termOn(date)
        .filter(t -> t.calendar().resolve(date).teaching().isPresent())
        .flatMap(t -> t.periodTimes().setOn(date))
        .map(s -> s.size())
        .orElse(0);
  }
}
