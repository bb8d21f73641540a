package cn.edu.ntvu.workbench.wecom.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.wecom.domain.VerificationFile.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Only WeCom's WW_verify_*.txt shape reaches the site root (docs/wecom-api.md §8). */
class VerificationFileTest {

  @Test
  void aRealLookingFileIsAcceptedWithItsContentTrimmed() {
    VerificationFile f =
        VerificationFile.of("WW_verify_Ab12Cd34Ef56Gh78.txt", bytes("Ab12Cd34Ef56Gh78\n"));
    assertThat(f.name()).isEqualTo("WW_verify_Ab12Cd34Ef56Gh78.txt");
    assertThat(f.content()).isEqualTo("Ab12Cd34Ef56Gh78");
    assertThat(
            VerificationFile.of("C:\\Users\\a\\WW_verify_abcd1234.txt", bytes("\uFEFFabcd1234"))
                .name())
        .isEqualTo("WW_verify_abcd1234.txt");
  }

  @Test
  void otherNamesAreRefused() {
    for (String name :
        new String[] {
          "index.html",
          "WW_verify_.txt",
          "WW_verify_abc/../x.txt",
          "WW_verify_abcd1234.html",
          "ww_verify_abcd1234.txt",
          "WW_verify_abcd 1234.txt",
          "MP_verify_abcd1234.txt",
          "WW_verify_abcd1234.txt.exe"
        }) {
      assertRefused(name, bytes("abcd1234"), Problem.BAD_NAME);
    }
  }

  @Test
  void largeOrOddContentIsRefused() {
    assertRefused("WW_verify_abcd1234.txt", new byte[1025], Problem.TOO_LARGE);
    assertRefused(
        "WW_verify_abcd1234.txt", bytes("<script>alert(1)</script>"), Problem.BAD_CONTENT);
    assertRefused("WW_verify_abcd1234.txt", bytes("abcd 1234"), Problem.BAD_CONTENT);
    assertRefused(
        "WW_verify_abcd1234.txt", new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}, Problem.BAD_CONTENT);
    assertRefused("WW_verify_abcd1234.txt", new byte[0], Problem.NO_FILE);
    assertRefused(null, bytes("abcd1234"), Problem.NO_FILE);
  }

  @Test
  void requestPaths() {
    assertThat(VerificationFile.isRequestPath("/WW_verify_abcd1234.txt")).isTrue();
    assertThat(VerificationFile.isRequestPath("/WW_verify_abcd1234.txt/x")).isFalse();
    assertThat(VerificationFile.isRequestPath("/WW_verify_..%2F.txt")).isFalse();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertRefused(String name, byte[] content, Problem problem) {
    assertThatThrownBy(() -> VerificationFile.of(name, content))
        .isInstanceOf(VerificationFile.Refused.class)
        .satisfies(e -> assertThat(((VerificationFile.Refused) e).problem()).isEqualTo(problem));
  }
}
