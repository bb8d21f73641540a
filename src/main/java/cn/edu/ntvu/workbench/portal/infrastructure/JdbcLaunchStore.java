package cn.edu.ntvu.workbench.portal.infrastructure;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.portal.application.LaunchStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * {@link LaunchStore} in {@code workbench_launch} (this and last week, per person key), {@code
 * workbench_launch_day} and {@code workbench_launch_week} (finished weeks, per kind only).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JdbcLaunchStore implements LaunchStore {
  @Inject Sql sql;

  private volatile byte[] salt;

  @Override
  public byte[] salt() {
    byte[] s = salt;
    if (s == null) {
      s =
          sql.one("SELECT salt FROM workbench_launch_salt WHERE id = 1", rs -> rs.getBytes(1))
              .orElseThrow();
      salt = s;
    }
    return s.clone();
  }

  @Override
  public void count(long tileId, LocalDate day, byte[] person, String kind) {
    sql.update(
        "INSERT INTO workbench_launch (tile_id, day, person, kind, opens) VALUES (?, ?, ?, ?, 1)"
            + " ON DUPLICATE KEY UPDATE opens = opens + 1",
        tileId,
        day,
        person,
        kind);
  }

  @Override
  public List<Row> daily(LocalDate from, LocalDate to) {
    return sql.query(
        "SELECT tile_id, day, kind, SUM(opens), COUNT(*) FROM workbench_launch"
            + " WHERE day BETWEEN ? AND ? GROUP BY tile_id, day, kind"
            + " UNION ALL SELECT tile_id, day, kind, opens, people FROM workbench_launch_day"
            + " WHERE day BETWEEN ? AND ? ORDER BY 2, 1, 3",
        rs ->
            new Row(
                rs.getLong(1),
                rs.getDate(2).toLocalDate(),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5)),
        from,
        to,
        from,
        to);
  }

  @Override
  public List<Row> weekly(LocalDate from, LocalDate to) {
    return sql.query(
        "SELECT tile_id, week, kind, SUM(opens), COUNT(DISTINCT person) FROM"
            + " (SELECT tile_id, DATE_SUB(day, INTERVAL WEEKDAY(day) DAY) AS week, kind, person, opens"
            + " FROM workbench_launch WHERE day BETWEEN ? AND DATE_ADD(?, INTERVAL 6 DAY)) l"
            + " GROUP BY tile_id, week, kind"
            + " UNION ALL SELECT tile_id, week, kind, opens, people FROM workbench_launch_week"
            + " WHERE week BETWEEN ? AND ? ORDER BY 2, 1, 3",
        rs ->
            new Row(
                rs.getLong(1),
                rs.getDate(2).toLocalDate(),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5)),
        from,
        to,
        from,
        to);
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean claim(LocalDate day, LocalDateTime now) {
    return sql.update(
            "INSERT IGNORE INTO workbench_launch_cleanup_run (run_date, ran_at) VALUES (?, ?)",
            day,
            now)
        == 1;
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public int rollUpBefore(LocalDate weekStart) {
    return sql.onOneConnection(
        tx -> {
          tx.update(
              "INSERT INTO workbench_launch_day (tile_id, day, kind, opens, people)"
                  + " SELECT tile_id, day, kind, SUM(opens), COUNT(*) FROM workbench_launch"
                  + " WHERE day < ? GROUP BY tile_id, day, kind"
                  + " ON DUPLICATE KEY UPDATE opens = workbench_launch_day.opens + VALUES(opens),"
                  + " people = workbench_launch_day.people + VALUES(people)",
              weekStart);
          tx.update(
              "INSERT INTO workbench_launch_week (tile_id, week, kind, opens, people)"
                  + " SELECT tile_id, week, kind, SUM(opens), COUNT(DISTINCT person) FROM"
                  + " (SELECT tile_id, DATE_SUB(day, INTERVAL WEEKDAY(day) DAY) AS week, kind, person,"
                  + " opens FROM workbench_launch WHERE day < ?) l GROUP BY tile_id, week, kind"
                  + " ON DUPLICATE KEY UPDATE opens = workbench_launch_week.opens + VALUES(opens),"
                  + " people = workbench_launch_week.people + VALUES(people)",
              weekStart);
          return tx.update("DELETE FROM workbench_launch WHERE day < ?", weekStart);
        });
  }

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public int deleteBefore(LocalDate day) {
    return sql.onOneConnection(
        tx ->
            tx.update("DELETE FROM workbench_launch_day WHERE day < ?", day)
                + tx.update("DELETE FROM workbench_launch_week WHERE week < ?", day));
  }
}
