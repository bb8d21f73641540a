package cn.edu.ntvu.workbench.attendance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AbsenceThresholdTest {
  private final AbsenceThreshold third = AbsenceThreshold.DEFAULT;

  @Test
  void exactlyOneThirdIsReachedWithoutRounding() {
    assertTrue(third.reached(2, 6));
    assertTrue(third.reached(1, 3));
    assertFalse(third.reached(1, 4));
    assertFalse(third.reached(3, 10)); // 0.3 < 1/3
    assertTrue(third.reached(4, 12));
    assertFalse(third.reached(11, 34)); // 0.3235…
    assertTrue(third.reached(34, 100)); // 0.34
  }

  @Test
  void nothingHeldOrNothingMissedIsNeverPastIt() {
    assertFalse(third.reached(0, 0));
    assertFalse(third.reached(0, 6));
    assertFalse(third.reached(2, 0));
  }

  @Test
  void crossingIsOnlyTheRollCallThatGoesPastIt() {
    // 2 periods held, none missed; then 2 more held and missed: 2 of 4 ≥ 1/3
    assertTrue(third.crossed(0, 2, 2, 4));
    // already past it: missing again is not a new crossing
    assertFalse(third.crossed(2, 4, 4, 6));
    // present again: 2 of 6 is still 1/3, not a crossing
    assertFalse(third.crossed(2, 4, 2, 6));
    // below again (2 of 8), then past it (4 of 10): crossed again
    assertTrue(third.crossed(2, 8, 4, 10));
    // the first roll call of a course, missed: 2 of 2
    assertTrue(third.crossed(0, 0, 2, 2));
  }

  @Test
  void theSettingParsesFractionsDecimalsAndPercent() {
    assertEquals(Optional.of(new AbsenceThreshold(1, 3)), AbsenceThreshold.parse("1/3"));
    assertEquals(Optional.of(new AbsenceThreshold(1, 3)), AbsenceThreshold.parse(" 2 / 6 "));
    assertEquals(Optional.of(new AbsenceThreshold(1, 4)), AbsenceThreshold.parse("0.25"));
    assertEquals(Optional.of(new AbsenceThreshold(1, 4)), AbsenceThreshold.parse(".25"));
    assertEquals(Optional.of(new AbsenceThreshold(3, 10)), AbsenceThreshold.parse("30%"));
    assertEquals(Optional.of(new AbsenceThreshold(1, 1)), AbsenceThreshold.parse("1"));
    assertEquals("1/3", AbsenceThreshold.parse("1/3").orElseThrow().toString());
  }

  @Test
  void nonsenseAndOutOfRangeSettingsAreRefused() {
    for (String bad :
        new String[] {
          null, "", "abc", "0", "0/3", "4/3", "1/0", "150%", "0%", "-1/3", "1.5", "=1/3"
        }) {
      assertEquals(Optional.empty(), AbsenceThreshold.parse(bad), bad);
    }
  }

  @Test
  void withAQuarterTwoOfEightIsPastButOneOfFiveIsNot() {
    AbsenceThreshold q = AbsenceThreshold.parse("25%").orElseThrow();
    assertTrue(q.reached(2, 8));
    assertFalse(q.reached(1, 5));
  }
}
