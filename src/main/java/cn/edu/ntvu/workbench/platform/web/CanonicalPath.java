package cn.edu.ntvu.workbench.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one path every guard decides on, and the rule that a request's raw path must already be in
 * that form.
 *
 * <p>The container dispatches on its own decoded, normalised path ({@code getServletPath() +
 * getPathInfo()}), while {@code getRequestURI()} is the raw text the client sent. A guard that
 * compared prefixes of the raw text let {@code /resources/../admin/audit.csv} and {@code
 * /%61dmin/…} through to admin pages. So: guards use {@link #of} only, and {@link #problem} refuses
 * — before any guard runs — every raw path that is not already canonical, so that the raw and the
 * decoded path can never tell two different stories.
 */
public final class CanonicalPath {
  /**
   * The request attribute holding the decoded path once {@code CanonicalPathFilter} has accepted
   * the request.
   */
  public static final String ATTRIBUTE = "wb.canonicalPath";

  /** The only path parameter a container adds itself (never with cookie tracking, but harmless). */
  private static final Pattern SESSION_PARAMETER =
      Pattern.compile(";jsessionid=[A-Za-z0-9._-]{1,200}$");

  private static final int MAX_LENGTH = 2048;

  private CanonicalPath() {}

  /**
   * The container's decoded, normalised path of {@code req} inside the application, e.g. {@code
   * /admin/audit.csv}: what the container dispatched on. The context root is {@code /}.
   */
  public static String of(HttpServletRequest req) {
    Object known = req.getAttribute(ATTRIBUTE);
    if (known instanceof String s) {
      return s;
    }
    String servletPath = req.getServletPath();
    String pathInfo = req.getPathInfo();
    String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    return path.isEmpty() ? "/" : path;
  }

  /**
   * Why the raw path of {@code req} (its request URI without the context path) is not canonical;
   * empty if it is.
   */
  public static Optional<String> problem(HttpServletRequest req) {
    String uri = req.getRequestURI();
    String context = req.getContextPath();
    if (uri == null || context == null || !uri.startsWith(context)) {
      return Optional.of("outside the application");
    }
    Optional<String> problem = problem(uri.substring(context.length()));
    if (problem.isPresent()) {
      return problem;
    }
    String decoded = decode(stripSessionParameter(uri.substring(context.length())));
    String dispatched = of(req);
    if (decoded.isEmpty() ? dispatched.equals("/") : dispatched.equals(decoded)) {
      return Optional.empty();
    }
    // A directory request the container served through its welcome file (/leave/ →
    // /leave/index.xhtml).
    if (decoded.endsWith("/") && dispatched.equals(decoded + "index.xhtml")) {
      return Optional.empty();
    }
    return Optional.of("the container dispatched on another path");
  }

  /**
   * Why {@code raw} (a request path as sent, without the query) is not canonical; empty if it is.
   * Refused: {@code .} and {@code ..} segments, {@code //}, backslashes, control characters and
   * NUL, raw non-ASCII bytes, percent encodings of {@code . / \ %} in any case (the last one also
   * refuses every double encoding) and of unreserved characters (letters, digits, {@code - _ ~},
   * whose canonical form is the character itself), malformed or overlong UTF-8, and {@code ;} path
   * parameters other than a trailing session id.
   */
  public static Optional<String> problem(String raw) {
    if (raw.length() > MAX_LENGTH) {
      return Optional.of("too long");
    }
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    if (raw.charAt(0) != '/') {
      return Optional.of("not absolute");
    }
    String path = stripSessionParameter(raw);
    if (path.indexOf(';') >= 0) {
      return Optional.of("path parameter");
    }
    ByteBuffer bytes = ByteBuffer.allocate(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%') {
        if (i + 2 >= path.length() || hex(path.charAt(i + 1)) < 0 || hex(path.charAt(i + 2)) < 0) {
          return Optional.of("malformed percent encoding");
        }
        int b = hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2));
        if (b == '.' || b == '/' || b == '\\' || b == '%') {
          return Optional.of("encoded . / \\ or %");
        }
        if (b < 0x20 || b == 0x7f) {
          return Optional.of("encoded control character");
        }
        if (Character.isLetterOrDigit(b) && b < 0x80 || b == '-' || b == '_' || b == '~') {
          // RFC 3986 §6.2.2.2: the canonical form of an unreserved character is the character
          // (/%61dmin/).
          return Optional.of("encoded unreserved character");
        }
        bytes.put((byte) b);
        i += 2;
      } else if (c < 0x20 || c == 0x7f) {
        return Optional.of("control character");
      } else if (c > 0x7e) {
        return Optional.of("raw non-ASCII");
      } else if (c == '\\') {
        return Optional.of("backslash");
      } else {
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    String decoded;
    try {
      decoded = strictUtf8().decode(bytes).toString();
    } catch (CharacterCodingException e) {
      return Optional.of("malformed or overlong UTF-8");
    }
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      // C1 controls, and the Unicode look-alikes of / and \ that some file systems and proxies
      // fold.
      if ((c >= 0x80 && c <= 0x9f)
          || c == '\u2215'
          || c == '\u2044'
          || c == '\uff0f'
          || c == '\uff3c'
          || c == '\u29f5'
          || c == '\ufe68') {
        return Optional.of("control or slash look-alike");
      }
    }
    String[] segments = decoded.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      if (s.isEmpty() && i < segments.length - 1) {
        return Optional.of("empty segment");
      }
      if (s.equals(".") || s.equals("..")) {
        return Optional.of("dot segment");
      }
    }
    return Optional.empty();
  }

  private static String stripSessionParameter(String raw) {
    return SESSION_PARAMETER.matcher(raw).replaceFirst("");
  }

  /** The percent-decoding of a path {@link #problem(String)} accepted. */
  static String decode(String path) {
    if (path.indexOf('%') < 0) {
      return path;
    }
    ByteBuffer bytes = ByteBuffer.allocate(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%') {
        bytes.put((byte) (hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2))));
        i += 2;
      } else {
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    return StandardCharsets.UTF_8.decode(bytes).toString();
  }

  private static CharsetDecoder strictUtf8() {
    // The JDK's UTF-8 decoder refuses overlong forms (C0 AE for '.') and encoded surrogates when
    // told to report.
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
