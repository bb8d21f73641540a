package cn.edu.ntvu.workbench.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Chinese unless the browser prefers English; the same choice Faces makes from the supported
 * locales.
 */
public final class RequestLocale {
  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private RequestLocale() {}

  public static Locale of(HttpServletRequest request) {
    if (request.getHeader("Accept-Language") == null) {
      return CHINESE;
    }
    for (Locale l : Collections.list(request.getLocales())) {
      if ("zh".equals(l.getLanguage())) {
        return CHINESE;
      }
      if ("en".equals(l.getLanguage())) {
        return Locale.ENGLISH;
      }
    }
    return CHINESE;
  }

  public static ResourceBundle messages(HttpServletRequest request) {
    Locale locale = of(request);
    return ResourceBundle.getBundle(
        "i18n.messages",
        locale,
        RequestLocale.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
