package cn.edu.ntvu.workbench.portal.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks what a tile opens: an internal path of this server, or an external http(s) URL. */
public final class TileTarget {
  private TileTarget() {}

  /** The target trimmed, or a {@link TileInputException} saying what is wrong with it. */
  public static String check(TileKind kind, String raw) {
    String t = raw == null ? "" : raw.strip();
    if (t.isEmpty()) {
      throw new TileInputException("workbench.error.targetMissing");
    }
    if (t.length() > 500) {
      throw new TileInputException("workbench.error.targetTooLong");
    }
    for (char c : t.toCharArray()) {
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new TileInputException("workbench.error.targetSpaces");
      }
    }
    return kind == TileKind.INTERNAL ? internal(t) : external(t);
  }

  private static String internal(String t) {
    if (!t.startsWith("/")
        || t.contains("//")
        || t.contains("\\")
        || t.contains("/../")
        || t.endsWith("/..")
        || t.contains(":")) {
      throw new TileInputException("workbench.error.internalPath", t);
    }
    return t;
  }

  private static String external(String t) {
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("javascript:")
        || lower.startsWith("data:")
        || lower.startsWith("vbscript:")) {
      throw new TileInputException("workbench.error.scriptUrl");
    }
    URI uri;
    try {
      uri = new URI(t);
    } catch (URISyntaxException e) {
      throw new TileInputException("workbench.error.externalUrl", t);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new TileInputException("workbench.error.externalUrl", t);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new TileInputException("workbench.error.externalUrl", t);
    }
    return t;
  }

  /**
   * Whether request path {@code path} (without context path) is one of an internal tile's pages.
   */
  public static boolean covers(String tilePath, String path) {
    if (path.equals(tilePath)) {
      return true;
    }
    String prefix = tilePath.endsWith("/") ? tilePath : tilePath + "/";
    return path.startsWith(prefix)
        || (tilePath.endsWith("/") && path.equals(tilePath.substring(0, tilePath.length() - 1)));
  }
}
