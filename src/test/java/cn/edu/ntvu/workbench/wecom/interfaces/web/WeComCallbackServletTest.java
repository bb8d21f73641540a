package cn.edu.ntvu.workbench.wecom.interfaces.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.wecom.domain.CallbackRejectedException;
import org.junit.jupiter.api.Test;

/** A message signed long ago is a recording, whatever its signature. */
class WeComCallbackServletTest {

  @Test
  void onlyTimestampsWithinADayOfNowAreAccepted() {
    long now = System.currentTimeMillis() / 1000;
    assertThatCode(() -> WeComCallbackServlet.requireFresh(String.valueOf(now)))
        .doesNotThrowAnyException();
    assertThatCode(() -> WeComCallbackServlet.requireFresh(String.valueOf(now - 86_000)))
        .doesNotThrowAnyException();
    for (String stale : new String[] {"1409659813", String.valueOf(now + 90_000), "abc", ""}) {
      assertThatThrownBy(() -> WeComCallbackServlet.requireFresh(stale))
          .isInstanceOf(CallbackRejectedException.class)
          .hasMessageContaining("timestamp");
    }
  }
}
