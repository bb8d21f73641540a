package cn.edu.ntvu.workbench.identity.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CasLogoutRequestFilterTest {
  @Test
  void theBodyIsReadUpToTheLimitAndNoFurther() throws IOException {
    assertThat(CasLogoutRequestFilter.readAtMost(new ByteArrayInputStream(new byte[100]), 100))
        .hasSize(100);
    int[] read = {0};
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            read[0]++;
            return 'a';
          }
        };
    assertThat(CasLogoutRequestFilter.readAtMost(endless, 16 * 1024)).isNull();
    assertThat(read[0])
        .as("bytes taken from an endless body")
        .isLessThanOrEqualTo(16 * 1024 + 4096);
  }

  @Test
  void theFieldIsDecodedFromTheForm() {
    assertThat(
            CasLogoutRequestFilter.field(
                "a=1&logoutRequest=%3CLogoutRequest%3E+x&b=2", "logoutRequest"))
        .contains("<LogoutRequest> x");
    assertThat(CasLogoutRequestFilter.field("logoutRequestX=1", "logoutRequest")).isEmpty();
    assertThat(CasLogoutRequestFilter.field("logoutRequest=%zz", "logoutRequest")).isEmpty();
    assertThat(CasLogoutRequestFilter.field("", "logoutRequest")).isEmpty();
  }
}
