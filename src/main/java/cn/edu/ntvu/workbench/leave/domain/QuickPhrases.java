package cn.edu.ntvu.workbench.leave.domain;

import java.util.List;
import java.util.Optional;

/**
 * Quick phrases (issue 18, item 7): an approver's own reusable phrases (at most {@link #OWN_MAX})
 * and the ones an admin sets for everybody (at most {@link #SHARED_MAX}), each up to {@link
 * #LENGTH} characters; one tap puts one into the 驳回 reason or the comment box.
 */
public final class QuickPhrases {
  public static final int OWN_MAX = 20;
  public static final int SHARED_MAX = 50;
  public static final int LENGTH = 100;

  private QuickPhrases() {}

  public enum Problem {
    EMPTY,
    TOO_LONG,
    TOO_MANY,
    DUPLICATE
  }

  /** Checks a new phrase against the list it joins ({@code max} long at most). */
  public static Optional<Problem> check(String text, List<String> existing, int max) {
    if (text == null || text.isBlank()) {
      return Optional.of(Problem.EMPTY);
    }
    String t = text.strip();
    if (t.codePointCount(0, t.length()) > LENGTH) {
      return Optional.of(Problem.TOO_LONG);
    }
    if (existing.contains(t)) {
      return Optional.of(Problem.DUPLICATE);
    }
    if (existing.size() >= max) {
      return Optional.of(Problem.TOO_MANY);
    }
    return Optional.empty();
  }

  /**
   * What the box holds after a phrase is chosen (the select of a page without JavaScript): the
   * phrase alone in an empty box, else after what was typed.
   */
  public static String insert(String typed, String phrase) {
    if (phrase == null || phrase.isBlank()) {
      return typed;
    }
    if (typed == null || typed.isBlank()) {
      return phrase.strip();
    }
    String t = typed.stripTrailing();
    return t.contains(phrase.strip()) ? t : t + " " + phrase.strip();
  }
}
