package cn.edu.ntvu.workbench.timetable.application;

import java.util.Arrays;
import java.util.List;

/**
 * Something wrong with one line of an uploaded timetable file (line 0: the file as a whole). Errors
 * block the import, warnings do not. The text is a key of the {@code i18n.timetable} bundle (or,
 * for unreadable files, of {@code i18n.directory}, whose {@code import.*} keys the shared file
 * reader uses) with MessageFormat arguments.
 */
public record TimetableImportProblem(
    int line, String column, boolean error, String messageKey, List<String> args) {

  public TimetableImportProblem {
    column = column == null ? "" : column;
    args = List.copyOf(args);
  }

  static TimetableImportProblem error(int line, String column, String key, Object... args) {
    return new TimetableImportProblem(line, column, true, key, texts(args));
  }

  static TimetableImportProblem warning(int line, String column, String key, Object... args) {
    return new TimetableImportProblem(line, column, false, key, texts(args));
  }

  private static List<String> texts(Object... args) {
    return Arrays.stream(args).map(String::valueOf).toList();
  }
}
