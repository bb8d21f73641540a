package cn.edu.ntvu.workbench.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextCardTest {

  @Test
  void aLongDescriptionIsCutToWeComsByteLimitByWholeLines() {
    String html =
        TextCard.div("gray", "张老师 发起")
            + TextCard.div("normal", "长".repeat(200))
            + TextCard.div("highlight", "截止时间 12-01 18:00");
    String fitted = TextCard.fitBytes(html, 512);
    assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(512);
    assertThat(fitted)
        .startsWith("<div class=\"gray\">张老师 发起</div>")
        .doesNotContain("<div class=\"highlight\"");
    assertThat(TextCard.div("normal", "<script>&\""))
        .isEqualTo("<div class=\"normal\">&lt;script&gt;&amp;&quot;</div>");
  }

  @Test
  void theBodyKeepsTheTitleWithinFortyCharactersAndTheDescriptionWithin512Bytes() {
    String body =
        TextCard.body(
            "标".repeat(60),
            TextCard.div("gray", "a") + TextCard.div("normal", "长".repeat(300)),
            "https://x/y",
            "详情");
    assertThat(body)
        .contains("\"msgtype\":\"textcard\"")
        .contains("\"title\":\"" + "标".repeat(39) + "…\"")
        .contains("\"description\":\"<div class=\\\"gray\\\">a</div>\"")
        .contains("\"btntxt\":\"详情\"");
  }

  @Test
  void recipientsAreSplitIntoMessagesOfAtMostAThousandWithNumberedKeys() {
    List<String> to = IntStream.range(0, 2_500).mapToObj(i -> "u" + i).toList();
    List<OutgoingMessage> out = TextCard.split("forms:7:published", to, "{}", "forms:7");
    assertThat(out)
        .extracting(OutgoingMessage::messageKey)
        .containsExactly("forms:7:published:0", "forms:7:published:1", "forms:7:published:2");
    assertThat(out).extracting(m -> m.toUsers().size()).containsExactly(1000, 1000, 500);
    assertThat(out.get(2).toUsers()).startsWith("u2000").endsWith("u2499");
    assertThat(out).allSatisfy(m -> assertThat(m.topic()).isEqualTo("forms:7"));
  }
}
