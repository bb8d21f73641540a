package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeTable;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import java.util.List;
import java.util.Map;

/**
 * What a checked file would write. Only the part for its kind is filled: {@code terms}, {@code
 * periodTimes}, {@code calendars} (per term code) or {@code termCode} with {@code meetings}.
 */
public record TimetablePlan(
    TimetableImportKind kind,
    List<TimetableImportProblem> errors,
    List<TimetableImportProblem> warnings,
    List<Term> terms,
    PeriodTimeTable periodTimes,
    Map<String, AcademicCalendar> calendars,
    String termCode,
    List<PlannedMeeting> meetings) {

  public TimetablePlan {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    terms = List.copyOf(terms);
    calendars = Map.copyOf(calendars);
    meetings = List.copyOf(meetings);
  }

  static TimetablePlan unreadable(TimetableImportKind kind, TimetableImportProblem problem) {
    return new TimetablePlan(
        kind, List.of(problem), List.of(), List.of(), null, Map.of(), null, List.of());
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** How many things the apply would write: terms, periods, calendar days or meetings. */
  public int size() {
    return switch (kind) {
      case TERM -> terms.size();
      case PERIOD_TIMES ->
          periodTimes == null ? 0 : periodTimes.sets().stream().mapToInt(s -> s.size()).sum();
      case CALENDAR ->
          calendars.values().stream()
              .mapToInt(c -> c.holidays().size() + c.makeUpDays().size())
              .sum();
      case TIMETABLE_ZF, TIMETABLE_WISEDU -> meetings.size();
    };
  }
}
