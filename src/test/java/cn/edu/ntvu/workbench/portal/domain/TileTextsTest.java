package cn.edu.ntvu.workbench.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a tile says depends on who looks: a student, staff, in Chinese or English. */
class TileTextsTest {
  private static final TileTexts LEAVE =
      new TileTexts("Student leave", "Approve requests", "请假、销假", "Ask for leave, report back");

  @Test
  void aStudentReadsTheirOwnDescription() {
    assertThat(LEAVE.description("审批、确认销假", true, false)).isEqualTo("请假、销假");
    assertThat(LEAVE.description("审批、确认销假", false, false)).isEqualTo("审批、确认销假");
    assertThat(LEAVE.description("审批、确认销假", true, true)).isEqualTo("Ask for leave, report back");
    assertThat(LEAVE.description("审批、确认销假", false, true)).isEqualTo("Approve requests");
    assertThat(LEAVE.name("学生请假", true)).isEqualTo("Student leave");
    assertThat(LEAVE.name("学生请假", false)).isEqualTo("学生请假");
  }

  @Test
  void whatIsNotSetFallsBackToTheChinese() {
    assertThat(TileTexts.NONE.name("图书馆", true)).isEqualTo("图书馆");
    assertThat(TileTexts.NONE.description("借书", true, true)).isEqualTo("借书");
    assertThat(new TileTexts(" ", "", null, null).checked()).isEqualTo(TileTexts.NONE);
    assertThatThrownBy(() -> new TileTexts("x".repeat(41), null, null, null).checked())
        .isInstanceOf(TileInputException.class);
  }
}
