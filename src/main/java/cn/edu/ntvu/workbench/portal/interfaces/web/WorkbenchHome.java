package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.portal.application.Badges;
import cn.edu.ntvu.workbench.portal.application.WorkbenchTiles;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileIcons;
import cn.edu.ntvu.workbench.portal.domain.TileKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The tiles of a workbench grouped by scene, with their badges: for the home page ({@link
 * HomeServlet}) and, as {@code #{workbench}}, the admin's preview.
 */
@Named("workbench")
@RequestScoped
public class WorkbenchHome {
  private static final Logger LOG = Logger.getLogger(WorkbenchHome.class.getName());

  /** One tile as the page shows it. */
  public record TileView(
      long id,
      String name,
      String description,
      String iconUrl,
      String href,
      boolean external,
      Integer badge,
      boolean badgeInformational,
      String nameEn,
      String descriptionEn) {
    public TileView(
        long id,
        String name,
        String description,
        String iconUrl,
        String href,
        boolean external,
        Integer badge,
        boolean badgeInformational) {
      this(id, name, description, iconUrl, href, external, badge, badgeInformational, null, null);
    }

    /** The name in the page's language. */
    public String name(boolean english) {
      return english && nameEn != null ? nameEn : name;
    }

    /** The description in the page's language. */
    public String description(boolean english) {
      return english && descriptionEn != null ? descriptionEn : description;
    }

    public TileView(
        long id,
        String name,
        String description,
        String iconUrl,
        String href,
        boolean external,
        Integer badge) {
      this(id, name, description, iconUrl, href, external, badge, false);
    }
  }

  /** A scene with its tiles; scenes without visible tiles are left out. */
  public record SceneView(Scene scene, List<TileView> tiles) {
    public String key() {
      return "workbench.scene." + scene.name();
    }
  }

  /**
   * The tiles {@code user} sees, by scene, with their badges (the home page); none when the tiles
   * cannot be read, so that the rest of the home page (greeting, roles, sign-out) still works.
   */
  static List<SceneView> of(
      SignedInUser user,
      WorkbenchTiles tiles,
      Badges badges,
      String contextPath,
      String assetVersion) {
    try {
      List<Tile> visible = tiles.snapshot(user).visible();
      Map<String, Integer> numbers =
          badges.of(
              user,
              visible.stream()
                  .map(Tile::badgeKey)
                  .filter(Objects::nonNull)
                  .collect(Collectors.toSet()));
      Set<String> informational =
          visible.stream()
              .map(Tile::badgeKey)
              .filter(badges::informational)
              .collect(Collectors.toSet());
      return scenes(visible, numbers, informational, user.isStudent(), contextPath, assetVersion);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "workbench tiles unavailable", e);
      return List.of();
    }
  }

  /**
   * The markup of these scenes' tiles (the home page's and the preview's), in the page's language.
   */
  public String html(List<SceneView> sceneViews) {
    return TileHtml.render(sceneViews == null ? List.of() : sceneViews, BundleText.viewLocale());
  }

  /** The scene views of these tiles, with these badge numbers (by provider key). */
  static List<SceneView> scenes(
      List<Tile> visible, Map<String, Integer> numbers, String contextPath, String assetVersion) {
    return scenes(visible, numbers, Set.of(), false, contextPath, assetVersion);
  }

  /**
   * As above; the badges of the provider keys in {@code informational} are information, not counts
   * of things waiting.
   */
  static List<SceneView> scenes(
      List<Tile> visible,
      Map<String, Integer> numbers,
      Set<String> informational,
      boolean student,
      String contextPath,
      String assetVersion) {
    List<SceneView> out = new ArrayList<>();
    for (Scene scene : Scene.values()) {
      List<TileView> views =
          visible.stream()
              .filter(t -> t.scene() == scene)
              .map(t -> view(t, numbers, informational, student, contextPath, assetVersion))
              .toList();
      if (!views.isEmpty()) {
        out.add(new SceneView(scene, views));
      }
    }
    return out;
  }

  private static TileView view(
      Tile t,
      Map<String, Integer> numbers,
      Set<String> informational,
      boolean student,
      String contextPath,
      String assetVersion) {
    boolean external = t.kind() == TileKind.EXTERNAL;
    // Through the entry path: counted, maintenance shown, dates checked (TileOpenServlet).
    String href = contextPath + "/go/" + t.id();
    Integer badge = t.badgeKey() == null ? null : numbers.get(t.badgeKey());
    return new TileView(
        t.id(),
        t.name(),
        t.texts().description(t.description(), student, false),
        TileIcons.url(contextPath, t.icon(), assetVersion),
        href,
        external,
        badge,
        badge != null && informational.contains(t.badgeKey()),
        t.texts().nameEn(),
        t.texts().description(t.description(), student, true));
  }
}
