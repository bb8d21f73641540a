package cn.edu.ntvu.workbench.wecom.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The official worked example of WC/96909 (docs/wecom-api.md §3) and the rule that only our own
 * pages are signed.
 */
class JsSdkSignatureTest {
  static final String TICKET =
      "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";

  @Test
  void officialWorkedExample() {
    JsSdkSignature s =
        JsSdkSignature.sign(
            TICKET, "Wm3WZYTPz0wzccnW", 1414587457L, "http://mp.weixin.qq.com?params=value");
    assertThat(s.signature()).isEqualTo("0f9de62fce790f9a083d5c99e95740ceb90c27ed");
    assertThat(s.timestamp()).isEqualTo(1414587457L);
    assertThat(s.nonceStr()).isEqualTo("Wm3WZYTPz0wzccnW");
  }

  @Test
  void olderMpVersionOfTheExample() {
    assertThat(
            JsSdkSignature.sign(TICKET, "Wm3WZYTPz0wzccnW", 1414587457L, "http://mp.weixin.qq.com")
                .signature())
        .isEqualTo("f4d90daf4b3bca3078ab155816175ba34c443a7b");
  }

  @Test
  void theFragmentIsNotSigned() {
    assertThat(
            JsSdkSignature.sign(
                    TICKET,
                    "Wm3WZYTPz0wzccnW",
                    1414587457L,
                    "http://mp.weixin.qq.com?params=value#frag")
                .signature())
        .isEqualTo("0f9de62fce790f9a083d5c99e95740ceb90c27ed");
  }

  @Test
  void onlyPagesOfOurOwnSiteAreSigned() {
    String base = "https://workbench.ntvu.edu.cn";
    assertThat(
            JsSdkSignature.isOwnPage(
                "https://workbench.ntvu.edu.cn/timetable/calendar.xhtml?x=1#a", base))
        .isTrue();
    assertThat(JsSdkSignature.isOwnPage("https://workbench.ntvu.edu.cn", base)).isTrue();
    assertThat(JsSdkSignature.isOwnPage("https://WORKBENCH.ntvu.edu.cn:443/", base)).isTrue();
    assertThat(JsSdkSignature.isOwnPage("http://workbench.ntvu.edu.cn/", base))
        .as("scheme")
        .isFalse();
    assertThat(JsSdkSignature.isOwnPage("https://workbench.ntvu.edu.cn:8443/", base))
        .as("port")
        .isFalse();
    assertThat(JsSdkSignature.isOwnPage("https://workbench.ntvu.edu.cn.evil.com/", base)).isFalse();
    assertThat(JsSdkSignature.isOwnPage("https://evil.com/?https://workbench.ntvu.edu.cn/", base))
        .isFalse();
    assertThat(JsSdkSignature.isOwnPage("https://user@workbench.ntvu.edu.cn/", base)).isFalse();
    assertThat(JsSdkSignature.isOwnPage("//workbench.ntvu.edu.cn/", base)).isFalse();
    assertThat(JsSdkSignature.isOwnPage("javascript:alert(1)", base)).isFalse();
    assertThat(JsSdkSignature.isOwnPage("", base)).isFalse();
    assertThat(JsSdkSignature.isOwnPage(null, base)).isFalse();
    assertThat(JsSdkSignature.isOwnPage("https://workbench.ntvu.edu.cn/" + "a".repeat(3000), base))
        .isFalse();
    assertThat(
            JsSdkSignature.isOwnPage(
                "http://localhost:8080/app/x.xhtml", "http://localhost:8080/app"))
        .isTrue();
    assertThat(
            JsSdkSignature.isOwnPage(
                "http://localhost:8080/other/x.xhtml", "http://localhost:8080/app"))
        .isFalse();
    assertThat(
            JsSdkSignature.isOwnPage(
                "http://localhost:8080/app/../other", "http://localhost:8080/app"))
        .isFalse();
  }
}
