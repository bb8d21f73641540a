package cn.edu.ntvu.workbench.portal.infrastructure;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.portal.application.StaleTileException;
import cn.edu.ntvu.workbench.portal.application.TileStore;
import cn.edu.ntvu.workbench.portal.application.TilesChanged;
import cn.edu.ntvu.workbench.portal.domain.DepartmentTree;
import cn.edu.ntvu.workbench.portal.domain.Scene;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import cn.edu.ntvu.workbench.portal.domain.TileKind;
import cn.edu.ntvu.workbench.portal.domain.TileTexts;
import cn.edu.ntvu.workbench.portal.domain.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
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

/**
 * {@link TileStore} in tables {@code workbench_tile} and {@code workbench_config}, in SQL through
 * {@link Sql}. Reads run outside any transaction; every change runs in the caller's JTA transaction
 * (so the audit entry commits with it) and bumps {@code workbench_config.tiles_version}. A save
 * carries the version it was read at ({@code UPDATE … WHERE version = ?}): a stale save changes
 * nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JdbcTileStore implements TileStore {
  private static final String COLUMNS =
      "SELECT id, scene, position, name, description, icon, kind, target, enabled, badge_key, visible_everyone,"
          + " visible_roles, visible_kinds, visible_departments, visible_classes, visible_people, version,"
          + " updated_by, updated_at, name_en, description_en, description_students, description_students_en,"
          + " keywords FROM workbench_tile";

  /**
   * A new tile: scene, position, then the 13 columns of {@link #fill}, then who and when; version
   * 0.
   */
  private static final String INSERT =
      "INSERT INTO workbench_tile (scene, position, name, description, icon, kind, target, enabled,"
          + " badge_key, visible_everyone, visible_roles, visible_kinds, visible_departments,"
          + " visible_classes, visible_people, name_en, description_en, description_students,"
          + " description_students_en, keywords, version, updated_by, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";

  /**
   * The home page reads through here on every request: no transaction, no EntityManager, one
   * statement.
   */
  @Inject Sql sql;

  @Inject Event<TilesChanged> changed;

  /** "已被 X 于 … 修改" shows when: the school clock's time, not the database server's. */
  @Inject Clock clock;

  @Override
  public Stamp stamp() {
    return sql.one(
            "SELECT (SELECT tiles_version FROM workbench_config WHERE id = 1),"
                + " (SELECT CONCAT(COUNT(*), '/', COALESCE(MAX(updated_at), ''), '/', COALESCE(SUM(id), 0))"
                + " FROM department)",
            rs -> new Stamp(rs.getLong(1), rs.getString(2)))
        .orElseThrow();
  }

  @Override
  public List<Tile> all() {
    return sql.query(COLUMNS + " ORDER BY scene, position, id", JdbcTileStore::tile);
  }

  @Override
  public Optional<Tile> byId(long id) {
    return sql.one(COLUMNS + " WHERE id = ?", JdbcTileStore::tile, id);
  }

  @Override
  public DepartmentTree departments() {
    Map<String, String> parents = new HashMap<>();
    sql.query(
        "SELECT d.code, p.code FROM department d LEFT JOIN department p ON p.id = d.parent_id",
        rs -> parents.put(rs.getString(1), rs.getString(2)));
    return new DepartmentTree(parents);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public long insert(Tile t, String actor) {
    return change(
        tx -> {
          int position =
              tx.query(
                      "SELECT COALESCE(MAX(position), -1) + 1 FROM workbench_tile WHERE scene = ?",
                      rs -> rs.getInt(1),
                      t.scene())
                  .get(0);
          long id = tx.insert(INSERT, insertArgs(t, position, actor, now()));
          bump(tx);
          return id;
        });
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void update(Tile t, String actor) {
    change(
        tx -> {
          Optional<Tile> before = byIdOn(tx, t.id());
          if (before.isEmpty()) {
            throw new StaleTileException(null, null);
          }
          boolean sceneChanged = before.get().scene() != t.scene();
          List<Object> args = new ArrayList<>(fill(t));
          args.addAll(
              List.of(actor, now(), t.scene(), sceneChanged, t.scene(), t.id(), t.version()));
          int n =
              tx.update(
                  "UPDATE workbench_tile SET name = ?, description = ?, icon = ?, kind = ?, target = ?, enabled = ?,"
                      + " badge_key = ?, visible_everyone = ?, visible_roles = ?, visible_kinds = ?,"
                      + " visible_departments = ?, visible_classes = ?, visible_people = ?,"
                      + " name_en = ?, description_en = ?, description_students = ?,"
                      + " description_students_en = ?, keywords = ?, updated_by = ?,"
                      + " updated_at = ?, version = version + 1, scene = ?,"
                      + " position = IF(?, (SELECT p FROM (SELECT COALESCE(MAX(position), -1) + 1 AS p"
                      + " FROM workbench_tile WHERE scene = ?) AS m), position)"
                      + " WHERE id = ? AND version = ?",
                  args.toArray());
          if (n == 0) {
            throw stale(tx, t.id());
          }
          bump(tx);
          return null;
        });
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void delete(long id, int version) {
    change(
        tx -> {
          if (tx.update("DELETE FROM workbench_tile WHERE id = ? AND version = ?", id, version)
              == 0) {
            throw stale(tx, id);
          }
          bump(tx);
          return null;
        });
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean move(long id, boolean up, String actor) {
    return change(
        tx -> {
          Optional<Tile> self = byIdOn(tx, id);
          if (self.isEmpty()) {
            throw new StaleTileException(null, null);
          }
          Tile t = self.get();
          List<long[]> neighbour =
              tx.query(
                  "SELECT id, position FROM workbench_tile WHERE scene = ? AND "
                      + (up
                          ? "position < ? ORDER BY position DESC, id DESC"
                          : "position > ? ORDER BY position, id")
                      + " LIMIT 1 FOR UPDATE",
                  rs -> new long[] {rs.getLong(1), rs.getInt(2)},
                  t.scene(),
                  t.position());
          if (neighbour.isEmpty()) {
            return false;
          }
          long otherId = neighbour.get(0)[0];
          int otherPos = (int) neighbour.get(0)[1];
          setPosition(tx, id, otherPos, actor, now());
          setPosition(tx, otherId, t.position(), actor, now());
          bump(tx);
          return true;
        });
  }

  private Timestamp now() {
    return Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
  }

  private static void setPosition(Sql.Tx tx, long id, int position, String actor, Timestamp at)
      throws SQLException {
    tx.update(
        "UPDATE workbench_tile SET position = ?, version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?",
        position,
        actor,
        at,
        id);
  }

  /** Who changed the tile last, by name and account as admins know them (e.g. 孟勇兰（10857）). */
  private static StaleTileException stale(Sql.Tx tx, long id) throws SQLException {
    Optional<Tile> now = byIdOn(tx, id);
    if (now.isEmpty()) {
      return new StaleTileException(null, null);
    }
    String account = now.get().updatedBy();
    String who =
        tx
            .query("SELECT name FROM person WHERE account = ?", rs -> rs.getString(1), account)
            .stream()
            .findFirst()
            .map(name -> name + "（" + account + "）")
            .orElse(account);
    return new StaleTileException(who, now.get().updatedAt());
  }

  private static Optional<Tile> byIdOn(Sql.Tx tx, long id) throws SQLException {
    return tx.query(COLUMNS + " WHERE id = ? FOR UPDATE", JdbcTileStore::tile, id).stream()
        .findFirst();
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean replaceAll(List<Tile> tiles, long expectedVersion, String actor) {
    return change(
        tx -> {
          long version =
              tx.query(
                      "SELECT tiles_version FROM workbench_config WHERE id = 1 FOR UPDATE",
                      rs -> rs.getLong(1))
                  .get(0);
          if (version != expectedVersion) {
            return false;
          }
          tx.update("DELETE FROM workbench_tile");
          Map<Scene, Integer> next = new java.util.EnumMap<>(Scene.class);
          Timestamp at = now();
          List<Object[]> rows = new ArrayList<>();
          for (Tile t : tiles) {
            rows.add(insertArgs(t, next.merge(t.scene(), 1, Integer::sum) - 1, actor, at));
          }
          tx.batch(INSERT, rows);
          bump(tx);
          return true;
        });
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void saveIcon(String name, byte[] png, String actor, java.time.LocalDateTime now) {
    sql.update(
        "INSERT INTO workbench_icon (name, png, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE uploaded_at = VALUES(uploaded_at)",
        name,
        png,
        actor,
        now);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean touchIcon(String name, java.time.LocalDateTime now) {
    // Matched rows (the driver's default), so an icon touched twice in the same millisecond still
    // counts.
    return sql.update("UPDATE workbench_icon SET uploaded_at = ? WHERE name = ?", now, name) == 1;
  }

  /**
   * First the candidates, read without locks; then each deleted by its key only while it is still
   * old: a tile save that touched it meanwhile ({@link #touchIcon}) keeps it. A single DELETE with
   * the tile check inside would lock every icon and tile row it scans and could deadlock with a
   * save.
   */
  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public int removeUnusedIcons(java.time.LocalDateTime before, int limit) {
    return sql.onOneConnection(
        tx -> {
          List<String> names =
              tx.query(
                  "SELECT name FROM workbench_icon i WHERE uploaded_at < ?"
                      + " AND NOT EXISTS (SELECT 1 FROM workbench_tile t WHERE t.icon = i.name) LIMIT "
                      + limit,
                  rs -> rs.getString(1),
                  before);
          int removed = 0;
          for (String name : names) {
            removed +=
                tx.update(
                    "DELETE FROM workbench_icon WHERE name = ? AND uploaded_at < ?", name, before);
          }
          return removed;
        });
  }

  @Override
  public Optional<byte[]> icon(String name) {
    return sql.one("SELECT png FROM workbench_icon WHERE name = ?", rs -> rs.getBytes(1), name);
  }

  @Override
  public List<String> iconNames() {
    return sql.query(
        "SELECT name FROM workbench_icon ORDER BY uploaded_at DESC, name LIMIT 200",
        rs -> rs.getString(1));
  }

  private static void bump(Sql.Tx tx) throws SQLException {
    tx.update("UPDATE workbench_config SET tiles_version = tiles_version + 1 WHERE id = 1");
  }

  /** The arguments of {@link #INSERT}. */
  private static Object[] insertArgs(Tile t, int position, String actor, Timestamp at) {
    List<Object> args = new ArrayList<>();
    args.add(t.scene());
    args.add(position);
    args.addAll(fill(t));
    args.add(actor);
    args.add(at);
    return args.toArray();
  }

  /**
   * name … visible_people, then the four texts and the keywords: the 18 columns a tile's content
   * fills.
   */
  private static List<Object> fill(Tile t) {
    Visibility v = t.visibility();
    return java.util.Arrays.asList(
        t.name(),
        t.description(),
        t.icon(),
        t.kind(),
        t.target(),
        t.enabled(),
        t.badgeKey(),
        v.everyone(),
        Visibility.join(v.roles()),
        Visibility.join(v.kinds()),
        Visibility.join(v.departments()),
        Visibility.join(v.classes()),
        Visibility.join(v.people()),
        t.texts().nameEn(),
        t.texts().descriptionEn(),
        t.texts().studentDescription(),
        t.texts().studentDescriptionEn(),
        t.texts().keywords());
  }

  private static Tile tile(ResultSet rs) throws SQLException {
    Set<Role> roles =
        Visibility.codes(rs.getString(12)).stream()
            .map(Role::parse)
            .filter(r -> r != null)
            .collect(Collectors.toSet());
    Set<PersonKind> kinds =
        Visibility.codes(rs.getString(13)).stream()
            .flatMap(
                k -> {
                  try {
                    return java.util.stream.Stream.of(PersonKind.valueOf(k));
                  } catch (IllegalArgumentException e) {
                    return java.util.stream.Stream.empty();
                  }
                })
            .collect(Collectors.toSet());
    Visibility v =
        new Visibility(
            rs.getBoolean(11),
            roles,
            kinds,
            Visibility.codes(rs.getString(14)),
            Visibility.codes(rs.getString(15)),
            Visibility.codes(rs.getString(16)));
    Timestamp at = rs.getTimestamp(19);
    return new Tile(
        rs.getLong(1),
        Scene.valueOf(rs.getString(2)),
        rs.getInt(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        TileKind.valueOf(rs.getString(7)),
        rs.getString(8),
        rs.getBoolean(9),
        rs.getString(10),
        v,
        rs.getInt(17),
        rs.getString(18),
        at == null ? null : at.toInstant(),
        new TileTexts(
            rs.getString(20),
            rs.getString(21),
            rs.getString(22),
            rs.getString(23),
            rs.getString(24)));
  }

  /**
   * Runs a change on one connection, enlisted in the caller's transaction (which commits or rolls
   * back).
   */
  private <T> T change(Sql.Work<T> work) {
    T result = sql.onOneConnection(work);
    changed.fire(new TilesChanged());
    return result;
  }
}
