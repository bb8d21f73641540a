package cn.edu.ntvu.workbench.portal.infrastructure;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.portal.application.FavouriteStore;
import cn.edu.ntvu.workbench.portal.domain.Favourites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link FavouriteStore} in {@code workbench_favourite}, {@code workbench_favourite_default} and
 * {@code workbench_recent}. The home page's read is one statement (a UNION of the three); the
 * person's own changes run in a local transaction with the row locked; a default row is saved in
 * the caller's transaction, with its audit entry.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JdbcFavouriteStore implements FavouriteStore {
  /** Recent rows read for the home page: more than shown, as some may be tiles no longer seen. */
  static final int RECENT_READ = 16;

  @Inject Sql sql;
  @Inject java.time.Clock clock;

  public JdbcFavouriteStore() {}

  JdbcFavouriteStore(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Personal personal(String account) {
    Optional<List<Long>> own = Optional.empty();
    Map<String, List<Long>> defaults = new LinkedHashMap<>();
    List<Object[]> recent = new ArrayList<>(); // tile id, opened at
    // One typed column per kind of value: a UNION of string literals and columns of different
    // collations is refused by MariaDB (1271).
    for (Object[] r :
        sql.rows(
            "SELECT 1, tile_ids, NULL, NULL, NULL FROM workbench_favourite WHERE account = ?"
                + " UNION ALL SELECT 2, tile_ids, audience, NULL, NULL FROM workbench_favourite_default"
                + " UNION ALL (SELECT 3, NULL, NULL, tile_id, opened_at FROM workbench_recent"
                + " WHERE account = ? ORDER BY opened_at DESC LIMIT "
                + RECENT_READ
                + ")",
            account,
            account)) {
      switch (Sql.num(r[0])) {
        case 1 -> own = Optional.of(Favourites.parse(Sql.str(r[1])));
        case 2 -> defaults.put(Sql.str(r[2]), Favourites.parse(Sql.str(r[1])));
        default -> recent.add(new Object[] {Sql.lng(r[3]), Sql.time(r[4])});
      }
    }
    // A UNION need not keep its part's order: newest first again here.
    recent.sort(
        (a, b) -> ((java.time.LocalDateTime) b[1]).compareTo((java.time.LocalDateTime) a[1]));
    return new Personal(own, defaults, recent.stream().map(a -> (Long) a[0]).toList());
  }

  @Override
  public List<Long> changeOwn(String account, Function<Optional<List<Long>>, List<Long>> change) {
    return sql.inLocalTransaction(
        tx -> {
          List<String> rows =
              tx.query(
                  "SELECT tile_ids FROM workbench_favourite WHERE account = ? FOR UPDATE",
                  rs -> rs.getString(1),
                  account);
          Optional<List<Long>> own =
              rows.isEmpty() ? Optional.empty() : Optional.of(Favourites.parse(rows.get(0)));
          List<Long> next = change.apply(own);
          if (own.isEmpty() || !own.get().equals(next)) {
            tx.update(
                "INSERT INTO workbench_favourite (account, tile_ids, updated_at) VALUES (?, ?, ?)"
                    + " ON DUPLICATE KEY UPDATE tile_ids = VALUES(tile_ids),"
                    + " updated_at = VALUES(updated_at)",
                account,
                Favourites.format(next),
                LocalDateTime.now(clock));
          }
          return next;
        });
  }

  @Override
  public Map<String, List<Long>> defaults() {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    sql.query(
        "SELECT audience, tile_ids FROM workbench_favourite_default ORDER BY audience",
        rs -> out.put(rs.getString(1), Favourites.parse(rs.getString(2))));
    return out;
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void saveDefault(String audience, List<Long> ids, String actor, LocalDateTime at) {
    if (ids.isEmpty()) {
      sql.update("DELETE FROM workbench_favourite_default WHERE audience = ?", audience);
      return;
    }
    sql.update(
        "INSERT INTO workbench_favourite_default (audience, tile_ids, updated_by, updated_at)"
            + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE tile_ids = VALUES(tile_ids),"
            + " updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)",
        audience,
        Favourites.format(ids),
        actor,
        Sql.ts(at));
  }

  @Override
  public void opened(String account, long tileId, LocalDateTime at) {
    sql.update(
        "INSERT INTO workbench_recent (account, tile_id, opened_at) VALUES (?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE opened_at = VALUES(opened_at)",
        account,
        tileId,
        Sql.ts(at));
  }
}
