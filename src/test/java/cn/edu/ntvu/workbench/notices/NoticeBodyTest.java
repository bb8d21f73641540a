package cn.edu.ntvu.workbench.notices;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.notices.application.NoticeBody;
import org.junit.jupiter.api.Test;

/** The body's whitelist: what stays, what goes (bad input of issue 20). */
class NoticeBodyTest {
  @Test
  void keepsTheSmallSafeSubset() {
    String html =
        "<p>第一段 <b>粗</b> <strong>重</strong> <i>斜</i> <em>强调</em><br />换行</p>"
            + "<ul><li>一</li></ul><ol><li>二</li></ol>";
    assertThat(NoticeBody.safe(html)).isEqualTo(html);
  }

  @Test
  void scriptsStylesAndEventHandlersAreDropped() {
    String out =
        NoticeBody.safe(
            "<p onclick=\"alert(1)\">你好<script>alert(2)</script></p><img src=x onerror=alert(3)>"
                + "<style>p{}</style><iframe src=\"https://x\"></iframe><div>块</div>");
    assertThat(out).doesNotContain("script", "onclick", "onerror", "img", "style", "iframe", "div");
    assertThat(out).contains("<p>你好</p>", "块");
  }

  @Test
  void linksKeepOnlyHttpHttpsAndMailtoAndGetRel() {
    assertThat(NoticeBody.safe("<a href=\"https://ntvu.edu.cn/a\">校网</a>"))
        // The sanitiser writes the two rels in either order (a set inside it).
        .matches(
            "<a href=\"https://ntvu\\.edu\\.cn/a\" rel=\"(noopener nofollow|nofollow noopener)\">校网</a>");
    assertThat(NoticeBody.safe("<a href=\"mailto:x@ntvu.edu.cn\">信</a>")).contains("mailto:");
    assertThat(NoticeBody.safe("<a href=\"javascript:alert(1)\">点</a>"))
        .doesNotContain("javascript")
        .contains("点");
    assertThat(NoticeBody.safe("<a href=\"JaVaScRiPt:alert(1)\">点</a>")).doesNotContain("alert");
    assertThat(NoticeBody.safe("<a href=\"data:text/html,x\">点</a>")).doesNotContain("data:");
    assertThat(NoticeBody.safe("<a href=\"https://x\" target=\"_blank\" style=\"color:red\">x</a>"))
        .doesNotContain("target", "style");
  }

  @Test
  void plainTextBecomesParagraphsAndIsEscaped() {
    assertThat(NoticeBody.safe("第一行\n第二行\n\n第二段 1 < 2 & 3"))
        .isEqualTo("<p>第一行<br />第二行</p><p>第二段 1 &lt; 2 &amp; 3</p>");
    assertThat(NoticeBody.safe("  ")).isEmpty();
  }

  @Test
  void plainTextOfTheBodyForTheCard() {
    assertThat(NoticeBody.plain(NoticeBody.safe("<p>明天 <b>8:00</b></p><p>操场集合</p>")))
        .isEqualTo("明天 8:00 操场集合");
  }
}
