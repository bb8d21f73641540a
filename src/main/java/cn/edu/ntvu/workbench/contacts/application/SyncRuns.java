package cn.edu.ntvu.workbench.contacts.application;

import cn.edu.ntvu.workbench.contacts.domain.BatchJob;
import cn.edu.ntvu.workbench.contacts.domain.Conflict;
import cn.edu.ntvu.workbench.contacts.domain.ContactsPlan;
import cn.edu.ntvu.workbench.contacts.domain.Target;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sync runs (a port; tables {@code contacts_sync_run|item|conflict}, V14): a plan stored as a
 * run, its confirm, the claim of a run by one server with a lease, its items and their outcomes,
 * pauses and the end. Every method is one transaction. Outcomes are written only while the caller's
 * claim still holds the run's lease, so a server whose lease ran out (and whose run another server
 * took over) writes nothing. What we remember of each person in WeCom is {@link ContactStates}'s.
 */
public interface SyncRuns {
  /** A run claimed by one server until its lease ends. */
  record Claim(long runId, String kind, String owner) {}

  /** An item still to send. */
  record Pending(
      long id,
      String target,
      String action,
      String key,
      String payload,
      String fingerprint,
      int attempts) {}

  Optional<SyncRun> activeRun();

  /** Stores a dry run (earlier unconfirmed plans are discarded) and audits it. */
  long createRun(
      String kind,
      AuditActor actor,
      ContactsPlan plan,
      Map<String, String> details,
      LocalDateTime now);

  /** PLANNED → CONFIRMED (audited), unless another run is active or the plan was replaced. */
  boolean confirm(long runId, AuditActor actor, LocalDateTime now);

  /**
   * Takes the oldest confirmed or running run whose lease is free (never held, or run out: its
   * server crashed or restarted) and that is not waiting out a rate limit; the row lock makes one
   * server win.
   */
  Optional<Claim> claim(String owner, LocalDateTime now, LocalDateTime leaseUntil);

  List<Pending> pending(long runId, int limit);

  /**
   * Writes an item's outcome, runs {@code remember} (what we now remember of its person or
   * department) and renews the lease — all only if {@code claim} still holds the run. Returns false
   * when the lease was lost.
   */
  boolean recordOutcome(
      Claim claim,
      Pending item,
      String status,
      Integer errcode,
      String reason,
      LocalDateTime now,
      LocalDateTime leaseUntil,
      Runnable remember);

  /**
   * The file of a full reconcile's batch step (too large for the plan's own columns to carry
   * through the diff).
   */
  void setBatchPayload(long runId, int seq, String payload);

  /**
   * Lines of a batch job WeCom refused, as failed items of the run (after its steps), so the page
   * lists them.
   */
  void addFailures(long runId, Target target, List<BatchJob.Entry> failures);

  /** Renews the lease while a long batch job runs; false when it was lost. */
  boolean renewLease(Claim claim, LocalDateTime now, LocalDateTime leaseUntil);

  /**
   * Lets the run go (releases the lease) until {@code resumeAt}: a rate limit or WeCom unreachable.
   */
  void pause(Claim claim, LocalDateTime resumeAt, String note);

  /** Marks the run done (audited) if the claim still holds it. */
  boolean finish(Claim claim, LocalDateTime now, String note);

  Optional<SyncRun> run(long id);

  List<SyncRun> recentRuns(int limit);

  /** Items of a run in order; {@code status} null for all. */
  List<SyncItem> items(long runId, String status, int limit);

  List<Conflict> conflicts(long runId);
}
