package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.portal.application.TileOffer;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** 收集表's tile on a new workbench, with the 待填写 badge. */
@ApplicationScoped
public class FormsTiles implements TileOffer {
  @Override
  public List<OfferedTile> tiles() {
    return List.of(
        new OfferedTile(Scene.OFFICE, 20, "收集表", "填表、发起收集、催交", "people", "/forms/", FormsBadgeProvider.KEY));
  }
}
