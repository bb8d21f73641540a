package cn.edu.ntvu.workbench.wecom.application;

import java.util.List;

/**
 * The pages people open from WeCom's workbench, each of which needs a home URL (应用主页) in WeCom's
 * admin console. An SPI: the portal answers it from its enabled internal tiles, so that this
 * context lists them without knowing the portal (the portal already uses WeCom through sign-in; the
 * other way round would make a cycle).
 */
public interface EntryPages {
  /** One page: the name people know it by and its path in this app. */
  record EntryPage(String name, String path) {}

  /**
   * The entry pages as they are now (read fresh: an admin looks at this right after changing
   * tiles).
   */
  List<EntryPage> entryPages();
}
