package cn.edu.ntvu.workbench.leave.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Comments on a request (issue 18, item 7), the pure rules: at most {@link #MAX} characters, not
 * blank, at most {@link #PER_HOUR} by one person in an hour (a comment storm is refused with a
 * message beside the box); each of the others hears of a comment once, its author never.
 */
public final class Comments {
  public static final int MAX = 500;
  public static final int PER_HOUR = 10;

  private Comments() {}

  public enum Problem {
    EMPTY,
    TOO_LONG,
    TOO_MANY
  }

  /** Checks a comment given how many its author wrote in the last hour (on any request). */
  public static Optional<Problem> check(String text, long lastHour) {
    if (text == null || text.isBlank()) {
      return Optional.of(Problem.EMPTY);
    }
    if (text.strip().codePointCount(0, text.strip().length()) > MAX) {
      return Optional.of(Problem.TOO_LONG);
    }
    if (lastHour >= PER_HOUR) {
      return Optional.of(Problem.TOO_MANY);
    }
    return Optional.empty();
  }

  /** Who hears of a comment: the student and every approver, once each, not its author. */
  public static List<String> recipients(
      String author, String student, Collection<String> approvers) {
    List<String> out = new ArrayList<>();
    if (student != null && !student.equals(author)) {
      out.add(student);
    }
    for (String a : approvers) {
      if (a != null && !a.equals(author) && !out.contains(a)) {
        out.add(a);
      }
    }
    return out;
  }
}
