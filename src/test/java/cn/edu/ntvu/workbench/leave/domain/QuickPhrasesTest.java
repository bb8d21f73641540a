package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickPhrasesTest {
  @Test
  void aPhraseIsCheckedAgainstItsList() {
    assertThat(QuickPhrases.check("请补充证明材料", List.of(), 20)).isEmpty();
    assertThat(QuickPhrases.check(" ", List.of(), 20)).contains(QuickPhrases.Problem.EMPTY);
    assertThat(QuickPhrases.check("字".repeat(101), List.of(), 20))
        .contains(QuickPhrases.Problem.TOO_LONG);
    assertThat(QuickPhrases.check(" 同意 ", List.of("同意"), 20))
        .contains(QuickPhrases.Problem.DUPLICATE);
    List<String> full = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      full.add("短语" + i);
    }
    assertThat(QuickPhrases.check("再一条", full, 20)).contains(QuickPhrases.Problem.TOO_MANY);
  }

  @Test
  void aChosenPhraseGoesIntoTheBox() {
    assertThat(QuickPhrases.insert("", "请补充证明材料")).isEqualTo("请补充证明材料");
    assertThat(QuickPhrases.insert(null, "请补充证明材料")).isEqualTo("请补充证明材料");
    assertThat(QuickPhrases.insert("时间太长。", "请补充证明材料")).isEqualTo("时间太长。 请补充证明材料");
    assertThat(QuickPhrases.insert("时间太长。", "")).isEqualTo("时间太长。");
    assertThat(QuickPhrases.insert("请补充证明材料", "请补充证明材料")).isEqualTo("请补充证明材料");
  }
}
