package cn.edu.ntvu.workbench.platform.files;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Sends a file someone uploaded (a leave attachment, a 收集表 answer file, a tile icon). What the
 * browser does with it is decided by the bytes, never by the stored name or type: only a PNG, JPEG
 * or WebP by its first bytes is shown inline as that image; a PDF and everything else is a download
 * ({@code attachment}), so a file that a browser would run (HTML, SVG with script, a PDF with
 * JavaScript) never runs on our origin. Every response also carries {@code X-Content-Type-Options:
 * nosniff} and a sandboxing {@code Content-Security-Policy}, so even a file opened directly is a
 * document without scripts, plugins or our cookies' origin. The name travels as RFC 6266/5987
 * ({@code filename*} in UTF-8, Chinese names survive) with a plain-ASCII {@code filename} for old
 * clients.
 */
public final class StoredFileResponse {
  /** No scripts, no plugins, no forms, a unique origin; nothing loads from it either. */
  public static final String SANDBOX_POLICY = "default-src 'none'; sandbox";

  private StoredFileResponse() {}

  /**
   * Sends {@code bytes} as described above.
   *
   * @param fileName the name the file was uploaded with (for the download's name only)
   * @param cacheControl e.g. {@code private, no-store}
   */
  public static void send(
      HttpServletResponse resp, String fileName, String cacheControl, byte[] bytes)
      throws IOException {
    String image = imageType(bytes);
    String type =
        image != null
            ? image
            : FileSignature.of(bytes).filter(f -> f == FileSignature.PDF).isPresent()
                ? "application/pdf"
                : "application/octet-stream";
    protect(resp, type);
    resp.setContentLength(bytes.length);
    resp.setHeader("Cache-Control", cacheControl);
    resp.setHeader("Content-Disposition", disposition(image != null, fileName));
    resp.getOutputStream().write(bytes);
  }

  /**
   * The type and the protective headers of a stored file (also for servlets that send one of our
   * own re-encoded images themselves, such as the tile icons): no charset (the encoding filter sets
   * UTF-8 on every response).
   */
  public static void protect(HttpServletResponse resp, String contentType) {
    resp.setCharacterEncoding((String) null);
    resp.setContentType(contentType);
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("Content-Security-Policy", SANDBOX_POLICY);
  }

  /**
   * The image type of {@code bytes} by their first bytes, or null when they are no PNG, JPEG or
   * WebP.
   */
  static String imageType(byte[] bytes) {
    if (ImageHeader.isPng(bytes)) {
      return "image/png";
    }
    if (ImageHeader.isJpeg(bytes)) {
      return "image/jpeg";
    }
    return ImageHeader.isWebp(bytes) ? "image/webp" : null;
  }

  /**
   * {@code inline} or {@code attachment}, with the name as ASCII {@code filename} and UTF-8 {@code
   * filename*}.
   */
  static String disposition(boolean inline, String fileName) {
    String name = fileName == null || fileName.isBlank() ? "file" : fileName;
    return (inline ? "inline" : "attachment")
        + "; filename=\""
        + asciiFallback(name)
        + "\"; filename*=UTF-8''"
        + rfc5987(name);
  }

  /** The name with everything but printable ASCII (and {@code "} {@code \}) as {@code _}. */
  static String asciiFallback(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints()
        .forEach(c -> out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
    return out.toString();
  }

  /**
   * RFC 5987 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as {@code %XX}.
   */
  static String rfc5987(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean attrChar =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || "!#$&+-.^_`|~".indexOf(c) >= 0;
      if (attrChar) {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
