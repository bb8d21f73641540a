package cn.edu.ntvu.workbench.leave.domain;

/** Where a request is: waiting for a step's decision, or closed one way or another. */
public enum LeaveStatus {
  PENDING,
  APPROVED,
  REJECTED,
  WITHDRAWN;

  public boolean isClosed() {
    return this != PENDING;
  }
}
