package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.leave.domain.CcPlan.Copy;
import cn.edu.ntvu.workbench.leave.domain.CcRule.Phase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Who is copied (抄送) on a request, on submit and on final approval. */
class CcPlanTest {
  private static final Map<CcTarget, List<String>> PEOPLE =
      Map.of(
          CcTarget.CLASS_TEACHER, List.of("T01"),
          CcTarget.DORM_MANAGER, List.of("DORM"),
          CcTarget.COURSE_TEACHERS, List.of("T02", "T01", "T03"));
  private static final Function<CcRule, List<String>> RESOLVE =
      l -> l.target() == CcTarget.PERSON ? List.of(l.account()) : PEOPLE.get(l.target());

  @Test
  void aLineOfTheRoutingRuleCopiesAtItsPhaseOnly() {
    List<CcRule> lines = List.of(new CcRule(1, 7L, CcTarget.CLASS_TEACHER, null, false, true));
    assertThat(CcPlan.whoFor(lines, 7L, Phase.SUBMITTED, RESOLVE, "S1", Set.of())).isEmpty();
    assertThat(CcPlan.whoFor(lines, 7L, Phase.APPROVED, RESOLVE, "S1", Set.of()))
        .containsExactly(new Copy("T01", 1, CcTarget.CLASS_TEACHER));
  }

  @Test
  void aLineOfAnotherRuleCopiesNothingAndALineWithoutRuleCopiesEveryRequest() {
    List<CcRule> lines =
        List.of(
            new CcRule(1, 8L, CcTarget.CLASS_TEACHER, null, true, true),
            new CcRule(2, null, CcTarget.DORM_MANAGER, null, true, false));
    assertThat(CcPlan.whoFor(lines, 7L, Phase.SUBMITTED, RESOLVE, "S1", Set.of()))
        .containsExactly(new Copy("DORM", 2, CcTarget.DORM_MANAGER));
    assertThat(CcPlan.whoFor(lines, null, Phase.SUBMITTED, RESOLVE, "S1", Set.of()))
        .containsExactly(new Copy("DORM", 2, CcTarget.DORM_MANAGER));
    assertThat(CcPlan.whoFor(lines, 8L, Phase.SUBMITTED, RESOLVE, "S1", Set.of()))
        .extracting(Copy::account)
        .containsExactly("T01", "DORM");
  }

  @Test
  void eachPersonOnceTheFirstLineGivesTheReasonNeverTheStudentNorSomeoneAlreadyCopied() {
    List<CcRule> lines =
        List.of(
            new CcRule(1, null, CcTarget.CLASS_TEACHER, null, true, true),
            new CcRule(2, null, CcTarget.COURSE_TEACHERS, null, true, true),
            new CcRule(3, null, CcTarget.PERSON, "S1", true, true),
            new CcRule(4, null, CcTarget.PERSON, "OFFICE", true, true));
    assertThat(CcPlan.whoFor(lines, 3L, Phase.APPROVED, RESOLVE, "S1", Set.of("T03")))
        .containsExactly(
            new Copy("T01", 1, CcTarget.CLASS_TEACHER),
            new Copy("T02", 2, CcTarget.COURSE_TEACHERS),
            new Copy("OFFICE", 4, CcTarget.PERSON));
  }

  @Test
  void bothPhasesCopyOnceWhenTheFirstCopyIsRemembered() {
    List<CcRule> lines = List.of(new CcRule(1, null, CcTarget.CLASS_TEACHER, null, true, true));
    List<Copy> first = CcPlan.whoFor(lines, 1L, Phase.SUBMITTED, RESOLVE, "S1", Set.of());
    assertThat(first).hasSize(1);
    assertThat(CcPlan.whoFor(lines, 1L, Phase.APPROVED, RESOLVE, "S1", Set.of("T01"))).isEmpty();
  }

  @Test
  void aLineMustSayWhenAndAPersonLineWhom() {
    assertThatThrownBy(() -> new CcRule(1, null, CcTarget.DORM_MANAGER, null, false, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CcRule(1, null, CcTarget.PERSON, " ", true, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new CcRule(1, null, CcTarget.DORM_MANAGER, "X", true, false).account()).isNull();
    assertThat(CcTarget.parse("course_teachers")).isEqualTo(CcTarget.COURSE_TEACHERS);
    assertThat(CcTarget.parse("nobody")).isNull();
  }
}
