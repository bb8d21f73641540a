package cn.edu.ntvu.workbench.forms.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.forms.domain.ExportLinkKey.Check;
import cn.edu.ntvu.workbench.forms.domain.ExportLinkKey.Link;
import org.junit.jupiter.api.Test;

/**
 * The signed export links: valid until their end, then expired; any changed part (form, person,
 * time, format, signature) or another server secret makes them forged; malformed tokens never
 * throw.
 */
class ExportLinkKeyTest {
  private static final String SECRET = "test-export-link-secret-0123456789abcdef";
  private final ExportLinkKey key = new ExportLinkKey(SECRET);
  private final Link link = new Link(42, "xlsx", 7, 1_800_000_300L);
  private final String token = key.sign(link);

  @Test
  void aFreshLinkIsValidUntilItsEndAndExpiredFromThenOn() {
    assertThat(key.check(token, "xlsx", 1_800_000_000L)).isEqualTo(new Check.Valid(link));
    assertThat(key.check(token, "xlsx", 1_800_000_299L)).isEqualTo(new Check.Valid(link));
    assertThat(key.check(token, "xlsx", 1_800_000_300L)).isEqualTo(new Check.Expired(link));
    assertThat(key.check(token, "xlsx", 1_900_000_000L)).isInstanceOf(Check.Expired.class);
  }

  @Test
  void anotherFormPersonTimeOrFormatIsForged() {
    String[] p = token.split("\\.");
    String sig = p[3];
    long now = 1_800_000_000L;
    assertThat(key.check("43." + p[1] + "." + p[2] + "." + sig, "xlsx", now))
        .as("another form")
        .isInstanceOf(Check.Forged.class);
    assertThat(key.check(p[0] + ".8." + p[2] + "." + sig, "xlsx", now))
        .as("another person")
        .isInstanceOf(Check.Forged.class);
    assertThat(key.check(p[0] + "." + p[1] + ".1900000000." + sig, "xlsx", now))
        .as("a later end")
        .isInstanceOf(Check.Forged.class);
    assertThat(key.check(token, "csv", now)).as("another format").isInstanceOf(Check.Forged.class);
    assertThat(key.check("042." + p[1] + "." + p[2] + "." + sig, "xlsx", now))
        .as("the same number spelt otherwise")
        .isInstanceOf(Check.Forged.class);
  }

  @Test
  void aTamperedSignatureOrAnotherSecretIsForged() {
    long now = 1_800_000_000L;
    char last = token.charAt(token.length() - 2);
    String tampered =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);
    assertThat(key.check(tampered, "xlsx", now)).isInstanceOf(Check.Forged.class);
    ExportLinkKey other = new ExportLinkKey("another-export-link-secret-0123456789abcdef");
    assertThat(other.check(token, "xlsx", now)).isInstanceOf(Check.Forged.class);
    assertThat(other.sign(link)).isNotEqualTo(token);
  }

  @Test
  void malformedTokensAreForgedAndNeverThrow() {
    for (String t :
        new String[] {
          null,
          "",
          "1.1.1",
          "1.1.1.",
          "a.b.c.d",
          "1.1.1.!!!",
          "-1.7.1800000300.AAAA",
          "1.1.1.AAAA.extra",
          "x".repeat(500),
          token + "%00"
        }) {
      assertThat(key.check(t, "xlsx", 1_800_000_000L)).as(t).isInstanceOf(Check.Forged.class);
    }
    assertThat(key.check(token, null, 1_800_000_000L)).isInstanceOf(Check.Forged.class);
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> new ExportLinkKey("short"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExportLinkKey(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
