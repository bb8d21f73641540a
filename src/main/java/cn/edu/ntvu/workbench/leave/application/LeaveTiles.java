package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.portal.application.TileOffer;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** 学生请假's tile on a new workbench, with the 待我审批 badge. */
@ApplicationScoped
public class LeaveTiles implements TileOffer {
  @Override
  public List<OfferedTile> tiles() {
    return List.of(
        new OfferedTile(Scene.OFFICE, 10, "学生请假", "请假、审批、销假", "form", "/leave/", LeaveBadgeProvider.KEY));
  }
}
