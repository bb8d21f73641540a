package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.platform.web.BundleText;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * Words of the leave app from bundle {@code i18n.leave}: Chinese for WeCom messages, the viewer's
 * language on pages.
 */
public final class LeaveTexts {
  public static final String BUNDLE = "i18n.leave";
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  private final Locale locale;

  private LeaveTexts(Locale locale) {
    this.locale = locale;
  }

  /** Chinese, for messages sent through WeCom (the base bundle). */
  public static LeaveTexts chinese() {
    return new LeaveTexts(Locale.ROOT);
  }

  /** The language of the current page. */
  public static LeaveTexts ofView() {
    return new LeaveTexts(BundleText.viewLocale());
  }

  public String get(String key, Object... args) {
    return BundleText.format(
        BUNDLE, locale, key, Arrays.stream(args).map(String::valueOf).toList());
  }

  public static String shortTime(LocalDateTime t) {
    return t == null ? "" : SHORT.format(t);
  }
}
