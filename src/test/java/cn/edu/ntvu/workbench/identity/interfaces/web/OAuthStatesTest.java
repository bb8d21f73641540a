package cn.edu.ntvu.workbench.identity.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OAuthStatesTest {
  private final Instant now = Instant.parse("2026-11-25T07:50:00Z");

  @Test
  void aStateIsUsableOnceAndCarriesItsTarget() {
    OAuthStates states = new OAuthStates();
    String state = states.issue("/leave/apply.xhtml?x=1", now);

    assertThat(state).matches("[A-Za-z0-9]{32}");
    assertThat(states.consume(state, now.plusSeconds(5))).contains("/leave/apply.xhtml?x=1");
    assertThat(states.consume(state, now.plusSeconds(6))).isEmpty();
  }

  @Test
  void tamperedOrForeignStatesAreRefused() {
    OAuthStates states = new OAuthStates();
    String state = states.issue("/", now);

    assertThat(states.consume(state + "x", now)).isEmpty();
    assertThat(states.consume(new OAuthStates().issue("/", now), now)).isEmpty();
    assertThat(states.consume(null, now)).isEmpty();
    assertThat(states.consume(state, now)).contains("/");
  }

  @Test
  void statesExpire() {
    OAuthStates states = new OAuthStates();
    String state = states.issue("/", now);

    assertThat(states.consume(state, now.plus(OAuthStates.LIFETIME).plusSeconds(1))).isEmpty();
  }

  @Test
  void onlyTheNewestFewStayPending() {
    OAuthStates states = new OAuthStates();
    String first = states.issue("/1", now);
    String last = null;
    for (int i = 0; i < OAuthStates.MAX_PENDING; i++) {
      last = states.issue("/n", now);
    }

    assertThat(states.consume(first, now)).isEmpty();
    assertThat(states.consume(last, now)).contains("/n");
  }
}
