package cn.edu.ntvu.workbench.portal.domain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Tile icons: the bundled set ({@code resources/workbench/icons/<name>.svg}, our own simple
 * drawings) and icons uploaded by admins (named {@code up-<24 hex digits>}, served as PNG from
 * {@code /resources/tile-icons/}).
 */
public final class TileIcons {
  public static final List<String> NAMES =
      List.of("calendar", "book", "link", "bell", "gear", "people", "form", "home");

  private static final Pattern UPLOADED = Pattern.compile("up-[0-9a-f]{24}");

  /** Where uploaded icons are served. */
  public static final String UPLOADED_PATH = "/resources/tile-icons/";

  private TileIcons() {}

  /**
   * A bundled icon, or the name of an uploaded one (whether it is stored is the store's to say).
   */
  public static boolean exists(String name) {
    return name != null && (NAMES.contains(name) || isUploaded(name));
  }

  public static boolean isUploaded(String name) {
    return name != null && UPLOADED.matcher(name).matches();
  }

  /**
   * The icon's address: uploaded icons are immutable by name; bundled ones carry the asset version.
   */
  public static String url(String contextPath, String name, String assetVersion) {
    if (isUploaded(name)) {
      return contextPath + UPLOADED_PATH + name + ".png";
    }
    return contextPath
        + "/resources/workbench/icons/"
        + (NAMES.contains(name) ? name : NAMES.get(0))
        + ".svg?v="
        + assetVersion;
  }
}
