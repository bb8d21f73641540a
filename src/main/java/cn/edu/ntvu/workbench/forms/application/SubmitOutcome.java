package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.Problem;
import java.util.List;
import java.util.Map;

/**
 * What came of a submit: stored (new, or the same form post seen again), or refused — with a problem per question id,
 * or one for the whole form ({@code formProblem}: closed, past the deadline, not in the audience, already answered).
 */
public record SubmitOutcome(long responseId, boolean created, Map<Long, Problem> problems, Problem formProblem) {
  public boolean refused() {
    return responseId == 0;
  }

  static SubmitOutcome stored(long id, boolean created) {
    return new SubmitOutcome(id, created, Map.of(), null);
  }

  static SubmitOutcome refused(Map<Long, Problem> problems) {
    return new SubmitOutcome(0, false, problems, null);
  }

  static SubmitOutcome refused(String key, Object... args) {
    return new SubmitOutcome(0, false, Map.of(), Problem.of(key, args));
  }

  public List<Problem> all() {
    return formProblem == null ? List.copyOf(problems.values()) : List.of(formProblem);
  }
}
