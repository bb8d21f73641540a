package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.portal.domain.Scene;
import java.util.List;

/**
 * A micro-app's own tiles, as it offers them to the workbench (an SPI, like {@link BadgeProvider}): each micro-app
 * declares a CDI bean with its entry pages, so the portal seeds a new workbench without importing any micro-app. An
 * admin may change or remove the tiles afterwards; an offer is only where a workbench starts.
 */
public interface TileOffer {
  /**
   * One offered tile, visible to everyone.
   *
   * @param order where it goes among the tiles of its scene (smaller first), so the seeded order does not depend on
   *     the order in which CDI finds the offers
   * @param badge the key of the micro-app's {@link BadgeProvider}, or null
   */
  record OfferedTile(
      Scene scene, int order, String name, String description, String icon, String target, String badge) {}

  List<OfferedTile> tiles();
}
