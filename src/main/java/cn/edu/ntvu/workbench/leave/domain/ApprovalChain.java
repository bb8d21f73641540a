package cn.edu.ntvu.workbench.leave.domain;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The approval chain of one request: its steps and, on each, the seats of the people who decide it
 * — ONE aggregate that owns every transition (decide 或签/会签, 转审, 加签 before/after, a deputy deciding
 * in the holder's name, withdraw, an admin removing or replacing a seat). Pure Java: built from the
 * rows by the chain store ({@code leave.application.ApprovalChains}) under the request's row lock,
 * changed by one method call, saved back by the store. Each transition answers a {@link Result}:
 * either a refusal with its {@link ChainRefusal} (nothing changed) or the {@link ChainEvent}s that
 * say what changed, which the service turns into the timeline, cards and audit.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>A seat decides once: a decided seat refuses a second decision ({@code ALREADY_DECIDED}).
 *   <li>或签 ({@link StepMode#ANY}): the first approval or rejection decides the step; the other
 *       seats are SETTLED. 会签 ({@link StepMode#ALL}): the step is approved when every counted seat
 *       approved; one rejection rejects the step and the request.
 *   <li>Counted seats: all seats except deputies' and those HANDED_OVER or REMOVED.
 *   <li>加签 before: the added seat decides first; the adder's seat is WAITING until every seat they
 *       added before themselves approved (then PENDING again); a rejection by the added one
 *       rejects.
 *   <li>加签 after: a new step (role {@link ApproverRole#ADDED}, 或签) right after the current one, its
 *       one seat pre-created; later steps move up by one.
 *   <li>A deputy's seat decides in the holder's name: the holder's seat takes the decision (decided
 *       by the deputy) and counts; when the holder decides, the deputy's seat is SETTLED.
 * </ul>
 */
public final class ApprovalChain {

  /** A person acting on the chain (an approver, the student, an admin). */
  public record Who(String account, String name) {
    public Who {
      Objects.requireNonNull(account);
      name = name == null ? "" : name;
    }
  }

  /** What the directory says about a person named as a new approver (checked by the service). */
  public enum Eligibility {
    /** Active staff. */
    OK,
    STUDENT,
    INACTIVE,
    /** Not in the directory. */
    UNKNOWN
  }

  /** A person named as a new approver, with what the directory says about them. */
  public record Target(String account, String name, Eligibility eligibility) {
    public Target {
      Objects.requireNonNull(account);
      name = name == null ? "" : name;
    }

    public static Target ok(String account, String name) {
      return new Target(account, name, Eligibility.OK);
    }
  }

  /** The answer of a transition: refused (with details) or the events of what changed. */
  public record Result(
      ChainRefusal refusal,
      String byAccount,
      String byName,
      String decision,
      List<ChainEvent> events) {
    public Result {
      events = List.copyOf(events);
    }

    static Result refused(ChainRefusal why) {
      return new Result(why, null, null, null, List.of());
    }

    static Result refused(ChainRefusal why, String by, String byName, String decision) {
      return new Result(why, by, byName, decision, List.of());
    }

    static Result done(List<ChainEvent> events) {
      return new Result(null, null, null, null, events);
    }

    public boolean ok() {
      return refusal == null;
    }

    public <T extends ChainEvent> List<T> eventsOf(Class<T> type) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends ChainEvent> Optional<T> first(Class<T> type) {
      return eventsOf(type).stream().findFirst();
    }
  }

  /** One person's seat on a step ({@code leave_step_approver}). */
  public static final class Seat {
    private final String account;
    private String name;
    private SeatState state;
    private final SeatState loadedState;
    private final SeatOrigin origin;
    private final String originAccount;
    private final String onBehalfOf;
    private String decidedBy;
    private String decidedByName;
    private LocalDateTime decidedAt;
    private DecisionVia via;
    private String comment;
    private final String note;
    private final int position;
    private final boolean isNew;
    private boolean dirty;

    private Seat(
        String account,
        String name,
        SeatState state,
        SeatOrigin origin,
        String originAccount,
        String onBehalfOf,
        String decidedBy,
        String decidedByName,
        LocalDateTime decidedAt,
        DecisionVia via,
        String comment,
        String note,
        int position,
        boolean isNew) {
      this.account = Objects.requireNonNull(account);
      this.name = name == null ? "" : name;
      this.state = Objects.requireNonNull(state);
      this.loadedState = isNew ? null : state;
      this.origin = Objects.requireNonNull(origin);
      this.originAccount = originAccount;
      this.onBehalfOf = onBehalfOf;
      this.decidedBy = decidedBy;
      this.decidedByName = decidedByName;
      this.decidedAt = decidedAt;
      this.via = via;
      this.comment = comment;
      this.note = note;
      this.position = position;
      this.isNew = isNew;
      this.dirty = isNew;
    }

    /** A seat as stored. */
    public static Seat load(
        String account,
        String name,
        SeatState state,
        SeatOrigin origin,
        String originAccount,
        String onBehalfOf,
        String decidedBy,
        String decidedByName,
        LocalDateTime decidedAt,
        DecisionVia via,
        String comment,
        String note,
        int position) {
      return new Seat(
          account,
          name,
          state,
          origin,
          originAccount,
          onBehalfOf,
          decidedBy,
          decidedByName,
          decidedAt,
          via,
          comment,
          note,
          position,
          false);
    }

    static Seat fresh(
        String account,
        String name,
        SeatState state,
        SeatOrigin origin,
        String originAccount,
        String onBehalfOf,
        String note,
        int position) {
      return new Seat(
          account,
          name,
          state,
          origin,
          originAccount,
          onBehalfOf,
          null,
          null,
          null,
          null,
          null,
          note,
          position,
          true);
    }

    public String account() {
      return account;
    }

    public String name() {
      return name;
    }

    public SeatState state() {
      return state;
    }

    /** The state as loaded (null for a new seat): the store saves on this condition. */
    public SeatState loadedState() {
      return loadedState;
    }

    public SeatOrigin origin() {
      return origin;
    }

    public String originAccount() {
      return originAccount;
    }

    /** The holder a deputy's seat decides for; null otherwise. */
    public String onBehalfOf() {
      return onBehalfOf;
    }

    /** Who decided this seat (the deputy, for a holder's seat decided by them); null before. */
    public String decidedBy() {
      return decidedBy;
    }

    public String decidedByName() {
      return decidedByName;
    }

    public LocalDateTime decidedAt() {
      return decidedAt;
    }

    public DecisionVia via() {
      return via;
    }

    public String comment() {
      return comment;
    }

    public String note() {
      return note;
    }

    public int position() {
      return position;
    }

    public boolean isNew() {
      return isNew;
    }

    public boolean dirty() {
      return dirty;
    }

    /** Counts for the step's result: not a deputy, not handed over, not removed. */
    public boolean counted() {
      return origin != SeatOrigin.DEPUTY
          && origin != SeatOrigin.ESCALATION
          && state != SeatState.HANDED_OVER
          && state != SeatState.REMOVED;
    }

    public boolean isDeputy() {
      return origin == SeatOrigin.DEPUTY;
    }

    private void set(SeatState s) {
      state = s;
      dirty = true;
    }

    private void decide(boolean approve, Who by, String note, DecisionVia how, LocalDateTime now) {
      state = approve ? SeatState.APPROVED : SeatState.REJECTED;
      decidedBy = by.account();
      decidedByName = by.name();
      decidedAt = now;
      via = how;
      comment = note;
      dirty = true;
    }
  }

  /** One step of the chain ({@code leave_step}). */
  public static final class Step {
    private final long id;
    private int stepNo;
    private final int loadedStepNo;
    private final ApproverRole role;
    private final StepMode mode;
    private StepStatus status;
    private boolean fallback;
    private LocalDateTime openedAt;
    private String decidedBy;
    private String decidedByName;
    private LocalDateTime decidedAt;
    private DecisionVia decidedVia;
    private String comment;
    private final List<Seat> seats;
    private boolean dirty;

    private Step(
        long id,
        int stepNo,
        ApproverRole role,
        StepMode mode,
        StepStatus status,
        boolean fallback,
        LocalDateTime openedAt,
        String decidedBy,
        String decidedByName,
        LocalDateTime decidedAt,
        DecisionVia decidedVia,
        String comment,
        List<Seat> seats) {
      this.id = id;
      this.stepNo = stepNo;
      this.loadedStepNo = id == 0 ? 0 : stepNo;
      this.role = Objects.requireNonNull(role);
      this.mode = mode == null ? StepMode.ANY : mode;
      this.status = Objects.requireNonNull(status);
      this.fallback = fallback;
      this.openedAt = openedAt;
      this.decidedBy = decidedBy;
      this.decidedByName = decidedByName;
      this.decidedAt = decidedAt;
      this.decidedVia = decidedVia;
      this.comment = comment;
      this.seats = new ArrayList<>(seats);
      this.seats.sort((a, b) -> Integer.compare(a.position, b.position));
      this.dirty = id == 0;
    }

    /** A step as stored, with its seats. */
    public static Step load(
        long id,
        int stepNo,
        ApproverRole role,
        StepMode mode,
        StepStatus status,
        boolean fallback,
        LocalDateTime openedAt,
        String decidedBy,
        String decidedByName,
        LocalDateTime decidedAt,
        DecisionVia decidedVia,
        String comment,
        List<Seat> seats) {
      return new Step(
          id,
          stepNo,
          role,
          mode,
          status,
          fallback,
          openedAt,
          decidedBy,
          decidedByName,
          decidedAt,
          decidedVia,
          comment,
          seats);
    }

    /** A step not stored yet ({@code id} 0). */
    public static Step waiting(int stepNo, ApproverRole role, StepMode mode) {
      return new Step(
          0,
          stepNo,
          role,
          mode,
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

    public long id() {
      return id;
    }

    public int stepNo() {
      return stepNo;
    }

    /** The number as loaded (0 for a new step): the store renumbers when they differ. */
    public int loadedStepNo() {
      return loadedStepNo;
    }

    public ApproverRole role() {
      return role;
    }

    public StepMode mode() {
      return mode;
    }

    public StepStatus status() {
      return status;
    }

    public boolean fallback() {
      return fallback;
    }

    public LocalDateTime openedAt() {
      return openedAt;
    }

    public String decidedBy() {
      return decidedBy;
    }

    public String decidedByName() {
      return decidedByName;
    }

    public LocalDateTime decidedAt() {
      return decidedAt;
    }

    public DecisionVia decidedVia() {
      return decidedVia;
    }

    public String comment() {
      return comment;
    }

    public List<Seat> seats() {
      return Collections.unmodifiableList(seats);
    }

    public boolean isNew() {
      return id == 0;
    }

    public boolean dirty() {
      return dirty;
    }

    public Optional<Seat> seatOf(String account) {
      return seats.stream().filter(s -> s.account.equals(account)).findFirst();
    }

    /** The counted seats still to decide (PENDING or WAITING), in order. */
    public List<Seat> undecided() {
      return seats.stream().filter(s -> s.counted() && s.state.live()).toList();
    }

    /** The counted seats that decided, in order. */
    public List<Seat> decided() {
      return seats.stream().filter(s -> s.counted() && s.state.decided()).toList();
    }

    /** The accounts that may act on the step now (PENDING seats, deputies included). */
    public List<String> pendingAccounts() {
      return seats.stream().filter(s -> s.state == SeatState.PENDING).map(Seat::account).toList();
    }

    /** Every account with a live seat (PENDING or WAITING), deputies included. */
    public List<String> liveAccounts() {
      return seats.stream().filter(s -> s.state.live()).map(Seat::account).toList();
    }

    private int nextPosition() {
      return seats.stream().mapToInt(Seat::position).max().orElse(0) + 1;
    }

    private void result(
        StepStatus s, String by, String byName, DecisionVia how, String note, LocalDateTime now) {
      status = s;
      decidedBy = by;
      decidedByName = byName;
      decidedAt = now;
      decidedVia = how;
      comment = note;
      dirty = true;
    }

    private List<String> settleLive() {
      List<String> settled = new ArrayList<>();
      for (Seat s : seats) {
        if (s.state.live()) {
          s.set(SeatState.SETTLED);
          settled.add(s.account);
        }
      }
      return settled;
    }
  }

  private final long requestId;
  private final String studentAccount;
  private LeaveStatus status;
  private int currentStep;
  private LocalDateTime closedAt;
  private final List<Step> steps;
  private boolean requestDirty;

  private ApprovalChain(
      long requestId,
      String studentAccount,
      LeaveStatus status,
      int currentStep,
      List<Step> steps) {
    this.requestId = requestId;
    this.studentAccount = studentAccount;
    this.status = status;
    this.currentStep = currentStep;
    this.steps = new ArrayList<>(steps);
    this.steps.sort((a, b) -> Integer.compare(a.stepNo, b.stepNo));
  }

  /** The chain as stored: the request's status and current step, its steps with their seats. */
  public static ApprovalChain of(
      long requestId,
      String studentAccount,
      LeaveStatus status,
      int currentStep,
      List<Step> steps) {
    return new ApprovalChain(requestId, studentAccount, status, currentStep, steps);
  }

  public long requestId() {
    return requestId;
  }

  public String studentAccount() {
    return studentAccount;
  }

  public LeaveStatus status() {
    return status;
  }

  public int currentStep() {
    return currentStep;
  }

  public int stepCount() {
    return steps.size();
  }

  /** When the request closed in this change (null when it did not). */
  public LocalDateTime closedAt() {
    return closedAt;
  }

  /** The request row changed (status, current step, step count). */
  public boolean requestDirty() {
    return requestDirty;
  }

  public List<Step> steps() {
    return Collections.unmodifiableList(steps);
  }

  /**
   * The last step's number: the step count for a request's chain (numbered 1…n); for the chain of a
   * 续假 (issue 18 item 8: the extension's steps only, numbered after the request's own) its last
   * step — whose approval closes that chain.
   */
  public int lastStepNo() {
    return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).stepNo;
  }

  public Optional<Step> step(int stepNo) {
    return steps.stream().filter(s -> s.stepNo == stepNo).findFirst();
  }

  /** How many approvers were added (加签 before and after) on the whole request. */
  public int addedCount() {
    return (int)
        steps.stream()
            .flatMap(s -> s.seats.stream())
            .filter(s -> s.origin == SeatOrigin.ADDED_BEFORE || s.origin == SeatOrigin.ADDED_AFTER)
            .count();
  }

  // ---- transitions

  /**
   * {@code actor} approves or rejects step {@code stepNo}: their own seat, or — from a deputy's
   * seat — the holder's, in the holder's name. A 驳回 needs {@code comment} (its reason).
   */
  public Result decide(
      Who actor, int stepNo, boolean approve, String comment, DecisionVia via, LocalDateTime now) {
    Optional<Step> found = step(stepNo);
    if (found.isEmpty()) {
      return Result.refused(ChainRefusal.NO_SUCH_STEP);
    }
    Step step = found.get();
    Optional<Seat> mine = step.seatOf(actor.account());
    if (mine.isEmpty()) {
      return Result.refused(ChainRefusal.NOT_YOUR_SEAT);
    }
    Seat seat = mine.get();
    if (status.isReversed()) {
      return Result.refused(ChainRefusal.REQUEST_CLOSED, null, null, status.name());
    }
    if (seat.state.decided()) {
      return Result.refused(
          ChainRefusal.ALREADY_DECIDED, seat.decidedBy, seat.decidedByName, seat.state.name());
    }
    if (step.status == StepStatus.APPROVED || step.status == StepStatus.REJECTED) {
      return Result.refused(
          ChainRefusal.ALREADY_DECIDED, step.decidedBy, step.decidedByName, step.status.name());
    }
    if (step.status != StepStatus.OPEN || status != LeaveStatus.PENDING) {
      return Result.refused(ChainRefusal.STEP_CLOSED, null, null, status.name());
    }
    if (seat.state == SeatState.HANDED_OVER) {
      Seat to = handedTo(step, seat.account);
      return Result.refused(
          ChainRefusal.HANDED_OVER,
          to == null ? null : to.account,
          to == null ? null : to.name,
          null);
    }
    if (seat.state == SeatState.REMOVED || seat.state == SeatState.SETTLED) {
      return Result.refused(ChainRefusal.NOT_YOUR_SEAT);
    }
    // The seat the decision counts for: a deputy decides the holder's.
    Seat holder = seat;
    if (seat.isDeputy()) {
      Optional<Seat> h = step.seatOf(seat.onBehalfOf);
      if (h.isEmpty() || h.get().state.decided()) {
        return h.isEmpty()
            ? Result.refused(ChainRefusal.NOT_YOUR_SEAT)
            : Result.refused(
                ChainRefusal.ALREADY_DECIDED,
                h.get().decidedBy,
                h.get().decidedByName,
                h.get().state.name());
      }
      holder = h.get();
      if (!holder.state.live()) {
        return Result.refused(ChainRefusal.NOT_YOUR_SEAT);
      }
    }
    if (seat.state == SeatState.WAITING || holder.state == SeatState.WAITING) {
      return Result.refused(ChainRefusal.SEAT_WAITING);
    }
    String note = comment == null || comment.isBlank() ? null : comment.strip();
    if (!approve && note == null) {
      return Result.refused(ChainRefusal.REASON_MISSING);
    }
    List<ChainEvent> events = new ArrayList<>();
    holder.decide(approve, actor, note, via, now);
    if (seat != holder) {
      seat.decide(approve, actor, note, via, now);
    }
    // The deputies of the holder (or the holder's other deputies) need not decide any more.
    List<String> settledDeputies = new ArrayList<>();
    for (Seat s : step.seats) {
      if (s.isDeputy() && s != seat && holder.account.equals(s.onBehalfOf) && s.state.live()) {
        s.set(SeatState.SETTLED);
        settledDeputies.add(s.account);
      }
    }
    events.add(
        new ChainEvent.SeatDecided(
            stepNo,
            holder.account,
            holder.name,
            actor.account(),
            actor.name(),
            approve,
            note,
            via,
            step.undecided().stream().map(Seat::account).toList()));
    if (!settledDeputies.isEmpty()) {
      events.add(new ChainEvent.SeatsSettled(stepNo, settledDeputies));
    }
    if (!approve) {
      rejectStep(step, actor, via, note, now, events);
      return Result.done(events);
    }
    if (holder.origin == SeatOrigin.ADDED_BEFORE && holder.originAccount != null) {
      Optional<Seat> adder = step.seatOf(holder.originAccount);
      if (adder.isPresent()
          && adder.get().state == SeatState.WAITING
          && releaseIfDone(step, adder.get(), events)) {
        return Result.done(events);
      }
    }
    settleIfDone(step, actor, via, note, now, events);
    return Result.done(events);
  }

  /**
   * 转审: {@code actor} passes their seat on the open step to {@code to} (active staff, not on the
   * step in any state), with an optional note. The new seat is PENDING; the old one HANDED_OVER,
   * and its deputies' seats are SETTLED.
   */
  public Result handOver(Who actor, int stepNo, Target to, String note, LocalDateTime now) {
    Optional<Step> found = step(stepNo);
    if (found.isEmpty()) {
      return Result.refused(ChainRefusal.NO_SUCH_STEP);
    }
    Step step = found.get();
    Result open = openFor(step);
    if (open != null) {
      return open;
    }
    Optional<Seat> mine = step.seatOf(actor.account());
    Result own = ownPendingSeat(step, mine);
    if (own != null) {
      return own;
    }
    Result target = checkTarget(step, actor, to);
    if (target != null) {
      return target;
    }
    Seat seat = mine.get();
    seat.set(SeatState.HANDED_OVER);
    String text = note == null || note.isBlank() ? null : note.strip();
    step.seats.add(
        Seat.fresh(
            to.account(),
            to.name(),
            SeatState.PENDING,
            SeatOrigin.HANDED_OVER,
            seat.account,
            null,
            text,
            step.nextPosition()));
    List<ChainEvent> events = new ArrayList<>();
    events.add(
        new ChainEvent.HandedOver(
            stepNo, seat.account, actor.name(), to.account(), to.name(), text));
    List<String> deputies = settleDeputiesOf(step, seat.account);
    if (!deputies.isEmpty()) {
      events.add(new ChainEvent.SeatsSettled(stepNo, deputies));
    }
    return Result.done(events);
  }

  /**
   * 加签 before: {@code who} decides first; {@code actor}'s seat waits until they approved. Refused
   * for oneself, someone on the step already, a loop, and past {@code limitPerRequest} added
   * approvers on the request.
   */
  public Result addBefore(
      Who actor, int stepNo, Target who, int limitPerRequest, LocalDateTime now) {
    Optional<Step> found = step(stepNo);
    if (found.isEmpty()) {
      return Result.refused(ChainRefusal.NO_SUCH_STEP);
    }
    Step step = found.get();
    Result refused = addRefusal(step, actor, who);
    if (refused != null) {
      return refused;
    }
    if (addedCount() >= limitPerRequest) {
      return Result.refused(ChainRefusal.LIMIT_REACHED);
    }
    Seat seat = step.seatOf(actor.account()).orElseThrow();
    seat.set(SeatState.WAITING);
    for (Seat d : step.seats) {
      if (d.isDeputy() && seat.account.equals(d.onBehalfOf) && d.state == SeatState.PENDING) {
        d.set(SeatState.WAITING);
      }
    }
    step.seats.add(
        Seat.fresh(
            who.account(),
            who.name(),
            SeatState.PENDING,
            SeatOrigin.ADDED_BEFORE,
            seat.account,
            null,
            null,
            step.nextPosition()));
    return Result.done(
        List.of(
            new ChainEvent.SeatAdded(
                stepNo, who.account(), who.name(), SeatOrigin.ADDED_BEFORE, seat.account)));
  }

  /**
   * What 加签 before and after both refuse: a step not open, no pending seat of the actor's own, a
   * target who may not sit there, or one who brought the actor in (a loop); null when none.
   */
  private Result addRefusal(Step step, Who actor, Target who) {
    Result open = openFor(step);
    if (open != null) {
      return open;
    }
    Optional<Seat> mine = step.seatOf(actor.account());
    Result own = ownPendingSeat(step, mine);
    if (own != null) {
      return own;
    }
    Result target = checkTarget(step, actor, who);
    if (target != null) {
      return target;
    }
    return broughtIn(mine.get()).contains(who.account()) ? Result.refused(ChainRefusal.LOOP) : null;
  }

  /**
   * 加签 after: a new step (或签, role {@link ApproverRole#ADDED}) right after {@code stepNo} with
   * {@code who} as its one approver; later steps move up by one. {@code actor} still decides their
   * own step. Refused for oneself, someone on the current step, a loop back to whoever brought the
   * actor in, and past the limit.
   */
  public Result addAfter(
      Who actor, int stepNo, Target who, int limitPerRequest, LocalDateTime now) {
    Optional<Step> found = step(stepNo);
    if (found.isEmpty()) {
      return Result.refused(ChainRefusal.NO_SUCH_STEP);
    }
    Step step = found.get();
    Result refused = addRefusal(step, actor, who);
    if (refused != null) {
      return refused;
    }
    Optional<Step> next = step(stepNo + 1);
    if (next.isPresent()
        && next.get().role == ApproverRole.ADDED
        && next.get().seatOf(who.account()).isPresent()) {
      return Result.refused(ChainRefusal.ALREADY_ON_STEP);
    }
    if (addedCount() >= limitPerRequest) {
      return Result.refused(ChainRefusal.LIMIT_REACHED);
    }
    for (Step s : steps) {
      if (s.stepNo > stepNo) {
        s.stepNo++;
        s.dirty = true;
      }
    }
    Step added = Step.waiting(stepNo + 1, ApproverRole.ADDED, StepMode.ANY);
    added.seats.add(
        Seat.fresh(
            who.account(),
            who.name(),
            SeatState.PENDING,
            SeatOrigin.ADDED_AFTER,
            actor.account(),
            null,
            null,
            1));
    steps.add(added);
    steps.sort((a, b) -> Integer.compare(a.stepNo, b.stepNo));
    requestDirty = true;
    return Result.done(
        List.of(
            new ChainEvent.StepAdded(stepNo + 1, who.account(), actor.account()),
            new ChainEvent.SeatAdded(
                stepNo + 1, who.account(), who.name(), SeatOrigin.ADDED_AFTER, actor.account())));
  }

  /**
   * Opens step {@code stepNo} (the current one, still WAITING) with the approvers the directory
   * names ({@code fallback}: it named nobody and these are the fallback approver or admins). A step
   * added after (加签) keeps its own seat and takes none of {@code people}.
   */
  public Result openStep(int stepNo, List<Who> people, boolean fallback, LocalDateTime now) {
    Optional<Step> found = step(stepNo);
    if (found.isEmpty()) {
      return Result.refused(ChainRefusal.NO_SUCH_STEP);
    }
    Step step = found.get();
    if (status != LeaveStatus.PENDING) {
      return Result.refused(ChainRefusal.REQUEST_CLOSED, null, null, status.name());
    }
    if (step.status != StepStatus.WAITING || stepNo != currentStep) {
      return Result.refused(ChainRefusal.STEP_CLOSED);
    }
    step.status = StepStatus.OPEN;
    step.openedAt = now;
    step.dirty = true;
    if (step.seats.isEmpty()) {
      step.fallback = fallback;
      Set<String> seen = new HashSet<>();
      for (Who p : people) {
        if (seen.add(p.account())) {
          step.seats.add(
              Seat.fresh(
                  p.account(),
                  p.name(),
                  SeatState.PENDING,
                  fallback ? SeatOrigin.FALLBACK : SeatOrigin.RULE,
                  null,
                  null,
                  null,
                  step.nextPosition()));
        }
      }
    }
    return Result.done(
        List.of(new ChainEvent.StepOpened(stepNo, step.pendingAccounts(), step.fallback)));
  }

  /**
   * 代理: {@code deputy} gets a seat on the step beside {@code holder}'s (open, or added after and
   * not open yet), deciding in the holder's name.
   */
  public Result addDeputySeat(int stepNo, Target deputy, String holder, LocalDateTime now) {
    Optional<Step> found = step(stepNo);
    if (found.isEmpty()) {
      return Result.refused(ChainRefusal.NO_SUCH_STEP);
    }
    Step step = found.get();
    if (status != LeaveStatus.PENDING) {
      return Result.refused(ChainRefusal.REQUEST_CLOSED, null, null, status.name());
    }
    if (step.status != StepStatus.OPEN && step.status != StepStatus.WAITING) {
      return Result.refused(ChainRefusal.STEP_CLOSED);
    }
    Optional<Seat> h = step.seatOf(holder);
    if (h.isEmpty() || !h.get().state.live() || h.get().isDeputy()) {
      return Result.refused(ChainRefusal.NO_SUCH_SEAT);
    }
    if (deputy.account().equals(holder)) {
      return Result.refused(ChainRefusal.SELF);
    }
    Result eligible = eligibility(deputy);
    if (eligible != null) {
      return eligible;
    }
    if (step.seatOf(deputy.account()).isPresent()) {
      return Result.refused(ChainRefusal.ALREADY_ON_STEP);
    }
    step.seats.add(
        Seat.fresh(
            deputy.account(),
            deputy.name(),
            h.get().state == SeatState.WAITING ? SeatState.WAITING : SeatState.PENDING,
            SeatOrigin.DEPUTY,
            holder,
            holder,
            null,
            step.nextPosition()));
    return Result.done(
        List.of(
            new ChainEvent.SeatAdded(
                stepNo, deputy.account(), deputy.name(), SeatOrigin.DEPUTY, holder)));
  }

  /**
   * Escalation's second stage (issue 18, item 5; added for {@code StepEscalations}): the fallback
   * approver gets a PENDING seat (origin {@link SeatOrigin#ESCALATION}) on the open step, whose
   * approval or rejection decides the step alone, 或签 or 会签. Refused (nothing changes) when the
   * request or step is not open, the person is not eligible, or they sit on the step already.
   */
  public Result addEscalationSeat(int stepNo, Target fallback, LocalDateTime now) {
    Optional<Step> found = step(stepNo);
    if (found.isEmpty()) {
      return Result.refused(ChainRefusal.NO_SUCH_STEP);
    }
    Step step = found.get();
    if (status != LeaveStatus.PENDING) {
      return Result.refused(ChainRefusal.REQUEST_CLOSED, null, null, status.name());
    }
    if (step.status != StepStatus.OPEN) {
      return Result.refused(ChainRefusal.STEP_CLOSED);
    }
    Result eligible = eligibility(fallback);
    if (eligible != null) {
      return eligible;
    }
    if (step.seatOf(fallback.account()).isPresent()) {
      return Result.refused(ChainRefusal.ALREADY_ON_STEP);
    }
    step.seats.add(
        Seat.fresh(
            fallback.account(),
            fallback.name(),
            SeatState.PENDING,
            SeatOrigin.ESCALATION,
            null,
            null,
            null,
            step.nextPosition()));
    return Result.done(
        List.of(
            new ChainEvent.SeatAdded(
                stepNo, fallback.account(), fallback.name(), SeatOrigin.ESCALATION, null)));
  }

  /**
   * The student takes back the pending request: open and waiting steps are CANCELLED, every live
   * seat SETTLED.
   */
  public Result withdraw(Who student, LocalDateTime now) {
    if (!studentAccount.equals(student.account())) {
      return Result.refused(ChainRefusal.NOT_OWNER);
    }
    if (status != LeaveStatus.PENDING) {
      return Result.refused(ChainRefusal.REQUEST_CLOSED, null, null, status.name());
    }
    List<ChainEvent> events = new ArrayList<>();
    for (Step s : steps) {
      if (s.status == StepStatus.OPEN) {
        List<String> settled = s.settleLive();
        if (!settled.isEmpty()) {
          events.add(new ChainEvent.SeatsSettled(s.stepNo, settled));
        }
      } else if (s.status == StepStatus.WAITING) {
        s.settleLive();
      }
    }
    cancelFrom(1);
    close(LeaveStatus.WITHDRAWN, now, events);
    return Result.done(events);
  }

  /**
   * An admin takes {@code account} off an open step (they left the directory), optionally putting
   * {@code replacement} in their place. Without a replacement, when the removed seat was the last
   * undecided one, the step's result follows from the others (会签: all others approved → approved);
   * a step that would be left with nobody is refused ({@code LAST_SEAT}). Whether {@code admin} is
   * an admin is the service's check.
   */
  public Result removeSeat(
      Who admin, int stepNo, String account, Target replacement, LocalDateTime now) {
    Optional<Step> found = step(stepNo);
    if (found.isEmpty()) {
      return Result.refused(ChainRefusal.NO_SUCH_STEP);
    }
    Step step = found.get();
    Result open = openFor(step);
    if (open != null) {
      return open;
    }
    Optional<Seat> gone = step.seatOf(account);
    if (gone.isEmpty() || !gone.get().state.live()) {
      return Result.refused(ChainRefusal.NO_SUCH_SEAT);
    }
    Seat seat = gone.get();
    if (replacement != null) {
      if (replacement.account().equals(account)) {
        return Result.refused(ChainRefusal.SELF);
      }
      Result eligible = eligibility(replacement);
      if (eligible != null) {
        return eligible;
      }
      if (step.seatOf(replacement.account()).isPresent()) {
        return Result.refused(ChainRefusal.ALREADY_ON_STEP);
      }
    } else if (seat.counted()) {
      boolean othersLeft =
          step.seats.stream().anyMatch(s -> s != seat && s.counted() && s.state.live());
      boolean someApproved =
          step.seats.stream().anyMatch(s -> s.counted() && s.state == SeatState.APPROVED);
      if (!othersLeft && !someApproved) {
        return Result.refused(ChainRefusal.LAST_SEAT);
      }
    }
    List<ChainEvent> events = new ArrayList<>();
    seat.set(SeatState.REMOVED);
    events.add(new ChainEvent.SeatRemoved(stepNo, account, admin.account()));
    List<String> deputies = settleDeputiesOf(step, account);
    if (!deputies.isEmpty()) {
      events.add(new ChainEvent.SeatsSettled(stepNo, deputies));
    }
    if (replacement != null) {
      step.seats.add(
          Seat.fresh(
              replacement.account(),
              replacement.name(),
              SeatState.PENDING,
              SeatOrigin.REPLACED,
              account,
              null,
              null,
              step.nextPosition()));
      events.add(
          new ChainEvent.SeatAdded(
              stepNo, replacement.account(), replacement.name(), SeatOrigin.REPLACED, account));
    }
    // Someone waiting for the removed (added before them) may decide now.
    if (seat.origin == SeatOrigin.ADDED_BEFORE && seat.originAccount != null) {
      step.seatOf(seat.originAccount)
          .filter(a -> a.state == SeatState.WAITING)
          .ifPresent(a -> releaseIfDone(step, a, events));
    }
    if (replacement == null) {
      Seat last =
          step.decided().stream().max((a, b) -> a.decidedAt.compareTo(b.decidedAt)).orElse(null);
      if (last != null) {
        settleIfDone(
            step, new Who(last.decidedBy, last.decidedByName), last.via, last.comment, now, events);
      }
    }
    return Result.done(events);
  }

  // ---- inside

  private void rejectStep(
      Step step, Who by, DecisionVia via, String note, LocalDateTime now, List<ChainEvent> events) {
    step.result(StepStatus.REJECTED, by.account(), by.name(), via, note, now);
    List<String> settled = step.settleLive();
    events.add(
        new ChainEvent.StepDecided(step.stepNo, StepStatus.REJECTED, by.account(), by.name()));
    if (!settled.isEmpty()) {
      events.add(new ChainEvent.SeatsSettled(step.stepNo, settled));
    }
    for (Step s : steps) {
      if (s.stepNo > step.stepNo) {
        s.settleLive();
      }
    }
    cancelFrom(step.stepNo + 1);
    close(LeaveStatus.REJECTED, now, events);
  }

  /** Approves the step when its mode says it is done; opens the way to the next. */
  private void settleIfDone(
      Step step, Who by, DecisionVia via, String note, LocalDateTime now, List<ChainEvent> events) {
    boolean done;
    if (step.mode == StepMode.ANY) {
      done =
          step.seats.stream()
              .anyMatch(
                  s -> s.counted() && s.state == SeatState.APPROVED && !onlyReleases(step, s));
    } else {
      List<Seat> counted = step.seats.stream().filter(Seat::counted).toList();
      done = !counted.isEmpty() && counted.stream().allMatch(s -> s.state == SeatState.APPROVED);
    }
    // The fallback approver's seat after escalation decides alone, in either mode.
    done |=
        step.seats.stream()
            .anyMatch(s -> s.origin == SeatOrigin.ESCALATION && s.state == SeatState.APPROVED);
    if (!done) {
      return;
    }
    step.result(StepStatus.APPROVED, by.account(), by.name(), via, note, now);
    List<String> settled = step.settleLive();
    events.add(
        new ChainEvent.StepDecided(step.stepNo, StepStatus.APPROVED, by.account(), by.name()));
    if (!settled.isEmpty()) {
      events.add(new ChainEvent.SeatsSettled(step.stepNo, settled));
    }
    if (step.stepNo >= lastStepNo()) {
      close(LeaveStatus.APPROVED, now, events);
    } else {
      currentStep = step.stepNo + 1;
      requestDirty = true;
      events.add(new ChainEvent.StepOpenDue(currentStep));
    }
  }

  /**
   * In 或签 an approval by someone added before their adder only hands the decision back to the adder
   * (while the adder still counts).
   */
  private static boolean onlyReleases(Step step, Seat s) {
    return s.origin == SeatOrigin.ADDED_BEFORE
        && s.originAccount != null
        && step.seatOf(s.originAccount).map(Seat::counted).orElse(false);
  }

  /** The adder may decide again once every seat they added before themselves approved. */
  private boolean releaseIfDone(Step step, Seat adder, List<ChainEvent> events) {
    boolean stillWaiting =
        step.seats.stream()
            .anyMatch(
                s ->
                    s.origin == SeatOrigin.ADDED_BEFORE
                        && adder.account.equals(s.originAccount)
                        && s.state.live());
    if (stillWaiting) {
      return true;
    }
    adder.set(SeatState.PENDING);
    for (Seat d : step.seats) {
      if (d.isDeputy() && adder.account.equals(d.onBehalfOf) && d.state == SeatState.WAITING) {
        d.set(SeatState.PENDING);
      }
    }
    events.add(new ChainEvent.SeatReleased(step.stepNo, adder.account));
    return true;
  }

  private void cancelFrom(int stepNo) {
    for (Step s : steps) {
      if (s.stepNo >= stepNo && (s.status == StepStatus.WAITING || s.status == StepStatus.OPEN)) {
        s.status = StepStatus.CANCELLED;
        s.dirty = true;
      }
    }
  }

  private void close(LeaveStatus to, LocalDateTime now, List<ChainEvent> events) {
    status = to;
    closedAt = now;
    requestDirty = true;
    events.add(new ChainEvent.RequestClosed(to));
  }

  private Result openFor(Step step) {
    if (step.status == StepStatus.APPROVED || step.status == StepStatus.REJECTED) {
      return Result.refused(
          ChainRefusal.ALREADY_DECIDED, step.decidedBy, step.decidedByName, step.status.name());
    }
    if (status != LeaveStatus.PENDING) {
      return Result.refused(ChainRefusal.REQUEST_CLOSED, null, null, status.name());
    }
    if (step.status != StepStatus.OPEN) {
      return Result.refused(ChainRefusal.STEP_CLOSED);
    }
    return null;
  }

  private Result ownPendingSeat(Step step, Optional<Seat> mine) {
    if (mine.isEmpty()) {
      return Result.refused(ChainRefusal.NOT_YOUR_SEAT);
    }
    Seat seat = mine.get();
    if (seat.state.decided()) {
      return Result.refused(
          ChainRefusal.ALREADY_DECIDED, seat.decidedBy, seat.decidedByName, seat.state.name());
    }
    if (seat.state == SeatState.HANDED_OVER) {
      Seat to = handedTo(step, seat.account);
      return Result.refused(
          ChainRefusal.HANDED_OVER,
          to == null ? null : to.account,
          to == null ? null : to.name,
          null);
    }
    if (seat.state == SeatState.WAITING) {
      return Result.refused(ChainRefusal.SEAT_WAITING);
    }
    if (seat.state != SeatState.PENDING) {
      return Result.refused(ChainRefusal.NOT_YOUR_SEAT);
    }
    if (seat.isDeputy()) {
      return Result.refused(ChainRefusal.DEPUTY_SEAT);
    }
    return null;
  }

  private Result checkTarget(Step step, Who actor, Target to) {
    if (to.account().equals(actor.account())) {
      return Result.refused(ChainRefusal.SELF);
    }
    Result eligible = eligibility(to);
    if (eligible != null) {
      return eligible;
    }
    if (step.seatOf(to.account()).isPresent()) {
      return Result.refused(ChainRefusal.ALREADY_ON_STEP);
    }
    return null;
  }

  private static Result eligibility(Target t) {
    return switch (t.eligibility()) {
      case OK -> null;
      case STUDENT -> Result.refused(ChainRefusal.TARGET_STUDENT);
      case INACTIVE -> Result.refused(ChainRefusal.TARGET_INACTIVE);
      case UNKNOWN -> Result.refused(ChainRefusal.TARGET_UNKNOWN);
    };
  }

  private static Seat handedTo(Step step, String from) {
    return step.seats.stream()
        .filter(s -> s.origin == SeatOrigin.HANDED_OVER && from.equals(s.originAccount))
        .findFirst()
        .orElse(null);
  }

  private static List<String> settleDeputiesOf(Step step, String holder) {
    List<String> settled = new ArrayList<>();
    for (Seat s : step.seats) {
      if (s.isDeputy() && holder.equals(s.onBehalfOf) && s.state.live()) {
        s.set(SeatState.SETTLED);
        settled.add(s.account);
      }
    }
    return settled;
  }

  /**
   * Who brought {@code seat}'s holder onto the chain, transitively: whoever handed it over, added
   * them before or after themselves, or was replaced by them. Adding one of these loops.
   */
  private Set<String> broughtIn(Seat seat) {
    Set<String> found = new HashSet<>();
    Seat cur = seat;
    while (cur != null
        && cur.originAccount != null
        && cur.origin != SeatOrigin.RULE
        && cur.origin != SeatOrigin.FALLBACK
        && found.add(cur.originAccount)) {
      String prev = cur.originAccount;
      cur =
          steps.stream()
              .flatMap(s -> s.seats.stream())
              .filter(s -> s.account.equals(prev))
              .findFirst()
              .orElse(null);
    }
    return found;
  }
}
