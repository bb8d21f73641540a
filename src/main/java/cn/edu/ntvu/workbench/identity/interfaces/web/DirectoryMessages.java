package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.platform.web.BundleText;
import java.util.List;
import java.util.Locale;

/** Formats keys of the {@code i18n.directory} bundle with arguments, in the viewer's locale. */
final class DirectoryMessages {
  static final String BUNDLE = "i18n.directory";

  private DirectoryMessages() {}

  static String format(String key, List<String> args) {
    return format(BundleText.viewLocale(), key, args);
  }

  /** The text of {@code key}, or {@code fallback} when the bundle has no such key. */
  static String labelOr(String key, String fallback) {
    return BundleText.has(BUNDLE, BundleText.viewLocale(), key) ? format(key, List.of()) : fallback;
  }

  static String format(Locale locale, String key, List<String> args) {
    return BundleText.format(BUNDLE, locale, key, args);
  }
}
