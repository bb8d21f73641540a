package cn.edu.ntvu.workbench.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTargetTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/index.xhtml",
        "/leave/detail.xhtml?id=42&tab=history",
        "/timetable/?week=3"
      })
  void sameOriginPathsAreAccepted(String target) {
    assertThat(SafeTarget.of(target)).contains(target);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "evil.example",
        "/ok\r\nSet-Cookie: x=y",
        "/login?target=/",
        "/logout",
        "/callback?client_name=CasClient",
        "/..//evil.example",
        "/./\\evil.example",
        "/%2e%2e//evil.example",
        "/%2F%2Fevil.example",
        "%2F%2Fevil.example",
        "/%5Cevil.example",
        "/\t/evil.example",
        "https:evil.example",
        "https:/evil.example",
        "/x/../admin/audit.csv",
        ""
      })
  void everythingElseFallsBackToHome(String target) {
    assertThat(SafeTarget.of(target)).isEmpty();
    assertThat(SafeTarget.orHome(target)).isEqualTo("/");
  }

  @org.junit.jupiter.api.Test
  void nullAndOverlongTargetsGoHome() {
    assertThat(SafeTarget.orHome(null)).isEqualTo("/");
    assertThat(SafeTarget.orHome("/" + "a".repeat(3000))).isEqualTo("/");
  }
}
