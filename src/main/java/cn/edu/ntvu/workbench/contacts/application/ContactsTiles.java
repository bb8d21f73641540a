package cn.edu.ntvu.workbench.contacts.application;

import cn.edu.ntvu.workbench.portal.application.TileOffer;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** 我的账号's tile on a new workbench: everyone can see their own WeCom account state there. */
@ApplicationScoped
public class ContactsTiles implements TileOffer {
  @Override
  public List<OfferedTile> tiles() {
    return List.of(
        new OfferedTile(Scene.LIFE, 90, "我的账号", "企业微信账号状态、绑定手机号", "people", "/account/", null));
  }
}
