package cn.edu.ntvu.workbench.leave.application;

import java.io.Serializable;

/**
 * What became of a 转审 or 加签: done (no problem) and to whom, or refused and why — with the name the
 * sentence needs (the person picked; for {@link HandOverProblem#ALREADY_DECIDED} who decided) and
 * the limit for {@link HandOverProblem#OVER_LIMIT}.
 */
public record HandOverResult(HandOverProblem problem, String name, int limit)
    implements Serializable {

  public static HandOverResult done(String name) {
    return new HandOverResult(null, name, 0);
  }

  public static HandOverResult refused(HandOverProblem problem, String name) {
    return new HandOverResult(problem, name, 0);
  }

  public boolean ok() {
    return problem == null;
  }

  /** The sentence for the page, in {@code t}'s language. */
  public String text(LeaveTexts t) {
    return problem == HandOverProblem.OVER_LIMIT
        ? t.get("leave.handOver.problem.OVER_LIMIT", limit)
        : t.get("leave.handOver.problem." + problem.name(), name == null ? "" : name);
  }

  /** Whether the sentence belongs beside the person picked (else beside the note or the button). */
  public boolean aboutThePerson() {
    return switch (problem) {
      case NOBODY, UNKNOWN_PERSON, SELF, STUDENT, INACTIVE, ALREADY_ON_STEP, LOOP, OVER_LIMIT ->
          true;
      default -> false;
    };
  }
}
