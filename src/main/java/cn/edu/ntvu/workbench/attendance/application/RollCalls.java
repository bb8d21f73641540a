package cn.edu.ntvu.workbench.attendance.application;

import cn.edu.ntvu.workbench.attendance.application.AttendanceStore.OccurrenceKey;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStore.Stored;
import cn.edu.ntvu.workbench.attendance.application.ExcusedAbsences.Excuse;
import cn.edu.ntvu.workbench.attendance.domain.Mark;
import cn.edu.ntvu.workbench.attendance.domain.MarkChange;
import cn.edu.ntvu.workbench.attendance.domain.MarkMerge;
import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.identity.application.DirectoryQueries.ClassStudent;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.timetable.application.MeetingOccurrences;
import cn.edu.ntvu.workbench.timetable.application.MeetingOccurrences.Occurrence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * 点名: the roster of one meeting occurrence and saving its marks. Only a teacher of the meeting (or
 * an admin) may open or submit it; the occurrence must take place by the calendar; every mark must
 * be for a student of the roster; a batch id makes a retried post count once; per student the last
 * tap wins and every change stays in the history; changes of a mark are audited.
 */
@ApplicationScoped
@Requires(kind = PersonKind.STAFF)
public class RollCalls {
  private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  @Inject MeetingOccurrences occurrences;
  @Inject DirectoryQueries directory;
  @Inject ExcusedAbsences excused;
  @Inject AttendanceStore store;
  @Inject AttendanceSettings settings;
  @Inject AuditTrail audit;
  @Inject AbsenceAlerts alerts;
  @Inject Clock clock;
  @Inject RosterMemo memo;

  /** A tap as the page sends it: the mark and when it was made (epoch millis, may be null). */
  public record Tap(Mark mark, Long atEpochMillis) {}

  /**
   * What a submit did.
   *
   * @param duplicate the batch had been stored before: nothing changed
   * @param changedByOthers names of the students someone else marked after the page was loaded
   * @param overruled names of those whose later mark by someone else kept precedence over this tap
   */
  public record Outcome(
      boolean duplicate, int saved, List<String> changedByOthers, List<String> overruled) {}

  /** The roster, or {@link RollCallRefused}. */
  public Roster open(SignedInUser user, String termCode, String source, int no, LocalDate date) {
    Loaded loaded = load(user, termCode, source, no, date);
    if (user != null) {
      try {
        memo.put(RosterMemo.key(user.account(), termCode, source, no, date), loaded);
      } catch (ContextNotActiveException e) {
        // no request (a job, a test): nothing to keep
      }
    }
    return loaded.roster();
  }

  /** The roster {@link #open} read earlier in this request (taken), else read now. */
  private Loaded loadForSubmit(
      SignedInUser user, String termCode, String source, int no, LocalDate date) {
    if (user != null) {
      try {
        java.util.Optional<Object> kept =
            memo.take(RosterMemo.key(user.account(), termCode, source, no, date));
        if (kept.isPresent() && kept.get() instanceof Loaded l) {
          return l;
        }
      } catch (ContextNotActiveException e) {
        // no request: read it
      }
    }
    return load(user, termCode, source, no, date);
  }

  private record Loaded(Occurrence occurrence, OccurrenceKey key, Roster roster) {}

  private Loaded load(SignedInUser user, String termCode, String source, int no, LocalDate date) {
    if (user == null || user.kind() == PersonKind.STUDENT) {
      throw new RollCallRefused(HttpServletResponse.SC_FORBIDDEN, "attendance.refused.student");
    }
    java.util.Optional<Occurrence> found = occurrences.find(termCode, source, no, date);
    if (found.isEmpty()) {
      return held(user, termCode, source, no, date)
          .orElseThrow(
              () ->
                  new RollCallRefused(
                      HttpServletResponse.SC_NOT_FOUND,
                      "attendance.refused.noOccurrence",
                      String.valueOf(date)));
    }
    Occurrence occ = found.get();
    if (!occ.meeting().teacherAccounts().contains(user.account()) && !user.has(Role.ADMIN)) {
      throw new RollCallRefused(
          HttpServletResponse.SC_FORBIDDEN,
          "attendance.refused.notTeacher",
          occ.meeting().courseName());
    }
    OccurrenceKey key = new OccurrenceKey(occ.termId(), source, no, date);
    Map<String, String[]> students = new LinkedHashMap<>();
    // the meeting's individual students are cached at the term's version; the class's students,
    // their class names and the individual students' names are one statement
    List<String> individual = occurrences.individualStudents(termCode, source, no);
    DirectoryQueries.RosterPeople people =
        directory.rosterOf(occ.meeting().classCodes(), individual);
    for (ClassStudent s : people.students()) {
      students.put(
          s.account(),
          new String[] {s.name(), people.classNames().getOrDefault(s.classCode(), s.classCode())});
    }
    for (String a : individual) {
      students.putIfAbsent(a, new String[] {people.others().getOrDefault(a, a), ""});
    }
    Map<String, Excuse> onLeave = excused.during(students.keySet(), occ.start(), occ.end());
    AttendanceStore.MarksNow now = store.marksNow(key);
    Map<String, Stored> stored = now.marks();
    List<Roster.Row> rows = new ArrayList<>();
    students.forEach(
        (account, nameAndClass) -> {
          Excuse e = onLeave.get(account);
          Stored s = stored.get(account);
          rows.add(
              new Roster.Row(
                  account,
                  nameAndClass[0],
                  nameAndClass[1],
                  s != null ? s.mark() : Mark.initial(e != null),
                  e == null ? null : e.typeName(),
                  e == null ? null : e.requestId(),
                  s == null ? null : s.change().by()));
        });
    LocalDate today = LocalDateTime.now(clock).toLocalDate();
    boolean editable = !date.isAfter(today) && MarkMerge.editable(date, today, settings.editDays());
    var m = occ.meeting();
    return new Loaded(
        occ,
        key,
        new Roster(
            occ.termCode(),
            source,
            no,
            date,
            m.courseName(),
            m.room(),
            occ.firstPeriod(),
            occ.lastPeriod(),
            occ.start(),
            occ.end(),
            List.copyOf(rows),
            now.lastChangeId(),
            !stored.isEmpty(),
            editable,
            false));
  }

  /**
   * An occurrence the timetable no longer has (a re-import moved or deleted its meeting, or the
   * calendar changed) but that was held with a roll call: its marks as they were taken, read-only,
   * for the teachers who took it and admins.
   */
  private java.util.Optional<Loaded> held(
      SignedInUser user, String termCode, String source, int no, LocalDate date) {
    java.util.Optional<Long> termId = occurrences.termId(termCode);
    if (termId.isEmpty()) {
      return java.util.Optional.empty();
    }
    OccurrenceKey key = new OccurrenceKey(termId.get(), source, no, date);
    java.util.Optional<AttendanceStore.HeldSession> session = store.heldSession(key);
    if (session.isEmpty()) {
      return java.util.Optional.empty();
    }
    AttendanceStore.HeldSession h = session.get();
    if (!h.markers().contains(user.account()) && !user.has(Role.ADMIN)) {
      throw new RollCallRefused(
          HttpServletResponse.SC_FORBIDDEN, "attendance.refused.notTeacher", h.courseName());
    }
    int last = h.firstPeriod() + h.periodCount() - 1;
    LocalDateTime[] interval = occurrences.interval(termCode, date, h.firstPeriod(), last);
    Map<String, Stored> stored = store.marks(key);
    Map<String, String> names = directory.namesOf(stored.keySet());
    List<String> excusedAccounts =
        stored.entrySet().stream()
            .filter(e -> e.getValue().mark() == Mark.EXCUSED)
            .map(Map.Entry::getKey)
            .toList();
    Map<String, Excuse> onLeave =
        excusedAccounts.isEmpty()
            ? Map.of()
            : excused.during(excusedAccounts, interval[0], interval[1]);
    List<Roster.Row> rows = new ArrayList<>();
    new java.util.TreeMap<>(stored)
        .forEach(
            (account, s) -> {
              Excuse e = onLeave.get(account);
              rows.add(
                  new Roster.Row(
                      account,
                      names.getOrDefault(account, account),
                      "",
                      s.mark(),
                      e == null ? null : e.typeName(),
                      e == null ? null : e.requestId(),
                      s.change().by()));
            });
    return java.util.Optional.of(
        new Loaded(
            null,
            key,
            new Roster(
                termCode,
                source,
                no,
                date,
                h.courseName(),
                "",
                h.firstPeriod(),
                last,
                interval[0],
                interval[1],
                List.copyOf(rows),
                store.lastChangeId(key),
                true,
                false,
                true)));
  }

  /** Saves the taps of one page, or {@link RollCallRefused} (then nothing is saved). */
  @Transactional
  public Outcome submit(
      SignedInUser user,
      AuditActor actor,
      String termCode,
      String source,
      int no,
      LocalDate date,
      long seenChange,
      String batchId,
      Map<String, Tap> taps) {
    // the roster the page's form read while this post was decoded (one read less per save)
    Loaded loaded = loadForSubmit(user, termCode, source, no, date);
    Roster roster = loaded.roster();
    if (roster.heldOnly()) {
      throw new RollCallRefused(HttpServletResponse.SC_CONFLICT, "attendance.refused.heldOnly");
    }
    if (!roster.editable()) {
      throw new RollCallRefused(
          HttpServletResponse.SC_CONFLICT,
          date.isAfter(LocalDateTime.now(clock).toLocalDate())
              ? "attendance.refused.future"
              : "attendance.refused.closed",
          String.valueOf(settings.editDays()));
    }
    if (batchId == null || !BATCH_ID.matcher(batchId).matches()) {
      throw new RollCallRefused(HttpServletResponse.SC_BAD_REQUEST, "attendance.refused.batch");
    }
    Map<String, Roster.Row> byAccount = new LinkedHashMap<>();
    roster.rows().forEach(r -> byAccount.put(r.account(), r));
    List<String> strangers = MarkMerge.strangers(taps.keySet(), byAccount.keySet());
    if (!strangers.isEmpty()) {
      throw new RollCallRefused(
          HttpServletResponse.SC_BAD_REQUEST,
          "attendance.refused.stranger",
          String.join("、", strangers.stream().limit(5).toList()));
    }
    for (var t : taps.entrySet()) {
      if (!t.getValue().mark().allowedFor(byAccount.get(t.getKey()).onLeave())) {
        throw new RollCallRefused(
            HttpServletResponse.SC_BAD_REQUEST,
            "attendance.refused.notOnLeave",
            byAccount.get(t.getKey()).name());
      }
    }
    LocalDateTime now = LocalDateTime.now(clock);
    OccurrenceKey key = loaded.key();
    if (!store.claimBatch(key, user.account(), batchId, now)) {
      return new Outcome(true, 0, List.of(), List.of());
    }
    var m = loaded.occurrence().meeting();
    store.session(
        key,
        m.courseCode(),
        m.courseName(),
        loaded.occurrence().firstPeriod(),
        loaded.occurrence().periodCount(),
        user.account(),
        now);
    // submits of this occurrence take turns from here: each reads what the other committed
    store.lock(key);
    Set<String> others = MarkMerge.changedSince(store.changesAfter(key, seenChange), seenChange);
    Map<String, Stored> stored = store.marksForUpdate(key);
    Set<String> overruled = new TreeSet<>();
    // what each student ends with after this submit, to find the 缺勤 ones for the alerts
    Map<String, Mark> after = new LinkedHashMap<>();
    stored.forEach((a, s) -> after.put(a, s.mark()));
    List<AttendanceStore.Change> history = new ArrayList<>();
    List<Roster.Row> putRows = new ArrayList<>();
    List<MarkChange> putChanges = new ArrayList<>();
    List<Long> putLeaves = new ArrayList<>();
    List<AuditTrail.Item> audits = new ArrayList<>();
    for (Roster.Row row : roster.rows()) {
      Tap tap = taps.get(row.account());
      Stored current = stored.get(row.account());
      if (tap == null) {
        if (current == null) {
          // the default of a roster nobody marked yet: the weakest change of the day, any tap wins
          MarkChange change =
              new MarkChange(
                  row.account(), Mark.initial(row.onLeave()), user.account(), date.atStartOfDay());
          history.add(new AttendanceStore.Change(change, true));
          putRows.add(row);
          putChanges.add(change);
          putLeaves.add(row.leaveRequestId());
          after.put(row.account(), change.mark());
        }
        continue;
      }
      MarkChange change =
          new MarkChange(
              row.account(),
              tap.mark(),
              user.account(),
              MarkMerge.tapTime(tap.atEpochMillis(), clock.getZone(), now, date));
      boolean wins =
          MarkMerge.wins(java.util.Optional.ofNullable(current).map(Stored::change), change);
      history.add(new AttendanceStore.Change(change, wins));
      if (!wins) {
        overruled.add(row.name());
        continue;
      }
      putRows.add(row);
      putChanges.add(change);
      putLeaves.add(tap.mark() == Mark.EXCUSED ? row.leaveRequestId() : null);
      after.put(row.account(), tap.mark());
      Mark before = current == null ? Mark.initial(row.onLeave()) : current.mark();
      if (before != tap.mark()) {
        audits.add(
            new AuditTrail.Item(
                AuditObject.of(
                    "attendance",
                    roster.termCode() + "/" + source + "-" + no + "/" + date + "/" + row.account(),
                    m.courseName() + " " + row.name()),
                AuditDiff.between(
                    Map.of("mark", before.name()), Map.of("mark", tap.mark().name()))));
      }
    }
    // one batch each: the history rows, the marks (citing their history row), the audit entries
    Map<String, Long> ids = store.historyAll(key, history, batchId, now);
    List<AttendanceStore.Put> puts = new ArrayList<>(putChanges.size());
    for (int i = 0; i < putChanges.size(); i++) {
      puts.add(
          new AttendanceStore.Put(
              putChanges.get(i), putLeaves.get(i), ids.get(putRows.get(i).account())));
    }
    store.putAll(key, puts);
    int saved = puts.size();
    audit.recordAll(actor, "ATTENDANCE_MARK", audits);
    // the counsellor told once when a student's 缺勤 in this course reaches the threshold
    List<String> absentNow =
        after.entrySet().stream()
            .filter(e -> e.getValue() == Mark.ABSENT)
            .map(Map.Entry::getKey)
            .toList();
    alerts.afterRollCall(key.termId(), m.courseCode(), absentNow);
    Set<String> othersNames = new LinkedHashSet<>();
    for (Roster.Row row : roster.rows()) {
      if (others.contains(row.account())) {
        othersNames.add(row.name());
      }
    }
    return new Outcome(false, saved, List.copyOf(othersNames), List.copyOf(overruled));
  }
}
