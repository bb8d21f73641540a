package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.TextCard;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.timetable.application.MissedClassesQuery;
import cn.edu.ntvu.workbench.timetable.application.TimetableEntry;
import cn.edu.ntvu.workbench.timetable.domain.MissedMeeting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily digest for teachers who chose it: at {@link #AT} school time, one textcard per such
 * teacher with the day's excused students per meeting they teach ("第1–2节 职业生涯规划：田芬（机械制造241班·病假）").
 * Runs once per day across servers: the server whose insert adds the day's row in {@code
 * leave_teacher_digest_run} sends, in the same transaction; the outbox keys ({@code
 * leave:digest:2026-12-07:T001}) guard a retry too. A teacher with no excused student that day gets
 * nothing.
 */
@ApplicationScoped
public class TeacherDigest {
  /** When the day's digest goes out. */
  public static final LocalTime AT = LocalTime.of(7, 30);

  /** A day's digest not sent by then (every server down all morning) is skipped, not sent late. */
  public static final LocalTime LATEST = AT.plusHours(4);

  /** Leaves looked at per day (a school's day has a few hundred at most). */
  static final int MAX_LEAVES = 5000;

  private static final Logger LOG = Logger.getLogger(TeacherDigest.class.getName());

  @Inject Sql sql;
  @Inject LeaveStore store;
  @Inject LeaveCatalog catalog;
  @Inject TeacherNoticePreferences preferences;
  @Inject MissedClassesQuery missed;
  @Inject DirectoryQueries directory;
  @Inject WeComOutbox outbox;
  @Inject CourseTeacherNotices notices;
  @Inject Clock clock;

  /**
   * One run: before {@link #AT}, from {@link #LATEST} on, or when the day was already claimed, does
   * nothing.
   *
   * @return how many digests were queued, or -1 when this run did not claim the day
   */
  @Transactional
  public int run() {
    return runAt(LocalDateTime.now(clock));
  }

  /**
   * {@link #run} as at {@code now} school time (the schedule passes the clock's; tests a set one).
   */
  @Transactional
  public int runAt(LocalDateTime now) {
    if (now.toLocalTime().isBefore(AT) || !now.toLocalTime().isBefore(LATEST)) {
      return -1;
    }
    LocalDate today = now.toLocalDate();
    if (sql.update(
            "INSERT IGNORE INTO leave_teacher_digest_run (run_date, ran_at) VALUES (?, ?)",
            java.sql.Date.valueOf(today),
            Timestamp.valueOf(now))
        != 1) {
      return -1;
    }
    Set<String> teachers = new HashSet<>(preferences.digestTeachers());
    if (teachers.isEmpty()) {
      return 0;
    }
    // teacher → meeting (start time, course) → students
    Map<String, TreeMap<String, List<String>>> per = new LinkedHashMap<>();
    List<LeaveRequestRow> leaves = store.approvedOn(today, MAX_LEAVES);
    Map<String, String> classNames =
        directory.classNames(
            leaves.stream().map(LeaveRequestRow::classCode).filter(c -> c != null).toList());
    for (LeaveRequestRow r : leaves) {
      LocalDateTime from = max(r.start(), today.atStartOfDay());
      LocalDateTime to = min(r.end(), today.plusDays(1).atStartOfDay());
      if (r.returnedAt() != null) {
        to = min(to, r.returnedAt());
      }
      List<MissedMeeting<TimetableEntry>> ms;
      try {
        ms = missed.forStudent(r.studentAccount(), r.classCode(), from, to).meetings();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "digest: missed classes of leave " + r.id() + ": " + e, e);
        continue;
      }
      String student =
          r.studentName()
              + "（"
              + (r.classCode() == null
                  ? ""
                  : classNames.getOrDefault(r.classCode(), r.classCode()) + "·")
              + catalog.typeName(r.typeCode())
              + "）";
      for (MissedMeeting<TimetableEntry> m : ms) {
        String meeting =
            m.start()
                + "\t"
                + TeacherNoticeText.periods(m.periods())
                + " "
                + m.meeting().courseName();
        for (String t : m.meeting().teacherAccounts()) {
          if (teachers.contains(t)) {
            List<String> names =
                per.computeIfAbsent(t, k -> new TreeMap<>())
                    .computeIfAbsent(meeting, k -> new ArrayList<>());
            if (!names.contains(student)) {
              names.add(student);
            }
          }
        }
      }
    }
    LeaveTexts t = LeaveTexts.chinese();
    for (Map.Entry<String, TreeMap<String, List<String>>> e : per.entrySet()) {
      outbox.enqueue(
          OutgoingMessage.send(
              "leave:digest:" + today + ":" + e.getKey(),
              List.of(e.getKey()),
              TextCard.body(
                  t.get("leave.teacher.digest.title", TeacherNoticeText.day(today)),
                  lines(e.getValue()),
                  notices.timetableUrl(),
                  t.get("leave.teacher.button")),
              "leave:digest:" + today));
    }
    if (!per.isEmpty()) {
      LOG.info("teachers' leave digest: " + per.size() + " queued for " + today);
    }
    return per.size();
  }

  /** The card's lines: "第1–2节 职业生涯规划：田芬（机械制造241班·病假）、张三（…）", meetings in time order. */
  static String lines(TreeMap<String, List<String>> meetings) {
    StringBuilder b = new StringBuilder();
    meetings.forEach(
        (k, names) ->
            b.append(
                TextCard.div(
                    "normal", k.substring(k.indexOf('\t') + 1) + "：" + String.join("、", names))));
    return b.toString();
  }

  private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }
}
