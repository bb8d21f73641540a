package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import java.util.List;

/**
 * Something a micro-app keeps on top of one person's workbench home until they have dealt with it
 * (通知: an important notice until it is read). A CDI bean; the home page asks every one and shows
 * their items above the tiles. A failing provider only loses its items.
 */
public interface PinnedItems {
  /**
   * One item on top of the home.
   *
   * @param label a short tag, e.g. 重要通知
   * @param title what it is
   * @param path the app path it opens, e.g. {@code /notices/view.xhtml?id=42}
   */
  record Pinned(String label, String title, String path) {}

  /** The items for {@code user}, most urgent first; a few at most. */
  List<Pinned> pinned(SignedInUser user);
}
