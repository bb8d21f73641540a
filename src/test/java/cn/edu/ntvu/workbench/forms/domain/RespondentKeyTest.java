package cn.edu.ntvu.workbench.forms.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The anonymity key: stable per person and form, different across forms and secrets, never the
 * account itself.
 */
class RespondentKeyTest {
  private static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";

  @Test
  void theSamePersonAndFormGiveTheSameKeyAndNothingOfTheAccountShows() {
    RespondentKey k = new RespondentKey(SECRET);
    String a = k.of(7, "20240100001");
    assertThat(a).hasSize(64).matches("[0-9a-f]{64}").doesNotContain("20240100001");
    assertThat(k.of(7, "20240100001")).isEqualTo(a);
    assertThat(k.of(8, "20240100001")).isNotEqualTo(a);
    assertThat(k.of(7, "20240100002")).isNotEqualTo(a);
    assertThat(new RespondentKey(SECRET + "x").of(7, "20240100001")).isNotEqualTo(a);
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> new RespondentKey("short"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RespondentKey(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
