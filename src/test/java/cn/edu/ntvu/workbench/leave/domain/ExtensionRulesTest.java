package cn.edu.ntvu.workbench.leave.domain;

import static cn.edu.ntvu.workbench.leave.domain.ApproverRole.COUNSELLOR;
import static cn.edu.ntvu.workbench.leave.domain.ApproverRole.DEAN;
import static cn.edu.ntvu.workbench.leave.domain.ApproverRole.STUDENT_AFFAIRS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 续假: which chain decides an extension, and what is wrong with one as asked. */
class ExtensionRulesTest {
  private static final Routing ROUTING =
      new Routing(
          List.of(
              new RoutingRule(1, 10, null, new BigDecimal("1.0"), null, List.of(COUNSELLOR), true),
              new RoutingRule(
                  2, 20, null, new BigDecimal("3.0"), null, List.of(COUNSELLOR, DEAN), true),
              new RoutingRule(
                  3, 30, null, null, null, List.of(COUNSELLOR, DEAN, STUDENT_AFFAIRS), true)));

  @Test
  void withoutExtensionRulesTheWholeLongerLeaveIsRouted() {
    ExtensionRouting.Chain c =
        new ExtensionRouting(List.of(), ROUTING)
            .chainFor("PERSONAL", new BigDecimal("1.0"), new BigDecimal("2.0"), false);
    assertThat(c.rule()).isEmpty();
    assertThat(c.steps()).containsExactly(COUNSELLOR, DEAN);
  }

  @Test
  void anExtensionRuleMayGiveAShorterChainByTypeAndTheExtensionsOwnLength() {
    List<ExtensionRule> rules =
        List.of(
            new ExtensionRule(5, 20, null, null, List.of(COUNSELLOR, DEAN), true),
            new ExtensionRule(4, 10, "SICK", new BigDecimal("2.0"), List.of(COUNSELLOR), true),
            new ExtensionRule(6, 1, null, null, List.of(STUDENT_AFFAIRS), false));
    ExtensionRouting r = new ExtensionRouting(rules, ROUTING);
    ExtensionRouting.Chain sick =
        r.chainFor("SICK", new BigDecimal("2.0"), new BigDecimal("9.0"), true);
    assertThat(sick.rule().map(ExtensionRule::id)).contains(4L);
    assertThat(sick.steps()).containsExactly(COUNSELLOR);
    assertThat(r.chainFor("SICK", new BigDecimal("2.5"), new BigDecimal("9.0"), true).steps())
        .containsExactly(COUNSELLOR, DEAN);
    assertThat(r.chainFor("PERSONAL", new BigDecimal("0.5"), new BigDecimal("1.0"), true).steps())
        .containsExactly(COUNSELLOR, DEAN);
  }

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 10, 20);
  private static final LocalDateTime START = LocalDateTime.of(2026, 11, 25, 8, 0);
  private static final LocalDateTime END = LocalDateTime.of(2026, 11, 25, 18, 0);

  private static List<String> problems(
      LocalDateTime newEnd, String reason, LocalDateTime end, boolean pending) {
    return problems(newEnd, reason, end, pending, List.of());
  }

  private static List<String> problems(
      LocalDateTime newEnd,
      String reason,
      LocalDateTime end,
      boolean pending,
      List<LeaveForm.Existing> others) {
    return new ExtensionForm(newEnd, reason)
        .problems(START, end, pending, LeavePolicy.DEFAULT, NOW, others).stream()
            .map(p -> p.field() + ":" + p.key())
            .toList();
  }

  @Test
  void aGoodExtensionHasNoProblem() {
    assertThat(problems(END.plusDays(1), "还在发烧", END, false)).isEmpty();
  }

  @Test
  void theNewEndMustBeAfterTheCurrentEndTheLeaveMustNotHaveEndedAndNothingPending() {
    assertThat(problems(END, "x", END, false)).containsExactly("newEnd:leave.ext.error.notAfter");
    assertThat(problems(END.minusHours(2), "x", END, false))
        .containsExactly("newEnd:leave.ext.error.notAfter");
    assertThat(problems(null, "x", END, false)).containsExactly("newEnd:leave.ext.error.noEnd");
    assertThat(problems(NOW.plusDays(1), "x", NOW, false))
        .containsExactly("newEnd:leave.ext.error.ended");
    assertThat(problems(END.plusDays(1), "x", END, true))
        .containsExactly("newEnd:leave.ext.error.pending");
  }

  @Test
  void aReasonIsNeededAndTheWholeLeaveStaysWithinTheLimitAndOverlapsNothing() {
    assertThat(problems(END.plusDays(1), " ", END, false))
        .containsExactly("extReason:leave.ext.error.noReason");
    assertThat(problems(END.plusDays(61), "x", END, false))
        .containsExactly("newEnd:leave.ext.error.tooLong");
    LeaveForm.Existing next =
        new LeaveForm.Existing(9, END.plusDays(1).withHour(8), END.plusDays(1));
    assertThat(problems(END.plusDays(2), "x", END, false, List.of(next)))
        .containsExactly("newEnd:leave.ext.error.overlap");
    assertThat(problems(END.plusHours(1), "x", END, false, List.of(next))).isEmpty();
  }
}
