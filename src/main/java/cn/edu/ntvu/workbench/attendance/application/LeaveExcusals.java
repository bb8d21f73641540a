package cn.edu.ntvu.workbench.attendance.application;

import cn.edu.ntvu.workbench.attendance.application.AttendanceStore.HeldMark;
import cn.edu.ntvu.workbench.attendance.domain.Mark;
import cn.edu.ntvu.workbench.attendance.domain.MarkChange;
import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.TextCard;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.timetable.application.MeetingOccurrences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A leave approved after a roll call (issue 19, item 6): the student's 缺勤 on the meetings the leave
 * covers becomes 请假 with the request's id. The history keeps the teacher's 缺勤 and gains the change
 * (marked by {@code leave:<id>}), the change is audited ({@code ATTENDANCE_MARK} by the system),
 * and each teacher who had marked the student 缺勤 is told once through the outbox (key {@code
 * attendance:excused:<id>:<teacher>}).
 *
 * <p>Called by the leave context when a request is finally approved, inside the deciding
 * transaction: the marks change with the approval or not at all. (Attendance cannot observe leave's
 * event itself: leave already depends on attendance through {@link ExcusedAbsences}, and contexts
 * must not depend on each other both ways.)
 */
@ApplicationScoped
public class LeaveExcusals {
  /** Who a change made by an approval is recorded as: {@code leave:<request id>}. */
  public static String by(long requestId) {
    return "leave:" + requestId;
  }

  @Inject AttendanceStore store;
  @Inject MeetingOccurrences occurrences;
  @Inject DirectoryQueries directory;
  @Inject WeComOutbox outbox;
  @Inject AuditTrail audit;
  @Inject AppSettings settings;
  @Inject Clock clock;

  /**
   * Turns the student's 缺勤 during [{@code from}, {@code to}) into 请假 of request {@code requestId}.
   *
   * @return the number of occurrences changed
   */
  @Transactional(TxType.MANDATORY)
  public int excuse(
      long requestId,
      String student,
      String studentName,
      String typeName,
      LocalDateTime from,
      LocalDateTime to) {
    if (from == null || to == null || !from.isBefore(to)) {
      return 0;
    }
    LocalDateTime now = LocalDateTime.now(clock);
    Map<String, List<HeldMark>> byTeacher = new LinkedHashMap<>();
    for (HeldMark h : store.absencesForUpdate(student, from.toLocalDate(), to.toLocalDate())) {
      if (!overlaps(h, from, to)) {
        continue;
      }
      // after the teacher's tap whatever the device said, so the change wins the merge
      LocalDateTime at =
          h.tappedAt() != null && !now.isAfter(h.tappedAt())
              ? h.tappedAt().plusNanos(1_000_000)
              : now;
      MarkChange change = new MarkChange(student, Mark.EXCUSED, by(requestId), at);
      long id = store.history(h.key(), change, "leave-" + requestId, true, now);
      store.put(h.key(), change, requestId, id);
      audit.record(
          AuditActor.system(by(requestId)),
          "ATTENDANCE_MARK",
          auditObject(h, student, studentName),
          AuditDiff.between(
              Map.of("mark", Mark.ABSENT.name()),
              Map.of("mark", Mark.EXCUSED.name(), "leave", String.valueOf(requestId))));
      byTeacher.computeIfAbsent(h.markedBy(), k -> new ArrayList<>()).add(h);
    }
    String who = studentName == null ? student : studentName;
    int changed = 0;
    for (Map.Entry<String, List<HeldMark>> e : byTeacher.entrySet()) {
      changed += e.getValue().size();
      if (e.getKey().startsWith("leave:")) {
        continue;
      }
      outbox.enqueue(message(requestId, who, typeName, e.getKey(), e.getValue()));
    }
    return changed;
  }

  /**
   * The reverse (issue 19, item 6): a leave withdrawn or cancelled after approval ({@code from} ==
   * null: the whole leave), or ended early by 销假 ({@code from} = the return: only the meetings that
   * start at it or later; one already under way stays 请假). The student's 请假 marks carrying the
   * request become 缺勤 again — those the leave itself set after a roll call ({@code leave:<id>}) and
   * a roll call's untouched default 请假 (the teacher saw the student as away and tapped nothing); a
   * mark a teacher set by hand afterwards is left as it is. History row, {@code ATTENDANCE_MARK}
   * audit entry by {@code leave:<id>}, and the teacher who took that roll call told once per
   * request (key {@code attendance:unexcused:<id>:<teacher>}). Observed again: nothing left to
   * change, nothing queued.
   *
   * @param why what happened, for the message: {@code WITHDRAWN}, {@code CANCELLED} or {@code
   *     RETURNED_EARLY} (bundle {@code attendance.unexcused.why.*})
   * @return the number of occurrences changed
   */
  @Transactional(TxType.MANDATORY)
  public int unexcuse(
      long requestId,
      String student,
      String studentName,
      String typeName,
      LocalDateTime from,
      String why) {
    LocalDateTime now = LocalDateTime.now(clock);
    String leave = by(requestId);
    Map<String, List<HeldMark>> byTeacher = new LinkedHashMap<>();
    for (AttendanceStore.ExcusedMark e : store.excusedByLeaveForUpdate(student, requestId)) {
      HeldMark h = e.held();
      boolean setByLeave = leave.equals(h.markedBy());
      boolean untouchedDefault =
          h.tappedAt() != null && h.tappedAt().equals(h.key().date().atStartOfDay());
      if (!setByLeave && !untouchedDefault) {
        continue; // a teacher's own 请假 tap: theirs to change
      }
      if (from != null && startOf(h).isBefore(from)) {
        continue; // under way (or over) before the student was back: still excused
      }
      LocalDateTime at =
          h.tappedAt() != null && !now.isAfter(h.tappedAt())
              ? h.tappedAt().plusNanos(1_000_000)
              : now;
      MarkChange change = new MarkChange(student, Mark.ABSENT, leave, at);
      long id = store.history(h.key(), change, "leave-" + requestId + "-undo", true, now);
      store.put(h.key(), change, null, id);
      audit.record(
          AuditActor.system(leave),
          "ATTENDANCE_MARK",
          auditObject(h, student, studentName),
          AuditDiff.between(
              Map.of("mark", Mark.EXCUSED.name(), "leave", String.valueOf(requestId)),
              Map.of("mark", Mark.ABSENT.name())));
      String teacher = e.teacher() != null ? e.teacher() : h.markedBy();
      byTeacher.computeIfAbsent(teacher, k -> new ArrayList<>()).add(h);
    }
    String who = studentName == null ? student : studentName;
    int changed = 0;
    for (Map.Entry<String, List<HeldMark>> e : byTeacher.entrySet()) {
      changed += e.getValue().size();
      if (e.getKey() == null || e.getKey().startsWith("leave:")) {
        continue;
      }
      outbox.enqueue(
          message(
              "attendance:unexcused:",
              "attendance.unexcused.",
              requestId,
              new String[] {
                who,
                typeName == null ? "" : typeName,
                AttendanceTexts.chinese().get("attendance.unexcused.why." + why)
              },
              e.getKey(),
              e.getValue()));
    }
    return changed;
  }

  /** When the occurrence starts by the calendar now (a meeting no longer there: its day). */
  private LocalDateTime startOf(HeldMark h) {
    return occurrences
        .find(h.termCode(), h.key().source(), h.key().meetingNo(), h.key().date())
        .map(MeetingOccurrences.Occurrence::start)
        .orElse(h.key().date().atStartOfDay());
  }

  private static AuditObject auditObject(HeldMark h, String student, String studentName) {
    return AuditObject.of(
        "attendance",
        h.termCode()
            + "/"
            + h.key().source()
            + "-"
            + h.key().meetingNo()
            + "/"
            + h.key().date()
            + "/"
            + student,
        h.courseName() + " " + (studentName == null ? student : studentName));
  }

  /**
   * Whether the occurrence's clock interval (as the calendar says now; else its whole day) meets
   * the leave.
   */
  private boolean overlaps(HeldMark h, LocalDateTime from, LocalDateTime to) {
    LocalDateTime start = h.key().date().atStartOfDay();
    LocalDateTime end = start.plusDays(1);
    var occ = occurrences.find(h.termCode(), h.key().source(), h.key().meetingNo(), h.key().date());
    if (occ.isPresent()) {
      start = occ.get().start();
      end = occ.get().end();
    }
    return start.isBefore(to) && from.isBefore(end);
  }

  OutgoingMessage message(
      long requestId, String who, String typeName, String teacher, List<HeldMark> marks) {
    return message(
        "attendance:excused:",
        "attendance.excused.",
        requestId,
        new String[] {who, typeName == null ? "" : typeName},
        teacher,
        marks);
  }

  private OutgoingMessage message(
      String keyPrefix,
      String textPrefix,
      long requestId,
      Object[] titleArgs,
      String teacher,
      List<HeldMark> marks) {
    AttendanceTexts t = AttendanceTexts.chinese();
    StringBuilder desc = new StringBuilder();
    for (HeldMark h : marks) {
      desc.append(
          TextCard.div(
              "normal",
              t.get(
                  "attendance.excused.line",
                  h.key().date().getMonthValue(),
                  h.key().date().getDayOfMonth(),
                  h.firstPeriod(),
                  h.firstPeriod() + h.periodCount() - 1,
                  h.courseName())));
    }
    desc.append(TextCard.div("gray", t.get(textPrefix + "text")));
    HeldMark first = marks.get(0);
    String url =
        settings.publicBaseUrl()
            + "/attendance/roll.xhtml?term="
            + URLEncoder.encode(first.termCode(), StandardCharsets.UTF_8)
            + "&src="
            + URLEncoder.encode(first.key().source(), StandardCharsets.UTF_8)
            + "&no="
            + first.key().meetingNo()
            + "&date="
            + first.key().date();
    String body =
        TextCard.body(
            t.get(textPrefix + "title", titleArgs),
            desc.toString(),
            url,
            t.get("attendance.excused.button"));
    return OutgoingMessage.send(
        keyPrefix + requestId + ":" + teacher, List.of(teacher), body, keyPrefix + requestId);
  }
}
