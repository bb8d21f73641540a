package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import java.util.Optional;

/**
 * The checks on the person picked for a 转审 or 加签 that need only the directory: somebody, not
 * oneself, staff, active; and the note's length. Pure, so the page and the service give the same
 * answer; the service asks again under the request lock.
 */
public final class HandOverCheck {
  /** The longest note of a 转审 (characters). */
  public static final int NOTE_MAX = 200;

  private HandOverCheck() {}

  /**
   * What is wrong with {@code target} for {@code actorAccount}; empty when they may be given a
   * seat.
   *
   * @param target the picked person as the directory knows them; null when not found
   */
  public static Optional<HandOverProblem> target(
      String actorAccount, String picked, Target target) {
    if (picked == null || picked.isBlank()) {
      return Optional.of(HandOverProblem.NOBODY);
    }
    if (picked.strip().equals(actorAccount)) {
      return Optional.of(HandOverProblem.SELF);
    }
    if (target == null) {
      return Optional.of(HandOverProblem.UNKNOWN_PERSON);
    }
    if (target.kind() != PersonKind.STAFF) {
      return Optional.of(HandOverProblem.STUDENT);
    }
    if (!target.active()) {
      return Optional.of(HandOverProblem.INACTIVE);
    }
    return Optional.empty();
  }

  /** A note over {@link #NOTE_MAX} characters is refused, not cut: the person typed it. */
  public static Optional<HandOverProblem> note(String note) {
    return note != null && note.strip().length() > NOTE_MAX
        ? Optional.of(HandOverProblem.NOTE_TOO_LONG)
        : Optional.empty();
  }

  /** The picked person as the directory knows them. */
  public record Target(String account, String name, PersonKind kind, boolean active) {}
}
