package cn.edu.ntvu.workbench.identity.interfaces.web;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Formats keys of the {@code i18n.directory} bundle with arguments, in the viewer's locale. */
final class DirectoryMessages {
  static final String BUNDLE = "i18n.directory";

  /**
   * Chinese lives in the base bundle; without this, a zh request on a server whose default locale is English
   * would fall back to the English bundle before reaching the base one.
   */
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private DirectoryMessages() {}

  static String format(String key, List<String> args) {
    FacesContext faces = FacesContext.getCurrentInstance();
    Locale locale =
        faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.getDefault();
    return format(locale, key, args);
  }

  /** The text of {@code key}, or {@code fallback} when the bundle has no such key. */
  static String labelOr(String key, String fallback) {
    String text = format(key, List.of());
    return text.startsWith(key) ? fallback : text;
  }

  static String format(Locale locale, String key, List<String> args) {
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).getString(key);
    } catch (MissingResourceException e) {
      return key + " " + args;
    }
    return new MessageFormat(pattern, locale).format(args.toArray());
  }
}
