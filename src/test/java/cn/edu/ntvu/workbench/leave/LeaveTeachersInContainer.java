package cn.edu.ntvu.workbench.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.edu.ntvu.workbench.leave.application.DecisionOutcome;
import cn.edu.ntvu.workbench.leave.application.LeaveActor;
import cn.edu.ntvu.workbench.leave.application.LeaveOutcome;
import cn.edu.ntvu.workbench.leave.application.LeaveReversals;
import cn.edu.ntvu.workbench.leave.application.LeaveStore;
import cn.edu.ntvu.workbench.leave.application.StepRow;
import cn.edu.ntvu.workbench.leave.application.TeacherDigest;
import cn.edu.ntvu.workbench.leave.application.TeacherNoticePreferences;
import cn.edu.ntvu.workbench.leave.domain.CardAction;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import cn.edu.ntvu.workbench.notices.NoticesInContainer;
import cn.edu.ntvu.workbench.platform.security.AccessDenied;
import cn.edu.ntvu.workbench.timetable.application.MissedClassesQuery;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Course teachers told (issue 19) in the container: the final approval queues one message per
 * teacher, a retry nothing more, a correction after withdrawal; a digest teacher none per request
 * and one digest at 07:30 (time set by the test), the day claimed once with two workers at once.
 * Demo class 2401000 (counsellor 10001): Thursday and Friday of an even week miss 职业生涯规划 (10059),
 * 形势与政策 (10015), 市场营销学 (10719) and 体育 (10717).
 */
public abstract class LeaveTeachersInContainer extends NoticesInContainer {
  @Inject protected MissedClassesQuery teacherMissed;
  @Inject protected LeaveStore teacherLeaveStore;
  @Inject protected TeacherNoticePreferences teacherPreferences;
  @Inject protected TeacherDigest teacherDigest;
  @Inject protected Event<LeaveOutcome> leaveOutcomes;
  @Inject protected LeaveReversals leaveReversals;

  /** The next Thursday of an even teaching week (1–16) of the demo term, at least a day away. */
  protected LocalDate evenThursday() {
    LocalDate monday1 = LocalDate.of(2026, 9, 7);
    LocalDate d =
        LocalDate.now(schoolClock)
            .plusDays(1)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
    while ((ChronoUnit.WEEKS.between(monday1, d) + 1) % 2 != 0) {
      d = d.plusWeeks(1);
    }
    assumeTrue(ChronoUnit.WEEKS.between(monday1, d) + 1 <= 16, "the demo term is over");
    return d;
  }

  /** Submits for {@code student} Thursday 08:00 – Friday 18:00 and approves every step. */
  protected long approvedLeave(String student, LocalDate thursday) {
    long id = submitLeave(student, thursday.atTime(8, 0), thursday.plusDays(1).atTime(18, 0));
    for (int i = 0; i < 5; i++) {
      StepRow open =
          teacherLeaveStore.steps(id).stream()
              .filter(s -> s.status() == StepStatus.OPEN)
              .findFirst()
              .orElse(null);
      if (open == null) {
        break;
      }
      String approver = open.approvers().get(0);
      assertThat(
              leaveDecisions
                  .decide(
                      id,
                      open.stepNo(),
                      true,
                      null,
                      new LeaveActor(approver, "审批人", "DEV"),
                      DecisionVia.PAGE)
                  .kind()
                  .name())
          .isEqualTo("DECIDED");
    }
    assertThat(teacherLeaveStore.request(id).orElseThrow().status().name()).isEqualTo("APPROVED");
    return id;
  }

  protected List<String> teachersOf(String student, LocalDate thursday) {
    return teacherMissed
        .forStudent(student, "2401000", thursday.atTime(8, 0), thursday.plusDays(1).atTime(18, 0))
        .teacherAccounts();
  }

  protected long outboxLike(String keyPattern) throws Exception {
    return leaveRows("select count(*) from wecom_outbox where message_key like ?", keyPattern);
  }

  protected void inTransaction(Runnable r) throws Exception {
    userTransaction.begin();
    try {
      r.run();
      userTransaction.commit();
    } catch (RuntimeException e) {
      userTransaction.rollback();
      throw e;
    }
  }

  @Test
  void aFinalApprovalTellsEachTeacherOnceAndAWithdrawalCorrectsIt() throws Exception {
    LocalDate thu = evenThursday();
    String student = "20240100036";
    List<String> teachers = teachersOf(student, thu);
    assertThat(teachers).contains("10059", "10015", "10719", "10717");
    long id = approvedLeave(student, thu);

    assertThat(outboxLike("leave:" + id + ":teachers:%")).isEqualTo(teachers.size());
    for (String t : teachers) {
      assertThat(
              leaveRows(
                  "select count(*) from wecom_outbox where message_key = ? and to_users = ?",
                  "leave:" + id + ":teachers:FINALLY_APPROVED:" + t,
                  t))
          .as(t)
          .isEqualTo(1);
    }
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where message_key = ? and body like ?"
                    + " and body like ? and body not like ?",
                "leave:" + id + ":teachers:FINALLY_APPROVED:10719",
                "%事假已批准%",
                "%第5–6节 市场营销学%",
                "%职业生涯规划%"))
        .isEqualTo(1);

    // A retried decision, and the same outcome observed again (a retried transaction): nothing
    // more.
    StepRow last = teacherLeaveStore.steps(id).get(teacherLeaveStore.steps(id).size() - 1);
    assertThat(
            leaveDecisions
                .decide(
                    id,
                    last.stepNo(),
                    true,
                    null,
                    new LeaveActor(last.decidedBy(), "审批人", "DEV"),
                    DecisionVia.PAGE)
                .kind()
                .name())
        .isEqualTo("ALREADY_DECIDED");
    var row = teacherLeaveStore.request(id).orElseThrow();
    LeaveOutcome approved =
        new LeaveOutcome(
            id,
            student,
            row.studentName(),
            row.classCode(),
            row.typeCode(),
            "事假",
            row.start(),
            row.end(),
            LeaveOutcome.What.FINALLY_APPROVED,
            null);
    inTransaction(() -> leaveOutcomes.fire(approved));
    assertThat(outboxLike("leave:" + id + ":teachers:%")).isEqualTo(teachers.size());

    // Withdrawn after approval: one correction per teacher, saying what no longer holds.
    LeaveOutcome withdrawn =
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
    inTransaction(() -> leaveOutcomes.fire(withdrawn));
    inTransaction(() -> leaveOutcomes.fire(withdrawn));
    assertThat(outboxLike("leave:" + id + ":teachers:WITHDRAWN_AFTER_APPROVAL:%"))
        .isEqualTo(teachers.size());
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where message_key = ? and body like ?",
                "leave:" + id + ":teachers:WITHDRAWN_AFTER_APPROVAL:10059",
                "%更正%已撤回%"))
        .isEqualTo(1);
    // A transaction that rolls back queues nothing.
    LeaveOutcome cancelled =
        new LeaveOutcome(
            id,
            student,
            row.studentName(),
            row.classCode(),
            row.typeCode(),
            "事假",
            row.start(),
            row.end(),
            LeaveOutcome.What.CANCELLED_AFTER_APPROVAL,
            null);
    userTransaction.begin();
    leaveOutcomes.fire(cancelled);
    userTransaction.rollback();
    assertThat(outboxLike("leave:" + id + ":teachers:CANCELLED_AFTER_APPROVAL:%")).isZero();
  }

  @Test
  void aDigestTeacherGetsNoMessagePerRequestButOneDigestAt0730ClaimedOnce() throws Exception {
    LocalDate thu = evenThursday();
    LocalDate fri = thu.plusDays(1);
    String student = "20240100039";
    teacherPreferences.choose("10719", true);
    try {
      assertThat(teacherPreferences.wantsDigest("10719")).isTrue();
      long id = approvedLeave(student, thu);
      // 市场营销学 (10719) is on Friday, a day whose digest is still to come: no message now; the
      // others are told as usual.
      assertThat(outboxLike("leave:" + id + ":teachers:%:10719")).isZero();
      assertThat(outboxLike("leave:" + id + ":teachers:FINALLY_APPROVED:10059")).isEqualTo(1);

      // Two servers at 07:30 on Thursday at once: one claims the day.
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          runs.add(
              pool.submit(
                  () -> {
                    go.await();
                    return teacherDigest.runAt(thu.atTime(7, 30));
                  }));
        }
        go.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> f : runs) {
          results.add(f.get());
        }
        assertThat(results).containsOnlyOnce(-1);
      } finally {
        pool.shutdown();
      }
      assertThat(
              leaveRows(
                  "select count(*) from leave_teacher_digest_run where run_date = ?",
                  java.sql.Date.valueOf(thu)))
          .isEqualTo(1);
      // 10719 teaches nothing of that class on Thursday: no digest for them.
      assertThat(outboxLike("leave:digest:" + thu + ":10719")).isZero();

      // Friday: before 07:30 nothing; at 07:35 one digest naming the student; again nothing more.
      assertThat(teacherDigest.runAt(fri.atTime(7, 29))).isEqualTo(-1);
      assertThat(outboxLike("leave:digest:" + fri + ":%")).isZero();
      assertThat(teacherDigest.runAt(fri.atTime(7, 35))).isGreaterThanOrEqualTo(1);
      assertThat(teacherDigest.runAt(fri.atTime(7, 40))).isEqualTo(-1);
      assertThat(
              leaveRows(
                  "select count(*) from wecom_outbox where message_key = ? and to_users = '10719'"
                      + " and body like ? and body like ?",
                  "leave:digest:" + fri + ":10719",
                  "%第5–6节 市场营销学：%",
                  "%董艳子%"))
          .isEqualTo(1);
      // Only digest teachers get one.
      assertThat(outboxLike("leave:digest:" + fri + ":10717")).isZero();
    } finally {
      teacherPreferences.choose("10719", false);
    }
  }

  private String statusOf(long id) {
    return teacherLeaveStore.request(id).orElseThrow().status().name();
  }

  @Test
  void anApprovedLeaveIsRevokedByItsStudentOnlyAndCancelledByAnApproverOnlyWithAReason()
      throws Exception {
    LocalDate thu = evenThursday();
    String student = "20240100026";
    List<String> teachers = teachersOf(student, thu);
    assertThat(teachers).isNotEmpty();
    long id = approvedLeave(student, thu);
    var owner = person(student);
    var classmate = person("20240100027");
    var counsellor = person("10001");
    var teacher = person("10004");
    var admin = person("10857");

    // Forged: another student, a counsellor, the owner asking to 取消, staff who approve nothing.
    assertThat(callers.as(classmate, () -> leaveReversals.revoke(id, LeaveActor.of(classmate))))
        .isFalse();
    assertThatThrownBy(
            () ->
                callers.as(counsellor, () -> leaveReversals.revoke(id, LeaveActor.of(counsellor))))
        .isInstanceOf(AccessDenied.class);
    assertThatThrownBy(
            () -> callers.as(owner, () -> leaveReversals.cancel(id, "不想去了", LeaveActor.of(owner))))
        .isInstanceOf(AccessDenied.class);
    for (var staff : List.of(teacher, admin)) {
      assertThat(callers.as(staff, () -> leaveReversals.cancel(id, "理由", LeaveActor.of(staff))))
          .as(staff.account())
          .isEqualTo(LeaveReversals.Result.REFUSED);
    }
    assertThat(statusOf(id)).isEqualTo("APPROVED");
    assertThat(outboxLike("leave:" + id + ":teachers:WITHDRAWN_AFTER_APPROVAL:%")).isZero();
    assertThat(outboxLike("leave:" + id + ":revoked")).isZero();

    // The student 撤销s it before it starts: one correction per teacher, the approvers told once.
    assertThat(callers.as(owner, () -> leaveReversals.revoke(id, LeaveActor.of(owner)))).isTrue();
    assertThat(statusOf(id)).isEqualTo("REVOKED");
    assertThat(outboxLike("leave:" + id + ":teachers:WITHDRAWN_AFTER_APPROVAL:%"))
        .isEqualTo(teachers.size());
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where message_key = ? and to_users like ?"
                    + " and body like ?",
                "leave:" + id + ":revoked",
                "%10001%",
                "%撤销了已批准的事假%"))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from leave_event where request_id = ? and action = 'REVOKED'", id))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from audit_entry where object_type = 'leave_request'"
                    + " and object_id = ? and action = 'LEAVE_REVOKE'",
                String.valueOf(id)))
        .isEqualTo(1);
    // Again, or 取消 afterwards: nothing more.
    long queued = outboxLike("leave:" + id + ":%");
    assertThat(callers.as(owner, () -> leaveReversals.revoke(id, LeaveActor.of(owner)))).isFalse();
    assertThat(
            callers.as(
                counsellor, () -> leaveReversals.cancel(id, "理由", LeaveActor.of(counsellor))))
        .isEqualTo(LeaveReversals.Result.REFUSED);
    assertThat(outboxLike("leave:" + id + ":teachers:%")).isEqualTo(2L * teachers.size());
    assertThat(outboxLike("leave:" + id + ":%")).isEqualTo(queued);
    // A stale card's 同意 tap is told the leave was taken back; nothing is decided.
    DecisionOutcome tap =
        leaveDecisions.decideFromCard(
            "10001", CardAction.taskId(id, 1), CardAction.approveKey(id, 1));
    assertThat(tap.kind()).isEqualTo(DecisionOutcome.Kind.CLOSED);
    assertThat(tap.decision()).isEqualTo("REVOKED");

    // Another approved leave: the class counsellor 取消s it, first without a reason (refused).
    String second = "20240100027";
    long id2 = approvedLeave(second, thu);
    assertThat(
            callers.as(
                counsellor, () -> leaveReversals.cancel(id2, "  ", LeaveActor.of(counsellor))))
        .isEqualTo(LeaveReversals.Result.REASON_MISSING);
    assertThat(statusOf(id2)).isEqualTo("APPROVED");
    assertThat(
            callers.as(
                counsellor,
                () -> leaveReversals.cancel(id2, "家长来电，行程取消", LeaveActor.of(counsellor))))
        .isEqualTo(LeaveReversals.Result.DONE);
    assertThat(statusOf(id2)).isEqualTo("CANCELLED");
    assertThat(outboxLike("leave:" + id2 + ":teachers:CANCELLED_AFTER_APPROVAL:%"))
        .isEqualTo(teachersOf(second, thu).size());
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where message_key = ? and to_users like ?"
                    + " and body like ?",
                "leave:" + id2 + ":cancelled",
                "%" + second + "%",
                "%家长来电，行程取消%"))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from leave_event where request_id = ? and action = 'CANCELLED'"
                    + " and detail = ?",
                id2,
                "家长来电，行程取消"))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from audit_entry where object_type = 'leave_request'"
                    + " and object_id = ? and action = 'LEAVE_CANCEL' and after_values like ?",
                String.valueOf(id2),
                "%家长来电%"))
        .isEqualTo(1);
    assertThat(
            callers.as(
                counsellor, () -> leaveReversals.cancel(id2, "再取消", LeaveActor.of(counsellor))))
        .isEqualTo(LeaveReversals.Result.REFUSED);
    assertThat(outboxLike("leave:" + id2 + ":teachers:CANCELLED_AFTER_APPROVAL:%"))
        .isEqualTo(teachersOf(second, thu).size());
  }
}
