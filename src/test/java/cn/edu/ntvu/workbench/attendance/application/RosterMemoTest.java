package cn.edu.ntvu.workbench.attendance.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RosterMemoTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-24");

  @Test
  void aRosterOpenedEarlierServesOnlyAnArmedSubmitAndOnlyOnce() {
    RosterMemo memo = new RosterMemo();
    String key = RosterMemo.key("10746", "2026-2027-1", "WISEDU", 1, DAY);
    memo.put(key, "roster");
    // not armed (a job, a test calling the service): read again
    assertThat(memo.take(key)).isEmpty();
    memo.arm();
    assertThat(memo.take(key)).contains("roster");
    // taken: the answer after the submit reads it afresh
    memo.arm();
    assertThat(memo.take(key)).isEmpty();
  }

  @Test
  void anotherPersonOrOccurrenceGetsNothing() {
    RosterMemo memo = new RosterMemo();
    memo.put(RosterMemo.key("10746", "2026-2027-1", "WISEDU", 1, DAY), "roster");
    memo.arm();
    assertThat(memo.take(RosterMemo.key("10004", "2026-2027-1", "WISEDU", 1, DAY))).isEmpty();
    memo.arm();
    assertThat(memo.take(RosterMemo.key("10746", "2026-2027-1", "WISEDU", 2, DAY))).isEmpty();
    memo.arm();
    assertThat(memo.take(RosterMemo.key("10746", "2026-2027-1", "WISEDU", 1, DAY.plusDays(1))))
        .isEmpty();
  }
}
