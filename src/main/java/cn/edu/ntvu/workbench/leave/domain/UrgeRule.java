package cn.edu.ntvu.workbench.leave.domain;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * 催办: may this person urge this step now? Only the request's own student, only while the request is
 * pending and the step open, only once per step, and only after the step has been open {@code
 * after} (wall hours: the student waits in real time). Pure; {@code LeaveUrges} asks it under the
 * request's lock and stores nothing unless it says {@link Kind#MAY}.
 */
public final class UrgeRule {
  private UrgeRule() {}

  /** The answer, with when it becomes possible for {@link Kind#TOO_EARLY}. */
  public record Verdict(Kind kind, LocalDateTime possibleAt) {
    public boolean may() {
      return kind == Kind.MAY;
    }
  }

  /**
   * Why (not). The names are the message keys' last part ({@code leave.urge.refused.TOO_EARLY}).
   */
  public enum Kind {
    MAY,
    /** Another person's request (a classmate's or staff's forged post). */
    NOT_YOURS,
    /** The request is no longer pending or the step no longer open (decided, withdrawn). */
    DECIDED,
    /** The step has not been open {@code after} yet. */
    TOO_EARLY,
    /** This step was urged already. */
    ALREADY_URGED
  }

  /**
   * @param caller the signed-in account
   * @param owner the request's student
   * @param pendingAndOpen the request is pending and this step is open
   * @param openedAt when the step opened (null: not open)
   * @param urgedBefore this step was urged already
   */
  public static Verdict check(
      String caller,
      String owner,
      boolean pendingAndOpen,
      LocalDateTime openedAt,
      boolean urgedBefore,
      LocalDateTime now,
      Duration after) {
    if (caller == null || !caller.equals(owner)) {
      return new Verdict(Kind.NOT_YOURS, null);
    }
    if (!pendingAndOpen || openedAt == null) {
      return new Verdict(Kind.DECIDED, null);
    }
    if (urgedBefore) {
      return new Verdict(Kind.ALREADY_URGED, null);
    }
    LocalDateTime at = openedAt.plus(after);
    if (now.isBefore(at)) {
      return new Verdict(Kind.TOO_EARLY, at);
    }
    return new Verdict(Kind.MAY, at);
  }

  /** Whole hours (rounded up, at least 1) until {@code at}: "4 小时后可催办". */
  public static long hoursUntil(LocalDateTime now, LocalDateTime at) {
    long minutes = Duration.between(now, at).toMinutes();
    return Math.max(1, (minutes + 59) / 60);
  }
}
