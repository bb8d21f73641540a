package cn.edu.ntvu.workbench.leave.application;

import java.io.Serializable;

/**
 * What became of a decision (page, card button or batch): decided now; already decided (by whom,
 * and how); the request was withdrawn or closed; the person may not decide this step; no such
 * request or step.
 */
public record DecisionOutcome(
    Kind kind, long requestId, int step, String decidedBy, String decidedByName, String decision)
    implements Serializable {

  /** The kinds of outcome. */
  public enum Kind {
    DECIDED,
    ALREADY_DECIDED,
    CLOSED,
    NOT_YOUR_STEP,
    UNKNOWN,
    /** A 驳回 without a reason: nothing is stored (the page asks for one). */
    REASON_MISSING,
    /** The person handed this step over (转审): {@code decidedBy}/{@code decidedByName} took it. */
    HANDED_OVER,
    /** The person added someone before themselves (加签) who has not approved yet. */
    WAITING
  }

  public static DecisionOutcome of(Kind kind, long requestId, int step) {
    return new DecisionOutcome(kind, requestId, step, null, null, null);
  }

  public boolean decided() {
    return kind == Kind.DECIDED;
  }
}
