package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.portal.domain.TileKind;
import cn.edu.ntvu.workbench.wecom.application.EntryPages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * WeCom's setup page lists a home URL for every enabled internal tile: the portal tells it which
 * those are.
 */
@ApplicationScoped
public class TileEntryPages implements EntryPages {
  @Inject WorkbenchTiles tiles;

  @Override
  public List<EntryPage> entryPages() {
    return tiles.allFresh().stream()
        .filter(t -> t.kind() == TileKind.INTERNAL && t.enabled())
        .map(t -> new EntryPage(t.name(), t.target()))
        .toList();
  }
}
