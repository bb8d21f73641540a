package cn.edu.ntvu.workbench.identity.application;

import java.util.Locale;

/**
 * What was typed into the picker, ready for prefix queries: stripped, at most 32 characters, lower
 * case; {@code letters} when it is only ASCII letters and digits (pinyin, initials, an account or a
 * code), otherwise it is matched against names. {@code like} escapes the LIKE wildcards.
 */
public record SearchText(String text, boolean letters) {
  public static SearchText of(String typed) {
    String s = typed == null ? "" : typed.strip().replaceAll("\\s+", "");
    if (s.length() > 32) {
      s = s.substring(0, 32);
    }
    s = s.toLowerCase(Locale.ROOT);
    return new SearchText(s, s.matches("[a-z0-9]+"));
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }

  /** {@code text%} with {@code %}, {@code _} and {@code \} escaped. */
  public String prefix() {
    return escaped() + "%";
  }

  /** {@code %text%}, escaped. */
  public String anywhere() {
    return "%" + escaped() + "%";
  }

  private String escaped() {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
