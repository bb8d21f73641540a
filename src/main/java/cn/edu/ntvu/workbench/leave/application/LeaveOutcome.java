package cn.edu.ntvu.workbench.leave.application;

import java.time.LocalDateTime;

/**
 * What became of an approved leave, fired as a CDI event inside the transaction that decided it
 * (synchronous observers run in that same transaction: what they queue in the outbox commits with
 * the decision or not at all). Course teachers are told from it ({@link CourseTeacherNotices}); a
 * roll call may observe it too.
 *
 * @param typeName the leave type's Chinese name (病假, 事假, …)
 * @param returnedAt for {@link What#RETURNED_EARLY}: when the student was back (the 销假 report);
 *     null otherwise
 */
public record LeaveOutcome(
    long requestId,
    String studentAccount,
    String studentName,
    String classCode,
    String typeCode,
    String typeName,
    LocalDateTime start,
    LocalDateTime end,
    What what,
    LocalDateTime returnedAt) {

  /** The kinds of outcome. */
  public enum What {
    /** The last step approved: the leave holds. */
    FINALLY_APPROVED,
    /** An approved leave taken back by the student before it started ({@link LeaveReversals}). */
    WITHDRAWN_AFTER_APPROVAL,
    /** An approved leave cancelled by an approver, with a reason ({@link LeaveReversals}). */
    CANCELLED_AFTER_APPROVAL,
    /**
     * 销假 confirmed before the leave's end: from {@code returnedAt} on the leave no longer holds.
     */
    RETURNED_EARLY,
    /**
     * 续假 approved (issue 18): the leave holds longer; {@code start}–{@code end} of the outcome are
     * the extra period only (the old end to the new one), which is what observers act on.
     */
    EXTENDED;

    public boolean isCorrection() {
      return this != FINALLY_APPROVED && this != EXTENDED;
    }
  }

  /** An approved extension: the extra period from {@code oldEnd} to {@code newEnd}. */
  static LeaveOutcome extended(
      LeaveRequestRow r, String typeName, LocalDateTime oldEnd, LocalDateTime newEnd) {
    return new LeaveOutcome(
        r.id(),
        r.studentAccount(),
        r.studentName(),
        r.classCode(),
        r.typeCode(),
        typeName,
        oldEnd,
        newEnd,
        What.EXTENDED,
        null);
  }

  static LeaveOutcome of(LeaveRequestRow r, String typeName, What what, LocalDateTime returnedAt) {
    return new LeaveOutcome(
        r.id(),
        r.studentAccount(),
        r.studentName(),
        r.classCode(),
        r.typeCode(),
        typeName,
        r.start(),
        r.end(),
        what,
        returnedAt);
  }

  /**
   * The part of the leave this outcome is about: the whole leave when approved, withdrawn or
   * cancelled; from the return to the end when back early.
   */
  public LocalDateTime from() {
    return what == What.RETURNED_EARLY && returnedAt != null && returnedAt.isAfter(start)
        ? returnedAt
        : start;
  }
}
