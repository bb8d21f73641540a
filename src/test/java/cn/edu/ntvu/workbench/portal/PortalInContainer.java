package cn.edu.ntvu.workbench.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.portal.application.LaunchCleanup;
import cn.edu.ntvu.workbench.portal.application.LaunchFigures;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Launch figures in the container (issue 21): the daily cleanup rolls finished weeks' per-person
 * rows up into per-kind figures (opens, unique people per day and per week) and deletes them, keeps
 * the current week's, removes figures older than 400 days, runs once a day across servers and not
 * before 03:00; the figures read the rolled-up and the live rows alike.
 */
public abstract class PortalInContainer extends NativeTilesInContainer {
  @Inject protected LaunchCleanup launchCleanup;
  @Inject protected LaunchFigures launchFigures;

  private void portalExec(String sql, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  private long portalCount(String sql, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private void launch(long tile, String day, String person, String kind, int opens)
      throws Exception {
    portalExec(
        "INSERT INTO workbench_launch (tile_id, day, person, kind, opens) VALUES (?, ?, ?, ?, ?)",
        tile,
        java.sql.Date.valueOf(day),
        HexFormat.of().parseHex(person),
        kind,
        opens);
  }

  @Test
  void launchFiguresCleanupRollsUpFinishedWeeksAndKeeps400Days() throws Exception {
    long tile = 990_000 + (System.nanoTime() % 1000);
    // Tuesday 2030-01-01 and Wednesday 01-02 are in the week of Monday 2029-12-31; 01-08 in the
    // next.
    for (String t :
        new String[] {"workbench_launch", "workbench_launch_day", "workbench_launch_week"}) {
      portalExec("DELETE FROM " + t + " WHERE tile_id = ?", tile);
    }
    portalExec(
        "DELETE FROM workbench_launch_cleanup_run WHERE run_date IN ('2030-01-09', '2030-01-10')");
    String a = "000102030405060708090a0b0c0d0e0f";
    String b = "100102030405060708090a0b0c0d0e0f";
    String c = "200102030405060708090a0b0c0d0e0f";
    launch(tile, "2030-01-01", a, "STUDENT", 2);
    launch(tile, "2030-01-01", b, "STUDENT", 1);
    launch(tile, "2030-01-02", a, "STUDENT", 1);
    launch(tile, "2030-01-02", c, "STAFF", 5);
    launch(tile, "2030-01-08", a, "STUDENT", 1);
    portalExec(
        "INSERT INTO workbench_launch_day (tile_id, day, kind, opens, people)"
            + " VALUES (?, '2028-12-01', 'STUDENT', 9, 9)",
        tile);

    assertThat(launchCleanup.runAt(LocalDateTime.of(2030, 1, 9, 2, 59)).ran())
        .as("not before 03:00")
        .isFalse();
    assertThat(launchCleanup.runAt(LocalDateTime.of(2030, 1, 9, 3, 0)).ran()).isTrue();
    assertThat(launchCleanup.runAt(LocalDateTime.of(2030, 1, 9, 9, 0)).ran())
        .as("once a day")
        .isFalse();

    assertThat(portalCount("SELECT COUNT(*) FROM workbench_launch WHERE tile_id = ?", tile))
        .as("only the current week's per-person rows are left")
        .isEqualTo(1);
    assertThat(
            portalCount(
                "SELECT opens FROM workbench_launch_day"
                    + " WHERE tile_id = ? AND day = '2030-01-01' AND kind = 'STUDENT'",
                tile))
        .isEqualTo(3);
    assertThat(
            portalCount(
                "SELECT people FROM workbench_launch_day"
                    + " WHERE tile_id = ? AND day = '2030-01-01' AND kind = 'STUDENT'",
                tile))
        .isEqualTo(2);
    assertThat(
            portalCount(
                "SELECT people * 1000 + opens FROM workbench_launch_week"
                    + " WHERE tile_id = ? AND week = '2029-12-31' AND kind = 'STUDENT'",
                tile))
        .as("two students, four opens in the week")
        .isEqualTo(2004);
    assertThat(
            portalCount(
                "SELECT COUNT(*) FROM workbench_launch_day WHERE tile_id = ? AND day = '2028-12-01'",
                tile))
        .as("older than 400 days")
        .isZero();

    // The figures read rolled-up and live rows alike.
    var days = launchFigures.lines(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 8), false);
    assertThat(days.stream().filter(l -> l.tileId() == tile))
        .extracting(l -> l.period() + " " + l.kind() + " " + l.opens() + "/" + l.people())
        .containsExactlyInAnyOrder(
            "2030-01-01 STUDENT 3/2",
            "2030-01-02 STUDENT 1/1",
            "2030-01-02 STAFF 5/1",
            "2030-01-08 STUDENT 1/1");
    var weeks = launchFigures.lines(LocalDate.of(2029, 12, 31), LocalDate.of(2030, 1, 8), true);
    assertThat(weeks.stream().filter(l -> l.tileId() == tile))
        .extracting(l -> l.period() + " " + l.kind() + " " + l.opens() + "/" + l.people())
        .containsExactlyInAnyOrder(
            "2029-12-31 STUDENT 4/2", "2029-12-31 STAFF 5/1", "2030-01-07 STUDENT 1/1");
    for (String t :
        new String[] {"workbench_launch", "workbench_launch_day", "workbench_launch_week"}) {
      portalExec("DELETE FROM " + t + " WHERE tile_id = ?", tile);
    }
  }
}
