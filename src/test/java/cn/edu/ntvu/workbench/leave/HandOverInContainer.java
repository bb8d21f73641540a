package cn.edu.ntvu.workbench.leave;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.leave.application.DecisionOutcome;
import cn.edu.ntvu.workbench.leave.application.HandOverProblem;
import cn.edu.ntvu.workbench.leave.application.HandOverResult;
import cn.edu.ntvu.workbench.leave.application.LeaveActor;
import cn.edu.ntvu.workbench.leave.application.LeaveHandOvers;
import cn.edu.ntvu.workbench.leave.domain.CardAction;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * 转审 and 加签 in the container (issue 18 items 2–3): a 转审 racing an approval of the same step by the
 * same approver and by another one (threads released by one latch: exactly one wins, the other is
 * told who), a 转审 racing a 转审, every bad input refused with nothing changed, forged calls by the
 * student, another counsellor, a teacher and an admin changing nothing, and the cards, timeline and
 * audit of what was done.
 *
 * <p>An abstract part of {@code platform.persistence.InContainerIT}.
 */
public abstract class HandOverInContainer extends LeaveDeputyInContainer {
  private static final String MAO = "10001"; // 毛敏, counsellor of 2401000
  private static final String YIN = "10002"; // 尹超
  private static final String TAO = "10003"; // 陶博
  private static final String LIU = "10004"; // 刘敏秀, a teacher
  private static final String YU = "10005"; // 余刚
  private static final String JIA = "10006"; // 贾诺
  private static final String ADMIN = "10857";

  @Inject LeaveHandOvers handOvers;

  private static LeaveActor actor(String account, String name) {
    return new LeaveActor(account, name, "WECOM");
  }

  private static final LeaveActor MAO_A = actor(MAO, "毛敏");

  /** A pending half-day leave of {@code student}, {@code days} from today (distinct per test). */
  private long pending(String student, int days) {
    LocalDate d = LocalDate.now(schoolClock).plusDays(days);
    return submitLeave(student, d.atTime(8, 0), d.atTime(11, 0));
  }

  private long events(long id, String action) throws Exception {
    return leaveRows(
        "select count(*) from leave_event where request_id = ? and action = ?", id, action);
  }

  private long outbox(String key) throws Exception {
    return leaveRows("select count(*) from wecom_outbox where message_key = ?", key);
  }

  private long audits(long id, String action) throws Exception {
    return leaveRows(
        "select count(*) from audit_entry where object_type = 'leave_request' and object_id = ?"
            + " and action = ?",
        String.valueOf(id),
        action);
  }

  private String one(String sql, Object... args) throws Exception {
    try (var c = dataSource.getConnection();
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (var rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private void exec(String sql, Object... args) throws Exception {
    try (var c = dataSource.getConnection();
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  private static <T> List<T> race(Callable<T> a, Callable<T> b) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> f = new ArrayList<>();
      for (Callable<T> c : List.of(a, b)) {
        f.add(
            pool.submit(
                () -> {
                  go.await();
                  return c.call();
                }));
      }
      go.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> x : f) {
        out.add(x.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void handOverRacingAnApprovalByTheSameApproverHasExactlyOneWinnerAndTheOtherIsTold()
      throws Exception {
    int handedOver = 0;
    int approved = 0;
    for (int round = 0; round < 4; round++) {
      long id = pending("2024010003" + round, 41 + round);
      List<Object> both =
          race(
              () -> handOvers.handOver(id, 1, TAO, "我出差", MAO_A),
              () -> leaveDecisions.decide(id, 1, true, null, MAO_A, DecisionVia.PAGE));
      HandOverResult h = (HandOverResult) both.get(0);
      DecisionOutcome d = (DecisionOutcome) both.get(1);
      assertThat(h.ok()).as("round %d: exactly one wins", round).isNotEqualTo(d.decided());
      if (h.ok()) {
        handedOver++;
        assertThat(d.kind()).isNotEqualTo(DecisionOutcome.Kind.DECIDED);
        assertThat(events(id, "HANDED_OVER")).isEqualTo(1);
        assertThat(events(id, "APPROVED")).isZero();
        assertThat(one("select status from leave_request where id = ?", id)).isEqualTo("PENDING");
        assertThat(outbox("leave:" + id + ":step:1:open:" + TAO)).isEqualTo(1);
      } else {
        approved++;
        // told who decided, not a bare failure
        assertThat(h.problem()).isEqualTo(HandOverProblem.ALREADY_DECIDED);
        assertThat(h.name()).isEqualTo("毛敏");
        assertThat(events(id, "HANDED_OVER")).isZero();
        assertThat(events(id, "APPROVED")).isEqualTo(1);
        assertThat(audits(id, "LEAVE_HAND_OVER")).isZero();
        assertThat(
                leaveRows(
                    "select count(*) from wecom_outbox where message_key like ?",
                    "leave:" + id + ":step:1:open:%"))
            .isZero();
      }
    }
    assertThat(handedOver + approved).isEqualTo(4);
  }

  @Test
  void handOverRacingAnApprovalByAnotherApproverLeavesOneStepResultAndTellsTheLoser()
      throws Exception {
    // A second counsellor for the class, as the directory can have: any one of them decides.
    exec(
        "INSERT IGNORE INTO role_grant (person_id, role, scope_kind, scope_id, source)"
            + " SELECT p.id, 'COUNSELLOR', 'CLASS', c.id, 'ADMIN' FROM person p, school_class c"
            + " WHERE p.account = ? AND c.code = '2401000'",
        YIN);
    try {
      for (int round = 0; round < 3; round++) {
        long id = pending("2024010001" + round, 51 + round);
        List<Object> both =
            race(
                () -> handOvers.handOver(id, 1, TAO, null, MAO_A),
                () -> leaveDecisions.decide(id, 1, true, null, actor(YIN, "尹超"), DecisionVia.PAGE));
        HandOverResult h = (HandOverResult) both.get(0);
        DecisionOutcome d = (DecisionOutcome) both.get(1);
        // 尹超's approval decides the 或签 step either way; the 转审 either came first (陶博's new seat
        // is settled with the step) or is told who decided.
        assertThat(d.decided()).isTrue();
        assertThat(events(id, "APPROVED")).isEqualTo(1);
        assertThat(one("select status from leave_request where id = ?", id)).isEqualTo("APPROVED");
        if (h.ok()) {
          assertThat(events(id, "HANDED_OVER")).isEqualTo(1);
          assertThat(
                  one(
                      "select a.state from leave_step_approver a join leave_step s on s.id ="
                          + " a.step_id where s.request_id = ? and a.account = ?",
                      id,
                      TAO))
              .isEqualTo("SETTLED");
        } else {
          assertThat(h.problem()).isEqualTo(HandOverProblem.ALREADY_DECIDED);
          assertThat(h.name()).isEqualTo("尹超");
          assertThat(events(id, "HANDED_OVER")).isZero();
        }
      }
    } finally {
      exec(
          "DELETE g FROM role_grant g JOIN person p ON p.id = g.person_id"
              + " WHERE p.account = ? AND g.role = 'COUNSELLOR' AND g.source = 'ADMIN'",
          YIN);
    }
  }

  @Test
  void handOverTwiceAtOnceFromTwoTabsHandsItOverOnce() throws Exception {
    long id = pending("20240100029", 61);
    List<HandOverResult> both =
        race(
            () -> handOvers.handOver(id, 1, TAO, null, MAO_A),
            () -> handOvers.handOver(id, 1, YU, null, MAO_A));
    assertThat(both.stream().filter(HandOverResult::ok).count()).isEqualTo(1);
    HandOverResult lost = both.stream().filter(r -> !r.ok()).findFirst().orElseThrow();
    HandOverResult won = both.stream().filter(HandOverResult::ok).findFirst().orElseThrow();
    assertThat(lost.problem()).isEqualTo(HandOverProblem.HANDED_OVER);
    assertThat(lost.name()).isEqualTo(won.name());
    assertThat(events(id, "HANDED_OVER")).isEqualTo(1);
  }

  @Test
  void handOverGivesTheNewApproverTheCardUpdatesTheOldOneAndIsInTimelineAndAudit()
      throws Exception {
    long id = pending("20240100028", 62);
    HandOverResult r = handOvers.handOver(id, 1, TAO, "  我出差三天 ", MAO_A);
    assertThat(r.ok()).isTrue();
    assertThat(r.name()).isEqualTo("陶博");
    String card =
        one(
            "select body from wecom_outbox where message_key = ?",
            "leave:" + id + ":step:1:open:" + TAO);
    assertThat(
            one(
                "select to_users from wecom_outbox where message_key = ?",
                "leave:" + id + ":step:1:open:" + TAO))
        .isEqualTo(TAO);
    assertThat(card)
        .contains("\"task_id\":\"" + CardAction.seatTaskId(id, 1, 2) + "\"")
        .contains(CardAction.approveKey(id, 1))
        .contains("毛敏 转审：我出差三天");
    // 毛敏 alone held the step's first card: it now says who took it (its one update).
    String update =
        one(
            "select body from wecom_outbox where message_key = ? and kind = 'UPDATE_TEMPLATE_CARD'",
            "leave:" + id + ":step:1:card-settled");
    assertThat(update).contains("\"response_code_of\":\"leave:" + id + ":step:1:open\"", "已转审给 陶博");
    assertThat(
            one(
                "select to_users from wecom_outbox where message_key = ?",
                "leave:" + id + ":step:1:card-settled"))
        .isEqualTo(MAO);
    assertThat(
            one(
                "select detail from leave_event where request_id = ? and action = 'HANDED_OVER'"
                    + " and actor_account = ?",
                id,
                MAO))
        .isEqualTo("陶博\n我出差三天");
    assertThat(audits(id, "LEAVE_HAND_OVER")).isEqualTo(1);
    // 毛敏's page says who took it; her old card's 同意 decides nothing and says so.
    assertThat(handOvers.view(id, person(MAO)).orElseThrow().handedOverTo()).isEqualTo("陶博");
    assertThat(handOvers.view(id, person(MAO)).orElseThrow().mayAct()).isFalse();
    DecisionOutcome stale =
        leaveDecisions.decideFromCard(MAO, CardAction.taskId(id, 1), CardAction.approveKey(id, 1));
    assertThat(stale.kind()).isEqualTo(DecisionOutcome.Kind.HANDED_OVER);
    assertThat(stale.decidedByName()).isEqualTo("陶博");
    assertThat(events(id, "APPROVED")).isZero();
    // 陶博 approves from his own card.
    DecisionOutcome ok =
        leaveDecisions.decideFromCard(
            TAO, CardAction.seatTaskId(id, 1, 2), CardAction.approveKey(id, 1));
    assertThat(ok.decided()).isTrue();
    assertThat(one("select status from leave_request where id = ?", id)).isEqualTo("APPROVED");
  }

  @Test
  void handOverAddBeforeMakesTheStepWaitForThatPersonFirstThenComesBack() throws Exception {
    long id = pending("20240100027", 63);
    HandOverResult r = handOvers.add(id, 1, TAO, true, MAO_A);
    assertThat(r.ok()).isTrue();
    assertThat(events(id, "APPROVER_ADDED")).isEqualTo(1);
    assertThat(audits(id, "LEAVE_ADD_APPROVER")).isEqualTo(1);
    assertThat(
            one(
                "select to_users from wecom_outbox where message_key = ?",
                "leave:" + id + ":step:1:open:" + TAO))
        .isEqualTo(TAO);
    // Her card says whom it waits for, and keeps its buttons for later.
    assertThat(
            one(
                "select body from wecom_outbox where message_key = ?",
                "leave:" + id + ":step:1:card-settled"))
        .contains("等待 陶博 先审批", CardAction.approveKey(id, 1));
    assertThat(handOvers.view(id, person(MAO)).orElseThrow().waitingFor()).isEqualTo("陶博");
    assertThat(
            leaveDecisions
                .decideFromCard(MAO, CardAction.taskId(id, 1), CardAction.approveKey(id, 1))
                .kind())
        .isEqualTo(DecisionOutcome.Kind.WAITING);
    // 毛敏 cannot decide while she waits; 陶博 approves; then it is hers again.
    assertThat(leaveDecisions.decide(id, 1, true, null, MAO_A, DecisionVia.PAGE).decided())
        .isFalse();
    assertThat(
            leaveDecisions.decide(id, 1, true, null, actor(TAO, "陶博"), DecisionVia.PAGE).decided())
        .isTrue();
    assertThat(one("select status from leave_request where id = ?", id)).isEqualTo("PENDING");
    assertThat(handOvers.view(id, person(MAO)).orElseThrow().mayAct()).isTrue();
    // and she is told it is hers again
    assertThat(outbox("leave:" + id + ":step:1:back:" + MAO + ":" + TAO)).isEqualTo(1);
    assertThat(leaveDecisions.decide(id, 1, true, null, MAO_A, DecisionVia.PAGE).decided())
        .isTrue();
    assertThat(one("select status from leave_request where id = ?", id)).isEqualTo("APPROVED");
  }

  @Test
  void handOverEveryBadInputIsRefusedAndChangesNothing() throws Exception {
    long id = pending("20240100026", 64);
    long outboxBefore =
        leaveRows("select count(*) from wecom_outbox where topic = ?", "leave:" + id);
    assertThat(handOvers.handOver(id, 1, null, null, MAO_A).problem())
        .isEqualTo(HandOverProblem.NOBODY);
    assertThat(handOvers.handOver(id, 1, MAO, null, MAO_A).problem())
        .isEqualTo(HandOverProblem.SELF);
    assertThat(handOvers.handOver(id, 1, "20240100001", null, MAO_A).problem())
        .isEqualTo(HandOverProblem.STUDENT);
    assertThat(handOvers.handOver(id, 1, "nobody-here", null, MAO_A).problem())
        .isEqualTo(HandOverProblem.UNKNOWN_PERSON);
    assertThat(handOvers.handOver(id, 1, TAO, "字".repeat(201), MAO_A).problem())
        .isEqualTo(HandOverProblem.NOTE_TOO_LONG);
    exec("update person set status = 'LEFT' where account = ?", JIA);
    try {
      HandOverResult left = handOvers.handOver(id, 1, JIA, null, MAO_A);
      assertThat(left.problem()).isEqualTo(HandOverProblem.INACTIVE);
      assertThat(left.name()).isEqualTo("贾诺");
    } finally {
      exec("update person set status = 'ACTIVE' where account = ?", JIA);
    }
    // Forged: the student, a counsellor not on the step, a teacher, an admin.
    for (LeaveActor forger :
        List.of(
            actor("20240100026", "学生"), actor(YIN, "尹超"), actor(LIU, "刘敏秀"), actor(ADMIN, "孟勇兰"))) {
      assertThat(handOvers.handOver(id, 1, TAO, null, forger).problem())
          .as(forger.account())
          .isEqualTo(HandOverProblem.NOT_YOUR_STEP);
      assertThat(handOvers.add(id, 1, TAO, true, forger).problem())
          .isEqualTo(HandOverProblem.NOT_YOUR_STEP);
      assertThat(handOvers.view(id, person(forger.account()))).isEmpty();
    }
    assertThat(events(id, "HANDED_OVER") + events(id, "APPROVER_ADDED")).isZero();
    assertThat(leaveRows("select count(*) from wecom_outbox where topic = ?", "leave:" + id))
        .isEqualTo(outboxBefore);

    // Already on the step: 陶博 added before, then added again, or handed to.
    assertThat(handOvers.add(id, 1, TAO, true, MAO_A).ok()).isTrue();
    assertThat(handOvers.handOver(id, 1, TAO, null, actor(TAO, "陶博")).problem())
        .isEqualTo(HandOverProblem.SELF);
    HandOverResult again = handOvers.add(id, 1, MAO, true, actor(TAO, "陶博"));
    assertThat(again.problem()).isEqualTo(HandOverProblem.ALREADY_ON_STEP);
    assertThat(again.name()).isEqualTo("毛敏");
    // 毛敏 waits: she may not act until 陶博 decided.
    assertThat(handOvers.handOver(id, 1, YU, null, MAO_A).problem())
        .isEqualTo(HandOverProblem.WAITING);
    // 陶博 adds 余刚 after (2 of 2), then nobody more.
    assertThat(handOvers.add(id, 1, YU, false, actor(TAO, "陶博")).ok()).isTrue();
    HandOverResult over = handOvers.add(id, 1, LIU, true, actor(TAO, "陶博"));
    assertThat(over.problem()).isEqualTo(HandOverProblem.OVER_LIMIT);
    assertThat(over.text(cn.edu.ntvu.workbench.leave.application.LeaveTexts.chinese()))
        .contains("最多加签 2 人");
    assertThat(events(id, "APPROVER_ADDED")).isEqualTo(2);
  }

  @Test
  void handOverAddingWhoBroughtMeInWouldLoopAndIsRefused() throws Exception {
    long id = pending("20240100025", 65);
    // 毛敏 adds 陶博 as a step after hers, then approves: 陶博's step opens.
    assertThat(handOvers.add(id, 1, TAO, false, MAO_A).ok()).isTrue();
    assertThat(leaveDecisions.decide(id, 1, true, null, MAO_A, DecisionVia.PAGE).decided())
        .isTrue();
    assertThat(handOvers.view(id, person(TAO)).orElseThrow().mayAct()).isTrue();
    HandOverResult loop = handOvers.add(id, 2, MAO, false, actor(TAO, "陶博"));
    assertThat(loop.problem()).isEqualTo(HandOverProblem.LOOP);
    assertThat(loop.name()).isEqualTo("毛敏");
    assertThat(handOvers.add(id, 2, MAO, true, actor(TAO, "陶博")).problem())
        .isEqualTo(HandOverProblem.LOOP);
    assertThat(events(id, "APPROVER_ADDED")).isEqualTo(1);
  }
}
