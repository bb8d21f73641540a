package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.Problem;
import java.util.List;
import java.util.Map;

/**
 * What came of a submit: stored (new, or the same form post seen again), or refused — with a
 * problem per question id, or one for the whole form ({@code formProblem}: closed, past the
 * deadline, not in the audience, already answered). A submit refused for some questions keeps the
 * files sent with it for the others ({@code stagedFiles}: question id → file id), so the person
 * need not choose them again; what no later submit claims is removed within the hour.
 */
public record SubmitOutcome(
    long responseId,
    boolean created,
    Map<Long, Problem> problems,
    Problem formProblem,
    Map<Long, Long> stagedFiles) {
  public boolean refused() {
    return responseId == 0;
  }

  static SubmitOutcome stored(long id, boolean created) {
    return new SubmitOutcome(id, created, Map.of(), null, Map.of());
  }

  static SubmitOutcome refused(Map<Long, Problem> problems, Map<Long, Long> stagedFiles) {
    return new SubmitOutcome(0, false, problems, null, Map.copyOf(stagedFiles));
  }

  static SubmitOutcome refused(String key, Object... args) {
    return new SubmitOutcome(0, false, Map.of(), Problem.of(key, args), Map.of());
  }

  public List<Problem> all() {
    return formProblem == null ? List.copyOf(problems.values()) : List.of(formProblem);
  }
}
