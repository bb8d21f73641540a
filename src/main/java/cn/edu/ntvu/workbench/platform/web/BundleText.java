package cn.edu.ntvu.workbench.platform.web;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Formats a key of one of our resource bundles with arguments, in the viewer's locale, for Java
 * code of pages.
 */
public final class BundleText {
  /**
   * Chinese lives in the base bundle; without this, a zh request on a server whose default locale
   * is English would fall back to the English bundle before reaching the base one.
   */
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private BundleText() {}

  /** The locale of the current Faces view, else the JVM default (outside a request). */
  public static Locale viewLocale() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces != null && faces.getViewRoot() != null
        ? faces.getViewRoot().getLocale()
        : Locale.getDefault();
  }

  /** Whether {@code bundle} has {@code key} in {@code locale}. */
  public static boolean has(String bundle, Locale locale, String key) {
    return ResourceBundle.getBundle(bundle, locale, NO_FALLBACK).containsKey(key);
  }

  /** The text of {@code key} as written (not a pattern); the key itself when it is missing. */
  public static String text(String bundle, Locale locale, String key) {
    try {
      return ResourceBundle.getBundle(bundle, locale, NO_FALLBACK).getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  /**
   * The pattern of {@code key} filled with {@code args}; the key and arguments themselves when it
   * is missing.
   */
  public static String format(String bundle, Locale locale, String key, List<String> args) {
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(bundle, locale, NO_FALLBACK).getString(key);
    } catch (MissingResourceException e) {
      return key + " " + args;
    }
    return new MessageFormat(pattern, locale).format(args.toArray());
  }
}
