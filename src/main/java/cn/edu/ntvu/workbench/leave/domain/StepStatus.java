package cn.edu.ntvu.workbench.leave.domain;

/**
 * A step of the chain: not reached yet, open for its approvers, decided, or cancelled (withdrawn /
 * rejected before).
 */
public enum StepStatus {
  WAITING,
  OPEN,
  APPROVED,
  REJECTED,
  CANCELLED
}
