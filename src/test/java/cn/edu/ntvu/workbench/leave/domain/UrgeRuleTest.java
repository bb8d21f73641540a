package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** 催办: own request only, open step only, once, after N hours. */
class UrgeRuleTest {
  static final LocalDateTime OPENED = LocalDateTime.of(2026, 11, 25, 8, 0);
  static final Duration FOUR = Duration.ofHours(4);

  @Test
  void theStudentMayUrgeAfterTheHours() {
    UrgeRule.Verdict v = UrgeRule.check("s1", "s1", true, OPENED, false, OPENED.plusHours(4), FOUR);
    assertThat(v.may()).isTrue();
  }

  @Test
  void beforeTheHoursItSaysWhen() {
    LocalDateTime now = OPENED.plusHours(1).plusMinutes(30);
    UrgeRule.Verdict v = UrgeRule.check("s1", "s1", true, OPENED, false, now, FOUR);
    assertThat(v.kind()).isEqualTo(UrgeRule.Kind.TOO_EARLY);
    assertThat(v.possibleAt()).isEqualTo(OPENED.plusHours(4));
    // 2.5 hours left: "3 小时后可催办"
    assertThat(UrgeRule.hoursUntil(now, v.possibleAt())).isEqualTo(3);
    assertThat(UrgeRule.hoursUntil(OPENED, OPENED.plusHours(4))).isEqualTo(4);
    assertThat(UrgeRule.hoursUntil(OPENED.plusHours(4).minusSeconds(10), OPENED.plusHours(4)))
        .isEqualTo(1);
  }

  @Test
  void twiceIsRefused() {
    assertThat(UrgeRule.check("s1", "s1", true, OPENED, true, OPENED.plusHours(9), FOUR).kind())
        .isEqualTo(UrgeRule.Kind.ALREADY_URGED);
  }

  @Test
  void aDecidedStepIsRefused() {
    assertThat(UrgeRule.check("s1", "s1", false, OPENED, false, OPENED.plusHours(9), FOUR).kind())
        .isEqualTo(UrgeRule.Kind.DECIDED);
    assertThat(UrgeRule.check("s1", "s1", true, null, false, OPENED.plusHours(9), FOUR).kind())
        .isEqualTo(UrgeRule.Kind.DECIDED);
  }

  @Test
  void someoneElsesRequestIsRefusedWhateverElse() {
    assertThat(UrgeRule.check("s2", "s1", true, OPENED, false, OPENED.plusHours(9), FOUR).kind())
        .isEqualTo(UrgeRule.Kind.NOT_YOURS);
    assertThat(UrgeRule.check(null, "s1", true, OPENED, false, OPENED.plusHours(9), FOUR).kind())
        .isEqualTo(UrgeRule.Kind.NOT_YOURS);
    // refused as not theirs before anything about the step is said
    assertThat(UrgeRule.check("s2", "s1", false, OPENED, true, OPENED, FOUR).kind())
        .isEqualTo(UrgeRule.Kind.NOT_YOURS);
  }

  @Test
  void zeroHoursMeansAtOnce() {
    assertThat(UrgeRule.check("s1", "s1", true, OPENED, false, OPENED, Duration.ZERO).may())
        .isTrue();
  }
}
