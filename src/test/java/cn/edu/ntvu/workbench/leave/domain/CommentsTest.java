package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommentsTest {
  @Test
  void aCommentIsNotBlankAndAtMost500Characters() {
    assertThat(Comments.check("请补交医院证明", 0)).isEmpty();
    assertThat(Comments.check("  ", 0)).contains(Comments.Problem.EMPTY);
    assertThat(Comments.check(null, 0)).contains(Comments.Problem.EMPTY);
    assertThat(Comments.check("病".repeat(500), 0)).isEmpty();
    assertThat(Comments.check("病".repeat(501), 0)).contains(Comments.Problem.TOO_LONG);
    // Surrounding white space does not count.
    assertThat(Comments.check("  " + "病".repeat(500) + "\n", 0)).isEmpty();
  }

  @Test
  void aStormIsStoppedAtTenAnHour() {
    assertThat(Comments.check("好的", 9)).isEmpty();
    assertThat(Comments.check("好的", 10)).contains(Comments.Problem.TOO_MANY);
  }

  @Test
  void everyOtherPersonHearsOnceAndTheAuthorNever() {
    assertThat(Comments.recipients("10001", "2024", List.of("10001", "10002", "10002", "10003")))
        .containsExactly("2024", "10002", "10003");
    assertThat(Comments.recipients("2024", "2024", List.of("10001", "10002")))
        .containsExactly("10001", "10002");
    assertThat(Comments.recipients("2024", "2024", List.of())).isEmpty();
  }
}
