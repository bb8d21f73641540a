package cn.edu.ntvu.workbench.platform.imports;

import java.util.List;

/**
 * An uploaded file that cannot be read as a table at all (wrong format, unsafe, undecodable).
 * Carries a message key of the {@code i18n.directory} bundle and its arguments, so the admin sees
 * the reason in their own language.
 */
public class ImportFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final List<String> args;

  public ImportFileException(String messageKey, Object... args) {
    this(null, messageKey, args);
  }

  public ImportFileException(Throwable cause, String messageKey, Object... args) {
    super(messageKey + " " + List.of(stringify(args)), cause);
    this.messageKey = messageKey;
    this.args = List.of(stringify(args));
  }

  private static String[] stringify(Object[] args) {
    String[] out = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      out[i] = String.valueOf(args[i]);
    }
    return out;
  }

  public String getMessageKey() {
    return messageKey;
  }

  /**
   * Arguments for {@link java.text.MessageFormat}, already as text so that line numbers are not
   * grouped.
   */
  public List<String> getArgs() {
    return args;
  }
}
