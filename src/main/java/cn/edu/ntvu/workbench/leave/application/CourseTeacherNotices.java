package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.TextCard;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.timetable.application.MissedClassesQuery;
import cn.edu.ntvu.workbench.timetable.application.TimetableEntry;
import cn.edu.ntvu.workbench.timetable.domain.MissedClasses;
import cn.edu.ntvu.workbench.timetable.domain.MissedMeeting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Course teachers told (issue 19): observes {@link LeaveOutcome} in the deciding transaction,
 * computes the student's missed meetings for the interval concerned (for a correction: the part
 * that no longer holds) and queues through the outbox one textcard per teacher per request and
 * outcome, keyed {@code leave:42:teachers:FINALLY_APPROVED:T001} so a retried transaction queues
 * nothing twice.
 *
 * <p>A teacher who chose the daily digest ({@link TeacherNoticePreferences}) gets no message for
 * the days their digest will still cover; only the meetings on days whose digest already went out
 * (today after {@link TeacherDigest#AT}, and earlier days) are sent as here — so an approval at
 * 10:00 for this afternoon's class, or a correction of today's list, still reaches them.
 */
@ApplicationScoped
public class CourseTeacherNotices {
  private static final Logger LOG = Logger.getLogger(CourseTeacherNotices.class.getName());

  @Inject MissedClassesQuery missed;
  @Inject TeacherNoticePreferences preferences;
  @Inject DirectoryQueries directory;
  @Inject WeComOutbox outbox;
  @Inject AppSettings settings;
  @Inject Clock clock;

  /** Runs inside the transaction that fired the outcome; what it queues commits with it. */
  void on(@Observes LeaveOutcome o) {
    MissedClasses<TimetableEntry> m;
    try {
      m = missed.forStudent(o.studentAccount(), o.classCode(), o.from(), o.end());
    } catch (RuntimeException e) {
      // A timetable that cannot be read must not stop the approval itself.
      LOG.log(Level.WARNING, "missed classes of leave " + o.requestId() + ": " + e, e);
      return;
    }
    List<MissedMeeting<TimetableEntry>> meetings = m.meetings();
    if (o.what() == LeaveOutcome.What.RETURNED_EARLY) {
      // A meeting already under way when the student was back stays excused (as its roll call
      // does): the correction names the meetings from the return on.
      meetings =
          meetings.stream().filter(x -> !x.date().atTime(x.start()).isBefore(o.from())).toList();
    }
    if (meetings.isEmpty()) {
      return;
    }
    Map<String, List<MissedMeeting<TimetableEntry>>> per = TeacherNoticeText.byTeacher(meetings);
    Set<String> digest = preferences.digestOf(per.keySet());
    LocalDate lastDigestDay = lastDigestDay(LocalDateTime.now(clock));
    String who = TeacherNoticeText.who(o.studentName(), className(o.classCode()));
    for (Map.Entry<String, List<MissedMeeting<TimetableEntry>>> e : per.entrySet()) {
      List<MissedMeeting<TimetableEntry>> mine = e.getValue();
      if (digest.contains(e.getKey())) {
        mine = mine.stream().filter(x -> !x.date().isAfter(lastDigestDay)).toList();
      }
      if (!mine.isEmpty()) {
        outbox.enqueue(message(o, who, e.getKey(), mine));
      }
    }
  }

  /** The last day whose digest has gone out (or should have) at {@code now}. */
  static LocalDate lastDigestDay(LocalDateTime now) {
    return now.toLocalTime().isBefore(TeacherDigest.AT)
        ? now.toLocalDate().minusDays(1)
        : now.toLocalDate();
  }

  OutgoingMessage message(
      LeaveOutcome o, String who, String teacher, List<MissedMeeting<TimetableEntry>> mine) {
    LeaveTexts t = LeaveTexts.chinese();
    StringBuilder desc = new StringBuilder();
    for (String line : TeacherNoticeText.dayLines(mine)) {
      desc.append(TextCard.div("normal", line));
    }
    if (o.what().isCorrection()) {
      desc.append(TextCard.div("highlight", t.get("leave.teacher.correction.text")));
    }
    String body =
        TextCard.body(
            TeacherNoticeText.title(o.what(), who, o.typeName()),
            desc.toString(),
            timetableUrl(),
            t.get("leave.teacher.button"));
    return OutgoingMessage.send(
        "leave:"
            + o.requestId()
            + ":teachers:"
            + o.what().name()
            // each extension is its own message (keyed by where it starts: the end it moved)
            + (o.what() == LeaveOutcome.What.EXTENDED
                ? "-" + o.start().toString().replaceAll("[^0-9]", "")
                : "")
            + ":"
            + teacher,
        List.of(teacher),
        body,
        LeaveMessages.topic(o.requestId()));
  }

  String className(String code) {
    return code == null ? "" : directory.classNames(List.of(code)).getOrDefault(code, code);
  }

  String timetableUrl() {
    return settings.publicBaseUrl() + "/timetable/index.xhtml";
  }
}
