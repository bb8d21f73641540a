package cn.edu.ntvu.workbench.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The logout check reads the shared table at most once per interval for all sessions together, and
 * sees a logout recorded by another server after the next read.
 */
class CasLogoutsTest {
  private static final LocalDateTime T = LocalDateTime.of(2026, 12, 7, 8, 0);

  /** The table {@code cas_logout} as another server's writes leave it; counts the reads. */
  static final class Table extends Sql {
    final List<Object[]> rows = new ArrayList<>();
    final List<Object[]> readArgs = new ArrayList<>();
    boolean down;

    @Override
    public List<Object[]> rows(String statement, Object... args) {
      readArgs.add(args);
      if (down) {
        throw new Sql.Failure(new java.sql.SQLException("down"));
      }
      if (args.length == 0) {
        return List.copyOf(rows);
      }
      LocalDateTime from = Sql.time(args[0]);
      return rows.stream().filter(r -> !((LocalDateTime) r[1]).isBefore(from)).toList();
    }

    @Override
    public int update(String statement, Object... args) {
      return 1;
    }
  }

  private static CasLogouts over(Table table, long readEveryNanos) {
    CasLogouts logouts = new CasLogouts();
    logouts.sql = table;
    logouts.readEveryNanos = readEveryNanos;
    return logouts;
  }

  @Test
  void manyChecksWithinTheIntervalCostOneRead() {
    Table table = new Table();
    table.rows.add(new Object[] {"ST-1", T});
    CasLogouts logouts = over(table, 60_000_000_000L);
    for (int i = 0; i < 100; i++) {
      assertThat(logouts.isLoggedOut("ST-" + (i + 2))).isFalse();
      assertThat(logouts.isLoggedOut("ST-1")).isTrue();
    }
    assertThat(table.readArgs).hasSize(1);
  }

  @Test
  void aLogoutOnAnotherServerIsSeenAtTheNextRead() throws InterruptedException {
    Table table = new Table();
    table.rows.add(new Object[] {"ST-1", T});
    CasLogouts logouts = over(table, 1_000_000L); // 1 ms
    assertThat(logouts.isLoggedOut("ST-2")).isFalse();
    // Another server records ST-2, stamped before ST-1 (committed late): the overlap sees it.
    table.rows.add(new Object[] {"ST-2", T.minusSeconds(5)});
    Thread.sleep(5);
    assertThat(logouts.isLoggedOut("ST-2")).isTrue();
    assertThat(Sql.time(table.readArgs.get(1)[0]))
        .isEqualTo(T.minusSeconds(CasLogouts.OVERLAP_SECONDS));
  }

  @Test
  void aLogoutRecordedHereCountsAtOnce() {
    Table table = new Table();
    CasLogouts logouts = over(table, 60_000_000_000L);
    assertThat(logouts.isLoggedOut("local:abc")).isFalse();
    logouts.recordLogout("local:abc");
    assertThat(logouts.isLoggedOut("local:abc")).isTrue();
    assertThat(table.readArgs).hasSize(1);
  }

  @Test
  void aDatabaseOutageSignsNobodyOutAndIsNotAskedOnEveryRequest() {
    Table table = new Table();
    table.down = true;
    CasLogouts logouts = over(table, 60_000_000_000L);
    for (int i = 0; i < 10; i++) {
      assertThat(logouts.isLoggedOut("ST-1")).isFalse();
    }
    assertThat(table.readArgs).hasSize(1);
  }
}
