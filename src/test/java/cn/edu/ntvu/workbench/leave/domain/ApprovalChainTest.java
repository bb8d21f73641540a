package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Eligibility;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Result;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Seat;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Step;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Target;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Who;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state machine of a request's approval chain: steps, seats and every transition. */
class ApprovalChainTest {
  private static final LocalDateTime T = LocalDateTime.of(2026, 11, 25, 10, 20);
  private static final Who STUDENT = new Who("s1", "田芬");
  private static final Who MAO = new Who("mao", "毛敏");
  private static final Who WANG = new Who("wang", "王老师");
  private static final Who LI = new Who("li", "李老师");
  private static final Who ZHAO = new Who("zhao", "赵老师");
  private static final Who ADMIN = new Who("admin", "管理员");

  private static Seat pending(Who w) {
    return Seat.load(
        w.account(),
        w.name(),
        SeatState.PENDING,
        SeatOrigin.RULE,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0);
  }

  private static Step open(long id, int no, StepMode mode, Who... who) {
    List<Seat> seats = new ArrayList<>();
    for (Who w : who) {
      seats.add(pending(w));
    }
    return Step.load(
        id,
        no,
        ApproverRole.COUNSELLOR,
        mode,
        StepStatus.OPEN,
        false,
        T.minusHours(1),
        null,
        null,
        null,
        null,
        null,
        positioned(seats));
  }

  private static List<Seat> positioned(List<Seat> seats) {
    List<Seat> out = new ArrayList<>();
    int n = 1;
    for (Seat s : seats) {
      out.add(
          Seat.load(
              s.account(),
              s.name(),
              s.state(),
              s.origin(),
              s.originAccount(),
              s.onBehalfOf(),
              null,
              null,
              null,
              null,
              null,
              null,
              n++));
    }
    return out;
  }

  private static Step waiting(long id, int no, ApproverRole role) {
    return Step.load(
        id,
        no,
        role,
        StepMode.ANY,
        StepStatus.WAITING,
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of());
  }

  /** Step 1 open with these approvers in {@code mode}; step 2 (dean) waiting. */
  private static ApprovalChain twoSteps(StepMode mode, Who... who) {
    return ApprovalChain.of(
        42,
        STUDENT.account(),
        LeaveStatus.PENDING,
        1,
        List.of(open(1, 1, mode, who), waiting(2, 2, ApproverRole.DEAN)));
  }

  private static ApprovalChain oneStep(StepMode mode, Who... who) {
    return ApprovalChain.of(
        42, STUDENT.account(), LeaveStatus.PENDING, 1, List.of(open(1, 1, mode, who)));
  }

  private static Target staff(Who w) {
    return Target.ok(w.account(), w.name());
  }

  private static SeatState seat(ApprovalChain c, int step, Who w) {
    return c.step(step).orElseThrow().seatOf(w.account()).orElseThrow().state();
  }

  // ---- 或签

  @Test
  void anyStepIsDecidedByTheFirstApproverAndTheOthersAreSettledAndTold() {
    ApprovalChain c = twoSteps(StepMode.ANY, MAO, WANG);
    Result r = c.decide(MAO, 1, true, "好", DecisionVia.PAGE, T);
    assertThat(r.ok()).isTrue();
    assertThat(c.step(1).orElseThrow().status()).isEqualTo(StepStatus.APPROVED);
    assertThat(c.step(1).orElseThrow().decidedBy()).isEqualTo("mao");
    assertThat(c.step(1).orElseThrow().comment()).isEqualTo("好");
    assertThat(seat(c, 1, MAO)).isEqualTo(SeatState.APPROVED);
    assertThat(seat(c, 1, WANG)).isEqualTo(SeatState.SETTLED);
    assertThat(r.first(ChainEvent.SeatsSettled.class).orElseThrow().accounts())
        .containsExactly("wang");
    assertThat(r.first(ChainEvent.StepOpenDue.class).orElseThrow().stepNo()).isEqualTo(2);
    assertThat(c.currentStep()).isEqualTo(2);
    assertThat(c.status()).isEqualTo(LeaveStatus.PENDING);

    Result late = c.decide(WANG, 1, true, null, DecisionVia.CARD_BUTTON, T);
    assertThat(late.refusal()).isEqualTo(ChainRefusal.ALREADY_DECIDED);
    assertThat(late.byAccount()).isEqualTo("mao");
    assertThat(late.decision()).isEqualTo("APPROVED");
  }

  @Test
  void theNextStepOpensWithTheDirectorysPeopleAndTheLastApprovalApprovesTheRequest() {
    ApprovalChain c = twoSteps(StepMode.ANY, MAO);
    c.decide(MAO, 1, true, null, DecisionVia.PAGE, T);
    Result opened = c.openStep(2, List.of(LI, LI, ZHAO), false, T);
    assertThat(opened.first(ChainEvent.StepOpened.class).orElseThrow().accounts())
        .containsExactly("li", "zhao");
    assertThat(c.step(2).orElseThrow().status()).isEqualTo(StepStatus.OPEN);
    assertThat(c.openStep(2, List.of(LI), false, T).refusal()).isEqualTo(ChainRefusal.STEP_CLOSED);
    Result last = c.decide(ZHAO, 2, true, null, DecisionVia.PAGE, T);
    assertThat(last.first(ChainEvent.RequestClosed.class).orElseThrow().status())
        .isEqualTo(LeaveStatus.APPROVED);
    assertThat(c.status()).isEqualTo(LeaveStatus.APPROVED);
    assertThat(c.closedAt()).isEqualTo(T);
    assertThat(c.requestDirty()).isTrue();
  }

  @Test
  void aRejectionNeedsItsReasonAndRejectsTheRequestAndCancelsWhatFollows() {
    ApprovalChain c = twoSteps(StepMode.ANY, MAO, WANG);
    assertThat(c.decide(MAO, 1, false, "  ", DecisionVia.PAGE, T).refusal())
        .isEqualTo(ChainRefusal.REASON_MISSING);
    assertThat(seat(c, 1, MAO)).isEqualTo(SeatState.PENDING);
    Result r = c.decide(MAO, 1, false, "材料不全", DecisionVia.PAGE, T);
    assertThat(r.ok()).isTrue();
    assertThat(c.status()).isEqualTo(LeaveStatus.REJECTED);
    assertThat(c.step(1).orElseThrow().status()).isEqualTo(StepStatus.REJECTED);
    assertThat(c.step(2).orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
    assertThat(seat(c, 1, WANG)).isEqualTo(SeatState.SETTLED);
  }

  // ---- 会签

  @Test
  void allStepWaitsForEveryApproverAndShowsWhoIsStillToDecide() {
    ApprovalChain c = oneStep(StepMode.ALL, MAO, WANG, LI);
    Result first = c.decide(MAO, 1, true, null, DecisionVia.CARD_BUTTON, T);
    ChainEvent.SeatDecided d = first.first(ChainEvent.SeatDecided.class).orElseThrow();
    assertThat(d.undecided()).containsExactly("wang", "li");
    assertThat(first.first(ChainEvent.StepDecided.class)).isEmpty();
    assertThat(c.step(1).orElseThrow().status()).isEqualTo(StepStatus.OPEN);
    assertThat(c.step(1).orElseThrow().pendingAccounts()).containsExactly("wang", "li");

    // A second decision on a decided seat is refused, whatever it says.
    Result again = c.decide(MAO, 1, false, "改主意", DecisionVia.PAGE, T);
    assertThat(again.refusal()).isEqualTo(ChainRefusal.ALREADY_DECIDED);
    assertThat(again.byAccount()).isEqualTo("mao");
    assertThat(seat(c, 1, MAO)).isEqualTo(SeatState.APPROVED);

    assertThat(
            c.decide(WANG, 1, true, null, DecisionVia.PAGE, T)
                .first(ChainEvent.SeatDecided.class)
                .orElseThrow()
                .undecided())
        .containsExactly("li");
    Result last = c.decide(LI, 1, true, null, DecisionVia.PAGE, T);
    assertThat(last.first(ChainEvent.StepDecided.class).orElseThrow().result())
        .isEqualTo(StepStatus.APPROVED);
    assertThat(c.status()).isEqualTo(LeaveStatus.APPROVED);
    assertThat(c.step(1).orElseThrow().decided()).hasSize(3);
  }

  @Test
  void allStepIsRejectedByOneRejectionAndTheUndecidedAreSettled() {
    ApprovalChain c = twoSteps(StepMode.ALL, MAO, WANG, LI);
    c.decide(MAO, 1, true, null, DecisionVia.PAGE, T);
    Result r = c.decide(WANG, 1, false, "时间冲突", DecisionVia.PAGE, T);
    assertThat(r.first(ChainEvent.StepDecided.class).orElseThrow().result())
        .isEqualTo(StepStatus.REJECTED);
    assertThat(r.first(ChainEvent.SeatsSettled.class).orElseThrow().accounts())
        .containsExactly("li");
    assertThat(c.status()).isEqualTo(LeaveStatus.REJECTED);
    assertThat(seat(c, 1, MAO)).isEqualTo(SeatState.APPROVED);
    assertThat(seat(c, 1, WANG)).isEqualTo(SeatState.REJECTED);
    assertThat(seat(c, 1, LI)).isEqualTo(SeatState.SETTLED);
    assertThat(c.step(2).orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
    Result late = c.decide(LI, 1, true, null, DecisionVia.PAGE, T);
    assertThat(late.refusal()).isEqualTo(ChainRefusal.ALREADY_DECIDED);
    assertThat(late.byAccount()).isEqualTo("wang");
    assertThat(late.decision()).isEqualTo("REJECTED");
  }

  @Test
  void twoApproversOfAnAllStepEachHaveExactlyOneOutcomeHoweverTheyInterleave() {
    // Two clicks each, interleaved: each person's first click counts, the second is refused.
    ApprovalChain c = oneStep(StepMode.ALL, MAO, WANG);
    assertThat(c.decide(WANG, 1, true, null, DecisionVia.CARD_BUTTON, T).ok()).isTrue();
    assertThat(c.decide(WANG, 1, true, null, DecisionVia.PAGE, T).ok()).isFalse();
    assertThat(c.decide(MAO, 1, true, null, DecisionVia.PAGE, T).ok()).isTrue();
    assertThat(c.decide(MAO, 1, true, null, DecisionVia.CARD_BUTTON, T).ok()).isFalse();
    assertThat(c.step(1).orElseThrow().decided()).hasSize(2);
    assertThat(c.status()).isEqualTo(LeaveStatus.APPROVED);
  }

  // ---- 转审

  @Test
  void aHandedOverSeatIsDecidedByTheNewApproverAndNoLongerByTheOld() {
    ApprovalChain c = oneStep(StepMode.ALL, MAO, WANG);
    Result h = c.handOver(MAO, 1, staff(LI), " 我出差 ", T);
    ChainEvent.HandedOver e = h.first(ChainEvent.HandedOver.class).orElseThrow();
    assertThat(e.to()).isEqualTo("li");
    assertThat(e.note()).isEqualTo("我出差");
    assertThat(seat(c, 1, MAO)).isEqualTo(SeatState.HANDED_OVER);
    Seat li = c.step(1).orElseThrow().seatOf("li").orElseThrow();
    assertThat(li.origin()).isEqualTo(SeatOrigin.HANDED_OVER);
    assertThat(li.originAccount()).isEqualTo("mao");
    assertThat(li.isNew()).isTrue();

    Result old = c.decide(MAO, 1, true, null, DecisionVia.CARD_BUTTON, T);
    assertThat(old.refusal()).isEqualTo(ChainRefusal.HANDED_OVER);
    assertThat(old.byAccount()).isEqualTo("li");
    assertThat(c.decide(LI, 1, true, null, DecisionVia.PAGE, T).ok()).isTrue();
    assertThat(c.step(1).orElseThrow().status()).isEqualTo(StepStatus.OPEN);
    assertThat(c.decide(WANG, 1, true, null, DecisionVia.PAGE, T).ok()).isTrue();
    assertThat(c.status()).isEqualTo(LeaveStatus.APPROVED);
  }

  @Test
  void handOverRefusesSelfStudentsInactiveUnknownPeopleOnTheStepAndClosedSteps() {
    ApprovalChain c = twoSteps(StepMode.ANY, MAO, WANG);
    assertThat(c.handOver(MAO, 1, staff(MAO), null, T).refusal()).isEqualTo(ChainRefusal.SELF);
    assertThat(c.handOver(MAO, 1, new Target("s2", "学生", Eligibility.STUDENT), null, T).refusal())
        .isEqualTo(ChainRefusal.TARGET_STUDENT);
    assertThat(c.handOver(MAO, 1, new Target("old", "离职", Eligibility.INACTIVE), null, T).refusal())
        .isEqualTo(ChainRefusal.TARGET_INACTIVE);
    assertThat(c.handOver(MAO, 1, new Target("nobody", "", Eligibility.UNKNOWN), null, T).refusal())
        .isEqualTo(ChainRefusal.TARGET_UNKNOWN);
    assertThat(c.handOver(MAO, 1, staff(WANG), null, T).refusal())
        .isEqualTo(ChainRefusal.ALREADY_ON_STEP);
    assertThat(c.handOver(LI, 1, staff(ZHAO), null, T).refusal())
        .isEqualTo(ChainRefusal.NOT_YOUR_SEAT);
    assertThat(c.handOver(MAO, 2, staff(LI), null, T).refusal())
        .isEqualTo(ChainRefusal.STEP_CLOSED);
    assertThat(c.handOver(MAO, 9, staff(LI), null, T).refusal())
        .isEqualTo(ChainRefusal.NO_SUCH_STEP);
    // Nothing changed by the refusals.
    assertThat(c.step(1).orElseThrow().seats()).hasSize(2);
    assertThat(c.step(1).orElseThrow().seats().stream().noneMatch(Seat::dirty)).isTrue();

    c.decide(WANG, 1, true, null, DecisionVia.PAGE, T);
    Result afterDecision = c.handOver(MAO, 1, staff(LI), null, T);
    assertThat(afterDecision.refusal()).isEqualTo(ChainRefusal.ALREADY_DECIDED);
    assertThat(afterDecision.byAccount()).isEqualTo("wang");
  }

  @Test
  void aHandOverRacingAnApprovalLosesOrWinsAsAWholeUnderTheLock() {
    // Approval first: the hand over is told who decided.
    ApprovalChain a = oneStep(StepMode.ANY, MAO, WANG);
    a.decide(WANG, 1, true, null, DecisionVia.PAGE, T);
    assertThat(a.handOver(MAO, 1, staff(LI), null, T).refusal())
        .isEqualTo(ChainRefusal.ALREADY_DECIDED);
    // Hand over first: the old approver's approval is told who took it.
    ApprovalChain b = oneStep(StepMode.ANY, MAO, WANG);
    b.handOver(MAO, 1, staff(LI), null, T);
    assertThat(b.decide(MAO, 1, true, null, DecisionVia.PAGE, T).refusal())
        .isEqualTo(ChainRefusal.HANDED_OVER);
  }

  // ---- 加签

  @Test
  void addedBeforeDecidesFirstThenTheAdderDecides() {
    ApprovalChain c = twoSteps(StepMode.ANY, MAO, WANG);
    Result add = c.addBefore(MAO, 1, staff(LI), 2, T);
    assertThat(add.first(ChainEvent.SeatAdded.class).orElseThrow().origin())
        .isEqualTo(SeatOrigin.ADDED_BEFORE);
    assertThat(seat(c, 1, MAO)).isEqualTo(SeatState.WAITING);
    assertThat(seat(c, 1, LI)).isEqualTo(SeatState.PENDING);
    assertThat(c.decide(MAO, 1, true, null, DecisionVia.PAGE, T).refusal())
        .isEqualTo(ChainRefusal.SEAT_WAITING);

    Result li = c.decide(LI, 1, true, "同意", DecisionVia.PAGE, T);
    assertThat(li.first(ChainEvent.SeatReleased.class).orElseThrow().account()).isEqualTo("mao");
    assertThat(li.first(ChainEvent.StepDecided.class)).isEmpty();
    assertThat(c.step(1).orElseThrow().status()).isEqualTo(StepStatus.OPEN);
    assertThat(seat(c, 1, MAO)).isEqualTo(SeatState.PENDING);

    Result mao = c.decide(MAO, 1, true, null, DecisionVia.PAGE, T);
    assertThat(mao.first(ChainEvent.StepDecided.class)).isPresent();
    assertThat(c.currentStep()).isEqualTo(2);
  }

  @Test
  void aRejectionByTheOneAddedBeforeRejects() {
    ApprovalChain c = oneStep(StepMode.ALL, MAO, WANG);
    c.addBefore(MAO, 1, staff(LI), 2, T);
    c.decide(LI, 1, false, "不同意", DecisionVia.PAGE, T);
    assertThat(c.status()).isEqualTo(LeaveStatus.REJECTED);
    assertThat(seat(c, 1, MAO)).isEqualTo(SeatState.SETTLED);
  }

  @Test
  void addedAfterIsANewStepAfterTheCurrentOneAndLaterStepsMoveUp() {
    ApprovalChain c = twoSteps(StepMode.ANY, MAO);
    Result add = c.addAfter(MAO, 1, staff(LI), 2, T);
    assertThat(add.first(ChainEvent.StepAdded.class).orElseThrow().stepNo()).isEqualTo(2);
    assertThat(c.stepCount()).isEqualTo(3);
    assertThat(c.step(2).orElseThrow().role()).isEqualTo(ApproverRole.ADDED);
    assertThat(c.step(2).orElseThrow().isNew()).isTrue();
    assertThat(c.step(3).orElseThrow().role()).isEqualTo(ApproverRole.DEAN);
    assertThat(c.step(3).orElseThrow().loadedStepNo()).isEqualTo(2);
    // The added seat cannot decide before its step opens.
    assertThat(c.decide(LI, 2, true, null, DecisionVia.PAGE, T).refusal())
        .isEqualTo(ChainRefusal.STEP_CLOSED);

    Result mao = c.decide(MAO, 1, true, null, DecisionVia.PAGE, T);
    assertThat(mao.first(ChainEvent.StepOpenDue.class).orElseThrow().stepNo()).isEqualTo(2);
    Result opened = c.openStep(2, List.of(ZHAO), false, T);
    assertThat(opened.first(ChainEvent.StepOpened.class).orElseThrow().accounts())
        .containsExactly("li");
    Result li = c.decide(LI, 2, true, null, DecisionVia.PAGE, T);
    assertThat(li.first(ChainEvent.StepOpenDue.class).orElseThrow().stepNo()).isEqualTo(3);
  }

  @Test
  void addingRefusesSelfSomeoneOnTheStepLoopsAndPastTheLimit() {
    ApprovalChain c = twoSteps(StepMode.ANY, MAO, WANG);
    assertThat(c.addBefore(MAO, 1, staff(MAO), 2, T).refusal()).isEqualTo(ChainRefusal.SELF);
    assertThat(c.addBefore(MAO, 1, staff(WANG), 2, T).refusal())
        .isEqualTo(ChainRefusal.ALREADY_ON_STEP);
    assertThat(c.addAfter(MAO, 1, staff(WANG), 2, T).refusal())
        .isEqualTo(ChainRefusal.ALREADY_ON_STEP);
    assertThat(c.addBefore(MAO, 1, new Target("s2", "", Eligibility.STUDENT), 2, T).refusal())
        .isEqualTo(ChainRefusal.TARGET_STUDENT);
    assertThat(c.addBefore(MAO, 1, staff(LI), 0, T).refusal())
        .isEqualTo(ChainRefusal.LIMIT_REACHED);

    // 毛敏 adds 李 before herself; 李 may not add 毛敏 (on the step) — and 李's step-after of 毛敏
    // loops back to whoever brought 李 in.
    assertThat(c.addBefore(MAO, 1, staff(LI), 2, T).ok()).isTrue();
    assertThat(c.addBefore(LI, 1, staff(MAO), 2, T).refusal())
        .isEqualTo(ChainRefusal.ALREADY_ON_STEP);
    assertThat(c.addAfter(LI, 1, staff(MAO), 2, T).refusal())
        .isEqualTo(ChainRefusal.ALREADY_ON_STEP);
    assertThat(c.addAfter(LI, 1, staff(ZHAO), 2, T).ok()).isTrue();
    assertThat(c.addedCount()).isEqualTo(2);
    assertThat(c.addBefore(LI, 1, staff(new Who("qian", "钱")), 2, T).refusal())
        .isEqualTo(ChainRefusal.LIMIT_REACHED);
  }

  @Test
  void anAddedStepMayNotAddBackWhoeverBroughtItsApproverIn() {
    ApprovalChain c = oneStep(StepMode.ANY, MAO);
    c.addAfter(MAO, 1, staff(LI), 5, T);
    c.decide(MAO, 1, true, null, DecisionVia.PAGE, T);
    c.openStep(2, List.of(), false, T);
    assertThat(c.addAfter(LI, 2, staff(MAO), 5, T).refusal()).isEqualTo(ChainRefusal.LOOP);
    assertThat(c.addBefore(LI, 2, staff(MAO), 5, T).refusal()).isEqualTo(ChainRefusal.LOOP);
    assertThat(c.addAfter(LI, 2, staff(ZHAO), 5, T).ok()).isTrue();
  }

  // ---- 代理

  @Test
  void aDeputyDecidesInTheHoldersNameAndTheHolderCannotDecideAgain() {
    ApprovalChain c = oneStep(StepMode.ALL, MAO, WANG);
    Result add = c.addDeputySeat(1, staff(ZHAO), "mao", T);
    assertThat(add.ok()).isTrue();
    assertThat(c.addDeputySeat(1, staff(LI), "nobody", T).refusal())
        .isEqualTo(ChainRefusal.NO_SUCH_SEAT);
    assertThat(c.addDeputySeat(1, staff(WANG), "mao", T).refusal())
        .isEqualTo(ChainRefusal.ALREADY_ON_STEP);
    // A deputy's seat does not count: the step still waits for 毛敏 and 王.
    assertThat(c.step(1).orElseThrow().undecided())
        .extracting(Seat::account)
        .containsExactly("mao", "wang");
    assertThat(c.handOver(ZHAO, 1, staff(LI), null, T).refusal())
        .isEqualTo(ChainRefusal.DEPUTY_SEAT);

    Result r = c.decide(ZHAO, 1, true, null, DecisionVia.PAGE, T);
    ChainEvent.SeatDecided d = r.first(ChainEvent.SeatDecided.class).orElseThrow();
    assertThat(d.account()).isEqualTo("mao");
    assertThat(d.byAccount()).isEqualTo("zhao");
    assertThat(d.byDeputy()).isTrue();
    Seat mao = c.step(1).orElseThrow().seatOf("mao").orElseThrow();
    assertThat(mao.state()).isEqualTo(SeatState.APPROVED);
    assertThat(mao.decidedBy()).isEqualTo("zhao");
    assertThat(c.step(1).orElseThrow().seatOf("zhao").orElseThrow().onBehalfOf()).isEqualTo("mao");
    Result holder = c.decide(MAO, 1, false, "不行", DecisionVia.PAGE, T);
    assertThat(holder.refusal()).isEqualTo(ChainRefusal.ALREADY_DECIDED);
    assertThat(holder.byAccount()).isEqualTo("zhao");
    assertThat(c.decide(WANG, 1, true, null, DecisionVia.PAGE, T).ok()).isTrue();
    assertThat(c.status()).isEqualTo(LeaveStatus.APPROVED);
  }

  @Test
  void whenTheHolderDecidesTheDeputysSeatIsSettled() {
    ApprovalChain c = oneStep(StepMode.ANY, MAO);
    c.addDeputySeat(1, staff(ZHAO), "mao", T);
    Result r = c.decide(MAO, 1, true, null, DecisionVia.PAGE, T);
    assertThat(seat(c, 1, ZHAO)).isEqualTo(SeatState.SETTLED);
    assertThat(r.eventsOf(ChainEvent.SeatsSettled.class).get(0).accounts()).containsExactly("zhao");
    assertThat(c.decide(ZHAO, 1, true, null, DecisionVia.PAGE, T).ok()).isFalse();
  }

  // ---- an approver gone from the directory

  @Test
  void removingTheLastUndecidedSeatOfAnAllStepLetsTheOthersDecide() {
    ApprovalChain c = twoSteps(StepMode.ALL, MAO, WANG);
    c.decide(MAO, 1, true, null, DecisionVia.PAGE, T);
    Result r = c.removeSeat(ADMIN, 1, "wang", null, T);
    assertThat(r.ok()).isTrue();
    assertThat(r.first(ChainEvent.SeatRemoved.class).orElseThrow().account()).isEqualTo("wang");
    assertThat(seat(c, 1, WANG)).isEqualTo(SeatState.REMOVED);
    assertThat(c.step(1).orElseThrow().status()).isEqualTo(StepStatus.APPROVED);
    assertThat(c.step(1).orElseThrow().decidedBy()).isEqualTo("mao");
    assertThat(r.first(ChainEvent.StepOpenDue.class).orElseThrow().stepNo()).isEqualTo(2);
  }

  @Test
  void aStepIsNeverLeftWithNobodyButMayBeGivenAReplacement() {
    ApprovalChain c = oneStep(StepMode.ALL, MAO);
    assertThat(c.removeSeat(ADMIN, 1, "mao", null, T).refusal()).isEqualTo(ChainRefusal.LAST_SEAT);
    assertThat(c.removeSeat(ADMIN, 1, "nobody", staff(LI), T).refusal())
        .isEqualTo(ChainRefusal.NO_SUCH_SEAT);
    assertThat(
            c.removeSeat(ADMIN, 1, "mao", new Target("s9", "", Eligibility.STUDENT), T).refusal())
        .isEqualTo(ChainRefusal.TARGET_STUDENT);
    Result r = c.removeSeat(ADMIN, 1, "mao", staff(LI), T);
    assertThat(r.ok()).isTrue();
    Seat li = c.step(1).orElseThrow().seatOf("li").orElseThrow();
    assertThat(li.origin()).isEqualTo(SeatOrigin.REPLACED);
    assertThat(li.originAccount()).isEqualTo("mao");
    assertThat(c.decide(MAO, 1, true, null, DecisionVia.PAGE, T).ok()).isFalse();
    assertThat(c.decide(LI, 1, true, null, DecisionVia.PAGE, T).ok()).isTrue();
    assertThat(c.status()).isEqualTo(LeaveStatus.APPROVED);
  }

  @Test
  void removingTheOneAddedBeforeReleasesTheAdder() {
    ApprovalChain c = oneStep(StepMode.ALL, MAO, WANG);
    c.addBefore(MAO, 1, staff(LI), 2, T);
    c.removeSeat(ADMIN, 1, "li", null, T);
    assertThat(seat(c, 1, MAO)).isEqualTo(SeatState.PENDING);
  }

  // ---- withdraw and closed steps

  @Test
  void onlyTheStudentWithdrawsAPendingRequestAndEveryOpenSeatIsSettled() {
    ApprovalChain c = twoSteps(StepMode.ALL, MAO, WANG);
    c.decide(MAO, 1, true, null, DecisionVia.PAGE, T);
    assertThat(c.withdraw(MAO, T).refusal()).isEqualTo(ChainRefusal.NOT_OWNER);
    Result r = c.withdraw(STUDENT, T);
    assertThat(r.ok()).isTrue();
    assertThat(c.status()).isEqualTo(LeaveStatus.WITHDRAWN);
    assertThat(r.first(ChainEvent.SeatsSettled.class).orElseThrow().accounts())
        .containsExactly("wang");
    assertThat(c.step(1).orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
    assertThat(c.step(2).orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
    assertThat(seat(c, 1, MAO)).isEqualTo(SeatState.APPROVED);
    assertThat(c.withdraw(STUDENT, T).refusal()).isEqualTo(ChainRefusal.REQUEST_CLOSED);
    assertThat(c.decide(WANG, 1, true, null, DecisionVia.PAGE, T).refusal())
        .isEqualTo(ChainRefusal.STEP_CLOSED);
  }

  @Test
  void decisionsOnClosedStepsAndByOutsidersAreRefused() {
    ApprovalChain c = twoSteps(StepMode.ANY, MAO);
    assertThat(c.decide(LI, 1, true, null, DecisionVia.PAGE, T).refusal())
        .isEqualTo(ChainRefusal.NOT_YOUR_SEAT);
    assertThat(c.decide(MAO, 7, true, null, DecisionVia.PAGE, T).refusal())
        .isEqualTo(ChainRefusal.NO_SUCH_STEP);
    c.decide(MAO, 1, false, "不行", DecisionVia.PAGE, T);
    Result again = c.decide(MAO, 1, true, null, DecisionVia.PAGE, T);
    assertThat(again.refusal()).isEqualTo(ChainRefusal.ALREADY_DECIDED);
    assertThat(again.decision()).isEqualTo("REJECTED");
    assertThat(c.openStep(2, List.of(LI), false, T).refusal())
        .isEqualTo(ChainRefusal.REQUEST_CLOSED);
    assertThat(c.addBefore(MAO, 1, staff(LI), 2, T).refusal())
        .isEqualTo(ChainRefusal.ALREADY_DECIDED);
    assertThat(c.addAfter(MAO, 2, staff(LI), 2, T).refusal())
        .isEqualTo(ChainRefusal.REQUEST_CLOSED);
  }

  @Test
  void aReversedRequestAnswersClosedToAStaleCard() {
    ApprovalChain c =
        ApprovalChain.of(
            42,
            "s1",
            LeaveStatus.REVOKED,
            1,
            List.of(
                Step.load(
                    1,
                    1,
                    ApproverRole.COUNSELLOR,
                    StepMode.ANY,
                    StepStatus.APPROVED,
                    false,
                    T,
                    "mao",
                    "毛敏",
                    T,
                    DecisionVia.PAGE,
                    null,
                    List.of(pending(WANG)))));
    Result r = c.decide(WANG, 1, true, null, DecisionVia.CARD_BUTTON, T);
    assertThat(r.refusal()).isEqualTo(ChainRefusal.REQUEST_CLOSED);
    assertThat(r.decision()).isEqualTo("REVOKED");
  }

  // ---- rules

  @Test
  void ruleStepsCarryTheirModeInTheSameTextAndOldTextReadsAsAny() {
    assertThat(RoutingRule.parseSteps("COUNSELLOR:ALL,DEAN"))
        .containsExactly(ApproverRole.COUNSELLOR, ApproverRole.DEAN);
    assertThat(RoutingRule.parseModes("COUNSELLOR:ALL,DEAN"))
        .containsExactly(StepMode.ALL, StepMode.ANY);
    assertThat(RoutingRule.parseModes("COUNSELLOR,DEAN")).containsOnly(StepMode.ANY);
    RoutingRule r =
        new RoutingRule(
            1,
            10,
            null,
            null,
            null,
            RoutingRule.parseSteps("COUNSELLOR:all,DEAN"),
            true,
            null,
            RoutingRule.parseModes("COUNSELLOR:all,DEAN"));
    assertThat(r.stepsText()).isEqualTo("COUNSELLOR:ALL,DEAN");
    assertThat(new Routing(List.of(r)).chainFor("SICK", java.math.BigDecimal.ONE, false).modes())
        .containsExactly(StepMode.ALL, StepMode.ANY);
    assertThat(ApproverRole.parse("ADDED")).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RoutingRule.parseModes("COUNSELLOR:SOME"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
