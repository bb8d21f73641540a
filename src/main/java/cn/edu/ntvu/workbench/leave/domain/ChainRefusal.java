package cn.edu.ntvu.workbench.leave.domain;

/** Why {@link ApprovalChain} refused a transition; nothing changed. */
public enum ChainRefusal {
  /** No such step in this request. */
  NO_SUCH_STEP,
  /** The request is no longer pending (approved, rejected, withdrawn, revoked, cancelled). */
  REQUEST_CLOSED,
  /** The step is not open (not reached yet, or decided/cancelled). */
  STEP_CLOSED,
  /** This seat, or the step, was already decided ({@code byAccount}/{@code decision} say how). */
  ALREADY_DECIDED,
  /** The person has no seat on the step (or not one that may do this). */
  NOT_YOUR_SEAT,
  /** The seat waits for the person its holder added before themselves. */
  SEAT_WAITING,
  /** The seat was handed over ({@code byAccount} = to whom). */
  HANDED_OVER,
  /** A 驳回 without a reason. */
  REASON_MISSING,
  /** Handing over to / adding / deputising oneself. */
  SELF,
  /** The person named is a student. */
  TARGET_STUDENT,
  /** The person named is inactive. */
  TARGET_INACTIVE,
  /** The person named is not in the directory. */
  TARGET_UNKNOWN,
  /** The person named already has a seat on the step (in any state). */
  ALREADY_ON_STEP,
  /** Adding the person would loop back to someone who brought the actor onto the chain. */
  LOOP,
  /** The request already has as many added approvers as allowed. */
  LIMIT_REACHED,
  /** Only the request's own student may withdraw it. */
  NOT_OWNER,
  /** No undecided seat of that person on the step. */
  NO_SUCH_SEAT,
  /** Removing the seat would leave the step with nobody to decide it: name a replacement. */
  LAST_SEAT,
  /** A deputy's seat may decide, but not hand over or add approvers. */
  DEPUTY_SEAT
}
