package cn.edu.ntvu.workbench.leave.domain;

/**
 * Where a request is: waiting for a step's decision, or closed one way or another. {@code
 * WITHDRAWN}: taken back while pending; {@code REVOKED} (已撤销): an approved leave the student took
 * back before it started; {@code CANCELLED} (已取消): an approved leave an approver cancelled, with a
 * reason, before it ended.
 */
public enum LeaveStatus {
  PENDING,
  APPROVED,
  REJECTED,
  WITHDRAWN,
  REVOKED,
  CANCELLED;

  /** Approved once, no longer: withdrawn or cancelled after approval. */
  public boolean isReversed() {
    return this == REVOKED || this == CANCELLED;
  }

  public boolean isClosed() {
    return this != PENDING;
  }
}
