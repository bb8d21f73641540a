package cn.edu.ntvu.workbench.notices.domain;

import java.io.Serializable;
import java.util.List;

/** Something refused, as a message key of bundle {@code i18n.notices} and its arguments. */
public record Problem(String key, List<Object> args) implements Serializable {
  public static Problem of(String key, Object... args) {
    return new Problem(key, List.of(args));
  }
}
