package cn.edu.ntvu.workbench.portal.infrastructure;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.platform.time.RecentRun;
import cn.edu.ntvu.workbench.portal.application.NativeTileStore;
import cn.edu.ntvu.workbench.portal.domain.NativeTileItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link NativeTileStore} in tables {@code workbench_native_template}, {@code
 * workbench_native_dirty}, {@code workbench_native_pushed} and {@code workbench_native_job} (V56).
 */
@ApplicationScoped
public class SqlNativeTileStore implements NativeTileStore {
  private static final int IN_CHUNK = 500;

  /** The row of workbench_native_job that holds the next free call slot. */
  static final String SLOTS = "slots";

  @Inject Sql sql;

  @Override
  public Optional<Template> template() {
    return sql.one(
        "SELECT agent_id, items, enabled, version, updated_by, updated_at"
            + " FROM workbench_native_template ORDER BY agent_id LIMIT 1",
        rs ->
            new Template(
                rs.getString(1),
                items(rs.getString(2)),
                rs.getBoolean(3),
                rs.getInt(4),
                rs.getString(5),
                Sql.time(rs, 6)));
  }

  @Override
  public boolean saveTemplate(
      String agentId,
      List<NativeTileItem> items,
      boolean enabled,
      int version,
      String by,
      LocalDateTime at) {
    String json = json(items);
    if (version == 0) {
      // No generated key here: one row made, or none (another admin's first save).
      return sql.update(
              "INSERT IGNORE INTO workbench_native_template"
                  + " (agent_id, items, enabled, version, updated_by, updated_at)"
                  + " VALUES (?, ?, ?, 1, ?, ?)",
              agentId,
              json,
              enabled,
              by,
              Sql.ts(at))
          == 1;
    }
    return sql.update(
            "UPDATE workbench_native_template SET items = ?, enabled = ?, version = version + 1,"
                + " updated_by = ?, updated_at = ? WHERE agent_id = ? AND version = ?",
            json,
            enabled,
            by,
            Sql.ts(at),
            agentId,
            version)
        == 1;
  }

  @Override
  public void markDirty(Collection<String> userids, LocalDateTime due) {
    if (userids.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>();
    for (String u : userids) {
      rows.add(new Object[] {u, Sql.ts(due)});
    }
    // The earlier due time stays: a person marked again within the window is pushed once; one
    // whose mark is held by a server counting them (a lease, later) is due again after the window.
    sql.batch(
        "INSERT INTO workbench_native_dirty (userid, due_at) VALUES (?, ?)"
            + " ON DUPLICATE KEY UPDATE due_at = LEAST(due_at, VALUES(due_at))",
        rows);
  }

  @Override
  public List<String> takeDue(LocalDateTime now, int limit, LocalDateTime leaseUntil) {
    return sql.inLocalTransaction(
        tx -> {
          List<String> due =
              tx.query(
                  "SELECT userid FROM workbench_native_dirty WHERE due_at <= ?"
                      + " ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED",
                  rs -> rs.getString(1),
                  Sql.ts(now),
                  limit);
          for (int from = 0; from < due.size(); from += IN_CHUNK) {
            List<String> chunk = due.subList(from, Math.min(due.size(), from + IN_CHUNK));
            Object[] args = new Object[chunk.size() + 1];
            args[0] = Sql.ts(leaseUntil);
            System.arraycopy(chunk.toArray(), 0, args, 1, chunk.size());
            tx.update(
                "UPDATE workbench_native_dirty SET due_at = ? WHERE userid IN ("
                    + marks(chunk.size())
                    + ")",
                args);
          }
          return due;
        });
  }

  @Override
  public void releaseTaken(Collection<String> userids, LocalDateTime leaseUntil) {
    List<String> all = new ArrayList<>(userids);
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
      Object[] args = new Object[chunk.size() + 1];
      System.arraycopy(chunk.toArray(), 0, args, 0, chunk.size());
      args[chunk.size()] = Sql.ts(leaseUntil);
      sql.update(
          "DELETE FROM workbench_native_dirty WHERE userid IN ("
              + marks(chunk.size())
              + ") AND due_at = ?",
          args);
    }
  }

  @Override
  public long waiting() {
    return ((Number) sql.value("SELECT COUNT(*) FROM workbench_native_dirty")).longValue();
  }

  @Override
  public Map<String, Pushed> pushed(Collection<String> userids) {
    Map<String, Pushed> out = new HashMap<>();
    List<String> all = new ArrayList<>(userids);
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
      for (Pushed p :
          sql.query(
              "SELECT userid, agent_id, shown, message_key FROM workbench_native_pushed"
                  + " WHERE userid IN ("
                  + marks(chunk.size())
                  + ")",
              rs -> new Pushed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
              chunk.toArray())) {
        out.put(p.userid(), p);
      }
    }
    return out;
  }

  @Override
  public void recordPushed(Collection<Pushed> pushed, LocalDateTime at) {
    List<Object[]> rows = new ArrayList<>();
    for (Pushed p : pushed) {
      rows.add(new Object[] {p.userid(), p.agentId(), p.shown(), p.messageKey(), Sql.ts(at)});
    }
    if (!rows.isEmpty()) {
      sql.batch(
          "INSERT INTO workbench_native_pushed (userid, agent_id, shown, message_key, pushed_at)"
              + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE agent_id = VALUES(agent_id),"
              + " shown = VALUES(shown), message_key = VALUES(message_key),"
              + " pushed_at = VALUES(pushed_at)",
          rows);
    }
  }

  @Override
  public LocalDateTime reserveSlots(int calls, Duration spacing, LocalDateTime now) {
    return sql.onOneConnection(
        tx -> {
          tx.update("INSERT IGNORE INTO workbench_native_job (name) VALUES (?)", SLOTS);
          List<Object[]> r =
              tx.rows(
                  "SELECT name, last_run_at FROM workbench_native_job WHERE name = ? FOR UPDATE",
                  SLOTS);
          LocalDateTime next = r.isEmpty() ? null : Sql.time(r.get(0)[1]);
          // A slot far ahead of the clock was written by a clock that has since moved back.
          LocalDateTime first =
              next == null || next.isBefore(now) || next.isAfter(now.plusHours(2)) ? now : next;
          tx.update(
              "UPDATE workbench_native_job SET last_run_at = ? WHERE name = ?",
              Sql.ts(first.plus(spacing.multipliedBy(calls))),
              SLOTS);
          return first;
        });
  }

  @Override
  public boolean claimJob(String name, LocalDateTime now, Duration minGap) {
    return sql.onOneConnection(
        tx -> {
          List<Object[]> r =
              tx.rows(
                  "SELECT name, last_run_at FROM workbench_native_job WHERE name = ? FOR UPDATE",
                  name);
          if (r.isEmpty() || RecentRun.holdsOff(Sql.time(r.get(0)[1]), now, minGap)) {
            return false;
          }
          tx.update(
              "UPDATE workbench_native_job SET last_run_at = ? WHERE name = ?", Sql.ts(now), name);
          return true;
        });
  }

  static String json(List<NativeTileItem> items) {
    JsonArrayBuilder a = Jsons.createArrayBuilder();
    for (NativeTileItem i : items) {
      a.add(
          Jsons.createObjectBuilder()
              .add("badge", i.badgeKey())
              .add("label", i.label())
              .add("url", i.jumpUrl()));
    }
    return a.build().toString();
  }

  static List<NativeTileItem> items(String json) {
    List<NativeTileItem> out = new ArrayList<>();
    try (var reader = Jsons.createReader(new StringReader(json))) {
      JsonArray a = reader.readArray();
      for (JsonValue v : a) {
        JsonObject o = v.asJsonObject();
        out.add(
            new NativeTileItem(
                o.getString("badge", ""), o.getString("label", ""), o.getString("url", "")));
      }
    }
    return out;
  }

  private static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }
}
