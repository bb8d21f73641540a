package cn.edu.ntvu.workbench.leave.domain;

/**
 * Where one person's seat on a step stands ({@code leave_step_approver.state}). A seat of a step
 * that is not open yet (an approver added after, 加签) is already PENDING: it is listed in 待我审批 only
 * once its step opens.
 */
public enum SeatState {
  /** Asked to decide (when the step is open). */
  PENDING,
  /** An adder waiting for the person they added before themselves (前加签). */
  WAITING,
  APPROVED,
  REJECTED,
  /** Passed to another staff member (转审); the new seat names this one as its origin. */
  HANDED_OVER,
  /** Taken off the step by an admin (the person left the directory). */
  REMOVED,
  /**
   * No decision of their own is needed any more: another approver decided the 或签 step, the step or
   * request was rejected or withdrawn, the holder decided for their deputy's seat.
   */
  SETTLED;

  /** Still to decide (PENDING or WAITING). */
  public boolean live() {
    return this == PENDING || this == WAITING;
  }

  /** Decided by this seat (APPROVED or REJECTED). */
  public boolean decided() {
    return this == APPROVED || this == REJECTED;
  }
}
