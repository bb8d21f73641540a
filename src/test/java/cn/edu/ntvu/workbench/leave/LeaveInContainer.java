package cn.edu.ntvu.workbench.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.identity.application.SignInService;
import cn.edu.ntvu.workbench.messaging.MessagingInContainer;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * 学生请假 in the container: card-button decisions, replayed clicks, the overdue job, append-only
 * events, the callback endpoint.
 *
 * <p>An abstract part of {@code platform.persistence.InContainerIT}: the parts are stacked into
 * that one class so that Arquillian starts Payara Micro once for all of them (each deployment is a
 * new Payara Micro).
 */
public abstract class LeaveInContainer extends MessagingInContainer {
  // --- 学生请假 (leave): the card button decision the WeCom callback calls, and the overdue job ---

  @Inject protected cn.edu.ntvu.workbench.leave.application.LeaveSubmissions leaveSubmissions;
  @Inject protected cn.edu.ntvu.workbench.leave.application.LeaveDecisions leaveDecisions;
  @Inject protected cn.edu.ntvu.workbench.leave.application.LeaveReturns leaveReturns;

  /**
   * Submits a personal leave for {@code student} (demo class 2401000: counsellor 10001) and returns
   * its id.
   */
  protected long submitLeave(
      String student, java.time.LocalDateTime start, java.time.LocalDateTime end) {
    var user = ((SignInService.Outcome.SignedIn) signIn.resolve(student, SignInPath.DEV)).user();
    var form =
        new cn.edu.ntvu.workbench.leave.domain.LeaveForm(
            "PERSONAL", start, end, "事由 " + System.nanoTime(), false, null, null, 0);
    var result =
        leaveSubmissions.submit(user, form, List.of(), java.util.UUID.randomUUID().toString());
    assertThat(result.problems()).isEmpty();
    assertThat(result.created()).isTrue();
    return result.requestId();
  }

  protected long leaveRows(String sql, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void leaveCardButtonDecidesOnlyForAnApproverOfTheOpenStepAndOnlyOnce() throws Exception {
    var tomorrow = java.time.LocalDate.now(schoolClock).plusDays(1);
    long id = submitLeave("20240100007", tomorrow.atTime(8, 0), tomorrow.atTime(11, 0));
    String task = cn.edu.ntvu.workbench.leave.domain.CardAction.taskId(id, 1);
    String approve = cn.edu.ntvu.workbench.leave.domain.CardAction.approveKey(id, 1);
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where message_key = ? and to_users = '10001'"
                    + " and body like ?",
                "leave:" + id + ":step:1:open",
                "%" + approve + "%"))
        .isEqualTo(1);

    assertThat(leaveDecisions.decideFromCard("10002", task, approve).kind().name())
        .isEqualTo("NOT_YOUR_STEP");
    assertThat(leaveDecisions.decideFromCard("20240100007", task, approve).kind().name())
        .isEqualTo("NOT_YOUR_STEP");
    assertThat(leaveDecisions.decideFromCard("nobody", task, approve).kind().name())
        .isEqualTo("NOT_YOUR_STEP");
    // A forged request id in the key, a key that does not match the task, an unknown request.
    assertThat(
            leaveDecisions
                .decideFromCard("10001", task, "approve:" + (id + 1) + ":1")
                .kind()
                .name())
        .isEqualTo("UNKNOWN");
    assertThat(
            leaveDecisions
                .decideFromCard("10001", "leave-99999999-1", "approve:99999999:1")
                .kind()
                .name())
        .isEqualTo("UNKNOWN");
    assertThat(
            leaveRows(
                "select count(*) from leave_event where request_id = ? and action in ('APPROVED',"
                    + " 'REJECTED')",
                id))
        .isZero();

    var decided = leaveDecisions.decideFromCard("10001", task, approve);
    assertThat(decided.kind().name()).isEqualTo("DECIDED");
    // WeCom's retry of the same click, and a late 驳回 on the same card: answered, nothing applied
    // twice.
    var replay = leaveDecisions.decideFromCard("10001", task, approve);
    assertThat(replay.kind().name()).isEqualTo("ALREADY_DECIDED");
    assertThat(replay.decidedByName()).isEqualTo("毛敏");
    assertThat(
            leaveDecisions
                .decideFromCard(
                    "10001", task, cn.edu.ntvu.workbench.leave.domain.CardAction.rejectKey(id, 1))
                .kind()
                .name())
        .isEqualTo("ALREADY_DECIDED");

    assertThat(
            leaveRows(
                "select count(*) from leave_request where id = ? and status = 'APPROVED'", id))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from leave_event where request_id = ? and action = 'APPROVED'"
                    + " and via = 'CARD_BUTTON' and actor_account = '10001'",
                id))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from leave_step where request_id = ? and decided_via = 'CARD_BUTTON'",
                id))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where message_key = ? and to_users = '20240100007'",
                "leave:" + id + ":step:1:decided"))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from audit_entry where object_type = 'leave_request' and object_id = ?"
                    + " and action = 'LEAVE_APPROVE'",
                String.valueOf(id)))
        .isEqualTo(1);
    // The only approver clicked: their own card is updated by the click's code, so no other card
    // needs settling.
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where message_key = ?",
                "leave:" + id + ":step:1:card-settled"))
        .isZero();
  }

  @Test
  void leaveClicksReplayedConcurrentlyDecideExactlyOnce() throws Exception {
    var day = java.time.LocalDate.now(schoolClock).plusDays(2);
    long id = submitLeave("20240100008", day.atTime(8, 0), day.atTime(11, 0));
    String task = cn.edu.ntvu.workbench.leave.domain.CardAction.taskId(id, 1);
    String approve = cn.edu.ntvu.workbench.leave.domain.CardAction.approveKey(id, 1);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<Future<String>> clicks = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        clicks.add(
            pool.submit(
                () -> {
                  go.await();
                  return leaveDecisions.decideFromCard("10001", task, approve).kind().name();
                }));
      }
      go.countDown();
      List<String> kinds = new ArrayList<>();
      for (Future<String> f : clicks) {
        kinds.add(f.get());
      }
      assertThat(kinds).containsOnlyOnce("DECIDED");
      assertThat(kinds.stream().filter("ALREADY_DECIDED"::equals).count()).isEqualTo(5);
    } finally {
      pool.shutdown();
    }
    assertThat(
            leaveRows(
                "select count(*) from leave_event where request_id = ? and action = 'APPROVED'",
                id))
        .isEqualTo(1);
  }

  @Test
  void leaveOverdueIsFlaggedAndRemindedOnceAndTheJobRunsOncePerPeriod() throws Exception {
    // Half a day two days ago (one step: the counsellor), approved, never reported back.
    var twoDaysAgo = java.time.LocalDate.now(schoolClock).minusDays(2);
    long id = submitLeave("20240100009", twoDaysAgo.atTime(8, 0), twoDaysAgo.atTime(11, 0));
    var counsellor = new cn.edu.ntvu.workbench.leave.application.LeaveActor("10001", "毛敏", "DEV");
    assertThat(
            leaveDecisions
                .decide(
                    id,
                    1,
                    true,
                    null,
                    counsellor,
                    cn.edu.ntvu.workbench.leave.domain.DecisionVia.PAGE)
                .decided())
        .isTrue();

    // (The 5-minute schedule may have flagged it a moment before this run: either way it is flagged
    // once.)
    leaveReturns.flagOverdue(java.time.Duration.ZERO);
    // Another server's run a moment later finds the job already run; a later run finds nothing new.
    assertThat(leaveReturns.flagOverdue(java.time.Duration.ofMinutes(5))).isZero();
    assertThat(leaveReturns.flagOverdue(java.time.Duration.ZERO)).isZero();
    assertThat(
            leaveRows(
                "select count(*) from leave_request where id = ? and overdue_at is not null", id))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from leave_event where request_id = ? and action = 'OVERDUE'"
                    + " and via = 'AUTOMATIC'",
                id))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where message_key = ? and to_users = '20240100009|10001'",
                "leave:" + id + ":overdue"))
        .isEqualTo(1);

    // 销假 afterwards; the counsellor confirms; another counsellor may not.
    var student = new cn.edu.ntvu.workbench.leave.application.LeaveActor("20240100009", "", "DEV");
    assertThat(leaveReturns.reportBack(id, student)).isTrue();
    assertThat(leaveReturns.reportBack(id, student)).isFalse();
    assertThat(
            leaveReturns.confirmReturn(
                id, new cn.edu.ntvu.workbench.leave.application.LeaveActor("10002", "", "DEV")))
        .isFalse();
    assertThat(leaveReturns.confirmReturn(id, counsellor)).isTrue();
    assertThat(
            leaveRows(
                "select count(*) from leave_request where id = ? and return_confirmed_by = '10001'",
                id))
        .isEqualTo(1);
  }

  @Test
  void leaveEventsAreAppendOnly() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      assertThatThrownBy(
              () ->
                  c.createStatement()
                      .executeUpdate("update leave_event set actor_account = 'mallory'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> c.createStatement().executeUpdate("delete from leave_event"))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void aCardClickThroughTheCallbackEndpointDecidesAndUpdatesTheClickersCard() throws Exception {
    java.time.LocalDateTime start =
        java.time.LocalDateTime.now(schoolClock).plusDays(9).withHour(8).withMinute(0);
    long id = submitLeave("20240100031", start, start.plusHours(4));
    String task = cn.edu.ntvu.workbench.leave.domain.CardAction.taskId(id, 1);
    String approve = cn.edu.ntvu.workbench.leave.domain.CardAction.approveKey(id, 1);
    long now = java.time.Instant.now().getEpochSecond();

    // WeCom posts the click (encrypted, signed) to /wecom/callback, as the counsellor of the
    // student's class.
    assertThat(standIn().cardClick("10001", approve, task, now).getInt("status")).isEqualTo(200);
    assertThat(
            leaveRows(
                "SELECT COUNT(*) FROM leave_request WHERE id = ? AND status = 'APPROVED'", id))
        .as("a one-step leave is approved by the counsellor's click")
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "SELECT COUNT(*) FROM wecom_outbox WHERE topic = ? AND kind = 'UPDATE_TEMPLATE_CARD'"
                    + " AND to_users = '10001' AND body LIKE '%已同意%'",
                "leave:" + id))
        .isEqualTo(1);

    // A second click (WeCom sends a new message for it): nothing is decided twice; the card says it
    // is done.
    assertThat(standIn().cardClick("10001", approve, task, now + 1).getInt("status"))
        .isEqualTo(200);
    assertThat(
            leaveRows(
                "SELECT COUNT(*) FROM wecom_outbox WHERE topic = ? AND kind = 'UPDATE_TEMPLATE_CARD'"
                    + " AND body LIKE '%已由%处理%'",
                "leave:" + id))
        .isEqualTo(1);
    // Someone who is not an approver of the step changes nothing.
    standIn()
        .cardClick(
            "10002", cn.edu.ntvu.workbench.leave.domain.CardAction.rejectKey(id, 1), task, now + 2);
    assertThat(
            leaveRows(
                "SELECT COUNT(*) FROM leave_request WHERE id = ? AND status = 'APPROVED'", id))
        .isEqualTo(1);
  }

  // --- end of leave ---
}
