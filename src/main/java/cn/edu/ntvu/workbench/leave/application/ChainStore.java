package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.ApprovalChain;
import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
import cn.edu.ntvu.workbench.leave.domain.StepMode;
import java.util.Optional;

/**
 * Loads and saves a request's {@link ApprovalChain} ({@code leave_step} + {@code
 * leave_step_approver} + the chain's columns of {@code leave_request}), in the caller's
 * transaction. The only way a service changes steps or seats:
 *
 * <pre>
 *   LockedChain c = chains.lock(requestId).orElse(null);   // request row locked first
 *   ApprovalChain.Result r = c.chain().decide(...);        // or handOver, addBefore, …
 *   if (r.ok()) { chains.save(c.chain()); … timeline, cards, audit from r.events() … }
 * </pre>
 *
 * A chain is changed and saved once per transaction; load it again for another change.
 */
public interface ChainStore {

  /**
   * The request row locked ({@link LeaveStore#lockRequest}) and its chain read with locking reads.
   */
  record LockedChain(LeaveRequestRow request, ApprovalChain chain) {}

  /**
   * Locks the request row until the transaction ends (every change of one request runs one after
   * another) and loads its chain as last committed; empty when there is no such request.
   */
  Optional<LockedChain> lock(long requestId);

  /** The chain as committed, no locks (pages, lists). */
  Optional<ApprovalChain> read(long requestId);

  /**
   * Writes what the chain's transitions changed: renumbered, new and changed steps, new and changed
   * seats (each seat update on the state it was loaded with: a change nobody expected under the row
   * lock fails the transaction), the request's status, current step, step count and closing time.
   */
  void save(ApprovalChain chain);

  /**
   * An undecided seat of an open step whose person is gone from the directory or inactive: the step
   * may hang on it (会签), so admins see it and replace or remove the seat.
   */
  record GoneSeat(
      long requestId,
      int stepNo,
      String mode,
      String account,
      String name,
      String studentName,
      java.time.LocalDateTime openedAt) {}

  /** Seats of people gone or inactive on open steps of pending requests, oldest step first. */
  java.util.List<GoneSeat> goneSeats(int limit);

  /** A step of a new request, WAITING, with its mode (submit). */
  long insertStep(long requestId, int stepNo, ApproverRole role, StepMode mode);
}
