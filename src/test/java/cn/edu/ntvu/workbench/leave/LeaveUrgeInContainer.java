package cn.edu.ntvu.workbench.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.leave.application.DecisionOutcome;
import cn.edu.ntvu.workbench.leave.application.LeaveActor;
import cn.edu.ntvu.workbench.leave.application.LeaveStore;
import cn.edu.ntvu.workbench.leave.application.LeaveUrges;
import cn.edu.ntvu.workbench.leave.application.StepEscalations;
import cn.edu.ntvu.workbench.leave.application.StepRow;
import cn.edu.ntvu.workbench.leave.application.UrgeSettings;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.StepClock;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import cn.edu.ntvu.workbench.leave.domain.UrgeRule;
import cn.edu.ntvu.workbench.platform.security.AccessDenied;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * 催办 and escalation (issue 18, item 5) in the container: forged urges change nothing, an urge
 * reminds once; escalation fires once per stage and step with two runs at once, and after the
 * second period the fallback approver may decide. The runs are given their time ({@link
 * StepEscalations#runAt}), an hour or more after the container's real clock so that the scheduled
 * run of this server never holds them off; the steps' opening times are set in the past. Students
 * of demo class 2501001 (counsellor 10002).
 */
public abstract class LeaveUrgeInContainer extends LeaveChainInContainer {
  @Inject protected LeaveUrges leaveUrges;
  @Inject protected StepEscalations stepEscalations;
  @Inject protected UrgeSettings urgeSettings;
  @Inject protected LeaveStore urgeLeaveStore;
  @Inject protected cn.edu.ntvu.workbench.leave.application.ApproverDigest approverDigest;

  /** A pending request of {@code student} (class 2501001) with its first step open. */
  protected long openRequest(String student, int daysAhead) {
    LocalDate d = LocalDate.now(schoolClock).plusDays(daysAhead);
    return submitLeave(student, d.atTime(8, 0), d.atTime(11, 0));
  }

  protected StepRow openStep(long id) {
    return urgeLeaveStore.steps(id).stream()
        .filter(s -> s.status() == StepStatus.OPEN)
        .findFirst()
        .orElseThrow();
  }

  protected void openedAt(long stepId, LocalDateTime at) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement("UPDATE leave_step SET opened_at = ? WHERE id = ?")) {
      ps.setTimestamp(1, Timestamp.valueOf(at));
      ps.setLong(2, stepId);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  protected void update(String sql, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  @Test
  void anUrgeRemindsTheApproversOnceAndForgedOrEarlyOnesChangeNothing() throws Exception {
    String student = "20250100045";
    long id = openRequest(student, 3);
    StepRow step = openStep(id);
    var owner = person(student);
    var classmate = person("20250100046");
    var counsellor = person("10002");

    // Too early (just opened): refused with the hours left; nothing stored.
    LeaveUrges.Outcome early = callers.as(owner, () -> leaveUrges.urge(id, LeaveActor.of(owner)));
    assertThat(early.kind()).isEqualTo(UrgeRule.Kind.TOO_EARLY);
    assertThat(early.hoursLeft()).isBetween(1L, urgeSettings.urgeAfter().toHours());
    assertThat(leaveRows("select count(*) from leave_step_urge where request_id = ?", id)).isZero();

    openedAt(step.id(), LocalDateTime.now(schoolClock).minusHours(5));
    // Forged: a classmate (NOT_YOURS), the counsellor (not a student: refused by the service).
    assertThat(callers.as(classmate, () -> leaveUrges.urge(id, LeaveActor.of(classmate))).kind())
        .isEqualTo(UrgeRule.Kind.NOT_YOURS);
    assertThatThrownBy(
            () -> callers.as(counsellor, () -> leaveUrges.urge(id, LeaveActor.of(counsellor))))
        .isInstanceOf(AccessDenied.class);
    assertThat(leaveRows("select count(*) from leave_step_urge where request_id = ?", id)).isZero();
    assertThat(outboxLike("leave:" + id + ":step:%:urged")).isZero();

    // The student urges: one reminder to the counsellor, the timeline and the audit say so.
    assertThat(callers.as(owner, () -> leaveUrges.urge(id, LeaveActor.of(owner))).urged()).isTrue();
    assertThat(outboxLike("leave:" + id + ":step:1:urged")).isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where message_key = ? and to_users like ?",
                "leave:" + id + ":step:1:urged",
                "%10002%"))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from leave_event where request_id = ? and action = 'URGED'", id))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from audit_entry where action = 'LEAVE_URGE' and object_id = ?",
                String.valueOf(id)))
        .isEqualTo(1);

    // Twice: refused, nothing more.
    assertThat(callers.as(owner, () -> leaveUrges.urge(id, LeaveActor.of(owner))).kind())
        .isEqualTo(UrgeRule.Kind.ALREADY_URGED);
    assertThat(
            leaveRows(
                "select count(*) from leave_event where request_id = ? and action = 'URGED'", id))
        .isEqualTo(1);

    // A decided step: refused.
    assertThat(
            leaveDecisions
                .decide(id, 1, true, null, new LeaveActor("10002", "尹超", "DEV"), DecisionVia.PAGE)
                .kind())
        .isEqualTo(DecisionOutcome.Kind.DECIDED);
    if (urgeLeaveStore.request(id).orElseThrow().status().name().equals("PENDING")) {
      // a second step opened just now: too early for it
      assertThat(callers.as(owner, () -> leaveUrges.urge(id, LeaveActor.of(owner))).kind())
          .isEqualTo(UrgeRule.Kind.TOO_EARLY);
    } else {
      assertThat(callers.as(owner, () -> leaveUrges.urge(id, LeaveActor.of(owner))).kind())
          .isEqualTo(UrgeRule.Kind.DECIDED);
    }
    assertThat(leaveRows("select count(*) from leave_step_urge where request_id = ?", id))
        .isEqualTo(1);
  }

  @Test
  void escalationFiresOncePerStageWithTwoRunsAtOnceAndThenTheFallbackApproverDecides()
      throws Exception {
    String fallback = "10059";
    update("UPDATE leave_settings SET fallback_account = ? WHERE id = 1", fallback);
    try {
      long id = openRequest("20250100047", 4);
      StepRow step = openStep(id);
      StepClock clock = urgeSettings.clock();
      Duration first = urgeSettings.escalateAfter();
      Duration both = first.plus(urgeSettings.fallbackAfter());
      // At t1 the step has waited exactly the first period (by the configured clock).
      LocalDateTime t1 = LocalDateTime.now(schoolClock).plusHours(2).withNano(0);
      LocalDateTime opened = clock.startedBy(t1, first);
      openedAt(step.id(), opened);
      LeaveActor fb = new LeaveActor(fallback, "陈杰娥", "DEV");

      // The fallback approver may not decide yet.
      assertThat(leaveDecisions.decide(id, 1, true, null, fb, DecisionVia.PAGE).kind())
          .isEqualTo(DecisionOutcome.Kind.NOT_YOUR_STEP);

      // Two runs at once: one claims, the other does nothing; stage 1 once.
      List<StepEscalations.Run> runs = twoAtOnce(t1);
      assertThat(runs.stream().filter(StepEscalations.Run::claimed).count()).isEqualTo(1);
      assertThat(stages(step.id())).isEqualTo(1);
      assertThat(outboxLike("leave:" + id + ":step:1:escalated:1")).isEqualTo(1);
      assertThat(
              leaveRows(
                  "select count(*) from wecom_outbox where message_key = ? and to_users like ?"
                      + " and to_users like ?",
                  "leave:" + id + ":step:1:escalated:1",
                  "%10002%",
                  "%" + fallback + "%"))
          .isEqualTo(1);
      assertThat(outboxLike("leave:" + id + ":step:1:escalated:2")).isZero();
      assertThat(escalatedEvents(id)).isEqualTo(1);
      assertThat(leaveDecisions.decide(id, 1, true, null, fb, DecisionVia.PAGE).kind())
          .isEqualTo(DecisionOutcome.Kind.NOT_YOUR_STEP);

      // Later, still inside the second period: nothing more.
      LocalDateTime t2 = clock.dueAt(opened, both);
      List<StepEscalations.Run> between = twoAtOnce(t2.minusMinutes(30));
      assertThat(between.stream().filter(StepEscalations.Run::claimed).count()).isEqualTo(1);
      assertThat(stages(step.id())).isEqualTo(1);

      // The second period over: stage 2 once; the fallback approver has a seat and is told.
      List<StepEscalations.Run> second = twoAtOnce(t2.plusMinutes(10));
      assertThat(second.stream().filter(StepEscalations.Run::claimed).count()).isEqualTo(1);
      assertThat(stages(step.id())).isEqualTo(2);
      assertThat(outboxLike("leave:" + id + ":step:1:escalated:2")).isEqualTo(1);
      assertThat(escalatedEvents(id)).isEqualTo(2);
      assertThat(
              leaveRows(
                  "select count(*) from audit_entry where action = 'LEAVE_ESCALATE' and object_id = ?",
                  String.valueOf(id)))
          .isEqualTo(2);
      // Another run later: nothing more for this step.
      twoAtOnce(t2.plusHours(3));
      assertThat(stages(step.id())).isEqualTo(2);
      assertThat(escalatedEvents(id)).isEqualTo(2);

      // A student or another teacher still may not decide; the fallback approver now may.
      assertThat(
              leaveDecisions
                  .decide(id, 1, true, null, new LeaveActor("10003", "陶博", "DEV"), DecisionVia.PAGE)
                  .kind())
          .isEqualTo(DecisionOutcome.Kind.NOT_YOUR_STEP);
      DecisionOutcome o = leaveDecisions.decide(id, 1, true, "代为审批", fb, DecisionVia.PAGE);
      assertThat(o.kind()).isEqualTo(DecisionOutcome.Kind.DECIDED);
      assertThat(openStepOrNull(id, 1)).isNull();
      // The counsellor's tap afterwards is told who decided.
      assertThat(
              leaveDecisions
                  .decide(id, 1, true, null, new LeaveActor("10002", "尹超", "DEV"), DecisionVia.PAGE)
                  .kind())
          .isEqualTo(DecisionOutcome.Kind.ALREADY_DECIDED);
    } finally {
      update("UPDATE leave_settings SET fallback_account = NULL WHERE id = 1");
    }
  }

  @Test
  void theApproversDigestGoesOnceAt0800ToThoseWhoChoseItWithSomethingWaiting() throws Exception {
    long id = openRequest("20250100046", 5);
    var counsellor = person("10002");
    var student = person("20250100046");
    // A student may not choose it (the service refuses), the counsellor chooses it for himself.
    assertThatThrownBy(() -> callers.as(student, () -> digestOf(student.account(), true)))
        .isInstanceOf(AccessDenied.class);
    callers.as(counsellor, () -> digestOf(counsellor.account(), true));
    // 陶博 (10003) chose it too but nothing waits for him... unless other tests left some.
    callers.as(person("10003"), () -> digestOf("10003", true));
    try {
      // A day far from the real clock, so that the scheduled run never claims it.
      LocalDate day = LocalDate.of(2031, 3, 3);
      assertThat(approverDigest.runAt(day.atTime(7, 59))).isEqualTo(-1);
      int sent = approverDigest.runAt(day.atTime(8, 5));
      assertThat(sent).isGreaterThanOrEqualTo(1);
      String key = "leave:approver-digest:" + day + ":10002";
      assertThat(outboxLike(key)).isEqualTo(1);
      assertThat(
              leaveRows(
                  "select count(*) from wecom_outbox where message_key = ? and body like ?",
                  key,
                  "%" + "待我审批" + "%"))
          .isEqualTo(1);
      long waitingFor10003 =
          leaveRows(
              "select count(*) from leave_step_approver a join leave_step s on s.id = a.step_id"
                  + " and s.status = 'OPEN' join leave_request r on r.id = s.request_id"
                  + " and r.status = 'PENDING' where a.account = '10003' and a.state = 'PENDING'");
      assertThat(outboxLike("leave:approver-digest:" + day + ":10003"))
          .isEqualTo(waitingFor10003 > 0 ? 1 : 0);
      // Once per day: again at 08:10 (another server) nothing.
      assertThat(approverDigest.runAt(day.atTime(8, 10))).isEqualTo(-1);
      assertThat(outboxLike(key)).isEqualTo(1);
      assertThat(id).isPositive();
    } finally {
      callers.as(counsellor, () -> digestOf(counsellor.account(), false));
      callers.as(person("10003"), () -> digestOf("10003", false));
    }
  }

  private boolean digestOf(String account, boolean wanted) {
    approverDigest.choose(account, wanted);
    return wanted;
  }

  private StepRow openStepOrNull(long id, int stepNo) {
    return urgeLeaveStore.steps(id).stream()
        .filter(s -> s.stepNo() == stepNo && s.status() == StepStatus.OPEN)
        .findFirst()
        .orElse(null);
  }

  private long stages(long stepId) throws Exception {
    return leaveRows("select count(*) from leave_step_escalation where step_id = ?", stepId);
  }

  private long escalatedEvents(long id) throws Exception {
    return leaveRows(
        "select count(*) from leave_event where request_id = ? and action = 'ESCALATED'", id);
  }

  private List<StepEscalations.Run> twoAtOnce(LocalDateTime now) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<StepEscalations.Run>> fs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        fs.add(
            pool.submit(
                () -> {
                  go.await();
                  return callers.asSystem(() -> stepEscalations.runAt(now, Duration.ofMinutes(4)));
                }));
      }
      go.countDown();
      List<StepEscalations.Run> out = new ArrayList<>();
      for (Future<StepEscalations.Run> f : fs) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }
}
