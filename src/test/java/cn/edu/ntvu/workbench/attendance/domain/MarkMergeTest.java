package cn.edu.ntvu.workbench.attendance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The roll call's rules: the tap cycle, last tap per student wins, tap times, the edit window. */
class MarkMergeTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 9, 0);

  @Test
  void oneTapCyclesAbsentLateEarlyPresent() {
    assertThat(Mark.initial(false)).isEqualTo(Mark.PRESENT);
    Mark m = Mark.PRESENT;
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      m = m.next(false);
      seen.append(m).append(' ');
    }
    assertThat(seen.toString().strip()).isEqualTo("ABSENT LATE EARLY PRESENT ABSENT");
  }

  @Test
  void aStudentOnLeaveStartsExcusedAndCanComeBackToIt() {
    assertThat(Mark.initial(true)).isEqualTo(Mark.EXCUSED);
    assertThat(Mark.EXCUSED.next(true)).isEqualTo(Mark.ABSENT);
    assertThat(Mark.PRESENT.next(true)).isEqualTo(Mark.EXCUSED);
    assertThat(Mark.cycle(false)).doesNotContain(Mark.EXCUSED);
    assertThat(Mark.EXCUSED.allowedFor(false)).isFalse();
    assertThat(Mark.EXCUSED.allowedFor(true)).isTrue();
    assertThat(Mark.ABSENT.allowedFor(false)).isTrue();
  }

  @Test
  void marksParseByNameOnly() {
    assertThat(Mark.parse(" absent ")).contains(Mark.ABSENT);
    assertThat(Mark.parse("缺勤")).isEmpty();
    assertThat(Mark.parse(null)).isEmpty();
  }

  @Test
  void theLastTapWinsWhateverArrivesLast() {
    MarkChange phoneOffline =
        new MarkChange("s1", Mark.ABSENT, "10754", NOW.withHour(8).withMinute(10));
    MarkChange tablet = new MarkChange("s1", Mark.LATE, "10755", NOW.withHour(8).withMinute(20));
    // the tablet's later tap is stored; the phone's earlier one arrives afterwards and loses
    assertThat(MarkMerge.wins(Optional.empty(), tablet)).isTrue();
    assertThat(MarkMerge.wins(Optional.of(tablet), phoneOffline)).isFalse();
    // in the other order the later one still wins
    assertThat(MarkMerge.wins(Optional.of(phoneOffline), tablet)).isTrue();
    // a tap at the same moment replaces (a device correcting itself)
    assertThat(MarkMerge.wins(Optional.of(tablet), tablet)).isTrue();
  }

  @Test
  void aDefaultOfTheDayLosesToAnyTap() {
    MarkChange dflt = new MarkChange("s1", Mark.PRESENT, "10754", MONDAY.atStartOfDay());
    MarkChange tap = new MarkChange("s1", Mark.ABSENT, "10755", NOW.minusHours(1));
    assertThat(MarkMerge.wins(Optional.of(dflt), tap)).isTrue();
  }

  @Test
  void tapTimesAreClampedToTheMeetingDayAndTheServerClock() {
    long inFuture = NOW.plusHours(3).atZone(SHANGHAI).toInstant().toEpochMilli();
    long lastWeek = NOW.minusDays(7).atZone(SHANGHAI).toInstant().toEpochMilli();
    long fine = NOW.minusMinutes(5).atZone(SHANGHAI).toInstant().toEpochMilli();
    assertThat(MarkMerge.tapTime(inFuture, SHANGHAI, NOW, MONDAY)).isEqualTo(NOW);
    assertThat(MarkMerge.tapTime(lastWeek, SHANGHAI, NOW, MONDAY)).isEqualTo(MONDAY.atStartOfDay());
    assertThat(MarkMerge.tapTime(fine, SHANGHAI, NOW, MONDAY)).isEqualTo(NOW.minusMinutes(5));
    assertThat(MarkMerge.tapTime(null, SHANGHAI, NOW, MONDAY)).isEqualTo(NOW);
  }

  @Test
  void changesAfterThePageLoadedNameTheirStudents() {
    Map<Long, String> changes = Map.of(4L, "s1", 7L, "s2", 9L, "s2", 3L, "s3");
    assertThat(MarkMerge.changedSince(changes, 4)).containsExactly("s2");
    assertThat(MarkMerge.changedSince(changes, 0)).containsExactly("s1", "s2", "s3");
    assertThat(MarkMerge.changedSince(changes, 9)).isEmpty();
  }

  @Test
  void marksMayBeChangedUntilSevenDaysAfter() {
    assertThat(MarkMerge.editable(MONDAY, MONDAY, 7)).isTrue();
    assertThat(MarkMerge.editable(MONDAY, MONDAY.plusDays(7), 7)).isTrue();
    assertThat(MarkMerge.editable(MONDAY, MONDAY.plusDays(8), 7)).isFalse();
    assertThat(MarkMerge.editable(MONDAY, MONDAY.plusDays(1), 0)).isFalse();
  }

  @Test
  void marksForStudentsNotOnTheRosterAreNamed() {
    assertThat(MarkMerge.strangers(List.of("s1", "x9", "s2"), Set.of("s1", "s2")))
        .containsExactly("x9");
  }
}
