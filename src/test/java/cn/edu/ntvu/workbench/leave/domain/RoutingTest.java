package cn.edu.ntvu.workbench.leave.domain;

import static cn.edu.ntvu.workbench.leave.domain.ApproverRole.COUNSELLOR;
import static cn.edu.ntvu.workbench.leave.domain.ApproverRole.DEAN;
import static cn.edu.ntvu.workbench.leave.domain.ApproverRole.STUDENT_AFFAIRS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seeded rules of V9 (≤1 day counsellor; ≤3 days plus dean; longer plus student affairs) and
 * variations.
 */
class RoutingTest {
  private static RoutingRule rule(
      long id, int priority, String type, String maxDays, Boolean off, String steps) {
    return new RoutingRule(
        id,
        priority,
        type,
        maxDays == null ? null : new BigDecimal(maxDays),
        off,
        RoutingRule.parseSteps(steps),
        true);
  }

  private static final List<RoutingRule> SEEDED =
      List.of(
          rule(3, 30, null, null, null, "COUNSELLOR,DEAN,STUDENT_AFFAIRS"),
          rule(1, 10, null, "1", null, "COUNSELLOR"),
          rule(2, 20, null, "3", null, "COUNSELLOR,DEAN"));

  private static List<ApproverRole> chain(
      List<RoutingRule> rules, String type, String days, boolean off) {
    return new Routing(rules).chainFor(type, new BigDecimal(days), off).steps();
  }

  @Test
  void theChainGrowsWithTheDurationAndTheBoundIsInclusive() {
    assertThat(chain(SEEDED, "PERSONAL", "0.5", false)).containsExactly(COUNSELLOR);
    assertThat(chain(SEEDED, "PERSONAL", "1", false)).containsExactly(COUNSELLOR);
    assertThat(chain(SEEDED, "PERSONAL", "1.5", false)).containsExactly(COUNSELLOR, DEAN);
    assertThat(chain(SEEDED, "SICK", "3", true)).containsExactly(COUNSELLOR, DEAN);
    assertThat(chain(SEEDED, "SICK", "3.5", true))
        .containsExactly(COUNSELLOR, DEAN, STUDENT_AFFAIRS);
  }

  @Test
  void typeAndOffCampusConditionsAndPriorityDecide() {
    List<RoutingRule> rules = new java.util.ArrayList<>(SEEDED);
    rules.add(rule(4, 5, null, "1", true, "COUNSELLOR,DEAN"));
    rules.add(rule(5, 6, "OFFICIAL", null, null, "STUDENT_AFFAIRS"));
    assertThat(chain(rules, "PERSONAL", "1", true)).containsExactly(COUNSELLOR, DEAN);
    assertThat(chain(rules, "PERSONAL", "1", false)).containsExactly(COUNSELLOR);
    assertThat(chain(rules, "OFFICIAL", "10", false)).containsExactly(STUDENT_AFFAIRS);
  }

  @Test
  void disabledRulesAreSkippedAndNoMatchStillGivesTheCounsellor() {
    RoutingRule off = new RoutingRule(9, 1, null, null, null, List.of(DEAN), false);
    Routing.Chain c =
        new Routing(List.of(off, rule(2, 20, "SICK", "3", null, "DEAN")))
            .chainFor("PERSONAL", BigDecimal.ONE, false);
    assertThat(c.rule()).isEmpty();
    assertThat(c.steps()).isEqualTo(Routing.DEFAULT_CHAIN);
  }

  @Test
  void stepsAreParsedStrictly() {
    assertThat(RoutingRule.parseSteps(" counsellor , dean ")).containsExactly(COUNSELLOR, DEAN);
    assertThatThrownBy(() -> RoutingRule.parseSteps("COUNSELLOR,PRINCIPAL"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RoutingRule.parseSteps(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static RoutingRule missedOver(long id, int priority, int over, String steps) {
    return new RoutingRule(
        id, priority, null, null, null, RoutingRule.parseSteps(steps), true, over);
  }

  @Test
  void moreThanNMissedPeriodsAlsoGoesToTheDeanAndTheBoundIsExclusive() {
    List<RoutingRule> rules = new java.util.ArrayList<>(SEEDED);
    rules.add(missedOver(4, 5, 8, "COUNSELLOR,DEAN"));
    Routing routing = new Routing(rules);
    BigDecimal one = BigDecimal.ONE;
    assertThat(routing.chainFor("PERSONAL", one, false, 9).steps())
        .containsExactly(COUNSELLOR, DEAN);
    assertThat(routing.chainFor("PERSONAL", one, false, 9).rule().orElseThrow().id()).isEqualTo(4);
    // 8 periods is not more than 8: the seeded one-day rule decides.
    assertThat(routing.chainFor("PERSONAL", one, false, 8).steps()).containsExactly(COUNSELLOR);
    assertThat(routing.chainFor("PERSONAL", one, false, 0).steps()).containsExactly(COUNSELLOR);
    // Without a count (the old overload) the condition does not hold.
    assertThat(routing.chainFor("PERSONAL", one, false).steps()).containsExactly(COUNSELLOR);
  }

  @Test
  void theMissedConditionCombinesWithTheOthers() {
    RoutingRule sickAndMissed =
        new RoutingRule(
            7,
            1,
            "SICK",
            new BigDecimal("2"),
            false,
            RoutingRule.parseSteps("COUNSELLOR,DEAN,STUDENT_AFFAIRS"),
            true,
            4);
    assertThat(sickAndMissed.matches("SICK", BigDecimal.ONE, false, 5)).isTrue();
    assertThat(sickAndMissed.matches("SICK", BigDecimal.ONE, false, 4)).isFalse();
    assertThat(sickAndMissed.matches("PERSONAL", BigDecimal.ONE, false, 5)).isFalse();
    assertThat(sickAndMissed.matches("SICK", new BigDecimal("2.5"), false, 5)).isFalse();
    assertThat(sickAndMissed.matches("SICK", BigDecimal.ONE, true, 5)).isFalse();
    RoutingRule plain = rule(8, 1, null, null, null, "DEAN");
    assertThat(plain.missedPeriodsOver()).isNull();
    assertThat(plain.matches("SICK", BigDecimal.TEN, true, 0)).isTrue();
    assertThatThrownBy(() -> missedOver(9, 1, -1, "DEAN"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
