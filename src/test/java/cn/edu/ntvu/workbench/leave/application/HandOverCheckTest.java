package cn.edu.ntvu.workbench.leave.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandOverCheckTest {
  @Test
  void aNoteOfUpTo200CharactersIsKeptALongerOneRefused() {
    assertThat(HandOverCheck.note(null)).isEmpty();
    assertThat(HandOverCheck.note("我出差三天")).isEmpty();
    assertThat(HandOverCheck.note("字".repeat(200))).isEmpty();
    assertThat(HandOverCheck.note(" " + "字".repeat(200) + " ")).isEmpty();
    assertThat(HandOverCheck.note("字".repeat(201))).contains(HandOverProblem.NOTE_TOO_LONG);
  }

  @Test
  void everyRefusalHasASentenceInBothLanguagesNamingThePerson() {
    for (HandOverProblem p : HandOverProblem.values()) {
      HandOverResult r = HandOverResult.refused(p, "陶博");
      String zh = r.text(LeaveTexts.chinese());
      String en = r.text(LeaveTexts.of(java.util.Locale.ENGLISH));
      assertThat(zh).doesNotContain("leave.handOver").doesNotContain("{0}");
      assertThat(en).doesNotContain("leave.handOver").doesNotContain("{0}").isNotEqualTo(zh);
    }
    assertThat(
            HandOverResult.refused(HandOverProblem.ALREADY_ON_STEP, "陶博")
                .text(LeaveTexts.chinese()))
        .isEqualTo("陶博 已经是这一步的审批人。");
    assertThat(new HandOverResult(HandOverProblem.OVER_LIMIT, "陶博", 2).text(LeaveTexts.chinese()))
        .isEqualTo("每条申请最多加签 2 人，已达上限。");
  }

  @Test
  void theLimitIsKeptBetweenNoneAndTen() {
    assertThat(HandOverSettings.clamp(2)).isEqualTo(2);
    assertThat(HandOverSettings.clamp(-1)).isZero();
    assertThat(HandOverSettings.clamp(99)).isEqualTo(10);
  }
}
