package cn.edu.ntvu.workbench.workbench.application;

import cn.edu.ntvu.workbench.portal.application.TileAdmin;
import cn.edu.ntvu.workbench.portal.application.TileOffer;
import cn.edu.ntvu.workbench.portal.application.TileStore;
import cn.edu.ntvu.workbench.platform.security.Callers;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.persistence.SchemaReady;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileKind;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/** Development mode only: a workbench without tiles gets a few demo tiles. */
@ApplicationScoped
public class DemoTiles {
  private static final Logger LOG = Logger.getLogger(DemoTiles.class.getName());

  @Inject TileStore store;
  @Inject TileAdmin admin;
  @Inject Callers callers;
  @Inject @Any Instance<TileOffer> offers;

  void loadIfEmpty(@Observes SchemaReady ready) {
    if (!ready.devMode() || !store.all().isEmpty()) {
      return;
    }
    // Tile administration is for admins; the server seeds the demo itself.
    callers.asSystem(
        () -> {
          for (Tile t : demo(offers)) {
            admin.create(t.checked(), AuditActor.system("system"));
          }
        });
    LOG.info("Loaded the demo workbench tiles");
  }

  /** The micro-apps' own tiles (each declares them: {@link TileOffer}) and the portal's, by scene and order. */
  static List<Tile> demo(Iterable<TileOffer> offers) {
    record Placed(Scene scene, int order, Tile tile) {}
    List<Placed> all = new ArrayList<>();
    for (TileOffer offer : offers) {
      for (TileOffer.OfferedTile o : offer.tiles()) {
        all.add(new Placed(o.scene(), o.order(), tile(o.scene(), o.name(), o.description(), o.icon(),
            TileKind.INTERNAL, o.target(), o.badge(), Visibility.EVERYONE)));
      }
    }
    all.add(new Placed(Scene.OFFICE, 50, tile(Scene.OFFICE, "融合门户", "学校统一门户", "link", TileKind.EXTERNAL,
        "https://portal.ntvu.edu.cn/", null, Visibility.EVERYONE)));
    all.add(new Placed(Scene.OFFICE, 60, tile(Scene.OFFICE, "工作台管理", "配置首页应用", "gear", TileKind.INTERNAL,
        "/admin/workbench/tiles.xhtml", null, Visibility.ofRoles(Role.ADMIN))));
    all.add(new Placed(Scene.LIFE, 10, tile(Scene.LIFE, "图书馆", null, "book", TileKind.EXTERNAL,
        "https://lib.ntvu.edu.cn/", null, Visibility.EVERYONE)));
    all.sort(Comparator.comparing(Placed::scene).thenComparingInt(Placed::order));
    return all.stream().map(Placed::tile).toList();
  }

  private static Tile tile(Scene scene, String name, String description, String icon, TileKind kind, String target,
      String badge, Visibility v) {
    return new Tile(0, scene, 0, name, description, icon, kind, target, true, badge, v, 0, "system", null);
  }
}
