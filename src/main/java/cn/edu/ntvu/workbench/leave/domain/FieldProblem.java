package cn.edu.ntvu.workbench.leave.domain;

import java.io.Serializable;
import java.util.List;

/**
 * A bad field of the leave form: which field, the message key (bundle {@code i18n.leave}) and its
 * arguments.
 */
public record FieldProblem(String field, String key, List<String> args) implements Serializable {
  public FieldProblem {
    args = List.copyOf(args);
  }

  public static FieldProblem of(String field, String key, Object... args) {
    return new FieldProblem(
        field, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
  }
}
