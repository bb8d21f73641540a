package cn.edu.ntvu.workbench.timetable.domain;

import java.util.Arrays;
import java.util.List;

/**
 * A value from a timetable file or admin form that breaks a rule of the timetable ({@code 17-1周},
 * {@code 第0节}, {@code 星期八} …). Carries a key of the {@code i18n.timetable} bundle and its
 * arguments, so the import preview can name the reason in the reader's language.
 */
public class TimetableInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final List<String> args;

  public TimetableInputException(String messageKey, Object... args) {
    super(messageKey + " " + Arrays.toString(args));
    this.messageKey = messageKey;
    this.args = Arrays.stream(args).map(String::valueOf).toList();
  }

  public String messageKey() {
    return messageKey;
  }

  /**
   * Arguments for {@link java.text.MessageFormat}, already text so that numbers are not grouped.
   */
  public List<String> args() {
    return args;
  }
}
