package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeSet;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What applying a checked file would replace, measured against what is loaded now: new or moved
 * terms, the period-time table, a term's calendar, a term's meetings from one system and whom they
 * reach. Pure, so the sentences the admin confirms are unit-tested.
 */
final class TimetableChanges {
  private TimetableChanges() {}

  static List<TimetableChange> of(TimetablePlan plan, TimetableOverview now) {
    if (plan.hasErrors()) {
      return List.of();
    }
    return switch (plan.kind()) {
      case TERM -> terms(plan.terms(), now);
      case PERIOD_TIMES -> periodTimes(plan, now);
      case CALENDAR -> calendars(plan.calendars(), now);
      case TIMETABLE_ZF, TIMETABLE_WISEDU -> meetings(plan, now);
    };
  }

  private static List<TimetableChange> terms(List<Term> terms, TimetableOverview now) {
    List<TimetableChange> out = new ArrayList<>();
    for (Term t : terms) {
      Optional<TimetableOverview.TermState> old = now.term(t.code());
      if (old.isEmpty()) {
        out.add(
            TimetableChange.of(
                "timetable.admin.change.termNew", t.code(), t.firstDay(), t.lastDay(), t.weeks()));
      } else if (old.get().week1Monday().equals(t.week1Monday())
          && old.get().weeks() == t.weeks()) {
        out.add(
            TimetableChange.of(
                "timetable.admin.change.termSame", t.code(), t.firstDay(), t.lastDay(), t.weeks()));
      } else {
        TimetableOverview.TermState o = old.get();
        out.add(
            TimetableChange.of(
                "timetable.admin.change.termMoved",
                t.code(),
                o.week1Monday(),
                o.weeks(),
                t.firstDay(),
                t.weeks(),
                o.zf().meetings() + o.wisedu().meetings()));
      }
    }
    return out;
  }

  private static List<TimetableChange> periodTimes(TimetablePlan plan, TimetableOverview now) {
    List<PeriodTimeSet> sets = plan.periodTimes().sets();
    List<TimetableChange> out = new ArrayList<>();
    out.add(
        TimetableChange.of(
            "timetable.admin.change.periodTimes",
            now.periodSets().size(),
            now.periodCount(),
            sets.size(),
            sets.stream().mapToInt(PeriodTimeSet::size).sum()));
    for (PeriodTimeSet s : sets) {
      out.add(
          TimetableChange.of(
              "timetable.admin.change.periodSet",
              s.name(),
              s.validFrom(),
              s.validTo(),
              s.size(),
              s.start(1),
              s.end(s.size())));
    }
    return out;
  }

  private static List<TimetableChange> calendars(
      Map<String, AcademicCalendar> calendars, TimetableOverview now) {
    List<TimetableChange> out = new ArrayList<>();
    calendars.keySet().stream()
        .sorted()
        .forEach(
            code -> {
              AcademicCalendar c = calendars.get(code);
              int before = now.term(code).map(t -> t.holidays() + t.makeUpDays()).orElse(0);
              out.add(
                  TimetableChange.of(
                      "timetable.admin.change.calendar",
                      code,
                      before,
                      c.holidays().size() + c.makeUpDays().size(),
                      c.holidays().size(),
                      c.makeUpDays().size()));
            });
    return out;
  }

  private static List<TimetableChange> meetings(TimetablePlan plan, TimetableOverview now) {
    boolean zf = plan.kind() == TimetableImportKind.TIMETABLE_ZF;
    Optional<TimetableOverview.TermState> term = now.term(plan.termCode());
    int before = term.map(t -> t.source(plan.kind()).meetings()).orElse(0);
    int other =
        term.map(
                t ->
                    t.source(
                        zf
                            ? TimetableImportKind.TIMETABLE_WISEDU
                            : TimetableImportKind.TIMETABLE_ZF))
            .map(TimetableOverview.Source::meetings)
            .orElse(0);
    Set<String> courses = new HashSet<>();
    Set<String> classes = new HashSet<>();
    Set<String> teachers = new HashSet<>();
    Set<String> students = new HashSet<>();
    int lastWeek = 0;
    for (PlannedMeeting m : plan.meetings()) {
      courses.add(m.meeting().courseCode());
      classes.addAll(m.meeting().classCodes());
      teachers.addAll(m.meeting().teacherAccounts());
      students.addAll(m.meeting().studentAccounts());
      lastWeek = Math.max(lastWeek, m.meeting().weeks().last());
    }
    String prefix = zf ? "timetable.admin.change.zf" : "timetable.admin.change.wisedu";
    List<TimetableChange> out = new ArrayList<>();
    out.add(TimetableChange.of(prefix, plan.termCode(), before, plan.meetings().size()));
    out.add(
        TimetableChange.of(
            "timetable.admin.change.reach",
            courses.size(),
            classes.size(),
            teachers.size(),
            students.size(),
            lastWeek));
    if (other > 0) {
      out.add(TimetableChange.of(prefix + "Kept", plan.termCode(), other));
    }
    return out;
  }
}
