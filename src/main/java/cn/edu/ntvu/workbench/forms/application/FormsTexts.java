package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.Problem;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import java.util.Arrays;
import java.util.Locale;

/**
 * Words of 收集表 from bundle {@code i18n.forms}: Chinese for WeCom messages and exports, the viewer's
 * on pages.
 */
public final class FormsTexts {
  public static final String BUNDLE = "i18n.forms";
  private final Locale locale;

  private FormsTexts(Locale locale) {
    this.locale = locale;
  }

  public static FormsTexts chinese() {
    return new FormsTexts(Locale.ROOT);
  }

  public static FormsTexts ofView() {
    return new FormsTexts(BundleText.viewLocale());
  }

  public String get(String key, Object... args) {
    return BundleText.format(
        BUNDLE, locale, key, Arrays.stream(args).map(String::valueOf).toList());
  }

  /** A problem in words; an argument that is itself a problem (第 3 题：…) is put in words first. */
  public String of(Problem p) {
    return get(
        p.key(), p.args().stream().map(a -> a instanceof Problem inner ? of(inner) : a).toArray());
  }
}
