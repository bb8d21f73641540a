package cn.edu.ntvu.workbench.attendance.application;

import cn.edu.ntvu.workbench.attendance.application.AttendanceStore.Tally;
import cn.edu.ntvu.workbench.attendance.domain.AbsenceThreshold;
import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.TextCard;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The counsellor told once (issue 19, item 5): after a roll call is saved, each student of it who
 * is 缺勤 and whose 缺勤 periods in that course this term now reach {@link
 * AttendanceSettings#alertRatio} gets a textcard queued to their class's counsellors, keyed {@code
 * attendance:alert:<term id>:<course code>:<student>} — so a second roll call, a retried submit or
 * a student who stays past the threshold queues nothing more for that course and term.
 */
@ApplicationScoped
public class AbsenceAlerts {
  @Inject AttendanceStore store;
  @Inject AttendanceSettings settings;
  @Inject DirectoryQueries directory;
  @Inject WeComOutbox outbox;
  @Inject AppSettings app;

  /** The message key of a student's alert in a course and term. */
  public static String key(long termId, String courseCode, String student) {
    return "attendance:alert:" + termId + ":" + courseCode + ":" + student;
  }

  /**
   * Checks the students marked 缺勤 by a roll call of {@code courseCode}; queues the alerts in the
   * caller's transaction.
   *
   * @return the students whose alert was queued now
   */
  @Transactional(TxType.MANDATORY)
  public List<String> afterRollCall(long termId, String courseCode, Collection<String> absent) {
    if (absent.isEmpty()) {
      return List.of();
    }
    AbsenceThreshold threshold = settings.alertRatio();
    List<String> queued = new ArrayList<>();
    List<Tally> past =
        store.tallies(termId, absent, courseCode).stream()
            .filter(t -> threshold.reached(t.absent(), t.held()))
            .toList();
    if (past.isEmpty()) {
      return List.of();
    }
    // told once: those whose alert is in the outbox already cost nothing more
    java.util.Set<String> done =
        outbox.queuedKeys(
            past.stream().map(t -> key(termId, t.courseCode(), t.student())).toList());
    past =
        past.stream()
            .filter(t -> !done.contains(key(termId, t.courseCode(), t.student())))
            .toList();
    if (past.isEmpty()) {
      return List.of();
    }
    List<String> accounts = past.stream().map(Tally::student).toList();
    Map<String, String> names = directory.namesOf(accounts);
    Map<String, List<String>> counsellorsOf = store.counsellorsOf(accounts);
    for (Tally t : past) {
      List<String> counsellors = counsellorsOf.getOrDefault(t.student(), List.of());
      if (counsellors.isEmpty()) {
        continue;
      }
      String name = names.getOrDefault(t.student(), t.student());
      if (outbox.enqueue(message(termId, t, name, threshold, counsellors))) {
        queued.add(t.student());
      }
    }
    return queued;
  }

  OutgoingMessage message(
      long termId, Tally t, String name, AbsenceThreshold threshold, List<String> to) {
    AttendanceTexts x = AttendanceTexts.chinese();
    String desc =
        TextCard.div("normal", x.get("attendance.alert.line", t.courseName(), t.absent(), t.held()))
            + TextCard.div("gray", x.get("attendance.alert.text", threshold));
    String body =
        TextCard.body(
            x.get("attendance.alert.title", name),
            desc,
            app.publicBaseUrl() + "/attendance/stats.xhtml",
            x.get("attendance.alert.button"));
    return OutgoingMessage.send(
        key(termId, t.courseCode(), t.student()),
        to,
        body,
        "attendance:alert:" + termId + ":" + t.student());
  }
}
