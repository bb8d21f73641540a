package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.StepClock;
import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Escalation of steps nobody decides (issue 18, item 5). Undecided {@link
 * UrgeSettings#escalateAfter} (24 hours, working hours by default — {@link StepClock}), a step
 * reaches stage 1: its approvers and the fallback approver (请假设置's, else the admins) are told;
 * {@link UrgeSettings#fallbackAfter} later, stage 2: the fallback approver gets a seat on the step
 * (origin ESCALATION) and may decide it, and is told so. Each stage fires once per step: a run
 * claims the job's row first ({@code leave_job} 'escalation', a row lock, so runs on several
 * servers take turns and one within the gap does nothing), and a stage is recorded by its {@code
 * leave_step_escalation} row; timeline {@code ESCALATED} (detail "1"/"2"), audit {@code
 * LEAVE_ESCALATE}. Everything a run does — rows, timeline, audit, messages — goes in batches, so
 * 20,000 due steps take seconds.
 */
@ApplicationScoped
public class StepEscalations {
  /** Steps handled per stage and run; more wait for the next run. */
  static final int MAX_PER_RUN = 50_000;

  private static final Logger LOG = Logger.getLogger(StepEscalations.class.getName());

  @Inject LeaveStore store;
  @Inject ChainStore chains;
  @Inject UrgeStore urges;
  @Inject UrgeSettings settings;
  @Inject UrgeMessages messages;
  @Inject ApproverDirectory approvers;
  @Inject DirectoryQueries directory;
  @Inject LeaveCatalog catalog;
  @Inject WeComOutbox outbox;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** What a run did: steps that reached stage 1 and stage 2; -1 each when it did not claim. */
  public record Run(int stage1, int stage2) {
    static final Run SKIPPED = new Run(-1, -1);

    public boolean claimed() {
      return stage1 >= 0;
    }
  }

  /** One run as at the school clock's now (the schedule's). */
  @Transactional
  public Run run(Duration minGap) {
    return runAt(LocalDateTime.now(clock), minGap);
  }

  /** {@link #run} as at {@code now} (tests and the bench set it). */
  @Transactional
  public Run runAt(LocalDateTime now, Duration minGap) {
    if (!store.claimJob("escalation", now, minGap)) {
      return Run.SKIPPED;
    }
    long t0 = System.nanoTime();
    long cpu0 = threadCpu();
    StepClock stepClock = settings.clock();
    Duration first = settings.escalateAfter();
    Duration second = settings.fallbackAfter();
    List<String> fallback = approvers.fallback(store.policy().fallbackAccount());
    String fallbackNames = names(fallback);
    int one = stage(1, stepClock.startedBy(now, first), now, stepClock, fallback, fallbackNames);
    int two =
        stage(
            2,
            stepClock.startedBy(now, first.plus(second)),
            now,
            stepClock,
            fallback,
            fallbackNames);
    if (one + two > 0) {
      // bench/approvals.sh reads this line's time.
      LOG.info(
          String.format(
              "leave escalation: %d step(s) to stage 1, %d to stage 2 in %d ms (%d ms CPU of"
                  + " this thread)",
              one, two, (System.nanoTime() - t0) / 1_000_000, (threadCpu() - cpu0) / 1_000_000));
    }
    return new Run(one, two);
  }

  private int stage(
      int stage,
      LocalDateTime openedBy,
      LocalDateTime now,
      StepClock stepClock,
      List<String> fallback,
      String fallbackNames) {
    List<UrgeStore.DueStep> due = urges.due(stage, openedBy, MAX_PER_RUN);
    if (due.isEmpty()) {
      return 0;
    }
    Map<Long, List<String>> seated =
        urges.approversOf(due.stream().map(UrgeStore.DueStep::stepId).toList());
    urges.insertEscalations(stage, due, String.join("|", fallback), now);
    if (stage == 2 && !fallback.isEmpty()) {
      Map<String, String> names = directory.namesOf(fallback);
      for (UrgeStore.DueStep s : due) {
        seatFallback(s, fallback, names, now);
      }
    }
    List<UrgeStore.Event> events = new ArrayList<>(due.size());
    List<OutgoingMessage> out = new ArrayList<>(due.size());
    List<AuditTrail.Item> items = new ArrayList<>(due.size());
    Map<String, String> typeNames = new LinkedHashMap<>();
    for (UrgeStore.DueStep s : due) {
      String typeName = typeNames.computeIfAbsent(s.typeCode(), catalog::typeName);
      Duration waited = stepClock.elapsed(s.openedAt(), now);
      LinkedHashSet<String> to = new LinkedHashSet<>();
      if (stage == 1) {
        to.addAll(seated.getOrDefault(s.stepId(), List.of()));
      }
      to.addAll(fallback);
      events.add(
          new UrgeStore.Event(
              s.requestId(),
              LeaveActor.SYSTEM.account(),
              "",
              "ESCALATED",
              s.stepNo(),
              DecisionVia.AUTOMATIC.name(),
              stage + ": " + String.join(",", fallback),
              now));
      if (!to.isEmpty()) {
        out.add(messages.escalated(stage, s, typeName, waited, fallbackNames, List.copyOf(to)));
      }
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("step" + s.stepNo(), "ESCALATED" + stage);
      after.put("fallback", String.join(",", fallback));
      after.put("waitedHours", waited.toHours());
      items.add(
          new AuditTrail.Item(
              AuditObject.of("leave_request", s.requestId(), s.studentName() + " " + typeName),
              AuditDiff.between(Map.of(), after)));
    }
    urges.events(events);
    outbox.enqueueAll(out);
    audit.recordAll(LeaveActor.SYSTEM.audit(), "LEAVE_ESCALATE", items);
    return due.size();
  }

  /**
   * Stage 2: each fallback approver gets an ESCALATION seat on the step through the request's chain
   * (its lock, its transition, its save); one who sits on the step already keeps their seat.
   */
  private void seatFallback(
      UrgeStore.DueStep s, List<String> fallback, Map<String, String> names, LocalDateTime now) {
    ChainStore.LockedChain c = chains.lock(s.requestId()).orElse(null);
    if (c == null) {
      return;
    }
    boolean changed = false;
    for (String a : fallback) {
      changed |=
          c.chain()
              .addEscalationSeat(
                  s.stepNo(), ApprovalChain.Target.ok(a, names.getOrDefault(a, a)), now)
              .ok();
    }
    if (changed) {
      chains.save(c.chain());
    }
  }

  private static long threadCpu() {
    java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
    return t.isCurrentThreadCpuTimeSupported() ? t.getCurrentThreadCpuTime() : 0;
  }

  private String names(List<String> accounts) {
    if (accounts.isEmpty()) {
      return "";
    }
    Map<String, String> known = directory.namesOf(accounts);
    return String.join("、", accounts.stream().map(a -> known.getOrDefault(a, a)).toList());
  }
}
