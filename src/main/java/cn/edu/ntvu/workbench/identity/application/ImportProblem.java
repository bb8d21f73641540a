package cn.edu.ntvu.workbench.identity.application;

import java.util.List;

/**
 * Something wrong with one line of an uploaded file (line 0: the file as a whole). Errors block the
 * import; warnings are shown but do not. The text is a key of the {@code i18n.directory} bundle
 * with {@link java.text.MessageFormat} arguments, so the same problem reads in Chinese or English.
 */
public record ImportProblem(
    int line, String column, Severity severity, String messageKey, List<String> args)
    implements java.io.Serializable {
  /** Whether a problem blocks the import. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public ImportProblem {
    column = column == null ? "" : column;
    args = List.copyOf(args);
  }

  static ImportProblem error(int line, String column, String key, Object... args) {
    return new ImportProblem(line, column, Severity.ERROR, key, texts(args));
  }

  static ImportProblem warning(int line, String column, String key, Object... args) {
    return new ImportProblem(line, column, Severity.WARNING, key, texts(args));
  }

  private static List<String> texts(Object... args) {
    return java.util.Arrays.stream(args).map(String::valueOf).toList();
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
