package cn.edu.ntvu.workbench.timetable.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ICalendarTextTest {
  private static String fold(String line) {
    StringBuilder out = new StringBuilder();
    ICalendarText.appendFolded(out, line);
    return out.toString();
  }

  private static String unfold(String folded) {
    return folded.replace("\r\n ", "").replaceAll("\r\n$", "");
  }

  @Test
  void textEscapesBackslashSemicolonCommaAndLineBreaks() {
    assertThat(ICalendarText.escape("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    assertThat(ICalendarText.escape("tab\tok\u0007bell\u007f")).isEqualTo("tab\tokbell");
    assertThat(ICalendarText.escape(null)).isEmpty();
    assertThat(ICalendarText.escape("第1-2节：数据库")).isEqualTo("第1-2节：数据库");
  }

  @Test
  void seventyFiveOctetsStayOnOneLineAndOneMoreFolds() {
    String exact = "X".repeat(75);
    assertThat(fold(exact)).isEqualTo(exact + "\r\n");
    assertThat(fold(exact + "Y")).isEqualTo(exact + "\r\n Y\r\n");
  }

  @Test
  void foldingNeverCutsAMultiByteCharacter() {
    // 1 ASCII octet then 3-octet characters: 75 is reached mid-character, so the fold comes before
    // it
    String line = "S" + "汉".repeat(60) + "😀".repeat(20) + "尾";
    String folded = fold(line);
    for (String physical : folded.split("\r\n")) {
      byte[] b = physical.getBytes(StandardCharsets.UTF_8);
      assertThat(b.length).isLessThanOrEqualTo(ICalendarText.MAX_OCTETS);
      assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo(physical);
      assertThat(physical).doesNotContain("\uFFFD");
    }
    assertThat(folded.split("\r\n")[0].getBytes(StandardCharsets.UTF_8)).hasSize(73);
    assertThat(unfold(folded)).isEqualTo(line);
  }
}
