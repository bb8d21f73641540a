package cn.edu.ntvu.workbench.workbench.domain;

import java.util.List;

/** The bundled icon set ({@code resources/workbench/icons/<name>.svg}): our own simple drawings. */
public final class TileIcons {
  public static final List<String> NAMES =
      List.of("calendar", "book", "link", "bell", "gear", "people", "form", "home");

  private TileIcons() {}

  public static boolean exists(String name) {
    return name != null && NAMES.contains(name);
  }
}
