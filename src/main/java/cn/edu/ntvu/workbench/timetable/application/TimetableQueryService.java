package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.platform.cache.Recent;
import cn.edu.ntvu.workbench.timetable.domain.AcademicCalendar;
import cn.edu.ntvu.workbench.timetable.domain.CalendarDayRecord;
import cn.edu.ntvu.workbench.timetable.domain.Holiday;
import cn.edu.ntvu.workbench.timetable.domain.MakeUpDay;
import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import cn.edu.ntvu.workbench.timetable.domain.Term;
import cn.edu.ntvu.workbench.timetable.domain.TermRecord;
import cn.edu.ntvu.workbench.timetable.domain.WeekPattern;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The reads the timetable views stand on. A term is one query; its schedule (calendar and period
 * times, two more queries) is kept per server for as long as the term's version stays the same. A
 * person's meetings are one query, whatever their number (teachers and classes come along as
 * concatenated lists), so a week view costs two queries, four when the term has just changed. Who
 * may see whose timetable is decided by the caller ({@link TimetablePolicy}).
 */
@ApplicationScoped
public class TimetableQueryService {
  /** Columns of {@link TimetableEntry}; k is the key set of the meetings wanted. */
  private static final String ENTRY_SELECT =
      "SELECT m.source, m.meeting_no, m.course_code, m.course_name, m.teacher_names, m.room, m.weekday,"
          + " m.first_period, m.period_count, m.weeks_mask,"
          + " (SELECT GROUP_CONCAT(t.teacher_account ORDER BY t.teacher_account SEPARATOR ';')"
          // MariaDB picked the primary key (term, teacher, …) by the term alone here and read every
          // teacher row of the term for each meeting (8–15 ms a class's timetable on the school
          // data set instead of 1 ms): the meeting's own index, named.
          + "    FROM course_meeting_teacher t FORCE INDEX (ix_meeting_teacher_meeting)"
          + "   WHERE t.term_id = m.term_id AND t.source = m.source AND t.meeting_no = m.meeting_no),"
          + " (SELECT GROUP_CONCAT(c.class_code ORDER BY c.class_code SEPARATOR ';')"
          + "    FROM course_meeting_class c"
          + "   WHERE c.term_id = m.term_id AND c.source = m.source AND c.meeting_no = m.meeting_no)"
          + " FROM ";

  private static final String ENTRY_JOIN =
      " JOIN course_meeting m ON m.term_id = k.term_id AND m.source = k.source AND m.meeting_no = k.meeting_no"
          + " ORDER BY m.weekday, m.first_period, m.course_code";

  @PersistenceContext(unitName = "workbench")
  EntityManager em;

  /** How long this server reuses the list of terms before reading it again. */
  public static final Duration TERMS_MAX_AGE = Duration.ofSeconds(1);

  /** Every term row, read outside any transaction (detached) and only read from. */
  private final Recent<List<TermRecord>> terms = new Recent<>(TERMS_MAX_AGE);

  /** Term schedules by term id, each with the term version it was read at. */
  private final ConcurrentMap<Long, CachedSchedule> schedules = new ConcurrentHashMap<>();

  private record CachedSchedule(int version, TermSchedule schedule) {}

  /**
   * Meetings per class and per teacher, and who has individual meetings, keyed by the term version
   * the request read. Every import that changes a term's meetings bumps that version in the same
   * transaction, so an entry filled after reading version v holds what version v committed, on
   * every server; a class's timetable is shared by its ~40 students, which makes the week view one
   * query (the term row) for most people.
   */
  private final ConcurrentMap<MeetingsKey, List<TimetableEntry>> meetings =
      new ConcurrentHashMap<>();

  private record MeetingsKey(long termId, int version, char kind, String code) {}

  /**
   * Per term version: the students who have individual meetings (most have none, and need no query
   * for them).
   */
  private final ConcurrentMap<MeetingsKey, Set<String>> individuals = new ConcurrentHashMap<>();

  /**
   * Kinds of {@link MeetingsKey}: a class's meetings, a teacher's, and the accounts with individual
   * meetings.
   */
  private static final char CLASS = 'c';

  private static final char TEACHER = 't';
  private static final char INDIVIDUAL = 'i';

  /** Kind of {@link MeetingsKey}: one meeting by {@code source/no} (a roll call's). */
  private static final char MEETING = 'm';

  /** Per term version and meeting ({@code source/no}): its individual (elective) students. */
  private final ConcurrentMap<MeetingsKey, List<String>> meetingStudents =
      new ConcurrentHashMap<>();

  /**
   * Upper bound of cached lists (classes + teachers of a school, a few terms); beyond it, reads are
   * not cached.
   */
  private static final int MAX_CACHED = 20_000;

  /**
   * The term whose weeks contain {@code date}, if any. The terms (a handful of rows) are reused on
   * this server for {@link #TERMS_MAX_AGE}: an import here is seen at once, one on another server
   * within that time. This is what the pages opened every morning (today, week, the tile badge) ask
   * first, so most of them need no query for it.
   */
  public Optional<TermSchedule> termOn(LocalDate date) {
    return terms.get(this::readTerms).stream()
        .filter(t -> !t.toTerm().week1Monday().isAfter(date))
        .max(Comparator.comparing(t -> t.toTerm().week1Monday()))
        .filter(t -> t.toTerm().contains(date))
        .map(this::schedule);
  }

  private List<TermRecord> readTerms() {
    return List.copyOf(
        em.createQuery("SELECT t FROM TermRecord t", TermRecord.class).getResultList());
  }

  /** An import committed on this server: read the terms again on the next request. */
  void timetableChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) TimetableChanged change) {
    terms.forget();
  }

  public Optional<TermSchedule> term(String code) {
    return em.createQuery("SELECT t FROM TermRecord t WHERE t.code = :code", TermRecord.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst()
        .map(this::schedule);
  }

  /**
   * {@link #term} as read at most {@link #TERMS_MAX_AGE} ago (the terms {@link #termOn} reads): for
   * the pages opened most, whose meetings are then cached at that term version. An import on this
   * server is seen at once, on another within {@link #TERMS_MAX_AGE}.
   */
  public Optional<TermSchedule> termRecent(String code) {
    return terms.get(this::readTerms).stream()
        .filter(t -> t.getCode().equals(code))
        .findFirst()
        .map(this::schedule);
  }

  /** {@link #meeting}, cached per server at the schedule's term version. */
  public Optional<TimetableEntry> meetingAt(TermSchedule term, String source, int meetingNo) {
    return cached(
            new MeetingsKey(term.termId(), term.version(), MEETING, source + "/" + meetingNo),
            () -> meeting(term.termId(), source, meetingNo).map(List::of).orElse(List.of()))
        .stream()
        .findFirst();
  }

  /**
   * The students who attend a meeting individually (electives), not through their class, in account
   * order; cached per server at the schedule's term version (an import that changes them bumps it).
   */
  public List<String> individualStudentsAt(TermSchedule term, String source, int meetingNo) {
    MeetingsKey key =
        new MeetingsKey(term.termId(), term.version(), MEETING, source + "/" + meetingNo);
    List<String> hit = meetingStudents.get(key);
    if (hit != null) {
      return hit;
    }
    List<String> fresh = new ArrayList<>();
    for (Object account :
        em.createNativeQuery(
                "SELECT student_account FROM course_meeting_student"
                    + " WHERE term_id = ? AND source = ? AND meeting_no = ? ORDER BY student_account")
            .setParameter(1, term.termId())
            .setParameter(2, source)
            .setParameter(3, meetingNo)
            .getResultList()) {
      fresh.add(String.valueOf(account));
    }
    fresh = List.copyOf(fresh);
    if (meetingStudents.size() < MAX_CACHED) {
      meetingStudents.putIfAbsent(key, fresh);
    }
    return fresh;
  }

  /** Whether any term exists (the demo data loads only into an empty timetable). */
  public boolean anyTerm() {
    return !em.createQuery("SELECT t.id FROM TermRecord t", Long.class)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** The first term that starts after {@code date}, for "next term starts on …". */
  public Optional<Term> termAfter(LocalDate date) {
    return em.createQuery(
            "SELECT t FROM TermRecord t WHERE t.week1Monday > :date ORDER BY t.week1Monday",
            TermRecord.class)
        .setParameter("date", date)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(TermRecord::toTerm);
  }

  /**
   * The term row is read on every request anyway, and every import that changes a term's calendar
   * or period times bumps its version in the same transaction: a schedule cached at the version
   * just read is therefore right on every server, and the first request that sees a new version
   * reads the schedule again. The version is read before the schedule, so a schedule is never
   * cached under a newer version than its own.
   */
  private TermSchedule schedule(TermRecord term) {
    CachedSchedule cached = schedules.get(term.getId());
    if (cached != null && cached.version() == term.getVersion()) {
      return cached.schedule();
    }
    TermSchedule fresh = load(term);
    schedules.put(term.getId(), new CachedSchedule(term.getVersion(), fresh));
    // Meetings cached at older versions of this term are never asked for again.
    meetings.keySet().removeIf(k -> k.termId() == term.getId() && k.version() != term.getVersion());
    individuals
        .keySet()
        .removeIf(k -> k.termId() == term.getId() && k.version() != term.getVersion());
    meetingStudents
        .keySet()
        .removeIf(k -> k.termId() == term.getId() && k.version() != term.getVersion());
    return fresh;
  }

  private TermSchedule load(TermRecord term) {
    List<Holiday> holidays = new ArrayList<>();
    List<MakeUpDay> makeUps = new ArrayList<>();
    for (CalendarDayRecord d :
        em.createQuery(
                "SELECT d FROM CalendarDayRecord d WHERE d.termId = :term", CalendarDayRecord.class)
            .setParameter("term", term.getId())
            .getResultList()) {
      if (d.getKind() == CalendarDayRecord.Kind.HOLIDAY) {
        holidays.add(new Holiday(d.getDay(), d.getNote()));
      } else {
        makeUps.add(new MakeUpDay(d.getDay(), d.getFollowsDate(), d.getNote()));
      }
    }
    return new TermSchedule(
        term.getId(),
        term.getVersion(),
        new AcademicCalendar(term.toTerm(), holidays, makeUps),
        TimetableImportService.periodTimes(em));
  }

  /** A student's meetings: those of their class and those they attend individually (electives). */
  public List<TimetableEntry> meetingsOfStudent(long termId, String account, String classCode) {
    return entries(
        "(SELECT term_id, source, meeting_no FROM course_meeting_class WHERE term_id = ? AND class_code = ?"
            + " UNION SELECT term_id, source, meeting_no FROM course_meeting_student"
            + " WHERE term_id = ? AND student_account = ?) k",
        termId,
        classCode == null ? "" : classCode,
        termId,
        account);
  }

  /** What a teacher teaches. */
  public List<TimetableEntry> meetingsOfTeacher(long termId, String account) {
    return entries(
        "(SELECT term_id, source, meeting_no FROM course_meeting_teacher WHERE term_id = ? AND teacher_account = ?) k",
        termId,
        account);
  }

  /** A class's timetable, for its counsellor. */
  public List<TimetableEntry> meetingsOfClass(long termId, String classCode) {
    return entries(
        "(SELECT term_id, source, meeting_no FROM course_meeting_class WHERE term_id = ? AND class_code = ?) k",
        termId,
        classCode);
  }

  /**
   * Whose timetable a page shows, from the per-server cache at the schedule's version (filled with
   * one query on a miss): a student's class meetings plus, only for students who have them, their
   * individual meetings.
   */
  public List<TimetableEntry> meetingsOf(TermSchedule term, TimetableOwner owner) {
    long termId = term.termId();
    int version = term.version();
    if (owner instanceof TimetableOwner.Teacher t) {
      return cached(
          new MeetingsKey(termId, version, TEACHER, t.account()),
          () -> meetingsOfTeacher(termId, t.account()));
    }
    if (owner instanceof TimetableOwner.ClassGroup g) {
      String code = g.schoolClass().code();
      return cached(
          new MeetingsKey(termId, version, CLASS, code), () -> meetingsOfClass(termId, code));
    }
    TimetableOwner.Student s = (TimetableOwner.Student) owner;
    List<TimetableEntry> ofClass =
        s.classCode() == null || s.classCode().isBlank()
            ? List.of()
            : cached(
                new MeetingsKey(termId, version, CLASS, s.classCode()),
                () -> meetingsOfClass(termId, s.classCode()));
    MeetingsKey termKey = new MeetingsKey(termId, version, INDIVIDUAL, "");
    Set<String> withIndividual =
        individuals.computeIfAbsent(termKey, k -> individualAccounts(termId));
    if (!withIndividual.contains(s.account())) {
      return ofClass;
    }
    return merged(ofClass, meetingsOfIndividual(termId, s.account()));
  }

  private List<TimetableEntry> cached(
      MeetingsKey key, java.util.function.Supplier<List<TimetableEntry>> read) {
    List<TimetableEntry> hit = meetings.get(key);
    if (hit != null) {
      return hit;
    }
    List<TimetableEntry> fresh = List.copyOf(read.get());
    if (meetings.size() < MAX_CACHED) {
      meetings.putIfAbsent(key, fresh);
    }
    return fresh;
  }

  /** The meetings a student attends individually (electives), not through their class. */
  private List<TimetableEntry> meetingsOfIndividual(long termId, String account) {
    return entries(
        "(SELECT term_id, source, meeting_no FROM course_meeting_student WHERE term_id = ? AND student_account = ?) k",
        termId,
        account);
  }

  /** The accounts with individual meetings (electives) in a term. */
  private Set<String> individualAccounts(long termId) {
    Set<String> out = new java.util.HashSet<>();
    for (Object account :
        em.createNativeQuery(
                "SELECT DISTINCT student_account FROM course_meeting_student WHERE term_id = ?")
            .setParameter(1, termId)
            .getResultList()) {
      out.add(text(account));
    }
    return Set.copyOf(out);
  }

  /** Class and individual meetings together, each once, in the order of the SQL reads. */
  private static List<TimetableEntry> merged(List<TimetableEntry> a, List<TimetableEntry> b) {
    java.util.Map<String, TimetableEntry> byKey = new java.util.LinkedHashMap<>();
    for (TimetableEntry e : a) {
      byKey.put(e.source() + "#" + e.meetingNo(), e);
    }
    for (TimetableEntry e : b) {
      byKey.putIfAbsent(e.source() + "#" + e.meetingNo(), e);
    }
    List<TimetableEntry> out = new ArrayList<>(byKey.values());
    out.sort(
        java.util.Comparator.comparing(TimetableEntry::weekday)
            .thenComparingInt(e -> e.periods().first())
            .thenComparing(TimetableEntry::courseCode));
    return out;
  }

  /** One meeting, by its key within the term (course detail). */
  public Optional<TimetableEntry> meeting(long termId, String source, int meetingNo) {
    return entries(
            "(SELECT term_id, source, meeting_no FROM course_meeting"
                + " WHERE term_id = ? AND source = ? AND meeting_no = ?) k",
            termId,
            source,
            meetingNo)
        .stream()
        .findFirst();
  }

  /** Whether a student attends a meeting individually (an elective), not through their class. */
  public boolean attendsIndividually(long termId, String source, int meetingNo, String account) {
    return !em.createNativeQuery(
            "SELECT 1 FROM course_meeting_student"
                + " WHERE term_id = ? AND student_account = ? AND source = ? AND meeting_no = ?")
        .setParameter(1, termId)
        .setParameter(2, account)
        .setParameter(3, source)
        .setParameter(4, meetingNo)
        .getResultList()
        .isEmpty();
  }

  private List<TimetableEntry> entries(String keys, Object... params) {
    var q = em.createNativeQuery(ENTRY_SELECT + keys + ENTRY_JOIN);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    List<TimetableEntry> out = new ArrayList<>();
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      out.add(
          new TimetableEntry(
              text(r[0]),
              ((Number) r[1]).intValue(),
              text(r[2]),
              text(r[3]),
              list(r[10]),
              text(r[4]),
              text(r[5]),
              DayOfWeek.of(((Number) r[6]).intValue()),
              new PeriodRange(((Number) r[7]).intValue(), ((Number) r[8]).intValue()),
              WeekPattern.fromMask(((Number) r[9]).longValue()),
              list(r[11])));
    }
    return out;
  }

  /** GROUP_CONCAT may arrive as bytes, depending on the driver and the result length. */
  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : value.toString();
  }

  private static List<String> list(Object value) {
    String s = text(value);
    return s.isEmpty() ? List.of() : Arrays.asList(s.split(";"));
  }
}
