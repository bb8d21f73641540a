package cn.edu.ntvu.workbench.leave.application;

/**
 * Why a 转审 (hand over) or 加签 (add an approver) was refused; each has a Chinese sentence beside the
 * field ({@code leave.handOver.problem.<NAME>}). The person checks ({@link HandOverCheck}) come
 * first; the seat checks (already on the step, a loop, the limit) are the approval chain's.
 */
public enum HandOverProblem {
  /** Nobody was picked. */
  NOBODY,
  /** The account is not in the directory. */
  UNKNOWN_PERSON,
  /** Handing over to, or adding, oneself. */
  SELF,
  /** A student cannot approve. */
  STUDENT,
  /** Left, or disabled in the directory. */
  INACTIVE,
  /** The person already holds a seat of the step. */
  ALREADY_ON_STEP,
  /** Adding them would make the step wait for itself (they already added, or were added by, me). */
  LOOP,
  /** The request already has as many added approvers as the school allows. */
  OVER_LIMIT,
  /** The note is longer than {@link HandOverCheck#NOTE_MAX}. */
  NOTE_TOO_LONG,
  /** The step was decided meanwhile (someone else won); the result names who. */
  ALREADY_DECIDED,
  /** The caller handed this step over already (a second tap, another tab); names to whom. */
  HANDED_OVER,
  /** The caller's seat waits for someone they added before themselves. */
  WAITING,
  /** The request is no longer pending (withdrawn, decided). */
  CLOSED,
  /** The caller holds no pending seat of the open step (a forged post, or handed over already). */
  NOT_YOUR_STEP
}
