package cn.edu.ntvu.workbench.forms.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionTest {
  @Test
  void editedOptionLinesKeepTheIdsOfUnchangedLabels() {
    List<ChoiceOption> before = List.of(new ChoiceOption("o1", "篮球"), new ChoiceOption("o2", "音乐"));
    List<ChoiceOption> after = Question.optionsFromLines("音乐\n\n 编程 \n篮球", before);
    assertThat(after)
        .containsExactly(
            new ChoiceOption("o2", "音乐"),
            new ChoiceOption("o3", "编程"),
            new ChoiceOption("o1", "篮球"));
  }

  @Test
  void theBuilderIsToldWhatToFixBeforePublishing() {
    Question q = Question.blank(QuestionType.NUMBER, 1);
    assertThat(q.problems())
        .extracting(Problem::key)
        .containsExactly("forms.builder.error.titleMissing");
    Question bad =
        new Question(
            0,
            1,
            QuestionType.NUMBER,
            "x",
            "",
            false,
            BigDecimal.TEN,
            BigDecimal.ONE,
            9,
            null,
            null,
            null,
            List.of(),
            true,
            null);
    assertThat(bad.problems())
        .extracting(Problem::key)
        .containsExactly("forms.builder.error.numberRange", "forms.builder.error.decimals");
    Question oneOption =
        new Question(
            0,
            1,
            QuestionType.SINGLE,
            "x",
            "",
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(new ChoiceOption("o1", "a")),
            true,
            null);
    assertThat(oneOption.problems())
        .extracting(Problem::key)
        .containsExactly("forms.builder.error.fewOptions");
    Question ticks =
        new Question(
            0,
            1,
            QuestionType.MULTIPLE,
            "x",
            "",
            false,
            null,
            null,
            null,
            3,
            2,
            null,
            List.of(new ChoiceOption("o1", "a"), new ChoiceOption("o2", "b")),
            true,
            null);
    assertThat(ticks.problems())
        .extracting(Problem::key)
        .containsExactly("forms.builder.error.choiceRange");
  }

  @Test
  void lifecycleGoesOneWay() {
    assertThat(FormStatus.DRAFT.mayMoveTo(FormStatus.PUBLISHED)).isTrue();
    assertThat(FormStatus.PUBLISHED.mayMoveTo(FormStatus.CLOSED)).isTrue();
    assertThat(FormStatus.CLOSED.mayMoveTo(FormStatus.ARCHIVED)).isTrue();
    assertThat(FormStatus.CLOSED.mayMoveTo(FormStatus.PUBLISHED)).isFalse();
    assertThat(FormStatus.DRAFT.mayMoveTo(FormStatus.CLOSED)).isFalse();
    assertThat(FormStatus.ARCHIVED.mayMoveTo(FormStatus.DRAFT)).isFalse();
  }

  @Test
  void aFormTakesAnswersOnlyWhilePublishedAndBeforeItsDeadline() {
    LocalDateTime now = LocalDateTime.of(2026, 11, 25, 10, 20);
    FormSettings s = new FormSettings("体检", "", now.plusHours(1), false, true, false);
    assertThat(s.open(FormStatus.PUBLISHED, now)).isTrue();
    assertThat(s.open(FormStatus.PUBLISHED, now.plusHours(1))).isFalse();
    assertThat(s.open(FormStatus.CLOSED, now)).isFalse();
    assertThat(
            new FormSettings("x", "", now.minusMinutes(1), false, false, false).problems(now, true))
        .extracting(Problem::key)
        .containsExactly("forms.builder.error.deadlinePast");
    assertThat(new FormSettings("", "", null, true, true, false).problems(now, false))
        .extracting(Problem::key)
        .containsExactly("forms.builder.error.formTitle", "forms.builder.error.editSeveral");
  }
}
