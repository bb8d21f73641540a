package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.LeaveStatus;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import cn.edu.ntvu.workbench.leave.domain.UrgeRule;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 催办 (issue 18, item 5): the student of a pending request urges its open step, once per step, once
 * it has been open {@link UrgeSettings#urgeAfter} (4 hours by default). The approvers still to
 * decide it get a reminder card through the outbox; the timeline says {@code URGED}, the audit log
 * {@code LEAVE_URGE}. Checked under the request's lock by {@link UrgeRule}: urging twice, a decided
 * step, too early or someone else's request stores nothing and answers why.
 */
@ApplicationScoped
public class LeaveUrges {
  @Inject LeaveStore store;
  @Inject UrgeStore urges;
  @Inject UrgeSettings settings;
  @Inject UrgeMessages messages;
  @Inject WeComOutbox outbox;
  @Inject AuditTrail audit;
  @Inject LeaveCatalog catalog;
  @Inject Clock clock;

  /** What the request page shows about 催办 for this person. */
  public record View(
      boolean shown, UrgeRule.Kind kind, long hoursLeft, LocalDateTime urgedAt, int step)
      implements Serializable {
    public static final View NONE = new View(false, UrgeRule.Kind.NOT_YOURS, 0, null, 0);

    public boolean may() {
      return kind == UrgeRule.Kind.MAY;
    }
  }

  /** The answer to an urge: done, or why not (nothing stored). */
  public record Outcome(UrgeRule.Kind kind, long hoursLeft) implements Serializable {
    public boolean urged() {
      return kind == UrgeRule.Kind.MAY;
    }
  }

  /**
   * For the request page: shown only to the request's own student while it is pending with an open
   * step; whether the button works now, and if not, in how many hours or that it was urged.
   */
  public View view(LeaveRequestRow r, List<StepRow> steps, String account) {
    if (account == null
        || !account.equals(r.studentAccount())
        || r.status() != LeaveStatus.PENDING) {
      return View.NONE;
    }
    Optional<StepRow> open = openStep(steps);
    if (open.isEmpty()) {
      return View.NONE;
    }
    StepRow s = open.get();
    LocalDateTime now = LocalDateTime.now(clock);
    Optional<UrgeStore.Urge> urged = urges.urgeOf(s.id());
    UrgeRule.Verdict v =
        UrgeRule.check(
            account,
            r.studentAccount(),
            true,
            s.openedAt(),
            urged.isPresent(),
            now,
            settings.urgeAfter());
    return new View(
        true,
        v.kind(),
        v.kind() == UrgeRule.Kind.TOO_EARLY ? UrgeRule.hoursUntil(now, v.possibleAt()) : 0,
        urged.map(UrgeStore.Urge::at).orElse(null),
        s.stepNo());
  }

  /** The student urges the open step of their request. */
  @Transactional
  @Requires(kind = PersonKind.STUDENT)
  public Outcome urge(long requestId, LeaveActor student) {
    Optional<LeaveRequestRow> locked = store.lockRequest(requestId);
    if (locked.isEmpty()) {
      return new Outcome(UrgeRule.Kind.NOT_YOURS, 0);
    }
    LeaveRequestRow r = locked.get();
    LocalDateTime now = LocalDateTime.now(clock);
    List<StepRow> steps = store.stepsLocked(requestId);
    Optional<StepRow> open = openStep(steps);
    boolean pendingAndOpen = r.status() == LeaveStatus.PENDING && open.isPresent();
    UrgeRule.Verdict v =
        UrgeRule.check(
            student.account(),
            r.studentAccount(),
            pendingAndOpen,
            open.map(StepRow::openedAt).orElse(null),
            open.isPresent() && urges.urgeOf(open.get().id()).isPresent(),
            now,
            settings.urgeAfter());
    if (!v.may()) {
      return new Outcome(
          v.kind(),
          v.kind() == UrgeRule.Kind.TOO_EARLY ? UrgeRule.hoursUntil(now, v.possibleAt()) : 0);
    }
    StepRow s = open.get();
    List<String> to = urges.approversOf(List.of(s.id())).getOrDefault(s.id(), List.of());
    if (!urges.insertUrge(s.id(), requestId, student.account(), now, to)) {
      return new Outcome(UrgeRule.Kind.ALREADY_URGED, 0);
    }
    String typeName = catalog.typeName(r.typeCode());
    Duration waited = Duration.between(s.openedAt(), now);
    store.event(
        requestId,
        student.account(),
        student.name(),
        "URGED",
        s.stepNo(),
        DecisionVia.PAGE.name(),
        String.join(",", to),
        now);
    if (!to.isEmpty()) {
      outbox.enqueue(
          messages.reminder(
              requestId, s.stepNo(), r.studentName(), typeName, r.start(), r.end(), waited, to));
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("step" + s.stepNo(), "URGED");
    after.put("reminded", String.join(",", to));
    audit.record(
        student.audit(),
        "LEAVE_URGE",
        LeaveSubmissions.object(r, typeName),
        AuditDiff.between(Map.of("step" + s.stepNo(), StepStatus.OPEN.name()), after));
    return new Outcome(UrgeRule.Kind.MAY, 0);
  }

  private static Optional<StepRow> openStep(List<StepRow> steps) {
    return steps.stream().filter(s -> s.status() == StepStatus.OPEN).findFirst();
  }
}
