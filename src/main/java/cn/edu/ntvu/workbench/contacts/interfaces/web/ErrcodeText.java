package cn.edu.ntvu.workbench.contacts.interfaces.web;

import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.wecom.domain.WeComErrorHint;
import java.util.List;
import java.util.Locale;

/**
 * A WeCom errcode in the viewer's language: the contacts bundle's text, else the client's hint,
 * else the number.
 */
final class ErrcodeText {
  private ErrcodeText() {}

  static String of(Integer errcode, String errmsg) {
    Locale locale = BundleText.viewLocale();
    if (errcode == null) {
      return errmsg == null ? "" : errmsg;
    }
    String key = "contacts.errcode." + errcode;
    String meaning;
    if (BundleText.has(MyAccountPage.BUNDLE, locale, key)
        || BundleText.has(MyAccountPage.BUNDLE, Locale.ROOT, key)) {
      meaning = BundleText.format(MyAccountPage.BUNDLE, locale, key, List.of());
    } else {
      meaning =
          WeComErrorHint.of(errcode)
              .map(h -> "en".equals(locale.getLanguage()) ? h.english() : h.chinese())
              .orElseGet(
                  () ->
                      BundleText.format(
                          MyAccountPage.BUNDLE,
                          locale,
                          "contacts.errcode.other",
                          List.of(String.valueOf(errcode))));
    }
    return errcode + " · " + meaning;
  }
}
