package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the audit log keeps of a timetable import: the same quantities {@link TimetableChanges}
 * shows the admin before confirming (a term's dates, the period times, a term's calendar days, a
 * term's meetings from one system), as they were before and after. Pure.
 */
final class TimetableAuditFields {
  private TimetableAuditFields() {}

  static Map<String, Object> before(TimetablePlan plan, TimetableOverview now) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("status", "PREVIEWED");
    switch (plan.kind()) {
      case TERM ->
          plan.terms()
              .forEach(
                  t ->
                      f.put(
                          "term " + t.code(),
                          now.term(t.code())
                              .map(s -> span(s.week1Monday(), s.weeks()))
                              .orElse(null)));
      case PERIOD_TIMES -> {
        f.put("periodSets", now.periodSets().size());
        f.put("periods", now.periodCount());
      }
      case CALENDAR ->
          plan.calendars().keySet().stream()
              .sorted()
              .forEach(
                  code ->
                      f.put(
                          "calendarDays " + code,
                          now.term(code).map(t -> t.holidays() + t.makeUpDays()).orElse(0)));
      case TIMETABLE_ZF, TIMETABLE_WISEDU -> {
        Optional<TimetableOverview.TermState> term = now.term(plan.termCode());
        f.put("meetings", term.map(t -> t.source(plan.kind()).meetings()).orElse(0));
      }
    }
    return f;
  }

  static Map<String, Object> after(TimetablePlan plan, String fileName) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("status", "APPLIED");
    f.put("kind", plan.kind().name());
    f.put("file", fileName == null ? "" : fileName);
    if (plan.termCode() != null) {
      f.put("term", plan.termCode());
    }
    switch (plan.kind()) {
      case TERM ->
          plan.terms().forEach(t -> f.put("term " + t.code(), span(t.week1Monday(), t.weeks())));
      case PERIOD_TIMES -> {
        f.put("periodSets", plan.periodTimes().sets().size());
        f.put("periods", plan.periodTimes().sets().stream().mapToInt(PeriodTimeSet::size).sum());
      }
      case CALENDAR ->
          plan.calendars().entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .forEach(e -> f.put("calendarDays " + e.getKey(), days(e.getValue())));
      case TIMETABLE_ZF, TIMETABLE_WISEDU -> f.put("meetings", plan.meetings().size());
    }
    return f;
  }

  private static int days(AcademicCalendar c) {
    return c.holidays().size() + c.makeUpDays().size();
  }

  private static String span(java.time.LocalDate week1Monday, int weeks) {
    return week1Monday + "…" + week1Monday.plusWeeks(weeks).minusDays(1) + " (" + weeks + ")";
  }
}
