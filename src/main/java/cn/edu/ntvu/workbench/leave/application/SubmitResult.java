package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.FieldProblem;
import java.util.List;

/**
 * What a submit did: created the request, found it already created by the same form (a double tap,
 * a retry after a dropped connection), or refused it with a message per bad field.
 */
public record SubmitResult(long requestId, boolean created, List<FieldProblem> problems) {
  public SubmitResult {
    problems = List.copyOf(problems);
  }

  public boolean refused() {
    return !problems.isEmpty();
  }
}
