package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Seat;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Step;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain.Who;
import cn.edu.ntvu.workbench.leave.domain.ChainEvent;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.LeaveStatus;
import cn.edu.ntvu.workbench.leave.domain.SeatOrigin;
import cn.edu.ntvu.workbench.leave.domain.SeatState;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 转审 (hand over) and 加签 (add an approver) of an open step, from the request page's form. Each locks
 * the request row, loads its {@link ApprovalChain}, lets the aggregate decide (only a PENDING seat
 * holder of the open step may; not to oneself, a student, someone inactive or already on the step;
 * no loop; at most {@link HandOverSettings#maxAddedPerRequest} added per request), saves it, and in
 * the same transaction writes the timeline ({@code HANDED_OVER}, {@code APPROVER_ADDED}), the audit
 * entry ({@code LEAVE_HAND_OVER}, {@code LEAVE_ADD_APPROVER}) and queues the cards ({@link
 * HandOverMessages}). A 转审 racing an approval of the same step: the row lock orders them, the
 * second finds the step decided (or its seat gone) and is told, nothing changes.
 */
@ApplicationScoped
public class LeaveHandOvers {
  public static final String AUDIT_HAND_OVER = "LEAVE_HAND_OVER";
  public static final String AUDIT_ADD = "LEAVE_ADD_APPROVER";

  @Inject ChainStore chains;
  @Inject LeaveStore store;
  @Inject HandOverMessages cards;
  @Inject ChainMessages chainMessages;
  @Inject ChainTargets targets;
  @Inject WeComOutbox outbox;
  @Inject AuditTrail audit;
  @Inject LeaveCatalog catalog;
  @Inject DirectoryQueries directory;
  @Inject HandOverSettings settings;
  @Inject Clock clock;

  /**
   * What {@code viewer} sees about handing request {@code requestId} over; empty for a student, or
   * someone with no seat on it.
   */
  public Optional<HandOverView> view(long requestId, SignedInUser viewer) {
    if (viewer == null || viewer.isStudent()) {
      return Optional.empty();
    }
    Optional<LeaveRequestRow> found = store.request(requestId);
    Optional<ApprovalChain> read = chains.read(requestId);
    if (found.isEmpty() || read.isEmpty()) {
      return Optional.empty();
    }
    LeaveRequestRow r = found.get();
    ApprovalChain chain = read.get();
    String me = viewer.account();
    Optional<Step> open = chain.step(chain.currentStep());
    Optional<Seat> seat = open.flatMap(s -> s.seatOf(me));
    boolean mayAct =
        chain.status() == LeaveStatus.PENDING
            && open.map(s -> s.status() == StepStatus.OPEN).orElse(false)
            && seat.map(s -> s.state() == SeatState.PENDING && !s.isDeputy()).orElse(false);
    String handedTo = null;
    for (Step s : chain.steps()) {
      Optional<Seat> mine = s.seatOf(me);
      if (mine.isPresent() && mine.get().state() == SeatState.HANDED_OVER) {
        handedTo =
            s.seats().stream()
                .filter(x -> x.origin() == SeatOrigin.HANDED_OVER && me.equals(x.originAccount()))
                .map(Seat::name)
                .findFirst()
                .orElse(null);
      }
    }
    String waitingFor =
        seat.filter(s -> s.state() == SeatState.WAITING)
            .map(
                s ->
                    String.join(
                        "、",
                        open.get().seats().stream()
                            .filter(
                                x ->
                                    x.origin() == SeatOrigin.ADDED_BEFORE
                                        && me.equals(x.originAccount())
                                        && x.state().live())
                            .map(Seat::name)
                            .toList()))
            .filter(n -> !n.isEmpty())
            .orElse(null);
    if (!mayAct && handedTo == null && waitingFor == null && seat.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new HandOverView(
            r,
            catalog.typeName(r.typeCode()),
            chain.currentStep(),
            mayAct,
            chain.addedCount(),
            settings.maxAddedPerRequest(),
            handedTo,
            waitingFor));
  }

  /** 转审: {@code actor} passes their seat on step {@code step} to {@code toAccount}. */
  @Transactional
  public HandOverResult handOver(
      long requestId, int step, String toAccount, String note, LeaveActor actor) {
    Optional<HandOverProblem> bad = HandOverCheck.note(note);
    if (bad.isPresent()) {
      return HandOverResult.refused(bad.get(), null);
    }
    if (toAccount == null || toAccount.isBlank()) {
      return HandOverResult.refused(HandOverProblem.NOBODY, null);
    }
    ApprovalChain.Target to = targets.of(toAccount);
    Optional<ChainStore.LockedChain> locked = chains.lock(requestId);
    if (locked.isEmpty()) {
      return HandOverResult.refused(HandOverProblem.NOT_YOUR_STEP, null);
    }
    LeaveRequestRow r = locked.get().request();
    ApprovalChain chain = locked.get().chain();
    LocalDateTime now = LocalDateTime.now(clock);
    Who who = new Who(actor.account(), actor.name());
    Optional<Seat> before = chain.step(step).flatMap(s -> s.seatOf(actor.account()));
    ApprovalChain.Result result = chain.handOver(who, step, to, note, now);
    if (!result.ok()) {
      return refused(result, chain, step, to);
    }
    chains.save(chain);
    ChainEvent.HandedOver done = result.first(ChainEvent.HandedOver.class).orElseThrow();
    Step s = chain.step(step).orElseThrow();
    Seat taken = s.seatOf(to.account()).orElseThrow();
    store.event(
        requestId,
        actor.account(),
        actor.name(),
        HandOverEvents.HANDED_OVER,
        step,
        DecisionVia.PAGE.name(),
        HandOverEvents.handedOverDetail(to.name(), done.note()),
        now);
    String typeName = catalog.typeName(r.typeCode());
    outbox.enqueue(
        cards.approverCard(
            r,
            step,
            taken.position(),
            typeName,
            className(r),
            to.account(),
            HandOverMessages.handedOverBy(actor.name(), done.note())));
    // The old card says who took it: a card of its own once; the step's first card only when
    // nobody else still decides from it (its code is usable once, and the step's result needs it).
    Seat old = before.orElseThrow();
    String text = HandOverMessages.handedOverTo(to.name());
    if (HandOverMessages.ownCard(s, old)) {
      chainMessages.settle(r, step, List.of(actor.account()), text);
    } else if (aloneOnFirstCard(s, actor.account())) {
      outbox.enqueue(cards.sharedCardSays(r, step, actor.account(), text));
    }
    Map<String, Object> was = new LinkedHashMap<>();
    was.put("step" + step, actor.account());
    Map<String, Object> is = new LinkedHashMap<>();
    is.put("step" + step, to.account() + " " + to.name());
    if (done.note() != null) {
      is.put("comment", done.note());
    }
    audit.record(
        actor.audit(),
        AUDIT_HAND_OVER,
        LeaveSubmissions.object(r, typeName),
        AuditDiff.between(was, is));
    return HandOverResult.done(to.name());
  }

  /**
   * 加签: {@code actor} adds {@code account} before themselves on step {@code step} (the step waits
   * for them first) or after it (a new step).
   */
  @Transactional
  public HandOverResult add(
      long requestId, int step, String account, boolean before, LeaveActor actor) {
    if (account == null || account.isBlank()) {
      return HandOverResult.refused(HandOverProblem.NOBODY, null);
    }
    ApprovalChain.Target who = targets.of(account);
    Optional<ChainStore.LockedChain> locked = chains.lock(requestId);
    if (locked.isEmpty()) {
      return HandOverResult.refused(HandOverProblem.NOT_YOUR_STEP, null);
    }
    LeaveRequestRow r = locked.get().request();
    ApprovalChain chain = locked.get().chain();
    LocalDateTime now = LocalDateTime.now(clock);
    Who me = new Who(actor.account(), actor.name());
    int limit = settings.maxAddedPerRequest();
    Optional<Seat> mine = chain.step(step).flatMap(s -> s.seatOf(actor.account()));
    ApprovalChain.Result result =
        before
            ? chain.addBefore(me, step, who, limit, now)
            : chain.addAfter(me, step, who, limit, now);
    if (!result.ok()) {
      return refused(result, chain, step, who);
    }
    chains.save(chain);
    store.event(
        requestId,
        actor.account(),
        actor.name(),
        HandOverEvents.APPROVER_ADDED,
        step,
        DecisionVia.PAGE.name(),
        HandOverEvents.addedDetail(who.name(), before),
        now);
    String typeName = catalog.typeName(r.typeCode());
    if (before) {
      Step s = chain.step(step).orElseThrow();
      Seat added = s.seatOf(who.account()).orElseThrow();
      String className = className(r);
      outbox.enqueue(
          cards.approverCard(
              r,
              step,
              added.position(),
              typeName,
              className,
              who.account(),
              HandOverMessages.addedBy(actor.name(), true)));
      // The adder's card says whom it waits for and keeps its buttons for later.
      Seat adder = mine.orElseThrow();
      String text = HandOverMessages.waitingFor(who.name());
      if (HandOverMessages.ownCard(s, adder)) {
        chainMessages.progress(
            r,
            step,
            List.of(adder.position()),
            List.of(actor.account()),
            typeName,
            className,
            text);
      } else if (aloneOnFirstCard(s, actor.account())) {
        outbox.enqueue(cards.sharedCardWaits(r, step, typeName, className, actor.account(), text));
      }
    }
    Map<String, Object> was = new LinkedHashMap<>();
    was.put("added", chain.addedCount() - 1);
    Map<String, Object> is = new LinkedHashMap<>();
    is.put("added", chain.addedCount());
    is.put(before ? "before" : "after", who.account() + " " + who.name());
    is.put("step", step);
    audit.record(
        actor.audit(), AUDIT_ADD, LeaveSubmissions.object(r, typeName), AuditDiff.between(was, is));
    return HandOverResult.done(who.name());
  }

  /** The aggregate's refusal as the page says it. */
  private HandOverResult refused(
      ApprovalChain.Result result, ApprovalChain chain, int step, ApprovalChain.Target to) {
    return switch (result.refusal()) {
      case SELF -> HandOverResult.refused(HandOverProblem.SELF, to.name());
      case TARGET_STUDENT -> HandOverResult.refused(HandOverProblem.STUDENT, to.name());
      case TARGET_INACTIVE -> HandOverResult.refused(HandOverProblem.INACTIVE, to.name());
      case TARGET_UNKNOWN -> HandOverResult.refused(HandOverProblem.UNKNOWN_PERSON, to.name());
      case ALREADY_ON_STEP -> HandOverResult.refused(HandOverProblem.ALREADY_ON_STEP, to.name());
      case LOOP -> HandOverResult.refused(HandOverProblem.LOOP, to.name());
      case LIMIT_REACHED ->
          new HandOverResult(HandOverProblem.OVER_LIMIT, to.name(), settings.maxAddedPerRequest());
      case ALREADY_DECIDED ->
          HandOverResult.refused(HandOverProblem.ALREADY_DECIDED, result.byName());
      case HANDED_OVER -> HandOverResult.refused(HandOverProblem.HANDED_OVER, result.byName());
      case SEAT_WAITING -> HandOverResult.refused(HandOverProblem.WAITING, null);
      case REQUEST_CLOSED ->
          // The last step decided a moment ago: say who, as for any decided step.
          chain
              .step(step)
              .filter(s -> s.decidedByName() != null)
              .map(s -> HandOverResult.refused(HandOverProblem.ALREADY_DECIDED, s.decidedByName()))
              .orElse(HandOverResult.refused(HandOverProblem.CLOSED, null));
      default -> HandOverResult.refused(HandOverProblem.NOT_YOUR_STEP, null);
    };
  }

  /** Whether nobody but {@code account} still decides from the step's first card. */
  private static boolean aloneOnFirstCard(Step step, String account) {
    return step.seats().stream()
        .filter(x -> !x.account().equals(account))
        .noneMatch(x -> !HandOverMessages.ownCard(step, x) && x.state().live());
  }

  private String className(LeaveRequestRow r) {
    return r.classCode() == null
        ? ""
        : directory.classNames(List.of(r.classCode())).getOrDefault(r.classCode(), r.classCode());
  }
}
