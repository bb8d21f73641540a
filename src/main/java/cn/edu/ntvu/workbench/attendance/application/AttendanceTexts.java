package cn.edu.ntvu.workbench.attendance.application;

import cn.edu.ntvu.workbench.platform.web.BundleText;
import java.util.Arrays;
import java.util.Locale;

/** Words of 考勤 from bundle {@code i18n.attendance}, in the viewer's language on pages. */
public final class AttendanceTexts {
  public static final String BUNDLE = "i18n.attendance";
  private final Locale locale;

  private AttendanceTexts(Locale locale) {
    this.locale = locale;
  }

  public static AttendanceTexts ofView() {
    return new AttendanceTexts(BundleText.viewLocale());
  }

  /** In {@code locale} (a page written outside Faces: the request's language). */
  public static AttendanceTexts of(Locale locale) {
    return new AttendanceTexts(locale);
  }

  public static AttendanceTexts chinese() {
    return new AttendanceTexts(Locale.ROOT);
  }

  public String get(String key, Object... args) {
    return BundleText.format(
        BUNDLE, locale, key, Arrays.stream(args).map(String::valueOf).toList());
  }
}
