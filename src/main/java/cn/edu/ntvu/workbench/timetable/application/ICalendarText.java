package cn.edu.ntvu.workbench.timetable.application;

import java.nio.charset.StandardCharsets;

/**
 * RFC 5545 content lines: TEXT escaping (§3.3.11) and folding at 75 octets (§3.1). Folding counts
 * UTF-8 bytes and never cuts inside a character, so a long Chinese course name survives every
 * calendar app.
 */
public final class ICalendarText {
  /** Octets per physical line, without the CRLF. */
  public static final int MAX_OCTETS = 75;

  private ICalendarText() {}

  /**
   * A TEXT value: backslash, semicolon and comma escaped, line breaks as {@code \n}; other control
   * characters (not allowed in TEXT) dropped.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    String s = text.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case ';' -> out.append("\\;");
        case ',' -> out.append("\\,");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append(c);
        default -> {
          if (c >= 0x20 && c != 0x7F) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** One logical content line as physical lines, each ending in CRLF. */
  public static void appendFolded(StringBuilder out, String line) {
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int n = Character.charCount(cp);
      int size = utf8Length(cp);
      if (octets + size > MAX_OCTETS) {
        out.append("\r\n ");
        octets = 1;
      }
      out.append(line, i, i + n);
      octets += size;
      i += n;
    }
    out.append("\r\n");
  }

  private static int utf8Length(int cp) {
    if (cp < 0x80) {
      return 1;
    }
    if (cp < 0x800) {
      return 2;
    }
    return cp < 0x10000 ? 3 : 4;
  }

  /** Octets of {@code s} in UTF-8, for tests and checks. */
  static int octets(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
