package cn.edu.ntvu.workbench.platform.web;

import java.security.SecureRandom;

/** Short ids that tie a person's "something went wrong" page to one log entry. */
public final class ErrorReference {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private ErrorReference() {}

  public static String next() {
    StringBuilder sb = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }

  /**
   * Whether a reference shown back from a URL has our shape (nothing else is echoed into the page).
   */
  public static boolean isValid(String ref) {
    return ref != null && ref.matches("[A-Z2-9]{8}");
  }
}
