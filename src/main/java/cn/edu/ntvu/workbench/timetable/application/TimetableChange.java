package cn.edu.ntvu.workbench.timetable.application;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * One thing an import replaces, as the admin reads it before confirming ("2026-2027-1 的正方课表 412
 * 条将被替换为 415 条"): a key of the {@code i18n.timetable} bundle with MessageFormat arguments. The same
 * key with {@code .done} appended says it after the import.
 */
public record TimetableChange(String messageKey, List<String> args) implements Serializable {
  public TimetableChange {
    args = List.copyOf(args);
  }

  static TimetableChange of(String key, Object... args) {
    return new TimetableChange(key, Arrays.stream(args).map(String::valueOf).toList());
  }
}
