package cn.edu.ntvu.workbench.forms.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.forms.domain.ChoiceOption;
import cn.edu.ntvu.workbench.forms.domain.Question;
import cn.edu.ntvu.workbench.forms.domain.QuestionType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionStatsTest {
  @Test
  void choicesAreCountedPerOptionAndNumbersGiveMinAverageMax() {
    Question choice =
        new Question(
            1,
            1,
            QuestionType.MULTIPLE,
            "兴趣",
            "",
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(new ChoiceOption("o1", "篮球"), new ChoiceOption("o2", "音乐")),
            true,
            null);
    Question number =
        new Question(
            2,
            2,
            QuestionType.NUMBER,
            "身高",
            "",
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            true,
            null);
    Question text =
        new Question(
            3,
            3,
            QuestionType.TEXT,
            "备注",
            "",
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            true,
            null);
    // As the database aggregates them: answers per question with min/avg/max, and choice ids
    // grouped as stored.
    List<QuestionStats> s =
        QuestionStats.of(
            List.of(choice, number, text),
            List.of(
                new Object[] {1L, 3L, null, null, null},
                new Object[] {
                  2L,
                  2L,
                  new BigDecimal("170"),
                  new BigDecimal("175.750000"),
                  new BigDecimal("181.5")
                }),
            List.of(new Object[] {1L, "o1,o2", 1L}, new Object[] {1L, "o1", 2L}));
    assertThat(s.get(0).answered()).isEqualTo(3);
    assertThat(s.get(0).bars())
        .containsExactly(new QuestionStats.Bar("篮球", 3, 100), new QuestionStats.Bar("音乐", 1, 33));
    assertThat(s.get(1).minText()).isEqualTo("170");
    assertThat(s.get(1).avgText()).isEqualTo("175.75");
    assertThat(s.get(1).maxText()).isEqualTo("181.5");
    assertThat(s.get(2).answered()).isZero();
    assertThat(s.get(2).minText()).isEqualTo("—");
  }
}
