package cn.edu.ntvu.workbench.contacts.domain;

import java.util.regex.Pattern;

/**
 * Chinese mobile numbers: eleven digits starting 1[3-9], optionally written with +86; shown masked.
 */
public final class MobileNumbers {
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

  private MobileNumbers() {}

  /** The number as WeCom gets it (spaces, dashes and a leading +86 removed), or null when blank. */
  public static String normalise(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String digits = raw.replaceAll("[\\s-]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    } else if (digits.startsWith("86") && digits.length() == 13) {
      digits = digits.substring(2);
    }
    return digits;
  }

  public static boolean isValid(String normalised) {
    return normalised != null && MOBILE.matcher(normalised).matches();
  }

  /** {@code 138****5678}; shorter or odd values keep only their last two characters. */
  public static String mask(String mobile) {
    if (mobile == null || mobile.isBlank()) {
      return "";
    }
    if (mobile.length() == 11) {
      return mobile.substring(0, 3) + "****" + mobile.substring(7);
    }
    return "*".repeat(Math.max(0, mobile.length() - 2))
        + mobile.substring(Math.max(0, mobile.length() - 2));
  }
}
