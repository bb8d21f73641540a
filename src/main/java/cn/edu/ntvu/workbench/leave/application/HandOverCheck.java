package cn.edu.ntvu.workbench.leave.application;

import java.util.Optional;

/**
 * The check of a 转审 or 加签 that needs nothing but what was typed: the note's length. Whom one may
 * give a seat to (not oneself, staff, active, not on the step, no loop, the limit) is the approval
 * chain's ({@code ApprovalChain.handOver/addBefore/addAfter}), with the directory's word on the
 * person from {@link ChainTargets}.
 */
public final class HandOverCheck {
  /** The longest note of a 转审 (characters). */
  public static final int NOTE_MAX = 200;

  private HandOverCheck() {}

  /** A note over {@link #NOTE_MAX} characters is refused, not cut: the person typed it. */
  public static Optional<HandOverProblem> note(String note) {
    return note != null && note.strip().length() > NOTE_MAX
        ? Optional.of(HandOverProblem.NOTE_TOO_LONG)
        : Optional.empty();
  }
}
