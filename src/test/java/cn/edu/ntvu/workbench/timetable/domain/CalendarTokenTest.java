package cn.edu.ntvu.workbench.timetable.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalendarTokenTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void aTokenIs256RandomBitsInUrlSafeCharacters() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      CalendarToken t = CalendarToken.generate(random);
      assertThat(t.value()).matches("[A-Za-z0-9_-]{43}");
      assertThat(java.util.Base64.getUrlDecoder().decode(t.value())).hasSize(32);
      assertThat(seen.add(t.value())).isTrue();
    }
  }

  @Test
  void onlyTheHashIsStoredAndTheTokenNeverPrints() {
    CalendarToken t = CalendarToken.generate(random);
    assertThat(t.sha256())
        .matches("[0-9a-f]{64}")
        .isEqualTo(CalendarToken.parse(t.value()).orElseThrow().sha256());
    assertThat(t.sha256()).doesNotContain(t.value());
    assertThat(t.toString()).doesNotContain(t.value());
    assertThat(String.valueOf(t)).isEqualTo("CalendarToken[hidden]");
    // a known value: SHA-256 of 43 'A's
    assertThat(CalendarToken.parse("A".repeat(43)).orElseThrow().sha256())
        .isEqualTo(sha256Hex("A".repeat(43)));
  }

  @Test
  void parseAcceptsOnlyTheTokenForm() {
    assertThat(CalendarToken.parse(null)).isEmpty();
    assertThat(CalendarToken.parse("")).isEmpty();
    assertThat(CalendarToken.parse("A".repeat(42))).isEmpty();
    assertThat(CalendarToken.parse("A".repeat(44))).isEmpty();
    assertThat(CalendarToken.parse("A".repeat(42) + "=")).isEmpty();
    assertThat(CalendarToken.parse("A".repeat(42) + "/")).isEmpty();
    assertThat(CalendarToken.parse("A".repeat(42) + "-")).isPresent();
  }

  private static String sha256Hex(String s) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes()));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
