package cn.edu.ntvu.workbench.portal.infrastructure;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.portal.application.TileStateStore;
import cn.edu.ntvu.workbench.portal.application.TilesChanged;
import cn.edu.ntvu.workbench.portal.domain.Banner;
import cn.edu.ntvu.workbench.portal.domain.TileState;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link TileStateStore} in {@code workbench_tile_state}, {@code workbench_banner} and {@code
 * workbench_tile_seen}. A change to a state or a banner bumps {@code
 * workbench_config.tiles_version} in the caller's transaction, so every server's cached tiles (and
 * states and banners with them) are read again.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JdbcTileStateStore implements TileStateStore {
  private static final String STATE =
      "SELECT tile_id, maintenance, maintenance_message, maintenance_from, maintenance_until,"
          + " new_since, visible_from, visible_until FROM workbench_tile_state";
  private static final String BANNER =
      "SELECT id, message, starts_at, ends_at, visible_everyone, visible_roles, visible_kinds,"
          + " visible_departments, visible_classes, visible_people, created_by, created_at"
          + " FROM workbench_banner";

  @Inject Sql sql;
  @Inject Event<TilesChanged> changed;

  @Override
  public Map<Long, TileState> states() {
    Map<Long, TileState> out = new HashMap<>();
    sql.query(STATE, JdbcTileStateStore::state).forEach(s -> out.put(s.tileId(), s));
    return out;
  }

  @Override
  public Optional<TileState> state(long tileId) {
    return sql.one(STATE + " WHERE tile_id = ?", JdbcTileStateStore::state, tileId);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void saveState(TileState s) {
    sql.onOneConnection(
        tx -> {
          if (s.isNone()) {
            tx.update("DELETE FROM workbench_tile_state WHERE tile_id = ?", s.tileId());
          } else {
            tx.update(
                "INSERT INTO workbench_tile_state (tile_id, maintenance, maintenance_message,"
                    + " maintenance_from, maintenance_until, new_since, visible_from, visible_until)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                    + " maintenance = VALUES(maintenance), maintenance_message = VALUES(maintenance_message),"
                    + " maintenance_from = VALUES(maintenance_from), maintenance_until = VALUES(maintenance_until),"
                    + " new_since = VALUES(new_since), visible_from = VALUES(visible_from),"
                    + " visible_until = VALUES(visible_until)",
                s.tileId(),
                s.maintenance(),
                s.maintenanceMessage(),
                s.maintenanceFrom(),
                s.maintenanceUntil(),
                s.newSince(),
                s.visibleFrom(),
                s.visibleUntil());
          }
          if (s.newSince() == null) {
            tx.update("DELETE FROM workbench_tile_seen WHERE tile_id = ?", s.tileId());
          } else {
            // marked new again later: who saw it before has not seen the news
            tx.update(
                "DELETE FROM workbench_tile_seen WHERE tile_id = ? AND seen_at < ?",
                s.tileId(),
                s.newSince());
          }
          bump(tx);
          return null;
        });
    changed.fire(new TilesChanged());
  }

  @Override
  public List<Banner> bannersNotOver(LocalDateTime now) {
    return sql.query(
        BANNER + " WHERE ends_at > ? ORDER BY starts_at, id", JdbcTileStateStore::banner, now);
  }

  @Override
  public List<Banner> latestBanners(int limit) {
    return sql.query(BANNER + " ORDER BY id DESC LIMIT ?", JdbcTileStateStore::banner, limit);
  }

  @Override
  public Optional<Banner> banner(long id) {
    return sql.one(BANNER + " WHERE id = ?", JdbcTileStateStore::banner, id);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public long insertBanner(Banner b) {
    Visibility v = b.audience();
    long id =
        sql.onOneConnection(
            tx -> {
              long newId =
                  tx.insert(
                      "INSERT INTO workbench_banner (message, starts_at, ends_at, visible_everyone,"
                          + " visible_roles, visible_kinds, visible_departments, visible_classes,"
                          + " visible_people, created_by, created_at)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      b.message(),
                      b.startsAt(),
                      b.endsAt(),
                      v.everyone(),
                      Visibility.join(v.roles()),
                      Visibility.join(v.kinds()),
                      Visibility.join(v.departments()),
                      Visibility.join(v.classes()),
                      Visibility.join(v.people()),
                      b.createdBy(),
                      b.createdAt());
              bump(tx);
              return newId;
            });
    changed.fire(new TilesChanged());
    return id;
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean endBanner(long id, LocalDateTime now) {
    int n =
        sql.onOneConnection(
            tx -> {
              int rows =
                  tx.update(
                      "UPDATE workbench_banner SET ends_at = ?,"
                          + " starts_at = LEAST(starts_at, ?) WHERE id = ? AND ends_at > ?",
                      now,
                      now,
                      id,
                      now);
              if (rows > 0) {
                bump(tx);
              }
              return rows;
            });
    if (n > 0) {
      changed.fire(new TilesChanged());
    }
    return n > 0;
  }

  @Override
  public Set<Long> seen(String account, Collection<Long> tileIds) {
    if (tileIds.isEmpty()) {
      return Set.of();
    }
    String marks = tileIds.stream().map(i -> "?").collect(Collectors.joining(","));
    Object[] args = new Object[tileIds.size() + 1];
    args[0] = account;
    int i = 1;
    for (Long id : tileIds) {
      args[i++] = id;
    }
    return new HashSet<>(
        sql.query(
            "SELECT tile_id FROM workbench_tile_seen WHERE account = ? AND tile_id IN ("
                + marks
                + ")",
            rs -> rs.getLong(1),
            args));
  }

  @Override
  public void markSeen(String account, long tileId, LocalDateTime now) {
    sql.update(
        "INSERT IGNORE INTO workbench_tile_seen (account, tile_id, seen_at) VALUES (?, ?, ?)",
        account,
        tileId,
        now);
  }

  @Override
  public int forgetSeenOfOldNews() {
    return sql.update(
        "DELETE s FROM workbench_tile_seen s LEFT JOIN workbench_tile_state t ON t.tile_id = s.tile_id"
            + " WHERE t.new_since IS NULL");
  }

  private static void bump(Sql.Tx tx) throws SQLException {
    tx.update("UPDATE workbench_config SET tiles_version = tiles_version + 1 WHERE id = 1");
  }

  private static TileState state(ResultSet rs) throws SQLException {
    return new TileState(
        rs.getLong(1),
        rs.getBoolean(2),
        rs.getString(3),
        Sql.time(rs, 4),
        Sql.time(rs, 5),
        Sql.time(rs, 6),
        date(rs.getDate(7)),
        date(rs.getDate(8)));
  }

  private static LocalDate date(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  private static Banner banner(ResultSet rs) throws SQLException {
    Set<Role> roles =
        Visibility.codes(rs.getString(6)).stream()
            .map(Role::parse)
            .filter(r -> r != null)
            .collect(Collectors.toSet());
    Set<PersonKind> kinds = new HashSet<>();
    for (String k : Visibility.codes(rs.getString(7))) {
      try {
        kinds.add(PersonKind.valueOf(k));
      } catch (IllegalArgumentException e) {
        // an unknown kind matches nobody
      }
    }
    Visibility v =
        new Visibility(
            rs.getBoolean(5),
            roles,
            kinds,
            Visibility.codes(rs.getString(8)),
            Visibility.codes(rs.getString(9)),
            Visibility.codes(rs.getString(10)));
    return new Banner(
        rs.getLong(1),
        rs.getString(2),
        Sql.time(rs, 3),
        Sql.time(rs, 4),
        v,
        rs.getString(11),
        Sql.time(rs, 12));
  }
}
