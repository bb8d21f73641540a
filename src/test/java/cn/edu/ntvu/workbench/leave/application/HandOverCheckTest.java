package cn.edu.ntvu.workbench.leave.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.leave.application.HandOverCheck.Target;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import org.junit.jupiter.api.Test;

class HandOverCheckTest {
  private static final Target TAO = new Target("10003", "陶博", PersonKind.STAFF, true);

  @Test
  void anActiveMemberOfStaffOtherThanOneselfMayBeGivenTheStep() {
    assertThat(HandOverCheck.target("10001", "10003", TAO)).isEmpty();
    assertThat(HandOverCheck.target("10001", " 10003 ", TAO)).isEmpty();
  }

  @Test
  void nobodyOneselfAStrangerAStudentAndSomeoneInactiveAreRefused() {
    assertThat(HandOverCheck.target("10001", null, null)).contains(HandOverProblem.NOBODY);
    assertThat(HandOverCheck.target("10001", "  ", null)).contains(HandOverProblem.NOBODY);
    // Oneself is named as such even though the directory knows them.
    assertThat(
            HandOverCheck.target(
                "10001", "10001", new Target("10001", "毛敏", PersonKind.STAFF, true)))
        .contains(HandOverProblem.SELF);
    assertThat(HandOverCheck.target("10001", "nobody", null))
        .contains(HandOverProblem.UNKNOWN_PERSON);
    assertThat(
            HandOverCheck.target(
                "10001", "20240100001", new Target("20240100001", "田芬", PersonKind.STUDENT, true)))
        .contains(HandOverProblem.STUDENT);
    assertThat(
            HandOverCheck.target(
                "10001", "10005", new Target("10005", "余刚", PersonKind.STAFF, false)))
        .contains(HandOverProblem.INACTIVE);
    // A student who has also left is refused as a student: that is what could never change.
    assertThat(
            HandOverCheck.target(
                "10001", "2024", new Target("2024", "某", PersonKind.STUDENT, false)))
        .contains(HandOverProblem.STUDENT);
  }

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
