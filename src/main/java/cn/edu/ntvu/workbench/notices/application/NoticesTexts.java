package cn.edu.ntvu.workbench.notices.application;

import cn.edu.ntvu.workbench.notices.domain.Problem;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import java.util.Arrays;
import java.util.Locale;

/**
 * Words of 通知 from bundle {@code i18n.notices}: Chinese for WeCom messages and exports, the
 * viewer's on pages.
 */
public final class NoticesTexts {
  public static final String BUNDLE = "i18n.notices";
  private final Locale locale;

  private NoticesTexts(Locale locale) {
    this.locale = locale;
  }

  public static NoticesTexts chinese() {
    return new NoticesTexts(Locale.ROOT);
  }

  public static NoticesTexts ofView() {
    return new NoticesTexts(BundleText.viewLocale());
  }

  public String get(String key, Object... args) {
    return BundleText.format(
        BUNDLE, locale, key, Arrays.stream(args).map(String::valueOf).toList());
  }

  public String of(Problem p) {
    return get(p.key(), p.args().toArray());
  }
}
