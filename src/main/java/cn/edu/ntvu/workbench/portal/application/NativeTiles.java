package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.portal.domain.NativeTileItem;
import cn.edu.ntvu.workbench.portal.domain.TileInputException;
import cn.edu.ntvu.workbench.wecom.application.WorkbenchDisplay;
import cn.edu.ntvu.workbench.wecom.application.WorkbenchPayloads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The admin's choice of what WeCom's own tile of the workbench agent shows (工作台自定义展示 keydata,
 * docs/wecom-api.md §10.1): up to four badge numbers with labels and addresses. Saving checks the
 * items, sets the template at WeCom ({@code agent/set_workbench_template}, the corp default "-"),
 * stores it with its audit entry and marks everyone for a push of their own numbers. WeCom's
 * refusal ({@link WorkbenchDisplay.Refused}) saves nothing.
 */
@Requires(roles = Role.ADMIN)
@ApplicationScoped
public class NativeTiles {
  /** What people without numbers of their own see (the template's corp default). */
  static final String PLACEHOLDER = "-";

  @Inject NativeTileStore store;
  @Inject WorkbenchDisplay display;
  @Inject Badges badges;
  @Inject AuditTrail audit;
  @Inject NativeTilePush push;
  @Inject DirectoryQueries directory;
  @Inject Clock clock;

  /** The saved template, if any. */
  public Optional<NativeTileStore.Template> template() {
    return store.template();
  }

  /** The workbench agent the template is for. */
  public String agentId() {
    return display.agentId();
  }

  /** The badge sources an item may show. */
  public List<String> badgeKeys() {
    return badges.keys();
  }

  /**
   * Checks and saves the template (rows without a badge source are left out).
   *
   * @param version the version the admin saw (0: none yet)
   * @throws TileInputException an item is wrong (its message key and position), or another admin
   *     saved in between
   * @throws WorkbenchDisplay.Refused WeCom refused or could not be reached: nothing saved
   */
  @Transactional
  public void save(List<NativeTileItem> rows, int version, AuditActor actor) {
    List<NativeTileItem> items = new ArrayList<>();
    Set<String> keys = Set.copyOf(badges.keys());
    for (int i = 0; i < rows.size(); i++) {
      NativeTileItem row = rows.get(i);
      if (row.badgeKey().isEmpty() && row.label().isEmpty() && row.jumpUrl().isEmpty()) {
        continue;
      }
      items.add(row.checked(i + 1, keys));
    }
    if (items.isEmpty()) {
      throw new TileInputException("workbench.native.noItems");
    }
    if (items.size() > NativeTileItem.MAX_ITEMS) {
      throw new TileInputException(
          "workbench.native.tooMany", String.valueOf(NativeTileItem.MAX_ITEMS));
    }
    Optional<NativeTileStore.Template> before = store.template();
    int current = before.map(NativeTileStore.Template::version).orElse(0);
    if (current != version) {
      throw new TileInputException("workbench.native.stale");
    }
    String agentId = display.agentId();
    display.setTemplate(
        items.stream()
            .map(i -> new WorkbenchPayloads.Item(i.label(), PLACEHOLDER, i.jumpUrl()))
            .toList());
    LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    if (!store.saveTemplate(agentId, items, true, version, actor.account(), now)) {
      throw new TileInputException("workbench.native.stale");
    }
    audit.record(
        actor,
        "WECOM_WORKBENCH_TEMPLATE",
        AuditObject.of("wecom_agent", agentId, "工作台自定义展示"),
        AuditDiff.between(before.map(t -> fields(t.items())).orElse(Map.of()), fields(items)));
    push.templateChanged();
    // Everyone's tile now needs their own numbers under the new labels.
    push.markAll(directory.activeAccounts());
  }

  private static Map<String, Object> fields(List<NativeTileItem> items) {
    Map<String, Object> f = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      NativeTileItem item = items.get(i);
      f.put("item" + (i + 1), item.label() + " = " + item.badgeKey() + " → " + item.jumpUrl());
    }
    return f;
  }
}
