package cn.edu.ntvu.workbench.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.leave.application.ChainAdmin;
import cn.edu.ntvu.workbench.leave.application.ChainStore;
import cn.edu.ntvu.workbench.leave.application.DecisionOutcome;
import cn.edu.ntvu.workbench.leave.application.LeaveActor;
import cn.edu.ntvu.workbench.leave.application.LeaveDecisions;
import cn.edu.ntvu.workbench.leave.application.LeaveStore;
import cn.edu.ntvu.workbench.leave.application.LeaveSubmissions;
import cn.edu.ntvu.workbench.leave.domain.ChainRefusal;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.LeaveForm;
import cn.edu.ntvu.workbench.platform.security.AccessDenied;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The approval chain in the container (issue 18): 会签 and 或签 decided by two approvers at the same
 * instant, an approver gone from the directory mid-way on a 会签 step replaced and removed by an
 * admin (and by nobody else). The demo class 机电一体化261班 (2601002, counsellor 10003) gets extra
 * counsellors for the test and a rule sends its 公假 (OFFICIAL) to a 会签 step; both are taken away
 * afterwards. Students 20260100101–110 are used by nobody else on this stack.
 *
 * <p>An abstract part of {@code platform.persistence.InContainerIT}.
 */
public abstract class LeaveChainInContainer extends cn.edu.ntvu.workbench.portal.PortalInContainer {
  @Inject protected LeaveSubmissions chainSubmissions;
  @Inject protected LeaveDecisions chainDecisions;
  @Inject protected LeaveStore chainLeaveStore;
  @Inject protected ChainAdmin chainAdmin;

  private long submitAs(String student, String type, int daysAhead) {
    var user = person(student);
    var day = LocalDate.now(schoolClock).plusDays(daysAhead);
    var form =
        new LeaveForm(
            type,
            day.atTime(8, 0),
            day.atTime(11, 0),
            "事由 " + System.nanoTime(),
            false,
            null,
            null,
            0);
    var result =
        chainSubmissions.submit(user, form, List.of(), java.util.UUID.randomUUID().toString());
    assertThat(result.problems()).isEmpty();
    return result.requestId();
  }

  private void sql(String statement, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  private long count(String statement, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private String seatState(long requestId, int step, String account) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps =
            c.prepareStatement(
                "SELECT a.state FROM leave_step_approver a JOIN leave_step s ON s.id = a.step_id"
                    + " WHERE s.request_id = ? AND s.step_no = ? AND a.account = ?")) {
      ps.setLong(1, requestId);
      ps.setInt(2, step);
      ps.setString(3, account);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private String requestStatus(long id) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement("SELECT status FROM leave_request WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** Extra counsellors of class 2601002 and a 会签 rule for its 公假, for the time of {@code work}. */
  private void withChainSetup(List<String> extraCounsellors, boolean allRule, Callable<Void> work)
      throws Exception {
    List<String> added = new ArrayList<>();
    long rule = 0;
    try {
      for (String a : extraCounsellors) {
        sql(
            "INSERT IGNORE INTO role_grant (person_id, role, scope_kind, scope_id, source)"
                + " SELECT p.id, 'COUNSELLOR', 'CLASS', c.id, 'MANUAL' FROM person p, school_class c"
                + " WHERE p.account = ? AND c.code = '2601002'",
            a);
        added.add(a);
      }
      if (allRule) {
        sql(
            "INSERT INTO leave_rule (priority, type_code, steps) VALUES (1, 'OFFICIAL', 'COUNSELLOR:ALL')");
        rule =
            count("SELECT MAX(id) FROM leave_rule WHERE type_code = 'OFFICIAL' AND priority = 1");
      }
      work.call();
    } finally {
      if (rule > 0) {
        sql("DELETE FROM leave_rule WHERE id = ?", rule);
      }
      for (String a : added) {
        sql(
            "DELETE g FROM role_grant g JOIN person p ON p.id = g.person_id"
                + " JOIN school_class c ON c.id = g.scope_id"
                + " WHERE p.account = ? AND g.role = 'COUNSELLOR' AND g.scope_kind = 'CLASS'"
                + " AND c.code = '2601002' AND g.source = 'MANUAL'",
            a);
      }
    }
  }

  @Test
  void chainAllStepDecidedByTwoApproversAtOnceGivesOneOutcomeEachAndOneStepResult()
      throws Exception {
    withChainSetup(
        List.of("10004"),
        true,
        () -> {
          long id = submitAs("20260100101", "OFFICIAL", 3);
          assertThat(
                  count(
                      "SELECT COUNT(*) FROM leave_step WHERE request_id = ? AND mode = 'ALL'", id))
              .isEqualTo(1);
          assertThat(seatState(id, 1, "10003")).isEqualTo("PENDING");
          assertThat(seatState(id, 1, "10004")).isEqualTo("PENDING");
          // One card per seat on a 会签 step.
          assertThat(
                  count(
                      "SELECT COUNT(*) FROM wecom_outbox WHERE message_key IN (?, ?)",
                      "leave:" + id + ":step:1:open:10003",
                      "leave:" + id + ":step:1:open:10004"))
              .isEqualTo(2);
          assertThat(chainLeaveStore.waitingFor("10004", 500).stream().map(r -> r.id()))
              .contains(id);

          // Each approver clicks twice (page and card) while the other does: 4 at one instant.
          ExecutorService pool = Executors.newFixedThreadPool(4);
          Map<String, List<String>> kinds = new java.util.concurrent.ConcurrentHashMap<>();
          try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> all = new ArrayList<>();
            for (String a : List.of("10003", "10004", "10003", "10004")) {
              all.add(
                  pool.submit(
                      () -> {
                        go.await();
                        var who = person(a);
                        DecisionOutcome o =
                            chainDecisions.decide(
                                id, 1, true, null, LeaveActor.of(who), DecisionVia.PAGE);
                        kinds
                            .computeIfAbsent(
                                a, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                            .add(o.kind().name());
                        return null;
                      }));
            }
            go.countDown();
            for (Future<?> f : all) {
              f.get();
            }
          } finally {
            pool.shutdown();
          }
          for (String a : List.of("10003", "10004")) {
            assertThat(kinds.get(a)).as(a).containsExactlyInAnyOrder("DECIDED", "ALREADY_DECIDED");
            assertThat(seatState(id, 1, a)).isEqualTo("APPROVED");
          }
          assertThat(requestStatus(id)).isEqualTo("APPROVED");
          assertThat(
                  count(
                      "SELECT COUNT(*) FROM leave_event WHERE request_id = ? AND action = 'APPROVED'",
                      id))
              .isEqualTo(2);
          assertThat(
                  count(
                      "SELECT COUNT(*) FROM leave_step WHERE request_id = ? AND status = 'APPROVED'",
                      id))
              .isEqualTo(1);
          // The student hears of the step's result once.
          assertThat(
                  count(
                      "SELECT COUNT(*) FROM wecom_outbox WHERE message_key = ?",
                      "leave:" + id + ":step:1:decided"))
              .isEqualTo(1);
          assertThat(chainLeaveStore.waitingFor("10004", 500).stream().map(r -> r.id()))
              .doesNotContain(id);
          return null;
        });
  }

  @Test
  void chainAllStepListsARequestInWaitingForMeOnlyWhileMySeatIsPendingAndOneRejectionRejects()
      throws Exception {
    withChainSetup(
        List.of("10004"),
        true,
        () -> {
          long id = submitAs("20260100102", "OFFICIAL", 4);
          var mao = person("10003");
          assertThat(
                  chainDecisions
                      .decide(id, 1, true, "同意", LeaveActor.of(mao), DecisionVia.PAGE)
                      .kind())
              .isEqualTo(DecisionOutcome.Kind.DECIDED);
          assertThat(requestStatus(id)).isEqualTo("PENDING");
          assertThat(chainLeaveStore.waitingFor("10003", 500).stream().map(r -> r.id()))
              .doesNotContain(id);
          assertThat(chainLeaveStore.waitingFor("10004", 500).stream().map(r -> r.id()))
              .contains(id);
          // The other's card says who approved and how many are left (its one update, queued).
          assertThat(
                  count(
                      "SELECT COUNT(*) FROM wecom_outbox WHERE message_key = ? AND body LIKE ?",
                      "leave:" + id + ":step:1:card:10004",
                      "%已同意，等待 1 人%"))
              .isEqualTo(1);
          var other = person("10004");
          assertThat(
                  chainDecisions
                      .decide(id, 1, false, null, LeaveActor.of(other), DecisionVia.PAGE)
                      .kind())
              .isEqualTo(DecisionOutcome.Kind.REASON_MISSING);
          assertThat(
                  chainDecisions
                      .decide(id, 1, false, "时间冲突", LeaveActor.of(other), DecisionVia.PAGE)
                      .kind())
              .isEqualTo(DecisionOutcome.Kind.DECIDED);
          assertThat(requestStatus(id)).isEqualTo("REJECTED");
          // 毛敏's decision stays hers; a second one is refused.
          assertThat(seatState(id, 1, "10003")).isEqualTo("APPROVED");
          assertThat(
                  chainDecisions
                      .decide(id, 1, false, "改主意", LeaveActor.of(mao), DecisionVia.PAGE)
                      .kind())
              .isEqualTo(DecisionOutcome.Kind.ALREADY_DECIDED);
          return null;
        });
  }

  @Test
  void chainAnyStepDecidedByTwoApproversAtOnceOneWinsAndTheOtherIsToldWho() throws Exception {
    withChainSetup(
        List.of("10004"),
        false,
        () -> {
          long id = submitAs("20260100103", "PERSONAL", 5);
          assertThat(seatState(id, 1, "10003")).isEqualTo("PENDING");
          assertThat(seatState(id, 1, "10004")).isEqualTo("PENDING");
          ExecutorService pool = Executors.newFixedThreadPool(2);
          List<DecisionOutcome> outcomes =
              java.util.Collections.synchronizedList(new ArrayList<>());
          try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> all = new ArrayList<>();
            for (String a : List.of("10003", "10004")) {
              all.add(
                  pool.submit(
                      () -> {
                        go.await();
                        outcomes.add(
                            chainDecisions.decide(
                                id, 1, true, null, LeaveActor.of(person(a)), DecisionVia.PAGE));
                        return null;
                      }));
            }
            go.countDown();
            for (Future<?> f : all) {
              f.get();
            }
          } finally {
            pool.shutdown();
          }
          assertThat(outcomes)
              .extracting(o -> o.kind().name())
              .containsExactlyInAnyOrder("DECIDED", "ALREADY_DECIDED");
          DecisionOutcome won =
              outcomes.stream().filter(DecisionOutcome::decided).findFirst().orElseThrow();
          DecisionOutcome told =
              outcomes.stream().filter(o -> !o.decided()).findFirst().orElseThrow();
          assertThat(told.decidedBy()).isEqualTo(won.decidedBy());
          assertThat(requestStatus(id)).isEqualTo("APPROVED");
          assertThat(seatState(id, 1, won.decidedBy())).isEqualTo("APPROVED");
          assertThat(seatState(id, 1, won.decidedBy().equals("10003") ? "10004" : "10003"))
              .isEqualTo("SETTLED");
          return null;
        });
  }

  @Test
  void chainAnApproverGoneMidwayDoesNotHangAnAllStepAdminsReplaceOrRemoveAndNobodyElse()
      throws Exception {
    withChainSetup(
        List.of("10004", "10005"),
        true,
        () -> {
          long id = submitAs("20260100104", "OFFICIAL", 6);
          chainDecisions.decide(
              id, 1, true, null, LeaveActor.of(person("10003")), DecisionVia.PAGE);
          var admin = person("10857");
          try {
            sql("UPDATE person SET status = 'LEFT' WHERE account IN ('10004', '10005')");
            List<ChainStore.GoneSeat> gone =
                callers.as(admin, () -> chainAdmin.goneSeats(admin, 500));
            assertThat(gone)
                .filteredOn(g -> g.requestId() == id)
                .extracting(ChainStore.GoneSeat::account)
                .containsExactly("10004", "10005");

            // Forged by a student, a teacher and the step's own counsellor: refused, nothing
            // changed.
            for (String account : List.of("20260100104", "10006", "10003")) {
              var who = person(account);
              assertThatThrownBy(
                      () ->
                          callers.as(
                              who, () -> chainAdmin.removeSeat(who, id, 1, "10004", "10006")))
                  .as(account)
                  .isInstanceOf(AccessDenied.class);
            }
            assertThat(seatState(id, 1, "10004")).isEqualTo("PENDING");
            assertThat(seatState(id, 1, "10006")).isNull();

            // A student as replacement, someone unknown: refused beside the row, nothing changed.
            assertThat(
                    callers.as(
                        admin, () -> chainAdmin.removeSeat(admin, id, 1, "10004", "20260100105")))
                .isEqualTo(ChainRefusal.TARGET_STUDENT);
            assertThat(
                    callers.as(admin, () -> chainAdmin.removeSeat(admin, id, 1, "10004", "nobody")))
                .isEqualTo(ChainRefusal.TARGET_UNKNOWN);
            assertThat(seatState(id, 1, "10004")).isEqualTo("PENDING");

            // Replaced by 10006, who gets a card; 10005 taken off.
            assertThat(
                    callers.as(admin, () -> chainAdmin.removeSeat(admin, id, 1, "10004", "10006")))
                .isNull();
            assertThat(seatState(id, 1, "10004")).isEqualTo("REMOVED");
            assertThat(seatState(id, 1, "10006")).isEqualTo("PENDING");
            assertThat(
                    count(
                        "SELECT COUNT(*) FROM wecom_outbox WHERE message_key = ?",
                        "leave:" + id + ":step:1:open:10006"))
                .isEqualTo(1);
            assertThat(callers.as(admin, () -> chainAdmin.removeSeat(admin, id, 1, "10005", null)))
                .isNull();
            assertThat(requestStatus(id)).isEqualTo("PENDING");
            assertThat(
                    callers.as(admin, () -> chainAdmin.goneSeats(admin, 500)).stream()
                        .filter(g -> g.requestId() == id))
                .isEmpty();
            // The one left decides; the step and the request are approved.
            assertThat(
                    chainDecisions
                        .decide(id, 1, true, null, LeaveActor.of(person("10006")), DecisionVia.PAGE)
                        .kind())
                .isEqualTo(DecisionOutcome.Kind.DECIDED);
            assertThat(requestStatus(id)).isEqualTo("APPROVED");
            assertThat(
                    count(
                        "SELECT COUNT(*) FROM leave_event WHERE request_id = ? AND action IN"
                            + " ('SEAT_REPLACED', 'SEAT_REMOVED')",
                        id))
                .isEqualTo(2);
            assertThat(
                    count(
                        "SELECT COUNT(*) FROM audit_entry WHERE action IN ('LEAVE_SEAT_REPLACE',"
                            + " 'LEAVE_SEAT_REMOVE') AND object_id = ?",
                        String.valueOf(id)))
                .isEqualTo(2);
          } finally {
            sql("UPDATE person SET status = 'ACTIVE' WHERE account IN ('10004', '10005')");
          }
          return null;
        });
  }

  @Test
  void chainRemovingTheLastUndecidedSeatOfAnAllStepLetsTheOthersDecideIt() throws Exception {
    withChainSetup(
        List.of("10004"),
        true,
        () -> {
          long id = submitAs("20260100106", "OFFICIAL", 7);
          chainDecisions.decide(
              id, 1, true, null, LeaveActor.of(person("10003")), DecisionVia.PAGE);
          var admin = person("10857");
          try {
            sql("UPDATE person SET status = 'LEFT' WHERE account = '10004'");
            assertThat(callers.as(admin, () -> chainAdmin.removeSeat(admin, id, 1, "10004", null)))
                .isNull();
            assertThat(requestStatus(id)).isEqualTo("APPROVED");
            assertThat(
                    count(
                        "SELECT COUNT(*) FROM wecom_outbox WHERE message_key = ?",
                        "leave:" + id + ":step:1:decided"))
                .isEqualTo(1);
          } finally {
            sql("UPDATE person SET status = 'ACTIVE' WHERE account = '10004'");
          }
          return null;
        });
  }
}
