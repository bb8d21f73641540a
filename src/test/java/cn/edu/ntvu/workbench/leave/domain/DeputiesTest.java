package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.leave.domain.Deputies.Candidate;
import cn.edu.ntvu.workbench.leave.domain.Deputies.Problem;
import cn.edu.ntvu.workbench.leave.domain.Deputies.Range;
import cn.edu.ntvu.workbench.leave.domain.Deputies.Seat;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeputiesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  private static final Candidate WANG = new Candidate("10005", true, true);

  private static Range range(long id, String a, String d, int fromDay, int toDay) {
    return new Range(id, a, d, TODAY.plusDays(fromDay), TODAY.plusDays(toDay));
  }

  private static Optional<Problem> check(Range r, Candidate c, List<Range> inForce) {
    return Deputies.check(r, c, inForce, TODAY);
  }

  @Test
  void aGoodRangeIsAccepted() {
    assertThat(check(range(0, "10001", "10005", 1, 3), WANG, List.of())).isEmpty();
    // Starting in the past but still running: accepted (only wholly past ranges are refused).
    assertThat(check(range(0, "10001", "10005", -3, 0), WANG, List.of())).isEmpty();
    // Another approver's overlapping range is no concern of this one.
    assertThat(
            check(
                range(0, "10001", "10005", 1, 3), WANG, List.of(range(7, "10002", "10005", 1, 3))))
        .isEmpty();
  }

  @Test
  void whoTheDeputyIsIsChecked() {
    assertThat(
            check(range(0, "10001", "10001", 1, 3), new Candidate("10001", true, true), List.of()))
        .contains(Problem.SELF);
    assertThat(
            check(
                range(0, "10001", "20240100001", 1, 3),
                new Candidate("20240100001", false, true),
                List.of()))
        .contains(Problem.NOT_STAFF);
    assertThat(
            check(range(0, "10001", "10009", 1, 3), new Candidate("10009", true, false), List.of()))
        .contains(Problem.INACTIVE);
    assertThat(check(range(0, "10001", "nobody", 1, 3), null, List.of())).contains(Problem.UNKNOWN);
  }

  @Test
  void theDaysAreChecked() {
    assertThat(check(range(0, "10001", "10005", 3, 1), WANG, List.of()))
        .contains(Problem.ENDS_BEFORE_START);
    assertThat(check(range(0, "10001", "10005", -5, -1), WANG, List.of()))
        .contains(Problem.IN_THE_PAST);
    assertThat(check(range(0, "10001", "10005", 1, 400), WANG, List.of()))
        .contains(Problem.TOO_FAR);
  }

  @Test
  void overlappingRangesOfOneApproverAreRefusedTouchingOnesAreNot() {
    List<Range> existing = List.of(range(7, "10001", "10006", 2, 4));
    assertThat(check(range(0, "10001", "10005", 4, 6), WANG, existing)).contains(Problem.OVERLAPS);
    assertThat(check(range(0, "10001", "10005", 0, 2), WANG, existing)).contains(Problem.OVERLAPS);
    assertThat(check(range(0, "10001", "10005", 0, 9), WANG, existing)).contains(Problem.OVERLAPS);
    assertThat(check(range(0, "10001", "10005", 5, 6), WANG, existing)).isEmpty();
    assertThat(check(range(0, "10001", "10005", 0, 1), WANG, existing)).isEmpty();
    // Editing the range itself does not overlap itself.
    assertThat(check(range(7, "10001", "10005", 3, 4), WANG, existing)).isEmpty();
  }

  @Test
  void loopsAreRefused() {
    // B→A while A→B on overlapping days.
    assertThat(
            check(
                range(0, "10001", "10005", 1, 3), WANG, List.of(range(7, "10005", "10001", 3, 5))))
        .contains(Problem.LOOP);
    // Not overlapping: no loop.
    assertThat(
            check(
                range(0, "10001", "10005", 1, 3), WANG, List.of(range(7, "10005", "10001", 4, 5))))
        .isEmpty();
    // A→B, B→C, C→A.
    assertThat(
            check(
                range(0, "10001", "10005", 1, 3),
                WANG,
                List.of(range(7, "10005", "10006", 1, 3), range(8, "10006", "10001", 2, 2))))
        .contains(Problem.LOOP);
    // A chain that does not come back is fine.
    assertThat(
            check(
                range(0, "10001", "10005", 1, 3),
                WANG,
                List.of(range(7, "10005", "10006", 1, 3), range(8, "10006", "10007", 2, 2))))
        .isEmpty();
  }

  @Test
  void theDeputySitsInOnTheDaysOfTheRangeOnly() {
    List<Range> inForce = List.of(range(1, "10001", "10005", 1, 3));
    assertThat(Deputies.resolve("10001", TODAY, inForce)).isEmpty();
    assertThat(Deputies.resolve("10001", TODAY.plusDays(1), inForce))
        .contains(new Seat("10005", null));
    assertThat(Deputies.resolve("10001", TODAY.plusDays(3), inForce))
        .contains(new Seat("10005", null));
    assertThat(Deputies.resolve("10001", TODAY.plusDays(4), inForce)).isEmpty();
    assertThat(Deputies.resolve("10005", TODAY.plusDays(2), inForce)).isEmpty();
  }

  @Test
  void aDeputyAwayPassesItOnOnceOnly() {
    List<Range> inForce =
        List.of(
            range(1, "10001", "10005", 1, 3),
            range(2, "10005", "10006", 2, 2),
            range(3, "10006", "10007", 2, 2));
    assertThat(Deputies.resolve("10001", TODAY.plusDays(1), inForce))
        .contains(new Seat("10005", null));
    // 10005 is away on day 2: 10006 sits in, passed on by 10005; 10006 being away too goes no
    // further.
    assertThat(Deputies.resolve("10001", TODAY.plusDays(2), inForce))
        .contains(new Seat("10006", "10005"));
  }

  @Test
  void aLoopInOldDataSeatsNobody() {
    List<Range> inForce =
        List.of(range(1, "10001", "10005", 1, 3), range(2, "10005", "10001", 1, 3));
    assertThat(Deputies.resolve("10001", TODAY.plusDays(2), inForce)).isEmpty();
  }
}
