package cn.edu.ntvu.workbench.forms.domain;

import java.util.List;

/** Why something typed is refused: a bundle key of {@code i18n.forms} and its arguments. */
public record Problem(String key, List<Object> args) {
  public static Problem of(String key, Object... args) {
    return new Problem(key, List.of(args));
  }
}
