package cn.edu.ntvu.workbench.leave.application;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables of 催办, escalation and the approvers' digest (issue 18, item 5): {@code
 * leave_step_urge}, {@code leave_step_escalation}, {@code leave_approver_pref}, {@code
 * leave_approver_digest_run}; and the few reads over steps they need, in bulk.
 */
public interface UrgeStore {
  /** A step's urge: who, when. */
  record Urge(long stepId, String by, LocalDateTime at) {}

  /** An open step due for an escalation stage, with what its messages say. */
  record DueStep(
      long stepId,
      long requestId,
      int stepNo,
      String studentAccount,
      String studentName,
      String typeCode,
      LocalDateTime start,
      LocalDateTime end,
      LocalDateTime openedAt) {}

  /** A line of the timeline, for {@link #events}. */
  record Event(
      long requestId,
      String actor,
      String actorName,
      String action,
      Integer stepNo,
      String via,
      String detail,
      LocalDateTime at) {}

  /** One request waiting for an approver, for the digest. */
  record Waiting(
      String approver,
      long requestId,
      String studentName,
      String typeCode,
      LocalDateTime start,
      LocalDateTime end,
      LocalDateTime openedAt) {}

  Optional<Urge> urgeOf(long stepId);

  /** Adds the step's urge; false when it was urged already (the primary key). */
  boolean insertUrge(
      long stepId, long requestId, String by, LocalDateTime at, Collection<String> reminded);

  /**
   * Open steps of pending requests opened at or before {@code openedBy} that have not reached
   * {@code stage} yet (stage 2: only those that reached 1), oldest first.
   */
  List<DueStep> due(int stage, LocalDateTime openedBy, int limit);

  /** Who is still to decide each of these open steps (their PENDING seats). */
  Map<Long, List<String>> approversOf(Collection<Long> stepIds);

  /** Records the stage for these steps (once: a step already at it is left alone). */
  void insertEscalations(int stage, List<DueStep> steps, String fallback, LocalDateTime at);

  /** The stages each of these steps reached. */
  Map<Long, Set<Integer>> stagesOf(Collection<Long> stepIds);

  /** Appends these lines to the timeline in one batch. */
  void events(List<Event> events);

  // ---- the approvers' digest

  boolean wantsDigest(String account);

  void chooseDigest(String account, boolean digest, LocalDateTime at);

  /** Claims the day's digest run: true for the one caller whose insert adds the row. */
  boolean claimDigestDay(java.time.LocalDate day, LocalDateTime at);

  /** What waits for each approver who chose the digest, oldest first. */
  List<Waiting> waitingForDigestReaders();
}
