package cn.edu.ntvu.workbench.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {
  @Test
  void mobileKeepsPrefixAndLastFour() {
    assertThat(Masking.mobile("13800001234")).isEqualTo("138****1234");
    assertThat(Masking.mobile(" 13800001234 ")).isEqualTo("138****1234");
  }

  @Test
  void shortOrMissingValuesRevealNothing() {
    assertThat(Masking.mobile("12345")).isEqualTo("*****");
    assertThat(Masking.mobile(null)).isEmpty();
    assertThat(Masking.email(null)).isEmpty();
    assertThat(Masking.email("nobody")).isEqualTo("***");
  }

  @Test
  void emailKeepsFirstLetterAndDomain() {
    assertThat(Masking.email("t10001@ntvu.example")).isEqualTo("t***@ntvu.example");
  }
}
