package cn.edu.ntvu.standin.wecom.contacts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one file of a {@code multipart/form-data} upload, as {@code media/upload} receives it (§6.4).
 */
public final class Multipart {
  private Multipart() {}

  /** The content of the part named {@code name} of a multipart/form-data body, or null. */
  public static byte[] file(String contentType, byte[] body, String name) {
    if (contentType == null || body == null || !contentType.contains("boundary=")) {
      return null;
    }
    String boundary =
        contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "").strip();
    int semicolon = boundary.indexOf(';');
    if (semicolon >= 0) {
      boundary = boundary.substring(0, semicolon);
    }
    byte[] marker = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int start = indexOf(body, marker, 0);
    while (start >= 0) {
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
      if (headersEnd < 0) {
        return null;
      }
      String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
      int next =
          indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd);
      if (next < 0) {
        return null;
      }
      if (headers.contains("name=\"" + name + "\"")) {
        return Arrays.copyOfRange(body, headersEnd + 4, next);
      }
      start = next + 2;
    }
    return null;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
