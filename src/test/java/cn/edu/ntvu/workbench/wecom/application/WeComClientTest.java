package cn.edu.ntvu.workbench.wecom.application;

import static cn.edu.ntvu.workbench.wecom.application.WeComClient.GETTOKEN;
import static cn.edu.ntvu.workbench.wecom.application.WeComClient.GETUSERINFO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.testsupport.MutableClock;
import cn.edu.ntvu.workbench.wecom.domain.Agent;
import cn.edu.ntvu.workbench.wecom.domain.WeComApiException;
import cn.edu.ntvu.workbench.wecom.domain.WeComConfigurationException;
import cn.edu.ntvu.workbench.wecom.domain.WeComErrorHint;
import cn.edu.ntvu.workbench.wecom.domain.WeComIdentity;
import cn.edu.ntvu.workbench.wecom.domain.WeComInvalidCodeException;
import cn.edu.ntvu.workbench.wecom.domain.WeComRateLimitedException;
import cn.edu.ntvu.workbench.wecom.domain.WeComUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeComClientTest {

  static final String CORP_ID = "ww0123456789abcdef";
  static final Agent AGENT = new Agent("1000002", "agent-secret-DO-NOT-LOG");
  static final String KEY = "access_token:" + CORP_ID + ":1000002";

  final FakeWeComHttp http = new FakeWeComHttp();
  final InMemoryCredentialStore store = new InMemoryCredentialStore();
  final MutableClock clock = new MutableClock();
  final List<Duration> sleeps = new ArrayList<>();
  final WeComClient client = client(store);

  WeComClient client(CredentialStore sharedStore) {
    return new WeComClient(CORP_ID, AGENT, http, sharedStore, clock, sleeps::add, new Random(7));
  }

  @Test
  void gettokenSendsCorpIdAndAgentSecret() {
    client.getUserInfo("CODE");

    assertThat(http.calls(GETTOKEN).get(0).query())
        .containsEntry("corpid", CORP_ID)
        .containsEntry("corpsecret", AGENT.secret());
    assertThat(http.calls(GETUSERINFO).get(0).query())
        .containsEntry("access_token", "TOKEN-1")
        .containsEntry("code", "CODE");
  }

  @Test
  void tokenIsCachedSoTheSecondCallMakesNoGettokenAndNoStoreRead() {
    client.getUserInfo("CODE-1");
    int readsAfterFirstCall = store.reads.get();
    client.getUserInfo("CODE-2");

    assertThat(http.count(GETTOKEN)).isEqualTo(1);
    assertThat(http.count(GETUSERINFO)).isEqualTo(2);
    assertThat(http.calls(GETUSERINFO).get(1).query()).containsEntry("access_token", "TOKEN-1");
    assertThat(store.reads.get()).isEqualTo(readsAfterFirstCall);
  }

  @Test
  void tokenIsRefreshedFiveMinutesBeforeItExpires() {
    client.getUserInfo("CODE-1");
    clock.advance(Duration.ofSeconds(7200 - 300 - 1));
    client.getUserInfo("CODE-2");
    assertThat(http.count(GETTOKEN)).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2));
    client.getUserInfo("CODE-3");

    assertThat(http.count(GETTOKEN)).isEqualTo(2);
    assertThat(http.calls(GETUSERINFO).get(2).query()).containsEntry("access_token", "TOKEN-2");
  }

  @Test
  void shortLivedTokenIsUsedForAtLeastHalfItsLife() {
    http.expiresIn = 400;
    Instant start = clock.instant();

    Credential token = client.accessToken(AGENT);

    assertThat(token.useUntil()).isEqualTo(start.plusSeconds(200));
  }

  @Test
  void tokenStoredByAnotherServerIsReusedWithoutGettoken() {
    store.put(KEY, new Credential("TOKEN-FROM-OTHER-SERVER", clock.instant().plusSeconds(3600)));

    client.getUserInfo("CODE");

    assertThat(http.count(GETTOKEN)).isZero();
    assertThat(http.calls(GETUSERINFO).get(0).query())
        .containsEntry("access_token", "TOKEN-FROM-OTHER-SERVER");
  }

  @Test
  void memberComesBackWithUseridAndTicket() {
    http.answerNext(
        GETUSERINFO,
        "{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"2023010101\",\"user_ticket\":\"T\"}");

    assertThat(client.getUserInfo("CODE"))
        .isEqualTo(new WeComIdentity.Member("2023010101", Optional.of("T")));
  }

  @Test
  void nonMemberComesBackAsItsOwnType() {
    http.answerNext(
        GETUSERINFO,
        "{\"errcode\":0,\"errmsg\":\"ok\",\"openid\":\"OPENID\",\"external_userid\":\"EXT\"}");

    assertThat(client.getUserInfo("CODE"))
        .isEqualTo(new WeComIdentity.NonMember("OPENID", Optional.of("EXT")));
  }

  @Test
  void answerWithoutUseridOrOpenidIsNotAMember() {
    http.answerNext(GETUSERINFO, "{\"errcode\":0,\"errmsg\":\"ok\"}");

    assertThatThrownBy(() -> client.getUserInfo("CODE"))
        .isInstanceOf(WeComUnavailableException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {40014, 42001})
  void rejectedTokenIsInvalidatedRefreshedAndTheCallRetriedOnce(int errcode) {
    client.getUserInfo("CODE-0");
    http.answerNext(
        GETUSERINFO, "{\"errcode\":" + errcode + ",\"errmsg\":\"invalid access_token\"}");

    WeComIdentity identity = client.getUserInfo("CODE-1");

    assertThat(identity).isInstanceOf(WeComIdentity.Member.class);
    assertThat(http.count(GETTOKEN)).isEqualTo(2);
    assertThat(http.calls(GETUSERINFO))
        .extracting(c -> c.query().get("access_token"))
        .containsExactly("TOKEN-1", "TOKEN-1", "TOKEN-2");
    assertThat(store.read(KEY)).map(Credential::value).contains("TOKEN-2");
  }

  @Test
  void secondRejectionSurfacesAsAnErrorWithoutMoreRetries() {
    http.answerNext(
        GETUSERINFO,
        "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}",
        "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");

    assertThatThrownBy(() -> client.getUserInfo("CODE"))
        .isExactlyInstanceOf(WeComApiException.class)
        .satisfies(e -> assertThat(((WeComApiException) e).errcode()).isEqualTo(42001));
    assertThat(http.count(GETTOKEN)).isEqualTo(2);
    assertThat(http.count(GETUSERINFO)).isEqualTo(2);
  }

  @Test
  void invalidationDoesNotThrowAwayATokenAnotherServerAlreadyRefreshed() {
    WeComClient otherServer = client(store);
    client.getUserInfo("CODE-0");
    store.invalidate(KEY, "TOKEN-1");
    otherServer.getUserInfo("CODE-1");
    assertThat(store.read(KEY)).map(Credential::value).contains("TOKEN-2");
    http.answerNext(GETUSERINFO, "{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}");

    client.getUserInfo("CODE-2");

    assertThat(store.read(KEY)).map(Credential::value).contains("TOKEN-2");
    assertThat(http.count(GETTOKEN)).isEqualTo(2);
    assertThat(http.calls(GETUSERINFO).get(3).query()).containsEntry("access_token", "TOKEN-2");
  }

  @Test
  void systemBusyIsRetriedWithGrowingJitteredBackOff() {
    http.answerNext(
        GETUSERINFO,
        "{\"errcode\":-1,\"errmsg\":\"system busy\"}",
        "{\"errcode\":-1,\"errmsg\":\"system busy\"}");

    assertThat(client.getUserInfo("CODE")).isInstanceOf(WeComIdentity.Member.class);
    assertThat(http.count(GETUSERINFO)).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(150), Duration.ofMillis(300));
    assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(300), Duration.ofMillis(600));
  }

  @Test
  void systemBusyGivesUpAfterThreeAttempts() {
    http.answerNext(
        GETUSERINFO,
        "{\"errcode\":-1,\"errmsg\":\"system busy\"}",
        "{\"errcode\":-1,\"errmsg\":\"system busy\"}",
        "{\"errcode\":-1,\"errmsg\":\"system busy\"}",
        "{\"errcode\":-1,\"errmsg\":\"system busy\"}");

    assertThatThrownBy(() -> client.getUserInfo("CODE"))
        .isInstanceOf(WeComUnavailableException.class)
        .hasMessageContaining(GETUSERINFO);
    assertThat(http.count(GETUSERINFO)).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void systemBusyOnGettokenIsRetriedToo() {
    http.answerNext(GETTOKEN, "{\"errcode\":-1,\"errmsg\":\"system busy\"}");

    client.getUserInfo("CODE");

    assertThat(http.count(GETTOKEN)).isEqualTo(2);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void wrongSecretIsAConfigurationErrorAndNotRetried() {
    http.answerNext(GETTOKEN, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");

    assertThatThrownBy(() -> client.getUserInfo("CODE"))
        .isInstanceOf(WeComConfigurationException.class)
        .satisfies(
            e -> {
              WeComApiException failure = (WeComApiException) e;
              assertThat(failure.errcode()).isEqualTo(40001);
              assertThat(failure.path()).isEqualTo(GETTOKEN);
              assertThat(failure.hint()).contains(WeComErrorHint.INVALID_SECRET);
            });
    assertThat(http.count(GETTOKEN)).isEqualTo(1);
    assertThat(http.count(GETUSERINFO)).isZero();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void errcode40001FromABusinessApiIsNotTreatedAsAnExpiredToken() {
    http.answerNext(GETUSERINFO, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");

    assertThatThrownBy(() -> client.getUserInfo("CODE"))
        .isInstanceOf(WeComConfigurationException.class);
    assertThat(http.count(GETTOKEN)).isEqualTo(1);
    assertThat(http.count(GETUSERINFO)).isEqualTo(1);
  }

  @Test
  void rateLimitIsTypedAndNotRetried() {
    http.answerNext(GETUSERINFO, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");

    assertThatThrownBy(() -> client.getUserInfo("CODE"))
        .isInstanceOf(WeComRateLimitedException.class)
        .satisfies(
            e ->
                assertThat(((WeComApiException) e).hintKey())
                    .isEqualTo("wecom.error.rate-limited"));
    assertThat(http.count(GETUSERINFO)).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void invalidCodeIsTyped() {
    http.answerNext(GETUSERINFO, "{\"errcode\":40029,\"errmsg\":\"invalid code\"}");

    assertThatThrownBy(() -> client.getUserInfo("USED-CODE"))
        .isInstanceOf(WeComInvalidCodeException.class)
        .hasMessageContaining("40029")
        .hasMessageNotContaining("USED-CODE");
    assertThat(http.count(GETUSERINFO)).isEqualTo(1);
  }

  @Test
  void otherErrcodesCarryPathErrcodeErrmsgAndHint() {
    http.answerNext(GETUSERINFO, "{\"errcode\":60011,\"errmsg\":\"no privilege\"}");

    assertThatThrownBy(() -> client.getUserInfo("CODE"))
        .isExactlyInstanceOf(WeComApiException.class)
        .satisfies(
            e -> {
              WeComApiException failure = (WeComApiException) e;
              assertThat(failure.path()).isEqualTo(GETUSERINFO);
              assertThat(failure.errcode()).isEqualTo(60011);
              assertThat(failure.errmsg()).isEqualTo("no privilege");
              assertThat(failure.hintKey()).isEqualTo("wecom.error.out-of-visible-range");
            });
  }

  @Test
  void userIdNotFoundHasItsOwnType() {
    http.answerNext(GETUSERINFO, "{\"errcode\":60111,\"errmsg\":\"userid not found\"}");

    assertThatThrownBy(() -> client.getUserInfo("CODE"))
        .isExactlyInstanceOf(cn.edu.ntvu.workbench.wecom.domain.WeComUserNotFoundException.class)
        .extracting(e -> ((WeComApiException) e).hintKey())
        .isEqualTo("wecom.error.userid-not-found");
  }

  @Test
  void unknownErrcodeHasAGenericHintKey() {
    http.answerNext(GETUSERINFO, "{\"errcode\":12345,\"errmsg\":\"something new\"}");

    assertThatThrownBy(() -> client.getUserInfo("CODE"))
        .isExactlyInstanceOf(WeComApiException.class)
        .satisfies(
            e -> assertThat(((WeComApiException) e).hintKey()).isEqualTo("wecom.error.other"));
  }

  @Test
  void timeoutIsTypedAndNotRetried() {
    http.failNext(GETUSERINFO, new WeComUnavailableException(GETUSERINFO, "read timeout"));

    assertThatThrownBy(() -> client.getUserInfo("CODE"))
        .isInstanceOf(WeComUnavailableException.class)
        .hasMessageContaining("read timeout");
    assertThat(http.count(GETUSERINFO)).isEqualTo(1);
  }

  @Test
  void failedGettokenStoresNothing() {
    http.failNext(GETTOKEN, new WeComUnavailableException(GETTOKEN, "connect timeout"));

    assertThatThrownBy(() -> client.getUserInfo("CODE"))
        .isInstanceOf(WeComUnavailableException.class);
    assertThat(store.read(KEY)).isEmpty();

    client.getUserInfo("CODE");
    assertThat(http.count(GETTOKEN)).isEqualTo(2);
  }
}
