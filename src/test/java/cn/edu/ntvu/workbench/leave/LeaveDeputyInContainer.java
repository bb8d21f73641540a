package cn.edu.ntvu.workbench.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.leave.application.LeaveComments;
import cn.edu.ntvu.workbench.leave.application.LeaveDeputies;
import cn.edu.ntvu.workbench.leave.application.LeavePhrases;
import cn.edu.ntvu.workbench.leave.domain.Deputies;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, items 6 and 7 in the container: deputy ranges checked and stored (self, a student, the
 * past, overlapping, an A↔B loop refused; only the approver or an admin; audited), comments by the
 * student and the approvers only (one message per comment to each of the others, never to the
 * author; a storm stopped at ten an hour), quick phrases only one's own. Uses class 2601002
 * (counsellor 10003 陶博) and its students from 20260100082 on, which no other test uses, and removes
 * every range it sets (a range left behind would seat a deputy on other tests' steps).
 */
public abstract class LeaveDeputyInContainer extends LeaveUrgeInContainer {
  @Inject protected LeaveDeputies leaveDeputies;
  @Inject protected LeaveComments leaveComments;
  @Inject protected LeavePhrases leavePhrases;

  protected static final String HOLDER = "10003";
  protected static final String DEPUTY = "10005";
  protected static final String SECOND = "10006";

  protected void deputyExec(String sql, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  protected void clearDeputies() throws Exception {
    deputyExec(
        "UPDATE leave_deputy SET removed_at = NOW(3), removed_by = 'test' WHERE removed_at IS NULL"
            + " AND approver IN ('10003', '10005', '10006', '10857')");
  }

  @Test
  void deputyRangesAreCheckedStoredOnlyByTheirApproverOrAnAdminAndAudited() throws Exception {
    clearDeputies();
    try {
      SignedInUser holder = person(HOLDER);
      SignedInUser deputy = person(DEPUTY);
      SignedInUser admin = person("10857");
      LocalDate today = LocalDate.now(schoolClock);
      long audits = leaveRows("select count(*) from audit_entry where action = 'DEPUTY_SET'");
      Optional<Deputies.Problem> p;

      p = callers.as(holder, () -> leaveDeputies.set(holder, HOLDER, HOLDER, today, today));
      assertThat(p).contains(Deputies.Problem.SELF);
      p = callers.as(holder, () -> leaveDeputies.set(holder, HOLDER, "20260100082", today, today));
      assertThat(p).contains(Deputies.Problem.NOT_STAFF);
      p =
          callers.as(
              holder,
              () ->
                  leaveDeputies.set(
                      holder, HOLDER, DEPUTY, today.minusDays(5), today.minusDays(1)));
      assertThat(p).contains(Deputies.Problem.IN_THE_PAST);
      p =
          callers.as(
              holder, () -> leaveDeputies.set(holder, HOLDER, DEPUTY, today.plusDays(2), today));
      assertThat(p).contains(Deputies.Problem.ENDS_BEFORE_START);
      p =
          callers.as(
              holder, () -> leaveDeputies.set(holder, HOLDER, DEPUTY, today, today.plusDays(2)));
      assertThat(p).isEmpty();
      p =
          callers.as(
              holder,
              () ->
                  leaveDeputies.set(holder, HOLDER, SECOND, today.plusDays(2), today.plusDays(4)));
      assertThat(p).contains(Deputies.Problem.OVERLAPS);
      // B→A while A→B: a loop, refused — also when an admin sets it.
      p =
          callers.as(
              admin,
              () -> leaveDeputies.set(admin, DEPUTY, HOLDER, today.plusDays(1), today.plusDays(1)));
      assertThat(p).contains(Deputies.Problem.LOOP);
      // Someone else's deputy, by a teacher who is not an admin: refused before anything is stored.
      assertThatThrownBy(
              () ->
                  callers.as(
                      deputy,
                      () ->
                          leaveDeputies.set(
                              deputy, HOLDER, SECOND, today.plusDays(9), today.plusDays(9))))
          .isInstanceOf(SecurityException.class);
      // A student calling the service at all: refused.
      SignedInUser student = person("20260100082");
      assertThatThrownBy(
              () ->
                  callers.as(
                      student,
                      () ->
                          leaveDeputies.set(
                              student, HOLDER, DEPUTY, today.plusDays(9), today.plusDays(9))))
          .isInstanceOf(SecurityException.class);
      assertThat(
              leaveRows(
                  "select count(*) from leave_deputy where approver = ? and removed_at is null",
                  HOLDER))
          .isEqualTo(1);
      assertThat(leaveRows("select count(*) from audit_entry where action = 'DEPUTY_SET'"))
          .isEqualTo(audits + 1);
      // The admin sets one for the deputy (passing on), and removes the holder's.
      p = callers.as(admin, () -> leaveDeputies.set(admin, DEPUTY, SECOND, today, today));
      assertThat(p).isEmpty();
      assertThat(leaveDeputies.seatFor(HOLDER, today)).contains(new Deputies.Seat(SECOND, DEPUTY));
      assertThat(leaveDeputies.seatFor(HOLDER, today.plusDays(1)))
          .contains(new Deputies.Seat(DEPUTY, null));
      long id =
          leaveRows(
              "select id from leave_deputy where approver = ? and removed_at is null", HOLDER);
      assertThatThrownBy(() -> callers.as(deputy, () -> leaveDeputies.remove(deputy, id)))
          .isInstanceOf(SecurityException.class);
      assertThat(callers.as(admin, () -> leaveDeputies.remove(admin, id))).isTrue();
      assertThat(callers.as(admin, () -> leaveDeputies.remove(admin, id))).isFalse();
      assertThat(leaveRows("select count(*) from audit_entry where action = 'DEPUTY_REMOVED'"))
          .isGreaterThanOrEqualTo(1);
      assertThat(leaveDeputies.seatFor(HOLDER, today.plusDays(1))).isEmpty();
    } finally {
      clearDeputies();
    }
  }

  @Test
  void commentsReachEachOtherPersonOnceAndOnlyTheirPeopleMayComment() throws Exception {
    LocalDate day = LocalDate.now(schoolClock).plusDays(40);
    String who = "20260100083";
    long id = submitLeave(who, day.atTime(8, 0), day.atTime(17, 0));
    SignedInUser student = person(who);
    SignedInUser counsellor = person(HOLDER);
    assertThat(callers.as(student, () -> leaveComments.add(id, student, "  我周五下午回来 <b>x</b> ")))
        .isEqualTo(LeaveComments.Outcome.ADDED);
    long first = leaveRows("select max(id) from leave_comment where request_id = ?", id);
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where message_key = ? and to_users = ?",
                "leave:" + id + ":comment:" + first,
                HOLDER))
        .isEqualTo(1);
    // The text is escaped in the card.
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where message_key = ? and body like '%&lt;b&gt;%'",
                "leave:" + id + ":comment:" + first))
        .isEqualTo(1);
    assertThat(callers.as(counsellor, () -> leaveComments.add(id, counsellor, "请补交证明")))
        .isEqualTo(LeaveComments.Outcome.ADDED);
    long second = leaveRows("select max(id) from leave_comment where request_id = ?", id);
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where message_key = ? and to_users = ?",
                "leave:" + id + ":comment:" + second,
                who))
        .isEqualTo(1);

    // Forged: a classmate, another teacher, the counsellor of another class.
    for (String other : new String[] {"20260100084", "10004", "10001"}) {
      SignedInUser o = person(other);
      assertThat(callers.as(o, () -> leaveComments.add(id, o, "冒名评论")))
          .as(other)
          .isEqualTo(LeaveComments.Outcome.REFUSED);
    }
    assertThat(leaveRows("select count(*) from leave_comment where request_id = ?", id))
        .isEqualTo(2);
    assertThat(
            leaveRows(
                "select count(*) from leave_event where request_id = ? and action = 'COMMENTED'",
                id))
        .isEqualTo(2);
    assertThat(callers.as(student, () -> leaveComments.add(id, student, "病".repeat(501))))
        .isEqualTo(LeaveComments.Outcome.TOO_LONG);
    assertThat(callers.as(student, () -> leaveComments.add(id, student, " ")))
        .isEqualTo(LeaveComments.Outcome.EMPTY);

    // After the decision, still.
    leaveDecisions.decide(
        id,
        1,
        true,
        null,
        cn.edu.ntvu.workbench.leave.application.LeaveActor.of(counsellor),
        cn.edu.ntvu.workbench.leave.domain.DecisionVia.PAGE);
    assertThat(callers.as(student, () -> leaveComments.add(id, student, "谢谢老师")))
        .isEqualTo(LeaveComments.Outcome.ADDED);
    // A storm: ten in an hour, the eleventh refused.
    for (int i = 0; i < 8; i++) {
      int n = i;
      assertThat(callers.as(student, () -> leaveComments.add(id, student, "补充 " + n)))
          .isEqualTo(LeaveComments.Outcome.ADDED);
    }
    assertThat(callers.as(student, () -> leaveComments.add(id, student, "第十一条")))
        .isEqualTo(LeaveComments.Outcome.TOO_MANY);
    assertThat(
            leaveRows(
                "select count(*) from leave_comment where request_id = ? and author_account = ?",
                id,
                who))
        .isEqualTo(10);
    // Never a message to the author.
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where message_key like ? and to_users like ?",
                "leave:" + id + ":comment:%",
                "%" + who + "%"))
        .isEqualTo(1);
  }

  @Test
  void quickPhrasesAreOnesOwnAndAdminsSetThoseForEverybody() throws Exception {
    SignedInUser teacher = person("10004");
    SignedInUser other = person("10006");
    SignedInUser admin = person("10857");
    assertThat(callers.as(teacher, () -> leavePhrases.addOwn(teacher, "请补充医院证明"))).isEmpty();
    assertThat(callers.as(teacher, () -> leavePhrases.addOwn(teacher, "请补充医院证明")))
        .contains(cn.edu.ntvu.workbench.leave.domain.QuickPhrases.Problem.DUPLICATE);
    long mine =
        leavePhrases.own("10004").stream()
            .filter(x -> x.text().equals("请补充医院证明"))
            .findFirst()
            .orElseThrow()
            .id();
    // Another teacher's remove of it changes nothing; a teacher cannot set everybody's.
    assertThat(callers.as(other, () -> leavePhrases.removeOwn(other, mine))).isFalse();
    assertThatThrownBy(() -> callers.as(teacher, () -> leavePhrases.addShared(teacher, "全员")))
        .isInstanceOf(SecurityException.class);
    assertThat(callers.as(admin, () -> leavePhrases.addShared(admin, "材料不全，请补充"))).isEmpty();
    assertThat(leavePhrases.offeredTo("10004"))
        .extracting(LeavePhrases.Phrase::text)
        .contains("材料不全，请补充", "请补充医院证明");
    assertThat(leavePhrases.offeredTo("10006"))
        .extracting(LeavePhrases.Phrase::text)
        .contains("材料不全，请补充")
        .doesNotContain("请补充医院证明");
    assertThat(callers.as(teacher, () -> leavePhrases.removeOwn(teacher, mine))).isTrue();
    long shared =
        leavePhrases.shared().stream()
            .filter(x -> x.text().equals("材料不全，请补充"))
            .findFirst()
            .orElseThrow()
            .id();
    assertThat(callers.as(admin, () -> leavePhrases.removeShared(admin, shared))).isTrue();
  }

  @Test
  void deputySeatOnAStepOpeningInTheRangeDecidesInTheHoldersNameAndIsPassedOnOnce()
      throws Exception {
    clearDeputies();
    try {
      SignedInUser admin = person("10857");
      LocalDate today = LocalDate.now(schoolClock);
      assertThat(callers.as(admin, () -> leaveDeputies.set(admin, HOLDER, DEPUTY, today, today)))
          .isEmpty();
      LocalDate day = today.plusDays(50);
      long id = submitLeave("20260100088", day.atTime(8, 0), day.atTime(17, 0));
      assertThat(
              leaveRows(
                  "select count(*) from leave_step_approver where request_id = ? and account = ?"
                      + " and origin = 'DEPUTY' and on_behalf_of = ?",
                  id,
                  DEPUTY,
                  HOLDER))
          .isEqualTo(1);
      // One card to both (one send: whoever decides, the other's card is settled with its code).
      assertThat(
              leaveRows(
                  "select count(*) from wecom_outbox where message_key = ? and to_users like ?"
                      + " and to_users like ?",
                  "leave:" + id + ":step:1:open",
                  "%" + HOLDER + "%",
                  "%" + DEPUTY + "%"))
          .isEqualTo(1);
      assertThat(
              leaveRows(
                  "select count(*) from leave_event where request_id = ? and action = 'DEPUTY_SEAT'"
                      + " and detail = '余刚 代 陶博'",
                  id))
          .isEqualTo(1);
      // A step opening the day after the range: no deputy.
      // The deputy decides, in the holder's name.
      SignedInUser d = person(DEPUTY);
      var outcome =
          leaveDecisions.decide(
              id,
              1,
              true,
              null,
              cn.edu.ntvu.workbench.leave.application.LeaveActor.of(d),
              cn.edu.ntvu.workbench.leave.domain.DecisionVia.PAGE);
      assertThat(outcome.kind().name()).isEqualTo("DECIDED");
      assertThat(
              leaveRows(
                  "select count(*) from leave_step_approver where request_id = ? and account = ?"
                      + " and state = 'APPROVED' and decided_by = ?",
                  id,
                  HOLDER,
                  DEPUTY))
          .isEqualTo(1);
      assertThat(
              leaveRows(
                  "select count(*) from wecom_outbox where message_key = ? and to_users like ?",
                  "leave:" + id + ":step:1:card-settled",
                  "%" + HOLDER + "%"))
          .isEqualTo(1);

      // The deputy is away too: passed on to their deputy, once (the second deputy's own
      // deputy is not asked).
      assertThat(callers.as(admin, () -> leaveDeputies.set(admin, DEPUTY, SECOND, today, today)))
          .isEmpty();
      assertThat(callers.as(admin, () -> leaveDeputies.set(admin, SECOND, "10007", today, today)))
          .isEmpty();
      long next = submitLeave("20260100089", day.atTime(8, 0), day.atTime(17, 0));
      assertThat(
              leaveRows(
                  "select count(*) from leave_step_approver where request_id = ? and origin = 'DEPUTY'"
                      + " and account = ? and on_behalf_of = ?",
                  next,
                  SECOND,
                  HOLDER))
          .isEqualTo(1);
      assertThat(
              leaveRows(
                  "select count(*) from leave_step_approver where request_id = ? and account in"
                      + " (?, ?)",
                  next,
                  DEPUTY,
                  "10007"))
          .isZero();
    } finally {
      clearDeputies();
    }
  }
}
