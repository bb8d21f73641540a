package cn.edu.ntvu.workbench.forms.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every question type against good and bad input, as a person types it on the phone. */
class AnswerCheckTest {
  private static Question q(QuestionType type) {
    return Question.blank(type, 1);
  }

  private static Question required(Question q) {
    return new Question(
        q.id(),
        q.position(),
        q.type(),
        "题目",
        q.help(),
        true,
        q.min(),
        q.max(),
        q.decimals(),
        q.minChoices(),
        q.maxChoices(),
        q.maxLength(),
        q.options(),
        q.imagesOnly(),
        q.maxKilobytes());
  }

  private static Question number(String min, String max, Integer decimals) {
    return new Question(
        0,
        1,
        QuestionType.NUMBER,
        "身高",
        "",
        false,
        min == null ? null : new BigDecimal(min),
        max == null ? null : new BigDecimal(max),
        decimals,
        null,
        null,
        null,
        List.of(),
        true,
        null);
  }

  private static Question multiple(Integer min, Integer max) {
    return new Question(
        0,
        1,
        QuestionType.MULTIPLE,
        "兴趣",
        "",
        false,
        null,
        null,
        null,
        min,
        max,
        null,
        List.of(
            new ChoiceOption("o1", "篮球"),
            new ChoiceOption("o2", "音乐"),
            new ChoiceOption("o3", "编程")),
        true,
        null);
  }

  private static String key(AnswerCheck.Checked c) {
    return c.problem() == null ? null : c.problem().key();
  }

  @Test
  void aRequiredQuestionLeftEmptyIsRefusedAnOptionalOneStoresNothing() {
    for (QuestionType t : QuestionType.values()) {
      assertThat(key(AnswerCheck.check(required(q(t)), "  ", List.of())))
          .as(t.name())
          .isEqualTo("forms.error.required");
      assertThat(AnswerCheck.check(q(t), null, List.of()).empty()).as(t.name()).isTrue();
    }
  }

  @Test
  void textIsKeptAsTypedScriptAndFormulaIncludedButNotBeyondItsLength() {
    assertThat(AnswerCheck.check(q(QuestionType.TEXT), " <script>alert(1)</script> ", null).text())
        .isEqualTo("<script>alert(1)</script>");
    assertThat(AnswerCheck.check(q(QuestionType.TEXT), "=cmd|' /C calc'!A0", null).text())
        .isEqualTo("=cmd|' /C calc'!A0");
    AnswerCheck.Checked huge =
        AnswerCheck.check(q(QuestionType.TEXTAREA), "长".repeat(100_000), null);
    assertThat(key(huge)).isEqualTo("forms.error.tooLong");
    assertThat(huge.problem().args()).containsExactly(2000, 100_000);
    assertThat(key(AnswerCheck.check(q(QuestionType.TEXT), "a".repeat(201), null)))
        .isEqualTo("forms.error.tooLong");
    // A single line stays one line; control characters are dropped.
    assertThat(AnswerCheck.check(q(QuestionType.TEXT), "a\nb\u0000c", null).text())
        .isEqualTo("a bc");
    assertThat(AnswerCheck.check(q(QuestionType.TEXTAREA), "a\nb", null).text()).isEqualTo("a\nb");
  }

  @Test
  void numbersReadFullWidthDigitsAndRefuseOutOfRangeAndTooManyDecimals() {
    Question height = number("100", "250", 1);
    assertThat(AnswerCheck.check(height, "１７５．５", null).number()).isEqualByComparingTo("175.5");
    assertThat(AnswerCheck.check(height, " 180 ", null).number()).isEqualByComparingTo("180");
    assertThat(key(AnswerCheck.check(height, "99", null))).isEqualTo("forms.error.range");
    assertThat(AnswerCheck.check(height, "251", null).problem().args())
        .containsExactly("100", "250");
    assertThat(key(AnswerCheck.check(height, "１８０.２５", null))).isEqualTo("forms.error.decimals");
    assertThat(key(AnswerCheck.check(height, "一百八", null))).isEqualTo("forms.error.notNumber");
    assertThat(key(AnswerCheck.check(height, "1e3", null))).isEqualTo("forms.error.notNumber");
    assertThat(key(AnswerCheck.check(height, "=1+1", null))).isEqualTo("forms.error.notNumber");
    assertThat(key(AnswerCheck.check(number(null, null, 0), "2.5", null)))
        .isEqualTo("forms.error.wholeNumber");
    assertThat(key(AnswerCheck.check(number("0", null, null), "－３", null)))
        .isEqualTo("forms.error.atLeast");
    assertThat(key(AnswerCheck.check(number(null, "10", null), "11", null)))
        .isEqualTo("forms.error.atMost");
    assertThat(key(AnswerCheck.check(number(null, null, null), "9".repeat(40), null)))
        .isEqualTo("forms.error.notNumber");
  }

  @Test
  void choicesMustBeOptionsOfTheQuestionWithinTheTickLimits() {
    Question single = q(QuestionType.SINGLE);
    assertThat(AnswerCheck.check(single, "o2", null).choices()).containsExactly("o2");
    assertThat(key(AnswerCheck.check(single, "o9", null))).isEqualTo("forms.error.noSuchOption");
    assertThat(key(AnswerCheck.check(q(QuestionType.DROPDOWN), "<script>", null)))
        .isEqualTo("forms.error.noSuchOption");
    Question m = multiple(2, 2);
    assertThat(AnswerCheck.check(m, null, List.of("o3", "o1")).choices())
        .containsExactly("o1", "o3");
    assertThat(key(AnswerCheck.check(m, null, List.of("o1")))).isEqualTo("forms.error.fewChoices");
    assertThat(key(AnswerCheck.check(m, null, List.of("o1", "o2", "o3"))))
        .isEqualTo("forms.error.manyChoices");
    assertThat(key(AnswerCheck.check(m, null, List.of("o1", "o7"))))
        .isEqualTo("forms.error.noSuchOption");
    // The same option twice counts once.
    assertThat(key(AnswerCheck.check(m, null, List.of("o1", "o1"))))
        .isEqualTo("forms.error.fewChoices");
  }

  @Test
  void datesTimesAndMobileNumbers() {
    assertThat(AnswerCheck.check(q(QuestionType.DATE), "２０２６-１２-０１", null).text())
        .isEqualTo("2026-12-01");
    assertThat(key(AnswerCheck.check(q(QuestionType.DATE), "2026-02-30", null)))
        .isEqualTo("forms.error.badDate");
    assertThat(AnswerCheck.check(q(QuestionType.TIME), "08：30", null).text()).isEqualTo("08:30");
    assertThat(key(AnswerCheck.check(q(QuestionType.TIME), "25:00", null)))
        .isEqualTo("forms.error.badTime");
    assertThat(AnswerCheck.check(q(QuestionType.MOBILE), "138 0013 8000", null).text())
        .isEqualTo("13800138000");
    assertThat(AnswerCheck.check(q(QuestionType.MOBILE), "+86 １３８００１３８０００", null).text())
        .isEqualTo("13800138000");
    assertThat(key(AnswerCheck.check(q(QuestionType.MOBILE), "12800138000", null)))
        .isEqualTo("forms.error.badMobile");
    assertThat(key(AnswerCheck.check(q(QuestionType.MOBILE), "1380013800", null)))
        .isEqualTo("forms.error.badMobile");
  }

  @Test
  void filesAreRecognisedByContentAndSize() throws java.io.IOException {
    Question photo = Question.blank(QuestionType.FILE, 1);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png",
        out);
    byte[] png = out.toByteArray();
    byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
    byte[] pdf = {'%', 'P', 'D', 'F', '-', '1', '.', '7', 0, 0};
    assertThat(FileKind.problem(photo, "a.png", png)).isEmpty();
    assertThat(FileKind.problem(photo, "a.jpg", exe).orElseThrow().key())
        .isEqualTo("forms.error.notImage");
    assertThat(FileKind.problem(photo, "a.pdf", pdf).orElseThrow().key())
        .isEqualTo("forms.error.notImage");
    Question anyFile =
        new Question(
            0,
            1,
            QuestionType.FILE,
            "材料",
            "",
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            false,
            1);
    assertThat(FileKind.problem(anyFile, "a.pdf", pdf)).isEmpty();
    byte[] big = new byte[2048];
    System.arraycopy(pdf, 0, big, 0, pdf.length);
    assertThat(FileKind.problem(anyFile, "big.pdf", big).orElseThrow().key())
        .isEqualTo("forms.error.fileTooBig");
  }

  @Test
  void aPhotoBeyondTheLimitOrWithAnUnreadableHeaderIsRefusedBeforeItIsStored() {
    Question anyFile =
        new Question(
            0,
            1,
            QuestionType.FILE,
            "材料",
            "",
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            false,
            2048);
    byte[] bomb = cn.edu.ntvu.workbench.platform.files.ImageBombs.png30000();
    Problem p = FileKind.problem(anyFile, "炸弹.png", bomb).orElseThrow();
    assertThat(p.key()).isEqualTo("forms.error.tooManyPixels");
    assertThat(p.args()).containsExactly("炸弹.png", 30000, 30000, 50L, 5000L);
    byte[] cutPng = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
    assertThat(FileKind.problem(anyFile, "cut.png", cutPng).orElseThrow().key())
        .isEqualTo("forms.error.imageUnreadable");
  }
}
