package cn.edu.ntvu.workbench.identity.domain;

/** Masks personal data for display: {@code 138****0001}, {@code z***@ntvu.edu.cn}. */
public final class Masking {
  private Masking() {}

  public static String mobile(String mobile) {
    if (mobile == null || mobile.isBlank()) {
      return "";
    }
    String m = mobile.trim();
    if (m.length() < 7) {
      return "*".repeat(m.length());
    }
    return m.substring(0, 3) + "****" + m.substring(m.length() - 4);
  }

  public static String email(String email) {
    if (email == null || email.isBlank()) {
      return "";
    }
    int at = email.indexOf('@');
    if (at <= 0) {
      return "***";
    }
    return email.charAt(0) + "***" + email.substring(at);
  }
}
