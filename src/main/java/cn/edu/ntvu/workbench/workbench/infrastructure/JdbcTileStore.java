package cn.edu.ntvu.workbench.workbench.infrastructure;

import cn.edu.ntvu.workbench.identity.domain.PersonKind;
import cn.edu.ntvu.workbench.identity.domain.Role;
import cn.edu.ntvu.workbench.workbench.application.StaleTileException;
import cn.edu.ntvu.workbench.workbench.application.TileStore;
import cn.edu.ntvu.workbench.workbench.application.TilesChanged;
import cn.edu.ntvu.workbench.workbench.domain.DepartmentTree;
import cn.edu.ntvu.workbench.workbench.domain.Scene;
import cn.edu.ntvu.workbench.workbench.domain.Tile;
import cn.edu.ntvu.workbench.workbench.domain.TileKind;
import cn.edu.ntvu.workbench.workbench.domain.Visibility;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * {@link TileStore} in tables {@code workbench_tile} and {@code workbench_config}, in plain JDBC. Reads run outside
 * any transaction; every change runs in the caller's JTA transaction (so the audit entry commits with it) and bumps
 * {@code workbench_config.tiles_version}. A save carries the version it was read at ({@code UPDATE … WHERE version =
 * ?}): a stale save changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JdbcTileStore implements TileStore {
  private static final String COLUMNS =
      "SELECT id, scene, position, name, description, icon, kind, target, enabled, badge_key, visible_everyone,"
          + " visible_roles, visible_kinds, visible_departments, visible_classes, visible_people, version,"
          + " updated_by, updated_at FROM workbench_tile";

  /** A new tile: scene, position, then the 13 columns of {@link #fill}, then who and when; version 0. */
  private static final String INSERT =
      "INSERT INTO workbench_tile (scene, position, name, description, icon, kind, target, enabled,"
          + " badge_key, visible_everyone, visible_roles, visible_kinds, visible_departments,"
          + " visible_classes, visible_people, version, updated_by, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";

  @Resource(lookup = "java:app/jdbc/workbench")
  DataSource dataSource;

  @Inject Event<TilesChanged> changed;

  /** "已被 X 于 … 修改" shows when: the school clock's time, not the database server's. */
  @Inject Clock clock;

  @Override
  public Stamp stamp() {
    String sql =
        "SELECT (SELECT tiles_version FROM workbench_config WHERE id = 1),"
            + " (SELECT CONCAT(COUNT(*), '/', COALESCE(MAX(updated_at), ''), '/', COALESCE(SUM(id), 0)) FROM department)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new Stamp(rs.getLong(1), rs.getString(2));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Tile> all() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(COLUMNS + " ORDER BY scene, position, id");
        ResultSet rs = ps.executeQuery()) {
      List<Tile> out = new ArrayList<>();
      while (rs.next()) {
        out.add(tile(rs));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Optional<Tile> byId(long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(tile(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public DepartmentTree departments() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT d.code, p.code FROM department d LEFT JOIN department p ON p.id = d.parent_id");
        ResultSet rs = ps.executeQuery()) {
      Map<String, String> parents = new HashMap<>();
      while (rs.next()) {
        parents.put(rs.getString(1), rs.getString(2));
      }
      return new DepartmentTree(parents);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public long insert(Tile t, String actor) {
    return inTransaction(
        c -> {
          int position;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COALESCE(MAX(position), -1) + 1 FROM workbench_tile WHERE scene = ?")) {
            ps.setString(1, t.scene().name());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              position = rs.getInt(1);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  INSERT, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, t.scene().name());
            ps.setInt(2, position);
            int i = fill(ps, 3, t);
            ps.setString(i++, actor);
            ps.setTimestamp(i, now());
            ps.executeUpdate();
            bump(c);
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              return keys.getLong(1);
            }
          }
        });
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void update(Tile t, String actor) {
    inTransaction(
        c -> {
          Optional<Tile> before = byIdOn(c, t.id());
          if (before.isEmpty()) {
            throw new StaleTileException(null, null);
          }
          boolean sceneChanged = before.get().scene() != t.scene();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE workbench_tile SET name = ?, description = ?, icon = ?, kind = ?, target = ?, enabled = ?,"
                      + " badge_key = ?, visible_everyone = ?, visible_roles = ?, visible_kinds = ?,"
                      + " visible_departments = ?, visible_classes = ?, visible_people = ?, updated_by = ?,"
                      + " updated_at = ?, version = version + 1, scene = ?,"
                      + " position = IF(?, (SELECT p FROM (SELECT COALESCE(MAX(position), -1) + 1 AS p"
                      + " FROM workbench_tile WHERE scene = ?) AS m), position)"
                      + " WHERE id = ? AND version = ?")) {
            int i = fill(ps, 1, t);
            ps.setString(i++, actor);
            ps.setTimestamp(i++, now());
            ps.setString(i++, t.scene().name());
            ps.setBoolean(i++, sceneChanged);
            ps.setString(i++, t.scene().name());
            ps.setLong(i++, t.id());
            ps.setInt(i, t.version());
            if (ps.executeUpdate() == 0) {
              throw stale(c, t.id());
            }
          }
          bump(c);
          return null;
        });
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void delete(long id, int version) {
    inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM workbench_tile WHERE id = ? AND version = ?")) {
            ps.setLong(1, id);
            ps.setInt(2, version);
            if (ps.executeUpdate() == 0) {
              throw stale(c, id);
            }
          }
          bump(c);
          return null;
        });
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean move(long id, boolean up, String actor) {
    return inTransaction(
        c -> {
          Optional<Tile> self = byIdOn(c, id);
          if (self.isEmpty()) {
            throw new StaleTileException(null, null);
          }
          Tile t = self.get();
          String neighbourSql =
              "SELECT id, position FROM workbench_tile WHERE scene = ? AND "
                  + (up ? "position < ? ORDER BY position DESC, id DESC" : "position > ? ORDER BY position, id")
                  + " LIMIT 1 FOR UPDATE";
          long otherId;
          int otherPos;
          try (PreparedStatement ps = c.prepareStatement(neighbourSql)) {
            ps.setString(1, t.scene().name());
            ps.setInt(2, t.position());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return false;
              }
              otherId = rs.getLong(1);
              otherPos = rs.getInt(2);
            }
          }
          setPosition(c, id, otherPos, actor, now());
          setPosition(c, otherId, t.position(), actor, now());
          bump(c);
          return true;
        });
  }

  private Timestamp now() {
    return Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
  }

  private static void setPosition(Connection c, long id, int position, String actor, Timestamp at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE workbench_tile SET position = ?, version = version + 1, updated_by = ?,"
                + " updated_at = ? WHERE id = ?")) {
      ps.setInt(1, position);
      ps.setString(2, actor);
      ps.setTimestamp(3, at);
      ps.setLong(4, id);
      ps.executeUpdate();
    }
  }

  /** Who changed the tile last, by name and account as admins know them (e.g. 孟勇兰（10857）). */
  private StaleTileException stale(Connection c, long id) throws SQLException {
    Optional<Tile> now = byIdOn(c, id);
    if (now.isEmpty()) {
      return new StaleTileException(null, null);
    }
    String who = now.get().updatedBy();
    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM person WHERE account = ?")) {
      ps.setString(1, who);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          who = rs.getString(1) + "（" + who + "）";
        }
      }
    }
    return new StaleTileException(who, now.get().updatedAt());
  }

  private static Optional<Tile> byIdOn(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(tile(rs)) : Optional.empty();
      }
    }
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean replaceAll(List<Tile> tiles, long expectedVersion, String actor) {
    return inTransaction(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT tiles_version FROM workbench_config WHERE id = 1 FOR UPDATE");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) != expectedVersion) {
              return false;
            }
          }
          try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM workbench_tile");
          }
          Map<Scene, Integer> next = new java.util.EnumMap<>(Scene.class);
          Timestamp at = now();
          try (PreparedStatement ps =
              c.prepareStatement(
                  INSERT)) {
            for (Tile t : tiles) {
              ps.setString(1, t.scene().name());
              ps.setInt(2, next.merge(t.scene(), 1, Integer::sum) - 1);
              int i = fill(ps, 3, t);
              ps.setString(i++, actor);
              ps.setTimestamp(i, at);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          bump(c);
          return true;
        });
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void saveIcon(String name, byte[] png, String actor, java.time.LocalDateTime now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO workbench_icon (name, png, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE uploaded_at = VALUES(uploaded_at)")) {
      ps.setString(1, name);
      ps.setBytes(2, png);
      ps.setString(3, actor);
      ps.setTimestamp(4, Timestamp.valueOf(now));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean touchIcon(String name, java.time.LocalDateTime now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE workbench_icon SET uploaded_at = ? WHERE name = ?")) {
      ps.setTimestamp(1, Timestamp.valueOf(now));
      ps.setString(2, name);
      // Matched rows (the driver's default), so an icon touched twice in the same millisecond still counts.
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * First the candidates, read without locks; then each deleted by its key only while it is still old: a tile save
   * that touched it meanwhile ({@link #touchIcon}) keeps it. A single DELETE with the tile check inside would lock
   * every icon and tile row it scans and could deadlock with a save.
   */
  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public int removeUnusedIcons(java.time.LocalDateTime before, int limit) {
    try (Connection c = dataSource.getConnection()) {
      List<String> names = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT name FROM workbench_icon i WHERE uploaded_at < ?"
          + " AND NOT EXISTS (SELECT 1 FROM workbench_tile t WHERE t.icon = i.name) LIMIT " + limit)) {
        ps.setTimestamp(1, Timestamp.valueOf(before));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            names.add(rs.getString(1));
          }
        }
      }
      int removed = 0;
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM workbench_icon WHERE name = ? AND uploaded_at < ?")) {
        for (String name : names) {
          ps.setString(1, name);
          ps.setTimestamp(2, Timestamp.valueOf(before));
          removed += ps.executeUpdate();
        }
      }
      return removed;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Optional<byte[]> icon(String name) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT png FROM workbench_icon WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<String> iconNames() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT name FROM workbench_icon ORDER BY uploaded_at DESC, name LIMIT 200");
        ResultSet rs = ps.executeQuery()) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void bump(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE workbench_config SET tiles_version = tiles_version + 1 WHERE id = 1")) {
      ps.executeUpdate();
    }
  }

  /** Sets name … visible_people (13 parameters) from {@code first}; returns the next index. */
  private static int fill(PreparedStatement ps, int first, Tile t) throws SQLException {
    int i = first;
    Visibility v = t.visibility();
    ps.setString(i++, t.name());
    ps.setString(i++, t.description());
    ps.setString(i++, t.icon());
    ps.setString(i++, t.kind().name());
    ps.setString(i++, t.target());
    ps.setBoolean(i++, t.enabled());
    ps.setString(i++, t.badgeKey());
    ps.setBoolean(i++, v.everyone());
    ps.setString(i++, Visibility.join(v.roles()));
    ps.setString(i++, Visibility.join(v.kinds()));
    ps.setString(i++, Visibility.join(v.departments()));
    ps.setString(i++, Visibility.join(v.classes()));
    ps.setString(i++, Visibility.join(v.people()));
    return i;
  }

  private static Tile tile(ResultSet rs) throws SQLException {
    Set<Role> roles =
        Visibility.codes(rs.getString(12)).stream().map(Role::parse).filter(r -> r != null).collect(Collectors.toSet());
    Set<PersonKind> kinds =
        Visibility.codes(rs.getString(13)).stream()
            .flatMap(k -> { try { return java.util.stream.Stream.of(PersonKind.valueOf(k)); }
                            catch (IllegalArgumentException e) { return java.util.stream.Stream.empty(); } })
            .collect(Collectors.toSet());
    Visibility v =
        new Visibility(
            rs.getBoolean(11), roles, kinds, Visibility.codes(rs.getString(14)), Visibility.codes(rs.getString(15)),
            Visibility.codes(rs.getString(16)));
    Timestamp at = rs.getTimestamp(19);
    return new Tile(
        rs.getLong(1), Scene.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4), rs.getString(5),
        rs.getString(6), TileKind.valueOf(rs.getString(7)), rs.getString(8), rs.getBoolean(9), rs.getString(10), v,
        rs.getInt(17), rs.getString(18), at == null ? null : at.toInstant());
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs a change on the connection enlisted in the caller's transaction, which commits or rolls back. */
  private <T> T inTransaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      T result = work.run(c);
      changed.fire(new TilesChanged());
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
