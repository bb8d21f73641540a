package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.portal.domain.Banner;
import cn.edu.ntvu.workbench.portal.domain.TileState;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Admin changes to tile states and banners, each in one transaction with its audit entry (issue
 * 21).
 */
@Requires(roles = Role.ADMIN)
@ApplicationScoped
@Transactional
public class TileStateAdmin {
  @Inject TileStateStore store;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  public LocalDateTime now() {
    return LocalDateTime.now(clock);
  }

  /** Every tile's state that has anything set, by tile id. */
  public Map<Long, TileState> states() {
    return store.states();
  }

  public Optional<TileState> state(long tileId) {
    return store.state(tileId);
  }

  /** Saves a tile's state (already {@link TileState#checked}); 新 keeps its first marking time. */
  public void saveState(TileState state, boolean markedNew, String tileName, AuditActor actor) {
    Optional<TileState> before = store.state(state.tileId());
    TileState s = state.markedNew(markedNew, before.orElse(null), now());
    if (before.orElse(TileState.none(state.tileId())).equals(s)) {
      return;
    }
    store.saveState(s);
    audit.record(
        actor,
        "TILE_STATE",
        AuditObject.of("tile", state.tileId(), tileName == null ? "" : tileName),
        AuditDiff.between(before.map(TileStateAdmin::fields).orElse(Map.of()), fields(s)));
  }

  public List<Banner> latestBanners() {
    return store.latestBanners(50);
  }

  /** Publishes a banner (already {@link Banner#checked}) and returns its id. */
  public long publish(Banner banner, AuditActor actor) {
    Banner b =
        new Banner(
            0,
            banner.message(),
            banner.startsAt(),
            banner.endsAt(),
            banner.audience(),
            actor.account(),
            now());
    long id = store.insertBanner(b);
    audit.record(
        actor,
        "BANNER_PUBLISH",
        AuditObject.of("banner", id, b.message()),
        AuditDiff.created(fields(b)));
    return id;
  }

  /** Ends a banner now; false when it was already over or is gone. */
  public boolean end(long id, AuditActor actor) {
    Optional<Banner> before = store.banner(id);
    LocalDateTime now = now();
    if (before.isEmpty() || !store.endBanner(id, now)) {
      return false;
    }
    audit.record(
        actor,
        "BANNER_END",
        AuditObject.of("banner", id, before.get().message()),
        AuditDiff.between(
            Map.of("endsAt", before.get().endsAt().toString()), Map.of("endsAt", now.toString())));
    return true;
  }

  static Map<String, Object> fields(TileState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("maintenance", s.maintenance());
    m.put("maintenanceMessage", s.maintenanceMessage());
    m.put("maintenanceFrom", str(s.maintenanceFrom()));
    m.put("maintenanceUntil", str(s.maintenanceUntil()));
    m.put("newSince", str(s.newSince()));
    m.put("visibleFrom", str(s.visibleFrom()));
    m.put("visibleUntil", str(s.visibleUntil()));
    return m;
  }

  static Map<String, Object> fields(Banner b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message", b.message());
    m.put("startsAt", b.startsAt().toString());
    m.put("endsAt", b.endsAt().toString());
    Visibility v = b.audience();
    m.put("visibleToEveryone", v.everyone());
    if (!v.everyone()) {
      m.put("visibleRoles", Visibility.join(v.roles()));
      m.put("visibleKinds", Visibility.join(v.kinds()));
      m.put("visibleDepartments", Visibility.join(v.departments()));
      m.put("visibleClasses", Visibility.join(v.classes()));
      m.put("visiblePeople", Visibility.join(v.people()));
    }
    return m;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
