package cn.edu.ntvu.workbench.platform.web;

/**
 * Markup written in Java for the pages opened most (the workbench tiles, the week grid), where a
 * Facelets tree with an EL expression per attribute was most of a request's cost. Every text that
 * reaches such markup goes through {@link #escape}.
 */
public final class Html {
  private Html() {}

  /** Text for HTML content and double-quoted attributes; null is empty. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (r != null) {
        if (b == null) {
          b = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        b.append(r);
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }
}
