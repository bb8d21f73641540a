package cn.edu.ntvu.workbench.timetable.interfaces.web;

import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.ProblemLine;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportProblem;
import java.util.List;
import java.util.Locale;

/**
 * Texts of the timetable pages in the viewer's language: keys of {@code i18n.timetable}, and the
 * shared {@code import.*} keys of the file reader, which live in {@link ProblemLine#IMPORT_BUNDLE}.
 */
final class TimetableTexts {
  static final String BUNDLE = "i18n.timetable";

  private TimetableTexts() {}

  static String format(Locale locale, String key, List<String> args) {
    return BundleText.format(
        key.startsWith("import.") ? ProblemLine.IMPORT_BUNDLE : BUNDLE, locale, key, args);
  }

  /**
   * A problem of an uploaded file as the shared problem table shows it: 第7行 · 周次 weeks · the
   * reason.
   */
  static ProblemLine line(Locale locale, TimetableImportProblem p) {
    String key = "timetable.admin.column." + p.column();
    String column =
        p.column().isEmpty()
            ? ""
            : BundleText.has(BUNDLE, locale, key) ? format(locale, key, List.of()) : p.column();
    return ProblemLine.at(locale, p.line(), column, format(locale, p.messageKey(), p.args()));
  }
}
