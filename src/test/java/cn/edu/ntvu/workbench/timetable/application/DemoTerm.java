package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.platform.imports.TabularFileReader;
import cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar;
import cn.edu.ntvu.workbench.timetable.domain.CourseMeeting;
import cn.edu.ntvu.workbench.timetable.domain.Holiday;
import cn.edu.ntvu.workbench.timetable.domain.MakeUpDay;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTime;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeSet;
import cn.edu.ntvu.workbench.timetable.domain.PeriodTimeTable;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo term of {@code src/main/resources/demo/} (2026-2027-1 with its calendar, period times
 * and both timetable files), planned by the real import planner. For unit tests as values, and for
 * end-to-end tests written into a database the way the import writes it, when that database has no
 * such term yet.
 */
public final class DemoTerm {
  public static final String CODE = "2026-2027-1";

  private final Term term;
  private final AcademicCalendar calendar;
  private final PeriodTimeTable periodTimes;
  private final Map<TimetableImportKind, List<PlannedMeeting>> meetings = new LinkedHashMap<>();

  private DemoTerm() {
    TimetablePlan terms = plan(TimetableImportKind.TERM, TimetableSnapshot.EMPTY);
    TimetablePlan periods = plan(TimetableImportKind.PERIOD_TIMES, TimetableSnapshot.EMPTY);
    TimetableSnapshot snapshot =
        new TimetableSnapshot(
            terms.terms().stream().collect(Collectors.toMap(Term::code, Function.identity())),
            periods.periodTimes());
    this.term = snapshot.terms().get(CODE);
    this.periodTimes = periods.periodTimes();
    this.calendar = plan(TimetableImportKind.CALENDAR, snapshot).calendars().get(CODE);
    for (TimetableImportKind kind :
        List.of(TimetableImportKind.TIMETABLE_ZF, TimetableImportKind.TIMETABLE_WISEDU)) {
      meetings.put(kind, plan(kind, snapshot).meetings());
    }
  }

  public static DemoTerm load() {
    return new DemoTerm();
  }

  private static TimetablePlan plan(TimetableImportKind kind, TimetableSnapshot snapshot) {
    String file =
        switch (kind) {
          case TERM -> "term.csv";
          case PERIOD_TIMES -> "period-times.csv";
          case CALENDAR -> "calendar.csv";
          case TIMETABLE_ZF -> "timetable-zf.csv";
          case TIMETABLE_WISEDU -> "timetable-wisedu.csv";
        };
    try (InputStream in = DemoTerm.class.getResourceAsStream("/demo/" + file)) {
      TimetablePlan p =
          new TimetableImportPlanner()
              .plan(
                  kind,
                  new TabularFileReader().read(file, in.readAllBytes(), kind.columns()),
                  snapshot);
      if (p.hasErrors()) {
        throw new IllegalStateException("demo " + file + ": " + p.errors());
      }
      return p;
    } catch (Exception e) {
      throw new IllegalStateException("demo " + file, e);
    }
  }

  public AcademicCalendar calendar() {
    return calendar;
  }

  public PeriodTimeTable periodTimes() {
    return periodTimes;
  }

  /**
   * Every meeting of both files as the queries return them (meeting numbers are positions in the
   * file).
   */
  public List<TimetableEntry> entries() {
    List<TimetableEntry> out = new ArrayList<>();
    meetings.forEach(
        (kind, list) -> {
          int no = 0;
          for (PlannedMeeting m : list) {
            CourseMeeting c = m.meeting();
            out.add(
                new TimetableEntry(
                    TimetableImportService.source(kind),
                    ++no,
                    c.courseCode(),
                    c.courseName(),
                    c.teacherAccounts(),
                    m.teacherNames() == null ? "" : m.teacherNames(),
                    c.room(),
                    c.weekday(),
                    c.periods(),
                    c.weeks(),
                    List.copyOf(c.classCodes())));
          }
        });
    return out;
  }

  /**
   * Writes the demo term into a database that has none (an app that did not load it), with the same
   * rows the import writes. Period times are written only when the table is empty. Does nothing
   * when the term exists.
   *
   * @return whether anything was written
   */
  public boolean insertIfMissing(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT id FROM term WHERE code = ?")) {
      q.setString(1, CODE);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      long termId;
      try (PreparedStatement ins =
          c.prepareStatement(
              "INSERT INTO term (code, week1_monday, weeks) VALUES (?, ?, ?)",
              java.sql.Statement.RETURN_GENERATED_KEYS)) {
        ins.setString(1, CODE);
        ins.setDate(2, Date.valueOf(term.week1Monday()));
        ins.setInt(3, term.weeks());
        ins.executeUpdate();
        try (ResultSet keys = ins.getGeneratedKeys()) {
          keys.next();
          termId = keys.getLong(1);
        }
      }
      boolean noPeriods;
      try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM period_time")) {
        rs.next();
        noPeriods = rs.getInt(1) == 0;
      }
      if (noPeriods) {
        try (PreparedStatement ins =
            c.prepareStatement(
                "INSERT INTO period_time (set_name, period, valid_from, valid_to, start_time, end_time)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
          for (PeriodTimeSet set : periodTimes.sets()) {
            for (PeriodTime p : set.periods()) {
              ins.setString(1, set.name());
              ins.setInt(2, p.period());
              ins.setDate(3, Date.valueOf(set.validFrom()));
              ins.setDate(4, Date.valueOf(set.validTo()));
              ins.setTime(5, Time.valueOf(p.start()));
              ins.setTime(6, Time.valueOf(p.end()));
              ins.executeUpdate();
            }
          }
        }
      }
      try (PreparedStatement ins =
          c.prepareStatement(
              "INSERT INTO term_calendar_day (day, term_id, kind, follows_date, note) VALUES (?, ?, ?, ?, ?)")) {
        for (Holiday h : calendar.holidays()) {
          ins.setDate(1, Date.valueOf(h.date()));
          ins.setLong(2, termId);
          ins.setString(3, "HOLIDAY");
          ins.setDate(4, null);
          ins.setString(5, h.name());
          ins.executeUpdate();
        }
        for (MakeUpDay m : calendar.makeUpDays()) {
          ins.setDate(1, Date.valueOf(m.date()));
          ins.setLong(2, termId);
          ins.setString(3, "MAKE_UP");
          ins.setDate(4, Date.valueOf(m.follows()));
          ins.setString(5, m.note());
          ins.executeUpdate();
        }
      }
      for (TimetableEntry e : entries()) {
        insertMeeting(c, termId, e, studentsOf(e));
      }
      c.commit();
      return true;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private List<String> studentsOf(TimetableEntry e) {
    TimetableImportKind kind =
        e.source().equals("ZF")
            ? TimetableImportKind.TIMETABLE_ZF
            : TimetableImportKind.TIMETABLE_WISEDU;
    return List.copyOf(meetings.get(kind).get(e.meetingNo() - 1).meeting().studentAccounts());
  }

  private static void insertMeeting(
      Connection c, long termId, TimetableEntry e, List<String> students) throws SQLException {
    try (PreparedStatement ins =
        c.prepareStatement(
            "INSERT INTO course_meeting (term_id, source, meeting_no, source_line, course_code, course_name,"
                + " teacher_names, room, weekday, first_period, period_count, weeks_mask)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ins.setLong(1, termId);
      ins.setString(2, e.source());
      ins.setInt(3, e.meetingNo());
      ins.setInt(4, e.meetingNo() + 1);
      ins.setString(5, e.courseCode());
      ins.setString(6, e.courseName());
      ins.setString(7, e.teacherNames());
      ins.setString(8, e.room());
      ins.setInt(9, e.weekday().getValue());
      ins.setInt(10, e.periods().first());
      ins.setInt(11, e.periods().length());
      ins.setLong(12, e.weeks().mask());
      ins.executeUpdate();
    }
    link(
        c,
        "course_meeting_class (term_id, class_code, source, meeting_no)",
        termId,
        e,
        e.classCodes());
    link(
        c,
        "course_meeting_student (term_id, student_account, source, meeting_no)",
        termId,
        e,
        students);
    link(
        c,
        "course_meeting_teacher (term_id, teacher_account, source, meeting_no)",
        termId,
        e,
        List.copyOf(new java.util.LinkedHashSet<>(e.teacherAccounts())));
  }

  private static void link(
      Connection c, String table, long termId, TimetableEntry e, List<String> keys)
      throws SQLException {
    try (PreparedStatement ins =
        c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?)")) {
      for (String k : keys) {
        ins.setLong(1, termId);
        ins.setString(2, k);
        ins.setString(3, e.source());
        ins.setInt(4, e.meetingNo());
        ins.executeUpdate();
      }
    }
  }
}
