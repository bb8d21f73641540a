package cn.edu.ntvu.workbench.leave.domain;

/**
 * The admin's settings of the leave form and workflow.
 *
 * @param pastLimitDays a leave may start at most this many days before now
 * @param maxDays a leave may be at most this many days long
 * @param minNoticeHours a leave must be asked for this many hours before it starts; 0 = no minimum
 * @param fallbackAccount who decides a step the directory has nobody for; null = the admins
 * @param autoConfirmReturn 销假 is confirmed at once instead of by the counsellor
 */
public record LeavePolicy(
    int pastLimitDays,
    int maxDays,
    int minNoticeHours,
    String fallbackAccount,
    boolean autoConfirmReturn) {
  public static final LeavePolicy DEFAULT = new LeavePolicy(3, 60, 0, null, false);
}
