package cn.edu.ntvu.workbench.leave.domain;

/**
 * Why a person sits on a step ({@code leave_step_approver.origin}, with {@code origin_account}
 * naming the other person where there is one).
 */
public enum SeatOrigin {
  /** The routing rule's role, looked up in the directory when the step opened. */
  RULE,
  /** The directory had nobody: the fallback approver (or an admin). */
  FALLBACK,
  /** 转审: handed over by {@code origin_account}. */
  HANDED_OVER,
  /** 加签 before: added by {@code origin_account}, who waits for this seat. */
  ADDED_BEFORE,
  /** 加签 after: a new step added by {@code origin_account}. */
  ADDED_AFTER,
  /** 代理: decides in the name of {@code on_behalf_of} (= {@code origin_account}). */
  DEPUTY,
  /** An admin put this person in place of {@code origin_account} (who left the directory). */
  REPLACED
}
