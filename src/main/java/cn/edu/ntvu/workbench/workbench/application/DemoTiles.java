package cn.edu.ntvu.workbench.workbench.application;

import cn.edu.ntvu.workbench.portal.application.TileAdmin;
import cn.edu.ntvu.workbench.portal.application.TileStore;
import cn.edu.ntvu.workbench.platform.security.Callers;
import cn.edu.ntvu.workbench.forms.application.FormsBadgeProvider;
import cn.edu.ntvu.workbench.leave.application.LeaveBadgeProvider;
import cn.edu.ntvu.workbench.timetable.application.TimetableBadgeProvider;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.persistence.SchemaReady;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileKind;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/** Development mode only: a workbench without tiles gets a few demo tiles. */
@ApplicationScoped
public class DemoTiles {
  private static final Logger LOG = Logger.getLogger(DemoTiles.class.getName());

  @Inject TileStore store;
  @Inject TileAdmin admin;
  @Inject Callers callers;

  void loadIfEmpty(@Observes SchemaReady ready) {
    if (!ready.devMode() || !store.all().isEmpty()) {
      return;
    }
    // Tile administration is for admins; the server seeds the demo itself.
    callers.asSystem(
        () -> {
          for (Tile t : demo()) {
            admin.create(t.checked(), AuditActor.system("system"));
          }
        });
    LOG.info("Loaded the demo workbench tiles");
  }

  static List<Tile> demo() {
    return List.of(
        tile(Scene.TEACHING, "查课表", "今天和本周的课", "calendar", TileKind.INTERNAL, "/timetable/",
            TimetableBadgeProvider.KEY, Visibility.EVERYONE),
        tile(Scene.TEACHING, "订阅到手机日历", "课表自动进手机日历", "bell", TileKind.INTERNAL,
            "/timetable/calendar.xhtml", null, Visibility.EVERYONE),
        tile(Scene.OFFICE, "学生请假", "请假、审批、销假", "form", TileKind.INTERNAL, "/leave/",
            LeaveBadgeProvider.KEY, Visibility.EVERYONE),
        tile(Scene.OFFICE, "收集表", "填表、发起收集、催交", "people", TileKind.INTERNAL, "/forms/",
            FormsBadgeProvider.KEY, Visibility.EVERYONE),
        tile(Scene.OFFICE, "融合门户", "学校统一门户", "link", TileKind.EXTERNAL, "https://portal.ntvu.edu.cn/",
            null, Visibility.EVERYONE),
        tile(Scene.OFFICE, "工作台管理", "配置首页应用", "gear", TileKind.INTERNAL, "/admin/workbench/tiles.xhtml",
            null, Visibility.ofRoles(Role.ADMIN)),
        tile(Scene.LIFE, "图书馆", null, "book", TileKind.EXTERNAL, "https://lib.ntvu.edu.cn/", null,
            Visibility.EVERYONE),
        tile(Scene.LIFE, "我的账号", "企业微信账号状态、绑定手机号", "people", TileKind.INTERNAL, "/account/", null,
            Visibility.EVERYONE));
  }

  private static Tile tile(Scene scene, String name, String description, String icon, TileKind kind, String target,
      String badge, Visibility v) {
    return new Tile(0, scene, 0, name, description, icon, kind, target, true, badge, v, 0, "system", null);
  }
}
