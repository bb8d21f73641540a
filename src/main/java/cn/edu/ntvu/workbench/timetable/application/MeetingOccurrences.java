package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.ClassPeriodLeave;
import cn.edu.ntvu.workbench.timetable.domain.DayResolution;
import cn.edu.ntvu.workbench.timetable.domain.TimetableInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The timetable's answer to "does this meeting take place on this date, when, and who attends
 * individually?" for other contexts (点名 asks it for the roster of one meeting occurrence).
 */
@ApplicationScoped
public class MeetingOccurrences {
  @Inject TimetableQueryService timetable;

  @PersistenceContext(unitName = "workbench")
  EntityManager em;

  /**
   * One meeting held on one date, with its clock interval by that day's period times.
   *
   * @param termId the term's id (the occurrence's key with source, meetingNo and date)
   */
  public record Occurrence(
      long termId,
      String termCode,
      TimetableEntry meeting,
      LocalDate date,
      LocalDateTime start,
      LocalDateTime end) {
    public int firstPeriod() {
      return meeting.periods().first();
    }

    public int lastPeriod() {
      return meeting.periods().last();
    }

    public int periodCount() {
      return meeting.periods().length();
    }
  }

  /**
   * The occurrence of meeting ({@code source}, {@code meetingNo}) of term {@code termCode} on
   * {@code date}; empty when the term or meeting does not exist, or the calendar says the meeting
   * does not take place that day (holiday, wrong weekday or week, outside the term).
   */
  public Optional<Occurrence> find(String termCode, String source, int meetingNo, LocalDate date) {
    // the term as read at most a second ago and the meeting cached at its version: a roster is
    // opened by 20 teachers' phones at once, the timetable changes with an import
    Optional<TermSchedule> term = timetable.termRecent(termCode);
    if (term.isEmpty()) {
      return Optional.empty();
    }
    TermSchedule t = term.get();
    Optional<TimetableEntry> meeting = timetable.meetingAt(t, source, meetingNo);
    if (meeting.isEmpty()) {
      return Optional.empty();
    }
    DayResolution day = t.calendar().resolve(date);
    if (day.teaching().isEmpty() || !meeting.get().meetsOn(day.teaching().get())) {
      return Optional.empty();
    }
    try {
      ClassPeriodLeave interval =
          ClassPeriodLeave.of(
              t.calendar(),
              t.periodTimes(),
              date,
              meeting.get().periods().first(),
              meeting.get().periods().last());
      return Optional.of(
          new Occurrence(
              t.termId(),
              t.calendar().term().code(),
              meeting.get(),
              date,
              interval.start(),
              interval.end()));
    } catch (TimetableInputException e) {
      // periods the day's time table does not have: the whole day stands for the interval
      return Optional.of(
          new Occurrence(
              t.termId(),
              t.calendar().term().code(),
              meeting.get(),
              date,
              date.atStartOfDay(),
              date.plusDays(1).atStartOfDay()));
    }
  }

  /** The id of a term by its code. */
  public Optional<Long> termId(String termCode) {
    return timetable.term(termCode).map(TermSchedule::termId);
  }

  /**
   * The clock interval of periods {@code first}–{@code last} on {@code date} by that day's period
   * times (the whole day when the day has no such periods): an occurrence as it was held, when the
   * timetable no longer has its meeting.
   */
  public LocalDateTime[] interval(String termCode, LocalDate date, int first, int last) {
    Optional<TermSchedule> term = timetable.term(termCode);
    if (term.isPresent()) {
      try {
        ClassPeriodLeave i =
            ClassPeriodLeave.of(term.get().calendar(), term.get().periodTimes(), date, first, last);
        return new LocalDateTime[] {i.start(), i.end()};
      } catch (TimetableInputException e) {
        // a holiday now, or periods the day does not have
      }
    }
    return new LocalDateTime[] {date.atStartOfDay(), date.plusDays(1).atStartOfDay()};
  }

  /**
   * The students who attend a meeting individually (electives), not through their class, cached at
   * the term's version ({@link TimetableQueryService#individualStudentsAt}).
   */
  public List<String> individualStudents(String termCode, String source, int meetingNo) {
    return timetable
        .termRecent(termCode)
        .map(t -> timetable.individualStudentsAt(t, source, meetingNo))
        .orElse(List.of());
  }
}
