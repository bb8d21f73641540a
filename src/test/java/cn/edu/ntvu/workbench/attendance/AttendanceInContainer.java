package cn.edu.ntvu.workbench.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.attendance.application.AbsenceAlerts;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStatistics;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStore;
import cn.edu.ntvu.workbench.attendance.application.AttendanceStore.OccurrenceKey;
import cn.edu.ntvu.workbench.attendance.application.RollCallRefused;
import cn.edu.ntvu.workbench.attendance.domain.Mark;
import cn.edu.ntvu.workbench.attendance.domain.MarkChange;
import cn.edu.ntvu.workbench.identity.application.ClassRef;
import cn.edu.ntvu.workbench.leave.LeaveTeachersInContainer;
import cn.edu.ntvu.workbench.leave.application.LeaveActor;
import cn.edu.ntvu.workbench.leave.application.LeaveOutcome;
import cn.edu.ntvu.workbench.platform.security.AccessDenied;
import cn.edu.ntvu.workbench.timetable.application.MeetingOccurrences;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 考勤 in the container (issue 19, items 5 and 6): a leave finally approved after a roll call turns
 * the student's 缺勤 into 请假 (history kept, audited, the teacher told once); the counsellor's alert
 * queued once when a student's 缺勤 reaches the threshold. Marks are written through the attendance
 * store (not through a roll-call page) so the tests do not depend on the day they run. Demo class
 * 2401000 (counsellor 10001); 形势与政策 (K00002) on Mondays, periods 1–2, by 10754.
 */
public abstract class AttendanceInContainer extends LeaveTeachersInContainer {
  @Inject protected AttendanceStore attendanceStore;
  @Inject protected AbsenceAlerts absenceAlerts;
  @Inject protected MeetingOccurrences meetingOccurrences;
  @Inject protected AttendanceStatistics attendanceStatistics;
  @Inject protected cn.edu.ntvu.workbench.attendance.application.RollCalls rollCalls;

  @Inject
  protected cn.edu.ntvu.workbench.attendance.application.AttendanceSettings attendanceSettings;

  private void attendanceExec(String sql, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  private void clearOccurrence(OccurrenceKey k) throws Exception {
    for (String t :
        List.of("attendance_mark", "attendance_change", "attendance_batch", "attendance_session")) {
      attendanceExec(
          "DELETE FROM "
              + t
              + " WHERE term_id = ? AND source = ? AND meeting_no = ? AND meeting_date = ?",
          k.termId(),
          k.source(),
          k.meetingNo(),
          k.date());
    }
  }

  /** Stores a roll call of one occurrence as a teacher's submit would: session, history, marks. */
  private void rollCall(
      OccurrenceKey k, String course, int first, int count, String teacher, Object... marks)
      throws Exception {
    inTransaction(
        () -> {
          LocalDateTime at = k.date().atTime(8, 5);
          attendanceStore.session(k, course, "课程" + course, first, count, teacher, at);
          for (int i = 0; i < marks.length; i += 2) {
            MarkChange c = new MarkChange((String) marks[i], (Mark) marks[i + 1], teacher, at);
            long id = attendanceStore.history(k, c, "it-" + k.meetingNo(), true, at);
            attendanceStore.put(k, c, null, id);
          }
        });
  }

  private String markOf(OccurrenceKey k, String student) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps =
            c.prepareStatement(
                "SELECT CONCAT(mark, ':', COALESCE(leave_request_id, '')) FROM attendance_mark"
                    + " WHERE term_id = ? AND source = ? AND meeting_no = ? AND meeting_date = ?"
                    + " AND student_account = ?")) {
      ps.setObject(1, k.termId());
      ps.setObject(2, k.source());
      ps.setObject(3, k.meetingNo());
      ps.setObject(4, k.date());
      ps.setObject(5, student);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** A Monday of the demo term on which 形势与政策 of 2401000 takes place by the calendar. */
  private MeetingOccurrences.Occurrence heldMonday() throws Exception {
    String termCode;
    String source;
    int no;
    try (Connection c = dataSource.getConnection();
        var ps =
            c.prepareStatement(
                "SELECT t.code, m.source, m.meeting_no FROM course_meeting m JOIN term t ON t.id ="
                    + " m.term_id WHERE m.course_code = 'K00002' AND m.weekday = 1"
                    + " ORDER BY t.id DESC LIMIT 1");
        var rs = ps.executeQuery()) {
      assertThat(rs.next()).as("形势与政策 on Mondays in the demo timetable").isTrue();
      termCode = rs.getString(1);
      source = rs.getString(2);
      no = rs.getInt(3);
    }
    for (LocalDate d = LocalDate.of(2026, 11, 16);
        d.isAfter(LocalDate.of(2026, 9, 1));
        d = d.minusWeeks(1)) {
      Optional<MeetingOccurrences.Occurrence> o = meetingOccurrences.find(termCode, source, no, d);
      if (o.isPresent()) {
        return o.get();
      }
    }
    throw new AssertionError("no Monday with 形势与政策 in the demo term");
  }

  @Test
  void attendanceLeaveApprovedAfterTheRollCallTurnsAbsentIntoExcusedOnceAndTellsTheTeacher()
      throws Exception {
    var occ = heldMonday();
    OccurrenceKey k =
        new OccurrenceKey(
            occ.termId(), occ.meeting().source(), occ.meeting().meetingNo(), occ.date());
    clearOccurrence(k);
    String onLeave = "20240100021";
    String stillAbsent = "20240100022";
    long requestId = 8_000_000_000L + System.currentTimeMillis() % 1_000_000_000L;
    try {
      rollCall(
          k,
          "K00002",
          occ.firstPeriod(),
          occ.periodCount(),
          "10754",
          onLeave,
          Mark.ABSENT,
          stillAbsent,
          Mark.ABSENT,
          "20240100023",
          Mark.PRESENT);
      LeaveOutcome approved =
          new LeaveOutcome(
              requestId,
              onLeave,
              "测试学生",
              "2401000",
              "SICK",
              "病假",
              occ.start().minusMinutes(30),
              occ.end().plusHours(1),
              LeaveOutcome.What.FINALLY_APPROVED,
              null);
      inTransaction(() -> leaveOutcomes.fire(approved));

      assertThat(markOf(k, onLeave)).isEqualTo("EXCUSED:" + requestId);
      assertThat(markOf(k, stillAbsent)).isEqualTo("ABSENT:");
      assertThat(markOf(k, "20240100023")).isEqualTo("PRESENT:");
      // the history keeps the teacher's 缺勤 and gains the change by the approval
      assertThat(
              leaveRows(
                  "SELECT COUNT(*) FROM attendance_change WHERE meeting_date = ? AND source = ?"
                      + " AND meeting_no = ? AND student_account = ?",
                  k.date(),
                  k.source(),
                  k.meetingNo(),
                  onLeave))
          .isEqualTo(2);
      assertThat(
              leaveRows(
                  "SELECT COUNT(*) FROM attendance_change WHERE meeting_date = ? AND source = ?"
                      + " AND meeting_no = ? AND student_account = ? AND mark = 'EXCUSED'"
                      + " AND marked_by = ?",
                  k.date(),
                  k.source(),
                  k.meetingNo(),
                  onLeave,
                  "leave:" + requestId))
          .isEqualTo(1);
      assertThat(
              leaveRows(
                  "SELECT COUNT(*) FROM audit_entry WHERE action = 'ATTENDANCE_MARK'"
                      + " AND actor_account = ? AND object_id LIKE ? AND after_values LIKE ?",
                  "leave:" + requestId,
                  "%/" + onLeave,
                  "%EXCUSED%"))
          .isEqualTo(1);
      String key = "attendance:excused:" + requestId + ":10754";
      assertThat(
              leaveRows(
                  "SELECT COUNT(*) FROM wecom_outbox WHERE message_key = ? AND to_users = '10754'"
                      + " AND body LIKE ? AND body LIKE ?",
                  key,
                  "%缺勤改为请假%",
                  "%第" + occ.firstPeriod() + "–" + occ.lastPeriod() + "节%"))
          .isEqualTo(1);

      // the same outcome observed again (a retried transaction): nothing more
      inTransaction(() -> leaveOutcomes.fire(approved));
      assertThat(outboxLike("attendance:excused:" + requestId + ":%")).isEqualTo(1);
      assertThat(
              leaveRows(
                  "SELECT COUNT(*) FROM audit_entry WHERE actor_account = ?", "leave:" + requestId))
          .isEqualTo(1);

      // a leave on another day, or a correction, changes nothing
      long other = requestId + 1;
      inTransaction(
          () ->
              leaveOutcomes.fire(
                  new LeaveOutcome(
                      other,
                      stillAbsent,
                      "测试学生",
                      "2401000",
                      "SICK",
                      "病假",
                      occ.date().plusDays(1).atTime(8, 0),
                      occ.date().plusDays(1).atTime(18, 0),
                      LeaveOutcome.What.FINALLY_APPROVED,
                      null)));
      inTransaction(
          () ->
              leaveOutcomes.fire(
                  new LeaveOutcome(
                      other + 1,
                      stillAbsent,
                      "测试学生",
                      "2401000",
                      "SICK",
                      "病假",
                      occ.start(),
                      occ.end(),
                      LeaveOutcome.What.WITHDRAWN_AFTER_APPROVAL,
                      null)));
      assertThat(markOf(k, stillAbsent)).isEqualTo("ABSENT:");

      // a transaction that rolls back leaves the 缺勤 and queues nothing
      userTransaction.begin();
      leaveOutcomes.fire(
          new LeaveOutcome(
              other + 2,
              stillAbsent,
              "测试学生",
              "2401000",
              "SICK",
              "病假",
              occ.start(),
              occ.end(),
              LeaveOutcome.What.FINALLY_APPROVED,
              null));
      userTransaction.rollback();
      assertThat(markOf(k, stillAbsent)).isEqualTo("ABSENT:");
      assertThat(outboxLike("attendance:excused:" + (other + 2) + ":%")).isZero();
    } finally {
      clearOccurrence(k);
      for (long id = requestId; id <= requestId + 3; id++) {
        attendanceExec("DELETE FROM wecom_outbox WHERE topic LIKE ?", "%:" + id + "%");
        attendanceExec("DELETE FROM wecom_outbox WHERE message_key LIKE ?", "%:" + id + ":%");
      }
    }
  }

  @Test
  void attendanceTheCounsellorIsToldOnceWhenAStudentReachesTheThreshold() throws Exception {
    var occ = heldMonday();
    long term = occ.termId();
    String course = "ZZALERT";
    String source = "ITALERT";
    String past = "20240100024";
    String below = "20240100025";
    LocalDate d = LocalDate.of(2026, 10, 5);
    List<OccurrenceKey> keys =
        List.of(
            new OccurrenceKey(term, source, 1, d),
            new OccurrenceKey(term, source, 1, d.plusWeeks(1)),
            new OccurrenceKey(term, source, 1, d.plusWeeks(2)),
            new OccurrenceKey(term, source, 1, d.plusWeeks(3)));
    for (OccurrenceKey k : keys) {
      clearOccurrence(k);
    }
    String alertKey = AbsenceAlerts.key(term, course, past);
    attendanceExec(
        "DELETE FROM wecom_outbox WHERE message_key LIKE ?",
        "attendance:alert:" + term + ":" + course + ":%");
    try {
      // 'below' absent once of four (2 of 8 periods < 1/3); 'past' absent twice (4 of 8)
      rollCall(keys.get(0), course, 1, 2, "10754", past, Mark.PRESENT, below, Mark.ABSENT);
      rollCall(keys.get(1), course, 1, 2, "10754", past, Mark.PRESENT, below, Mark.PRESENT);
      inTransaction(
          () -> assertThat(absenceAlerts.afterRollCall(term, course, List.of())).isEmpty());
      rollCall(keys.get(2), course, 1, 2, "10754", past, Mark.ABSENT, below, Mark.PRESENT);
      rollCall(keys.get(3), course, 1, 2, "10754", past, Mark.ABSENT, below, Mark.PRESENT);
      inTransaction(
          () ->
              assertThat(absenceAlerts.afterRollCall(term, course, List.of(past, below)))
                  .containsExactly(past));
      assertThat(
              leaveRows(
                  "SELECT COUNT(*) FROM wecom_outbox WHERE message_key = ? AND to_users LIKE ?"
                      + " AND body LIKE ?",
                  alertKey,
                  "%10001%",
                  "%缺勤 4 节 / 已上 8 节%"))
          .isEqualTo(1);
      // the next roll call, a retried submit: nothing more
      inTransaction(
          () ->
              assertThat(absenceAlerts.afterRollCall(term, course, List.of(past, below)))
                  .isEmpty());
      inTransaction(
          () -> assertThat(absenceAlerts.afterRollCall(term, course, List.of(past))).isEmpty());
      assertThat(outboxLike("attendance:alert:" + term + ":" + course + ":%")).isEqualTo(1);
    } finally {
      for (OccurrenceKey k : keys) {
        clearOccurrence(k);
      }
      attendanceExec(
          "DELETE FROM wecom_outbox WHERE message_key LIKE ?",
          "attendance:alert:" + term + ":" + course + ":%");
    }
  }

  @Test
  void attendanceStatisticsAreScopedToTheClassesOneLooksAfter() throws Exception {
    var student = person("20240100001");
    var counsellor = person("10001");
    var otherCounsellor = person("10069");
    var dean = person("10065");
    var admin = person("10857");
    // a student: refused by the service's guard, whatever the class
    assertThatThrownBy(
            () -> callers.as(student, () -> attendanceStatistics.ofClass(student, "2401000")))
        .isInstanceOf(AccessDenied.class);
    // another class's counsellor asking for 2401000: 403 with the sentence, nothing shown
    assertThat(
            callers
                .as(otherCounsellor, () -> attendanceStatistics.classesFor(otherCounsellor))
                .stream()
                .map(ClassRef::code))
        .isNotEmpty()
        .doesNotContain("2401000");
    assertThatThrownBy(
            () ->
                callers.as(
                    otherCounsellor,
                    () -> attendanceStatistics.ofClass(otherCounsellor, "2401000")))
        .isInstanceOf(RollCallRefused.class)
        .satisfies(
            e -> {
              assertThat(((RollCallRefused) e).status()).isEqualTo(403);
              assertThat(((RollCallRefused) e).key()).isEqualTo("attendance.stats.notYours");
            });
    // the class's counsellor, the department's dean and an admin see it, every student listed
    for (var who : List.of(counsellor, dean, admin)) {
      var stats = callers.as(who, () -> attendanceStatistics.ofClass(who, "2401000"));
      assertThat(stats.chosen().code()).as(who.account()).isEqualTo("2401000");
      assertThat(stats.students()).as(who.account()).hasSize(40);
      assertThat(stats.threshold()).isEqualTo("1/3");
    }
    assertThat(callers.as(admin, () -> attendanceStatistics.classesFor(admin)).size())
        .isGreaterThan(callers.as(dean, () -> attendanceStatistics.classesFor(dean)).size());
    // a student's own view is refused to staff
    assertThatThrownBy(() -> callers.as(counsellor, () -> attendanceStatistics.mine(counsellor)))
        .isInstanceOf(AccessDenied.class);
  }

  private long attendanceCount(String sql, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The preview's or result's sentence for a change, as the admin page formats it (zh). */
  private static String sentence(
      cn.edu.ntvu.workbench.timetable.application.TimetableChange c, String suffix) {
    java.util.Locale zh = java.util.Locale.CHINA;
    List<String> args =
        c.args().stream()
            .map(
                a ->
                    a.startsWith("#")
                        ? cn.edu.ntvu.workbench.platform.web.BundleText.text(
                            "i18n.timetable", zh, a.substring(1))
                        : a)
            .toList();
    return cn.edu.ntvu.workbench.platform.web.BundleText.format(
        "i18n.timetable", zh, c.messageKey() + suffix, args);
  }

  private List<String> heldSentences(
      List<cn.edu.ntvu.workbench.timetable.application.TimetableChange> changes, String suffix) {
    return changes.stream()
        .filter(c -> c.messageKey().startsWith("timetable.admin.change.held"))
        .map(c -> sentence(c, suffix))
        .toList();
  }

  private int k00002No(long termId, int weekday) throws Exception {
    return (int)
        attendanceCount(
            "SELECT COALESCE(MAX(meeting_no), 0) FROM course_meeting WHERE term_id = ?"
                + " AND source = 'ZF' AND course_code = 'K00002' AND weekday = ?",
            termId,
            weekday);
  }

  @Test
  void attendanceMarksStayWithTheHeldOccurrenceWhenAReimportMovesOrDeletesTheMeeting()
      throws Exception {
    var occ = heldMonday();
    assertThat(occ.meeting().source()).isEqualTo("ZF");
    long term = occ.termId();
    String absent = "20240100031";
    String present = "20240100032";
    String zf = demoText("timetable-zf.csv");
    String line = "K00002,形势与政策,10754,袁洋,星期一,第1-2节";
    assertThat(zf).contains(line);
    String moved = zf.replace(line, "K00002,形势与政策,10754,袁洋,星期二,第7-8节");
    String deleted =
        zf.lines().filter(l -> !l.contains(line)).collect(java.util.stream.Collectors.joining("\n"))
            + "\n";
    OccurrenceKey first = new OccurrenceKey(term, "ZF", occ.meeting().meetingNo(), occ.date());
    List<OccurrenceKey> keys = new java.util.ArrayList<>(List.of(first));
    var teacher = person("10754");
    var stranger = person("10004");
    try {
      clearOccurrence(first);
      rollCall(first, "K00002", 1, 2, "10754", absent, Mark.ABSENT, present, Mark.PRESENT);
      long rollCallsOfIt =
          attendanceCount(
              "SELECT COUNT(*) FROM attendance_session WHERE term_id = ? AND source = 'ZF'"
                  + " AND meeting_no = ?",
              term,
              first.meetingNo());
      int k00001Before =
          (int)
              attendanceCount(
                  "SELECT meeting_no FROM course_meeting WHERE term_id = ? AND source = 'ZF'"
                      + " AND course_code = 'K00001' AND weekday = 3",
                  term);

      // 1. moved to Tuesday 7–8: the preview names the held meeting and its roll calls
      var preview =
          timetables.preview(
              cn.edu.ntvu.workbench.timetable.application.TimetableImportKind.TIMETABLE_ZF,
              "moved.csv",
              moved.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              "10857");
      assertThat(preview.errors()).isEmpty();
      assertThat(heldSentences(preview.changes(), ""))
          .containsExactly(
              "形势与政策（机械制造241班）周一 第1–2节：已点名 "
                  + rollCallsOfIt
                  + " 次，这些考勤记录保留在当时的课次上；这节课将改到周二 第7–8节。");
      var applied = timetables.apply(preview.batchId(), "10857");
      assertThat(applied.applied()).isTrue();
      assertThat(heldSentences(applied.changes(), ".done"))
          .singleElement()
          .asString()
          .contains("已点名 " + rollCallsOfIt + " 次，这些考勤记录保留在当时的课次上；这节课已改到周二 第7–8节");
      // the meeting got a new number; the held one is no longer in the timetable; others keep
      // theirs
      int tuesday = k00002No(term, 2);
      assertThat(tuesday).isGreaterThan(first.meetingNo());
      assertThat(
              attendanceCount(
                  "SELECT COUNT(*) FROM course_meeting WHERE term_id = ? AND source = 'ZF'"
                      + " AND meeting_no = ?",
                  term,
                  first.meetingNo()))
          .isZero();
      assertThat(
              attendanceCount(
                  "SELECT meeting_no FROM course_meeting WHERE term_id = ? AND source = 'ZF'"
                      + " AND course_code = 'K00001' AND weekday = 3",
                  term))
          .isEqualTo(k00001Before);
      // every reader still shows the occurrence as held
      assertThat(markOf(first, absent)).isEqualTo("ABSENT:");
      assertThat(attendanceStore.marksOf(term, absent))
          .anySatisfy(
              m -> {
                assertThat(m.key()).isEqualTo(first);
                assertThat(m.mark()).isEqualTo(Mark.ABSENT);
                assertThat(m.courseCode()).isEqualTo("K00002");
                assertThat(m.firstPeriod()).isEqualTo(1);
                assertThat(m.periodCount()).isEqualTo(2);
              });
      assertThat(attendanceStore.tallies(term, List.of(absent), "K00002"))
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.absent()).isGreaterThanOrEqualTo(2);
                assertThat(t.held()).isGreaterThanOrEqualTo(2);
              });
      var roster =
          callers.as(
              teacher,
              () -> rollCalls.open(teacher, occ.termCode(), "ZF", first.meetingNo(), first.date()));
      assertThat(roster.heldOnly()).isTrue();
      assertThat(roster.editable()).isFalse();
      assertThat(roster.courseName()).isEqualTo("课程K00002");
      assertThat(roster.firstPeriod()).isEqualTo(1);
      assertThat(roster.lastPeriod()).isEqualTo(2);
      assertThat(roster.rows())
          .anySatisfy(
              r -> {
                assertThat(r.account()).isEqualTo(absent);
                assertThat(r.mark()).isEqualTo(Mark.ABSENT);
              });
      // another teacher: 403; a submit to the held occurrence: refused, nothing saved
      assertThatThrownBy(
              () ->
                  callers.as(
                      stranger,
                      () ->
                          rollCalls.open(
                              stranger, occ.termCode(), "ZF", first.meetingNo(), first.date())))
          .isInstanceOf(RollCallRefused.class)
          .satisfies(e -> assertThat(((RollCallRefused) e).status()).isEqualTo(403));
      assertThatThrownBy(
              () ->
                  callers.as(
                      teacher,
                      () ->
                          rollCalls.submit(
                              teacher,
                              cn.edu.ntvu.workbench.platform.audit.AuditActor.system("10754"),
                              occ.termCode(),
                              "ZF",
                              first.meetingNo(),
                              first.date(),
                              0,
                              "held-batch-0001",
                              java.util.Map.of(
                                  absent,
                                  new cn.edu.ntvu.workbench.attendance.application.RollCalls.Tap(
                                      Mark.PRESENT, null)))))
          .isInstanceOf(RollCallRefused.class)
          .satisfies(e -> assertThat(((RollCallRefused) e).status()).isEqualTo(409));
      assertThat(markOf(first, absent)).isEqualTo("ABSENT:");

      // 2. back on Monday (a new number again), a roll call there, then the course deleted
      importCsv(cn.edu.ntvu.workbench.timetable.application.TimetableImportKind.TIMETABLE_ZF, zf);
      int monday = k00002No(term, 1);
      assertThat(monday).isGreaterThan(tuesday);
      OccurrenceKey second = new OccurrenceKey(term, "ZF", monday, occ.date().minusWeeks(1));
      keys.add(second);
      clearOccurrence(second);
      rollCall(second, "K00002", 1, 2, "10754", absent, Mark.ABSENT, present, Mark.LATE);
      var drop =
          timetables.preview(
              cn.edu.ntvu.workbench.timetable.application.TimetableImportKind.TIMETABLE_ZF,
              "deleted.csv",
              deleted.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              "10857");
      assertThat(heldSentences(drop.changes(), ""))
          .containsExactly("形势与政策（机械制造241班）周一 第1–2节：已点名 1 次，这些考勤记录保留在当时的课次上；新课表中没有这节课。");
      assertThat(timetables.apply(drop.batchId(), "10857").applied()).isTrue();
      assertThat(k00002No(term, 1)).isZero();
      assertThat(markOf(second, absent)).isEqualTo("ABSENT:");
      assertThat(markOf(second, present)).isEqualTo("LATE:");
      assertThat(markOf(first, absent)).isEqualTo("ABSENT:");
      assertThat(attendanceStore.tallies(term, List.of(present), "K00002"))
          .singleElement()
          .satisfies(t -> assertThat(t.late()).isGreaterThanOrEqualTo(1));
      var deletedRoster =
          callers.as(
              teacher, () -> rollCalls.open(teacher, occ.termCode(), "ZF", monday, second.date()));
      assertThat(deletedRoster.heldOnly()).isTrue();
      assertThat(deletedRoster.rows()).extracting(r -> r.mark()).contains(Mark.ABSENT, Mark.LATE);
    } finally {
      importCsv(cn.edu.ntvu.workbench.timetable.application.TimetableImportKind.TIMETABLE_ZF, zf);
      for (OccurrenceKey k : keys) {
        clearOccurrence(k);
      }
      attendanceExec(
          "DELETE FROM wecom_outbox WHERE message_key LIKE ?", "attendance:alert:%:K00002:%");
    }
  }

  @Test
  void attendanceSettingsAreTheSchoolsOnEveryServerCheckedAndAudited() throws Exception {
    var admin = person("10857");
    var teacher = person("10754");
    var actor = cn.edu.ntvu.workbench.platform.audit.AuditActor.system("10857");
    attendanceExec("DELETE FROM attendance_settings");
    sleep(1100);
    try {
      assertThat(attendanceSettings.alertRatio().toString()).isEqualTo("1/3");
      assertThat(attendanceSettings.editDays()).isEqualTo(7);
      // nonsense: each field's reason, nothing saved
      assertThat(callers.as(admin, () -> attendanceSettings.save("2/0", "400", actor)))
          .extracting(p -> p.field() + ":" + p.key())
          .containsExactly(
              "alertRatio:attendance.admin.badRatio", "editDays:attendance.admin.badDays");
      assertThat(callers.as(admin, () -> attendanceSettings.save("abc", "0", actor))).hasSize(2);
      assertThat(attendanceCount("SELECT COUNT(*) FROM attendance_settings")).isZero();
      // a teacher may not save
      assertThatThrownBy(
              () -> callers.as(teacher, () -> attendanceSettings.save("1/2", "3", actor)))
          .isInstanceOf(AccessDenied.class);
      // saved here: in effect on this server at once, audited
      long audited =
          attendanceCount("SELECT COUNT(*) FROM audit_entry WHERE action = 'ATTENDANCE_SETTINGS'");
      assertThat(callers.as(admin, () -> attendanceSettings.save("30%", "14", actor))).isEmpty();
      assertThat(attendanceSettings.alertRatio().toString()).isEqualTo("3/10");
      assertThat(attendanceSettings.editDays()).isEqualTo(14);
      assertThat(
              attendanceCount(
                  "SELECT COUNT(*) FROM audit_entry WHERE action = 'ATTENDANCE_SETTINGS'"))
          .isEqualTo(audited + 1);
      // saved by another server (the row changed under this one): seen here within MAX_AGE
      attendanceExec("UPDATE attendance_settings SET edit_days = 3, version = version + 1");
      sleep(
          cn.edu.ntvu.workbench.attendance.application.AttendanceSettings.MAX_AGE.toMillis() + 100);
      assertThat(attendanceSettings.editDays()).isEqualTo(3);
      // blank: back to the config defaults
      assertThat(callers.as(admin, () -> attendanceSettings.save(" ", "", actor))).isEmpty();
      assertThat(attendanceSettings.alertRatio().toString()).isEqualTo("1/3");
      assertThat(attendanceSettings.editDays()).isEqualTo(7);
    } finally {
      attendanceExec("DELETE FROM attendance_settings");
      sleep(1100);
    }
  }

  /** The occurrence of 形势与政策 a week (or more) before {@code later}. */
  private MeetingOccurrences.Occurrence weekBefore(MeetingOccurrences.Occurrence later) {
    for (LocalDate d = later.date().minusWeeks(1);
        d.isAfter(LocalDate.of(2026, 9, 1));
        d = d.minusWeeks(1)) {
      Optional<MeetingOccurrences.Occurrence> o =
          meetingOccurrences.find(
              later.termCode(), later.meeting().source(), later.meeting().meetingNo(), d);
      if (o.isPresent()) {
        return o.get();
      }
    }
    throw new AssertionError("no earlier 形势与政策 in the demo term");
  }

  private static OccurrenceKey keyOf(MeetingOccurrences.Occurrence o) {
    return new OccurrenceKey(o.termId(), o.meeting().source(), o.meeting().meetingNo(), o.date());
  }

  private static String dayOf(LocalDate d) {
    return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  @Test
  void attendanceAnApprovedLeaveRevokedTurnsItsExcusedBackIntoAbsentButNotAHandChangedMark()
      throws Exception {
    LocalDate thu = evenThursday();
    String student = "20240100028";
    var missed =
        teacherMissed
            .forStudent(student, "2401000", thu.atTime(8, 0), thu.plusDays(1).atTime(18, 0))
            .meetings();
    assertThat(missed).hasSizeGreaterThanOrEqualTo(2);
    String termCode = heldMonday().termCode();
    List<MeetingOccurrences.Occurrence> occs =
        missed.stream()
            .map(
                m ->
                    meetingOccurrences
                        .find(termCode, m.meeting().source(), m.meeting().meetingNo(), m.date())
                        .orElseThrow())
            .toList();
    MeetingOccurrences.Occurrence byTeacher = occs.get(0);
    MeetingOccurrences.Occurrence byHand = occs.get(occs.size() - 1);
    String teacher = byTeacher.meeting().teacherAccounts().get(0);
    String handTeacher = byHand.meeting().teacherAccounts().get(0);
    OccurrenceKey k1 = keyOf(byTeacher);
    OccurrenceKey k2 = keyOf(byHand);
    clearOccurrence(k1);
    clearOccurrence(k2);
    long id = 0;
    try {
      // Both teachers' roll calls (stored ahead, as the store allows) mark the student 缺勤.
      rollCall(
          k1,
          byTeacher.meeting().courseCode(),
          byTeacher.firstPeriod(),
          byTeacher.periodCount(),
          teacher,
          student,
          Mark.ABSENT);
      rollCall(
          k2,
          byHand.meeting().courseCode(),
          byHand.firstPeriod(),
          byHand.periodCount(),
          handTeacher,
          student,
          Mark.ABSENT);
      id = approvedLeave(student, thu);
      long rid = id;
      assertThat(markOf(k1, student)).isEqualTo("EXCUSED:" + id);
      assertThat(markOf(k2, student)).isEqualTo("EXCUSED:" + id);
      // The second teacher sets 请假 again by hand, later: theirs to change from now on.
      inTransaction(
          () -> {
            MarkChange c =
                new MarkChange(student, Mark.EXCUSED, handTeacher, k2.date().atTime(10, 0));
            long cid = attendanceStore.history(k2, c, "it-hand", true, k2.date().atTime(10, 0));
            attendanceStore.put(k2, c, rid, cid);
          });
      var owner = person(student);

      // A 撤销 in a transaction that rolls back: nothing changes, nothing is queued.
      userTransaction.begin();
      callers.as(owner, () -> leaveReversals.revoke(rid, LeaveActor.of(owner)));
      userTransaction.rollback();
      assertThat(markOf(k1, student)).isEqualTo("EXCUSED:" + id);
      assertThat(outboxLike("attendance:unexcused:" + id + ":%")).isZero();
      assertThat(outboxLike("leave:" + id + ":teachers:WITHDRAWN_AFTER_APPROVAL:%")).isZero();

      // The 撤销 itself: 请假 → 缺勤 where the leave set it, the hand-set mark left alone.
      assertThat(callers.as(owner, () -> leaveReversals.revoke(rid, LeaveActor.of(owner))))
          .isTrue();
      assertThat(markOf(k1, student)).isEqualTo("ABSENT:");
      assertThat(markOf(k2, student)).isEqualTo("EXCUSED:" + id);
      assertThat(
              leaveRows(
                  "SELECT COUNT(*) FROM attendance_change WHERE meeting_date = ? AND source = ?"
                      + " AND meeting_no = ? AND student_account = ?",
                  k1.date(),
                  k1.source(),
                  k1.meetingNo(),
                  student))
          .isEqualTo(3);
      assertThat(
              leaveRows(
                  "SELECT COUNT(*) FROM audit_entry WHERE action = 'ATTENDANCE_MARK'"
                      + " AND actor_account = ? AND before_values LIKE ? AND after_values LIKE ?",
                  "leave:" + id,
                  "%EXCUSED%",
                  "%ABSENT%"))
          .isEqualTo(1);
      // One correction per course teacher (leave), one notice to the roll-call teacher.
      assertThat(outboxLike("leave:" + id + ":teachers:WITHDRAWN_AFTER_APPROVAL:%"))
          .isEqualTo(teachersOf(student, thu).size());
      assertThat(
              leaveRows(
                  "SELECT COUNT(*) FROM wecom_outbox WHERE message_key = ? AND to_users = ?"
                      + " AND body LIKE ? AND body LIKE ?",
                  "attendance:unexcused:" + id + ":" + teacher,
                  teacher,
                  "%已撤销：请假改回缺勤%",
                  "%课程" + byTeacher.meeting().courseCode() + "%"))
          .isEqualTo(1);
      assertThat(outboxLike("attendance:unexcused:" + id + ":%")).isEqualTo(1);

      // Replayed: nothing more.
      var row = teacherLeaveStore.request(id).orElseThrow();
      LeaveOutcome replay =
          new LeaveOutcome(
              id,
              student,
              row.studentName(),
              row.classCode(),
              row.typeCode(),
              "事假",
              row.start(),
              row.end(),
              LeaveOutcome.What.WITHDRAWN_AFTER_APPROVAL,
              null);
      inTransaction(() -> leaveOutcomes.fire(replay));
      assertThat(outboxLike("attendance:unexcused:" + id + ":%")).isEqualTo(1);
      assertThat(outboxLike("leave:" + id + ":teachers:WITHDRAWN_AFTER_APPROVAL:%"))
          .isEqualTo(teachersOf(student, thu).size());
      assertThat(
              leaveRows(
                  "SELECT COUNT(*) FROM audit_entry WHERE actor_account = ? AND after_values LIKE ?",
                  "leave:" + id,
                  "%ABSENT%"))
          .isEqualTo(1);
    } finally {
      clearOccurrence(k1);
      clearOccurrence(k2);
    }
  }

  @Test
  void attendanceAnEarlyReturnUnexcusesOnlyTheMeetingsFromTheReturnOn() throws Exception {
    MeetingOccurrences.Occurrence late = heldMonday();
    MeetingOccurrences.Occurrence early = weekBefore(late);
    OccurrenceKey kEarly = keyOf(early);
    OccurrenceKey kLate = keyOf(late);
    clearOccurrence(kEarly);
    clearOccurrence(kLate);
    String student = "20240100029";
    String other = "20240100030";
    long rid = 8_100_000_000L + System.currentTimeMillis() % 1_000_000_000L;
    long rid2 = rid + 1;
    try {
      rollCall(
          kEarly,
          "K00002",
          early.firstPeriod(),
          early.periodCount(),
          "10754",
          student,
          Mark.ABSENT);
      rollCall(
          kLate,
          "K00002",
          late.firstPeriod(),
          late.periodCount(),
          "10754",
          student,
          Mark.ABSENT,
          other,
          Mark.ABSENT);
      LocalDateTime from = early.start().minusMinutes(30);
      // ends with the later meeting: a 销假 during it leaves nothing after it to correct
      LocalDateTime to = late.end();
      inTransaction(
          () -> {
            leaveOutcomes.fire(
                outcome(rid, student, from, to, LeaveOutcome.What.FINALLY_APPROVED, null));
            leaveOutcomes.fire(
                outcome(rid2, other, from, to, LeaveOutcome.What.FINALLY_APPROVED, null));
          });
      assertThat(markOf(kEarly, student)).isEqualTo("EXCUSED:" + rid);
      assertThat(markOf(kLate, student)).isEqualTo("EXCUSED:" + rid);
      assertThat(markOf(kLate, other)).isEqualTo("EXCUSED:" + rid2);

      // 销假 between the two meetings: the later one is 缺勤 again, the earlier stays 请假.
      LocalDateTime back = early.end().plusHours(1);
      LeaveOutcome returned =
          outcome(rid, student, from, to, LeaveOutcome.What.RETURNED_EARLY, back);
      inTransaction(() -> leaveOutcomes.fire(returned));
      assertThat(markOf(kEarly, student)).isEqualTo("EXCUSED:" + rid);
      assertThat(markOf(kLate, student)).isEqualTo("ABSENT:");
      assertThat(
              leaveRows(
                  "SELECT COUNT(*) FROM wecom_outbox WHERE message_key = ? AND to_users = '10754'"
                      + " AND body LIKE ? AND body LIKE ? AND body NOT LIKE ?",
                  "attendance:unexcused:" + rid + ":10754",
                  "%已提前销假%",
                  "%" + dayOf(late.date()) + "%",
                  "%" + dayOf(early.date()) + "%"))
          .isEqualTo(1);
      // The course teacher's correction names only the meetings from the return on.
      assertThat(
              leaveRows(
                  "SELECT COUNT(*) FROM wecom_outbox WHERE message_key = ? AND body LIKE ?"
                      + " AND body NOT LIKE ?",
                  "leave:" + rid + ":teachers:RETURNED_EARLY:10754",
                  "%" + dayOf(late.date()) + " 第" + late.firstPeriod() + "–%",
                  "%" + dayOf(early.date()) + " 第" + early.firstPeriod() + "–%"))
          .isEqualTo(1);
      // Replayed: nothing more.
      inTransaction(() -> leaveOutcomes.fire(returned));
      assertThat(outboxLike("attendance:unexcused:" + rid + ":%")).isEqualTo(1);
      assertThat(
              leaveRows(
                  "SELECT COUNT(*) FROM attendance_change WHERE student_account = ?"
                      + " AND marked_by = ?",
                  student,
                  "leave:" + rid))
          .isEqualTo(3);

      // 销假 ten minutes into the later meeting: it was under way, so it stays 请假.
      inTransaction(
          () ->
              leaveOutcomes.fire(
                  outcome(
                      rid2,
                      other,
                      from,
                      to,
                      LeaveOutcome.What.RETURNED_EARLY,
                      late.start().plusMinutes(10))));
      assertThat(markOf(kLate, other)).isEqualTo("EXCUSED:" + rid2);
      assertThat(outboxLike("attendance:unexcused:" + rid2 + ":%")).isZero();
      assertThat(outboxLike("leave:" + rid2 + ":teachers:RETURNED_EARLY:%")).isZero();
    } finally {
      clearOccurrence(kEarly);
      clearOccurrence(kLate);
      for (long id : List.of(rid, rid2)) {
        attendanceExec("DELETE FROM wecom_outbox WHERE topic LIKE ?", "%:" + id + "%");
        attendanceExec("DELETE FROM wecom_outbox WHERE message_key LIKE ?", "%:" + id + ":%");
      }
    }
  }

  private static LeaveOutcome outcome(
      long id,
      String student,
      LocalDateTime from,
      LocalDateTime to,
      LeaveOutcome.What what,
      LocalDateTime back) {
    return new LeaveOutcome(id, student, "测试学生", "2401000", "SICK", "病假", from, to, what, back);
  }
}
