package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.platform.imports.TabularFile;
import cn.edu.ntvu.workbench.platform.imports.TabularRow;
import cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar;
import cn.edu.ntvu.workbench.timetable.domain.CourseMeeting;
import cn.edu.ntvu.workbench.timetable.domain.Holiday;
import cn.edu.ntvu.workbench.timetable.domain.MakeUpDay;
import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTime;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeSet;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeTable;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import cn.edu.ntvu.workbench.timetable.domain.TimetableInputException;
import cn.edu.ntvu.workbench.timetable.domain.WeekPattern;
import cn.edu.ntvu.workbench.timetable.domain.Weekdays;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a timetable-related file row by row against the known terms and period times and builds
 * what it would write. Pure: no database, so a whole term (3,000 meetings) is planned in unit
 * tests. Every bad line is reported with its line number and a message key; a file with any error
 * writes nothing.
 */
public final class TimetableImportPlanner {
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[;,，；、\\s]+");
  private static final Pattern DATE =
      Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})日?");
  private static final Set<String> HOLIDAY_KINDS = Set.of("holiday", "放假", "假日", "节假日");
  private static final Set<String> MAKE_UP_KINDS =
      Set.of("makeup", "make-up", "make_up", "调休", "补课");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:：](\\d{2})(?::\\d{2})?");

  public TimetablePlan plan(
      TimetableImportKind kind, TabularFile file, TimetableSnapshot snapshot) {
    return switch (kind) {
      case TERM -> planTerms(file);
      case PERIOD_TIMES -> planPeriodTimes(file);
      case CALENDAR -> planCalendar(file, snapshot);
      case TIMETABLE_ZF, TIMETABLE_WISEDU -> new MeetingPlanner(kind, snapshot).plan(file);
    };
  }

  private TimetablePlan planTerms(TabularFile file) {
    Problems p = new Problems();
    Map<String, Integer> seen = new HashMap<>();
    List<Term> terms = new ArrayList<>();
    for (TabularRow row : file.rows()) {
      try {
        String code = row.get("term");
        Integer first = seen.putIfAbsent(code, row.line());
        if (first != null) {
          p.error(row.line(), "term", "timetable.import.duplicate", code, first);
          continue;
        }
        LocalDate monday = optionalDate(row.get("week1_monday"), "week1_monday");
        terms.add(new Term(code, monday, integer(row.get("weeks"), "weeks")));
      } catch (CellException e) {
        p.error(row.line(), e.column, e.cause.messageKey(), e.cause.args().toArray());
      } catch (TimetableInputException e) {
        p.error(row.line(), "", e.messageKey(), e.args().toArray());
      }
    }
    return p.plan(TimetableImportKind.TERM, terms, null, Map.of(), null, List.of());
  }

  private TimetablePlan planPeriodTimes(TabularFile file) {
    Problems p = new Problems();
    record SetRows(LocalDate from, LocalDate to, int firstLine, List<PeriodTime> periods) {}
    Map<String, SetRows> sets = new LinkedHashMap<>();
    for (TabularRow row : file.rows()) {
      try {
        String name = row.get("set");
        if (name.isEmpty()) {
          p.error(row.line(), "set", "timetable.periodTimes.noName");
          continue;
        }
        LocalDate from = date(row.get("valid_from"), "valid_from");
        LocalDate to = date(row.get("valid_to"), "valid_to");
        PeriodTime time =
            new PeriodTime(
                integer(row.get("period"), "period"),
                time(row.get("start"), "start"),
                time(row.get("end"), "end"));
        SetRows set =
            sets.computeIfAbsent(name, n -> new SetRows(from, to, row.line(), new ArrayList<>()));
        if (!set.from().equals(from) || !set.to().equals(to)) {
          p.error(
              row.line(), "valid_from", "timetable.periodTimes.datesDiffer", name, set.firstLine());
          continue;
        }
        set.periods().add(time);
      } catch (CellException e) {
        p.error(row.line(), e.column, e.cause.messageKey(), e.cause.args().toArray());
      } catch (TimetableInputException e) {
        p.error(row.line(), "", e.messageKey(), e.args().toArray());
      }
    }
    List<PeriodTimeSet> built = new ArrayList<>();
    Map<String, Integer> lineOf = new HashMap<>();
    sets.forEach(
        (name, rows) -> {
          try {
            built.add(new PeriodTimeSet(name, rows.from(), rows.to(), rows.periods()));
            lineOf.put(name, rows.firstLine());
          } catch (TimetableInputException e) {
            p.error(rows.firstLine(), "period", e.messageKey(), e.args().toArray());
          }
        });
    PeriodTimeTable table = null;
    try {
      table = new PeriodTimeTable(built);
    } catch (TimetableInputException e) {
      // the later of two overlapping sets is named last; point at its first line
      int line = lineOf.getOrDefault(e.args().get(e.args().size() - 1), 0);
      p.error(line, "valid_from", e.messageKey(), e.args().toArray());
    }
    return p.plan(TimetableImportKind.PERIOD_TIMES, List.of(), table, Map.of(), null, List.of());
  }

  private TimetablePlan planCalendar(TabularFile file, TimetableSnapshot snapshot) {
    Problems p = new Problems();
    Map<LocalDate, Integer> seen = new HashMap<>();
    Map<String, List<Holiday>> holidays = new LinkedHashMap<>();
    Map<String, List<MakeUpDay>> makeUps = new LinkedHashMap<>();
    Map<LocalDate, Integer> makeUpLines = new HashMap<>();
    for (TabularRow row : file.rows()) {
      try {
        LocalDate date = date(row.get("date"), "date");
        Integer first = seen.putIfAbsent(date, row.line());
        if (first != null) {
          p.error(row.line(), "date", "timetable.import.duplicate", date, first);
          continue;
        }
        Optional<Term> term = termOf(snapshot, date);
        String kind = row.get("kind").toLowerCase(java.util.Locale.ROOT);
        boolean holiday = HOLIDAY_KINDS.contains(kind);
        boolean makeUp = MAKE_UP_KINDS.contains(kind);
        if (!holiday && !makeUp) {
          p.error(row.line(), "kind", "timetable.calendar.badKind", row.get("kind"));
          continue;
        }
        if (term.isEmpty()) {
          if (makeUp) {
            p.error(row.line(), "date", "timetable.calendar.outsideTerms", date);
          } else {
            p.warning(row.line(), "date", "timetable.calendar.holidayOutsideTerms", date);
          }
          continue;
        }
        String code = term.get().code();
        if (holiday) {
          if (!row.get("follows_date").isEmpty()) {
            p.warning(row.line(), "follows_date", "timetable.calendar.holidayFollows", date);
          }
          holidays
              .computeIfAbsent(code, c -> new ArrayList<>())
              .add(new Holiday(date, row.get("note")));
        } else {
          LocalDate follows = optionalDate(row.get("follows_date"), "follows_date");
          MakeUpDay m = new MakeUpDay(date, follows, row.get("note"));
          if (!term.get().contains(follows)) {
            p.error(
                row.line(), "follows_date", "timetable.calendar.followsOutsideTerm", follows, code);
            continue;
          }
          makeUps.computeIfAbsent(code, c -> new ArrayList<>()).add(m);
          makeUpLines.put(date, row.line());
        }
      } catch (CellException e) {
        p.error(row.line(), e.column, e.cause.messageKey(), e.cause.args().toArray());
      } catch (TimetableInputException e) {
        p.error(row.line(), "", e.messageKey(), e.args().toArray());
      }
    }
    Map<String, AcademicCalendar> calendars = new LinkedHashMap<>();
    for (Term term : snapshot.terms().values()) {
      List<Holiday> h = holidays.getOrDefault(term.code(), List.of());
      List<MakeUpDay> m = makeUps.getOrDefault(term.code(), List.of());
      if (h.isEmpty() && m.isEmpty()) {
        continue;
      }
      for (MakeUpDay day : m) {
        if (m.stream().anyMatch(other -> other.date().equals(day.follows()))) {
          p.error(
              makeUpLines.get(day.date()),
              "follows_date",
              "timetable.calendar.followsMakeUpDay",
              day.date(),
              day.follows());
        }
      }
      try {
        calendars.put(term.code(), new AcademicCalendar(term, h, m));
      } catch (TimetableInputException e) {
        if (!p.hasErrors()) {
          p.error(0, "", e.messageKey(), e.args().toArray());
        }
      }
    }
    return p.plan(TimetableImportKind.CALENDAR, List.of(), null, calendars, null, List.of());
  }

  private static Optional<Term> termOf(TimetableSnapshot snapshot, LocalDate date) {
    return snapshot.terms().values().stream().filter(t -> t.contains(date)).findFirst();
  }

  /**
   * Checks meeting rows of one term; the first row names the term, and every row must name the
   * same.
   */
  private static final class MeetingPlanner {
    private final TimetableImportKind kind;
    private final TimetableSnapshot snapshot;
    private final Problems p = new Problems();
    private final List<PlannedMeeting> meetings = new ArrayList<>();
    private final Map<String, List<PlannedMeeting>> byCourse = new HashMap<>();
    private Term term;
    private int periodsPerDay;

    MeetingPlanner(TimetableImportKind kind, TimetableSnapshot snapshot) {
      this.kind = kind;
      this.snapshot = snapshot;
    }

    TimetablePlan plan(TabularFile file) {
      boolean zf = kind == TimetableImportKind.TIMETABLE_ZF;
      String termColumn = zf ? "term" : "xnxqdm";
      for (TabularRow row : file.rows()) {
        String code = row.get(termColumn);
        if (term == null) {
          term = snapshot.terms().get(code);
          if (term == null) {
            p.error(row.line(), termColumn, "timetable.import.unknownTerm", code);
            break;
          }
          periodsPerDay = snapshot.periodTimes().periodsPerDay(term.firstDay(), term.lastDay());
          if (periodsPerDay == 0) {
            p.error(0, "", "timetable.import.noPeriodTimes", code);
            break;
          }
        } else if (!term.code().equals(code)) {
          p.error(row.line(), termColumn, "timetable.import.mixedTerms", code, term.code());
          continue;
        }
        try {
          PlannedMeeting m = zf ? zf(row) : wisedu(row);
          checkOverlap(m);
          meetings.add(m);
        } catch (CellException e) {
          p.error(row.line(), e.column, e.cause.messageKey(), e.cause.args().toArray());
        } catch (TimetableInputException e) {
          p.error(row.line(), "", e.messageKey(), e.args().toArray());
        }
      }
      return p.plan(kind, List.of(), null, Map.of(), term == null ? null : term.code(), meetings);
    }

    private PlannedMeeting zf(TabularRow row) {
      DayOfWeek day = cell("weekday", () -> Weekdays.parse(row.get("weekday")));
      PeriodRange periods =
          cell("periods", () -> PeriodRange.parse(row.get("periods"), periodsPerDay));
      WeekPattern weeks = cell("weeks", () -> WeekPattern.parse(row.get("weeks"), term.weeks()));
      return meeting(
          row,
          "course_code",
          "course_name",
          "teacher_account",
          "room",
          "classes",
          "students",
          day,
          periods,
          weeks,
          row.get("teacher_name"));
    }

    private PlannedMeeting wisedu(TabularRow row) {
      DayOfWeek day = cell("skxq", () -> Weekdays.parse(row.get("skxq")));
      int first = integer(row.get("ksjc"), "ksjc");
      int last = integer(row.get("jsjc"), "jsjc");
      PeriodRange periods =
          cell("ksjc", () -> PeriodRange.fromFirstLast(first, last, periodsPerDay));
      WeekPattern weeks = cell("skzc", () -> WeekPattern.fromBitmap(row.get("skzc"), term.weeks()));
      return meeting(row, "kch", "kcm", "skjs", "jasmc", "bjdm", "xh", day, periods, weeks, "");
    }

    private PlannedMeeting meeting(
        TabularRow row,
        String codeColumn,
        String nameColumn,
        String teacherColumn,
        String roomColumn,
        String classesColumn,
        String studentsColumn,
        DayOfWeek day,
        PeriodRange periods,
        WeekPattern weeks,
        String teacherNames) {
      List<String> teachers = List.copyOf(split(row.get(teacherColumn)));
      if (teachers.isEmpty()) {
        p.warning(row.line(), teacherColumn, "timetable.meeting.noTeacher", row.get(codeColumn));
      }
      CourseMeeting m =
          cell(
              codeColumn,
              () ->
                  new CourseMeeting(
                      row.get(codeColumn),
                      row.get(nameColumn),
                      teachers,
                      row.get(roomColumn),
                      day,
                      periods,
                      weeks,
                      split(row.get(classesColumn)),
                      split(row.get(studentsColumn))));
      return new PlannedMeeting(row.line(), m, teacherNames);
    }

    private void checkOverlap(PlannedMeeting m) {
      List<PlannedMeeting> same =
          byCourse.computeIfAbsent(m.meeting().courseCode(), c -> new ArrayList<>());
      for (PlannedMeeting earlier : same) {
        if (earlier.meeting().overlapsItself(m.meeting())) {
          throw new TimetableInputException(
              "timetable.meeting.overlapsItself", m.meeting().courseCode(), earlier.line());
        }
      }
      same.add(m);
    }
  }

  private static Set<String> split(String cell) {
    Set<String> out = new LinkedHashSet<>();
    for (String s : LIST_SEPARATOR.split(cell.strip())) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static <T> T cell(String column, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (TimetableInputException e) {
      throw new CellException(column, e);
    }
  }

  private static int integer(String text, String column) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    if (!s.matches("\\d{1,4}")) {
      throw new CellException(
          column, new TimetableInputException("timetable.import.notANumber", text));
    }
    return Integer.parseInt(s);
  }

  private static LocalDate optionalDate(String text, String column) {
    return text.isBlank() ? null : date(text, column);
  }

  /** 2026-09-07, 2026/9/7 (Excel's display), 2026.9.7 or 2026年9月7日. */
  private static LocalDate date(String text, String column) {
    Matcher m = DATE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
    if (!m.matches()) {
      throw new CellException(
          column, new TimetableInputException("timetable.import.badDate", text));
    }
    try {
      return LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      throw new CellException(
          column, new TimetableInputException("timetable.import.badDate", text));
    }
  }

  private static LocalTime time(String text, String column) {
    Matcher m = TIME.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
    if (!m.matches()) {
      throw new CellException(
          column, new TimetableInputException("timetable.import.badTime", text));
    }
    try {
      return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (DateTimeException e) {
      throw new CellException(
          column, new TimetableInputException("timetable.import.badTime", text));
    }
  }

  /** A rule broken by one cell: carries the column so the preview can point at it. */
  private static final class CellException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String column;
    final TimetableInputException cause;

    CellException(String column, TimetableInputException cause) {
      super(cause.getMessage(), cause, false, false);
      this.column = column;
      this.cause = cause;
    }
  }

  private static final class Problems {
    final List<TimetableImportProblem> errors = new ArrayList<>();
    final List<TimetableImportProblem> warnings = new ArrayList<>();

    void error(int line, String column, String key, Object... args) {
      errors.add(TimetableImportProblem.error(line, column, key, args));
    }

    void warning(int line, String column, String key, Object... args) {
      warnings.add(TimetableImportProblem.warning(line, column, key, args));
    }

    boolean hasErrors() {
      return !errors.isEmpty();
    }

    TimetablePlan plan(
        TimetableImportKind kind,
        List<Term> terms,
        PeriodTimeTable periodTimes,
        Map<String, AcademicCalendar> calendars,
        String termCode,
        List<PlannedMeeting> meetings) {
      errors.sort(java.util.Comparator.comparingInt(TimetableImportProblem::line));
      return new TimetablePlan(
          kind, errors, warnings, terms, periodTimes, calendars, termCode, meetings);
    }
  }
}
