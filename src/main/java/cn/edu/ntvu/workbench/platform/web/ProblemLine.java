package cn.edu.ntvu.workbench.platform.web;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * One problem of an uploaded file as an import page lists it, already in the viewer's language:
 * where (第7行, or the file as a whole), which column, and why. Rendered by {@code
 * /WEB-INF/includes/import-problems.xhtml}.
 */
public record ProblemLine(String where, String column, String reason) implements Serializable {
  /**
   * The bundle of the texts every import shares: the file reader's {@code import.file.*}/{@code
   * import.csv.*} reasons and the line and table labels of the problem list.
   */
  public static final String IMPORT_BUNDLE = "i18n.directory";

  /** A problem on {@code line} (0: the whole file). */
  public static ProblemLine at(Locale locale, int line, String column, String reason) {
    String where =
        line == 0
            ? BundleText.format(IMPORT_BUNDLE, locale, "import.line.file", List.of())
            : BundleText.format(
                IMPORT_BUNDLE, locale, "import.line.number", List.of(String.valueOf(line)));
    return new ProblemLine(where, column, reason);
  }

  // Jakarta EE 10 expression language resolves JavaBean getters, not record accessors.

  public String getWhere() {
    return where;
  }

  public String getColumn() {
    return column;
  }

  public String getReason() {
    return reason;
  }
}
