package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.identity.domain.Person;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain;
import cn.edu.ntvu.workbench.leave.domain.CardAction;
import cn.edu.ntvu.workbench.leave.domain.ChainEvent;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.LeaveStatus;
import cn.edu.ntvu.workbench.leave.domain.SeatState;
import cn.edu.ntvu.workbench.leave.domain.StepMode;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Approvers decide a step, on the page or with the WeCom card's buttons. Only an approver of the
 * open step decides it; the request row is locked and the step changes only while still open, so of
 * two approvers at the same moment exactly one decision is recorded and the other is told who
 * decided; a replayed click changes nothing. A 驳回 needs its reason (the student reads it): the
 * card's 驳回 button opens the page that asks for it, and a 驳回 without one is refused.
 */
@ApplicationScoped
public class LeaveDecisions {
  public static final int COMMENT_MAX = 200;

  @Inject LeaveStore store;
  @Inject ChainStore chains;
  @Inject StepOpener opener;
  @Inject LeaveMessages messages;
  @Inject ChainMessages chainMessages;
  @Inject HandOverMessages handOverMessages;
  @Inject WeComOutbox outbox;
  @Inject AuditTrail audit;
  @Inject LeaveCatalog catalog;
  @Inject DirectoryQueries directory;
  @Inject Clock clock;
  @Inject Event<LeaveOutcome> outcomes;
  @Inject LeaveCc cc;
  @Inject LeaveExtensions extensions;

  /**
   * A click on the card's 同意/驳回 button, as the WeCom callback reports it ({@code FromUserName},
   * {@code TaskId}, {@code EventKey}). The decision is applied only when {@code wecomUserId} may
   * decide that step, and only once.
   */
  @Transactional
  public DecisionOutcome decideFromCard(String wecomUserId, String taskId, String eventKey) {
    Optional<CardAction> action = CardAction.parse(taskId, eventKey);
    if (action.isEmpty()) {
      return DecisionOutcome.of(DecisionOutcome.Kind.UNKNOWN, 0, 0);
    }
    CardAction a = action.get();
    Optional<Person> person = directory.findByAccount(wecomUserId);
    if (person.isEmpty()) {
      return DecisionOutcome.of(DecisionOutcome.Kind.NOT_YOUR_STEP, a.requestId(), a.step());
    }
    LeaveActor actor = new LeaveActor(person.get().getAccount(), person.get().getName(), "WECOM");
    DecisionOutcome outcome =
        decide(a.requestId(), a.step(), a.approve(), null, actor, DecisionVia.CARD_BUTTON);
    if (outcome.kind() == DecisionOutcome.Kind.REASON_MISSING) {
      // A 驳回 button of a card sent before its button became a link to the page: nothing is
      // decided; the approver gets the page where the reason is asked.
      store
          .request(a.requestId())
          .ifPresent(
              r ->
                  outbox.enqueue(
                      messages.reasonAsked(
                          r, a.step(), actor.account(), catalog.typeName(r.typeCode()))));
    }
    return outcome;
  }

  /**
   * Approves or rejects step {@code stepNo} of a request as {@code actor}: through the request's
   * {@link ApprovalChain} (loaded under the request row lock, changed, saved), so 或签 and 会签, a
   * deputy's seat and a seat handed over all follow one set of rules; a seat decides once.
   */
  @Transactional
  public DecisionOutcome decide(
      long requestId,
      int stepNo,
      boolean approve,
      String comment,
      LeaveActor actor,
      DecisionVia via) {
    if (extensions.isExtensionStep(requestId, stepNo)) {
      // A step of a 续假 (issue 18): decided on the approved request, the end moves on the last.
      return extensions.decide(requestId, stepNo, approve, comment, actor, via);
    }
    Optional<ChainStore.LockedChain> locked = chains.lock(requestId);
    if (locked.isEmpty()) {
      return DecisionOutcome.of(DecisionOutcome.Kind.UNKNOWN, requestId, stepNo);
    }
    LeaveRequestRow r = locked.get().request();
    ApprovalChain chain = locked.get().chain();
    LocalDateTime now = LocalDateTime.now(clock);
    String note = comment == null || comment.isBlank() ? null : cut(comment.strip(), COMMENT_MAX);
    LeaveStatus before = chain.status();
    ApprovalChain.Result res =
        chain.decide(
            new ApprovalChain.Who(actor.account(), actor.name()), stepNo, approve, note, via, now);
    if (!res.ok()) {
      return refused(res, requestId, stepNo, r);
    }
    ApprovalChain.Step step = chain.step(stepNo).orElseThrow();
    StepStatus decision = approve ? StepStatus.APPROVED : StepStatus.REJECTED;
    // 代理 (issue 18, item 6): a deputy decides in the holder's name — the timeline, the student's
    // notice and the other cards say "余刚 代 陶博".
    String shownName =
        res.first(ChainEvent.SeatDecided.class)
            .filter(ChainEvent.SeatDecided::byDeputy)
            .map(d -> LeaveTexts.chinese().get("leave.deputy.on", actor.name(), d.name()))
            .orElse(actor.name());
    store.event(
        requestId, actor.account(), shownName, decision.name(), stepNo, via.name(), note, now);
    Optional<ChainEvent.StepOpenDue> due = res.first(ChainEvent.StepOpenDue.class);
    if (due.isPresent()) {
      opener.open(r, chain, due.get().stepNo(), store.policy(), now);
    }
    chains.save(chain);
    LeaveStatus after = chain.status();
    String typeName = catalog.typeName(r.typeCode());
    if (after == LeaveStatus.APPROVED) {
      // Observers (the course teachers' messages) queue in this transaction.
      outcomes.fire(LeaveOutcome.of(r, typeName, LeaveOutcome.What.FINALLY_APPROVED, null));
    } else if (after == LeaveStatus.REJECTED) {
      cc.changed(r, LeaveTexts.chinese().get("leave.cc.card.REJECTED"));
    }
    for (ChainEvent.SeatReleased back : res.eventsOf(ChainEvent.SeatReleased.class)) {
      // 加签 before: the one added approved; the adder is told it is theirs again.
      outbox.enqueue(
          handOverMessages.backToYou(
              r, back.stepNo(), back.account(), actor.account(), actor.name()));
    }
    Optional<ChainEvent.StepDecided> stepDecided = res.first(ChainEvent.StepDecided.class);
    if (step.mode() == StepMode.ALL) {
      allStepCards(r, step, res, actor, via, approve, typeName);
    }
    if (stepDecided.isPresent()) {
      // The student hears of each step's result (a 会签 approver's own 同意 is on the page).
      outbox.enqueue(
          messages.decisionNotice(
              r, stepNo, approve, after == LeaveStatus.APPROVED, shownName, note, typeName));
      // The other approvers' cards stop offering 同意/驳回; a clicker's own card is updated by the
      // click's code.
      List<ApprovalChain.Seat> otherSeats =
          step.seats().stream()
              .filter(a -> a.state() != SeatState.HANDED_OVER && a.state() != SeatState.REMOVED)
              .filter(a -> via != DecisionVia.CARD_BUTTON || !a.account().equals(actor.account()))
              .toList();
      String settledText =
          LeaveTexts.chinese()
              .get(
                  approve ? "leave.card.settled.approved" : "leave.card.settled.rejected",
                  shownName);
      // Seats given after the step opened (转审, 加签) hold cards of their own (HandOverMessages).
      List<String> others =
          otherSeats.stream()
              .filter(a -> !HandOverMessages.ownCard(step, a))
              .map(ApprovalChain.Seat::account)
              .toList();
      List<String> ownCards =
          otherSeats.stream()
              .filter(a -> HandOverMessages.ownCard(step, a))
              .map(ApprovalChain.Seat::account)
              .toList();
      if (!others.isEmpty() && step.mode() == StepMode.ANY) {
        outbox.enqueue(messages.cardSettled(r, stepNo, others, settledText));
      }
      if (!ownCards.isEmpty() && step.mode() == StepMode.ANY) {
        chainMessages.settle(r, stepNo, ownCards, settledText);
      }
    }
    Map<String, Object> beforeFields = new LinkedHashMap<>();
    beforeFields.put("status", before.name());
    beforeFields.put("step" + stepNo, StepStatus.OPEN.name());
    Map<String, Object> afterFields = new LinkedHashMap<>();
    afterFields.put("status", after.name());
    afterFields.put("step" + stepNo, step.status().name());
    if (step.mode() == StepMode.ALL) {
      afterFields.put("mode", step.mode().name());
      afterFields.put("seat", decision.name());
    }
    afterFields.put("via", via.name());
    if (note != null) {
      afterFields.put("comment", note);
    }
    audit.record(
        actor.audit(),
        approve ? "LEAVE_APPROVE" : "LEAVE_REJECT",
        LeaveSubmissions.object(r, typeName),
        AuditDiff.between(beforeFields, afterFields));
    return new DecisionOutcome(
        DecisionOutcome.Kind.DECIDED,
        requestId,
        stepNo,
        actor.account(),
        actor.name(),
        decision.name());
  }

  /**
   * The cards of a 会签 step after a seat decided (one card per seat, {@link ChainMessages}): while
   * others are still to decide, theirs say "毛敏 已同意，等待 2 人" (buttons kept) and the decider's own
   * says 已同意 (a clicker's own card is updated by the click's code); once the step has its result,
   * every card says it.
   */
  private void allStepCards(
      LeaveRequestRow r,
      ApprovalChain.Step step,
      ApprovalChain.Result res,
      LeaveActor actor,
      DecisionVia via,
      boolean approve,
      String typeName) {
    LeaveTexts zh = LeaveTexts.chinese();
    boolean decided = res.first(ChainEvent.StepDecided.class).isPresent();
    List<ApprovalChain.Seat> cards =
        step.seats().stream()
            .filter(a -> !a.isDeputy())
            .filter(a -> a.state() != SeatState.HANDED_OVER && a.state() != SeatState.REMOVED)
            .toList();
    if (decided) {
      List<String> to =
          cards.stream()
              .map(ApprovalChain.Seat::account)
              .filter(a -> via != DecisionVia.CARD_BUTTON || !a.equals(actor.account()))
              .toList();
      chainMessages.settle(
          r,
          step.stepNo(),
          to,
          zh.get(
              approve ? "leave.card.settled.approved" : "leave.card.settled.rejected",
              actor.name()));
      return;
    }
    ChainEvent.SeatDecided d = res.first(ChainEvent.SeatDecided.class).orElseThrow();
    if (via != DecisionVia.CARD_BUTTON) {
      chainMessages.settle(
          r, step.stepNo(), List.of(d.account()), zh.get("leave.card.done.approved"));
    }
    List<ApprovalChain.Seat> waiting =
        cards.stream().filter(a -> a.state() == SeatState.PENDING).toList();
    if (!waiting.isEmpty()) {
      String className =
          r.classCode() == null
              ? ""
              : directory
                  .classNames(List.of(r.classCode()))
                  .getOrDefault(r.classCode(), r.classCode());
      chainMessages.progress(
          r,
          step.stepNo(),
          waiting.stream().map(ApprovalChain.Seat::position).toList(),
          waiting.stream().map(ApprovalChain.Seat::account).toList(),
          typeName,
          className,
          zh.get("leave.card.progress", actor.name(), d.undecided().size()));
    }
  }

  /** What a refused decision tells the person (page text or card button). */
  static DecisionOutcome refused(
      ApprovalChain.Result res, long requestId, int stepNo, LeaveRequestRow r) {
    return switch (res.refusal()) {
      case NO_SUCH_STEP -> DecisionOutcome.of(DecisionOutcome.Kind.UNKNOWN, requestId, stepNo);
      case REQUEST_CLOSED ->
          new DecisionOutcome(
              DecisionOutcome.Kind.CLOSED, requestId, stepNo, null, null, res.decision());
      case ALREADY_DECIDED ->
          new DecisionOutcome(
              DecisionOutcome.Kind.ALREADY_DECIDED,
              requestId,
              stepNo,
              res.byAccount(),
              res.byName(),
              res.decision());
      case HANDED_OVER ->
          new DecisionOutcome(
              DecisionOutcome.Kind.HANDED_OVER,
              requestId,
              stepNo,
              res.byAccount(),
              res.byName(),
              null);
      case SEAT_WAITING -> DecisionOutcome.of(DecisionOutcome.Kind.WAITING, requestId, stepNo);
      case REASON_MISSING ->
          DecisionOutcome.of(DecisionOutcome.Kind.REASON_MISSING, requestId, stepNo);
      case STEP_CLOSED ->
          new DecisionOutcome(
              DecisionOutcome.Kind.CLOSED, requestId, stepNo, null, null, r.status().name());
      default -> DecisionOutcome.of(DecisionOutcome.Kind.NOT_YOUR_STEP, requestId, stepNo);
    };
  }

  /** The student takes back a pending request; the approvers of the open step are told. */
  @Transactional
  public boolean withdraw(long requestId, LeaveActor student) {
    Optional<ChainStore.LockedChain> locked = chains.lock(requestId);
    if (locked.isEmpty()) {
      return false;
    }
    LeaveRequestRow r = locked.get().request();
    ApprovalChain chain = locked.get().chain();
    LocalDateTime now = LocalDateTime.now(clock);
    // Told: everyone on an open step who was asked and has not left it (handed over, removed).
    Map<Integer, List<String>> open = new LinkedHashMap<>();
    for (ApprovalChain.Step s : chain.steps()) {
      if (s.status() == StepStatus.OPEN) {
        open.put(
            s.stepNo(),
            s.seats().stream()
                .filter(
                    a ->
                        a.state() == SeatState.PENDING
                            || a.state() == SeatState.WAITING
                            || a.state() == SeatState.APPROVED)
                .map(ApprovalChain.Seat::account)
                .toList());
      }
    }
    ApprovalChain.Result res =
        chain.withdraw(new ApprovalChain.Who(student.account(), student.name()), now);
    if (!res.ok()) {
      return false;
    }
    chains.save(chain);
    List<String> asked = open.values().stream().flatMap(List::stream).distinct().toList();
    store.event(
        requestId,
        student.account(),
        student.name(),
        "WITHDRAWN",
        r.currentStep(),
        DecisionVia.PAGE.name(),
        null,
        now);
    String typeName = catalog.typeName(r.typeCode());
    cc.changed(r, LeaveTexts.chinese().get("leave.card.settled.withdrawn"));
    if (!asked.isEmpty()) {
      outbox.enqueue(messages.withdrawnNotice(r, asked, typeName));
    }
    for (Map.Entry<Integer, List<String>> s : open.entrySet()) {
      String text = LeaveTexts.chinese().get("leave.card.settled.withdrawn");
      if (s.getValue().isEmpty()) {
        continue;
      }
      ApprovalChain.Step st = chain.step(s.getKey()).orElseThrow();
      // Seats given after the step opened (转审, 加签) hold cards of their own (HandOverMessages).
      List<String> own =
          s.getValue().stream()
              .filter(a -> st.seatOf(a).map(x -> HandOverMessages.ownCard(st, x)).orElse(false))
              .toList();
      List<String> shared = s.getValue().stream().filter(a -> !own.contains(a)).toList();
      if (!own.isEmpty()) {
        chainMessages.settle(r, s.getKey(), own, text);
      }
      if (!shared.isEmpty()) {
        outbox.enqueue(messages.cardSettled(r, s.getKey(), shared, text));
      }
    }
    audit.record(
        student.audit(),
        "LEAVE_WITHDRAW",
        LeaveSubmissions.object(r, typeName),
        AuditDiff.between(
            Map.of("status", r.status().name()),
            Map.of("status", LeaveStatus.WITHDRAWN.name(), "via", DecisionVia.PAGE.name())));
    return true;
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
