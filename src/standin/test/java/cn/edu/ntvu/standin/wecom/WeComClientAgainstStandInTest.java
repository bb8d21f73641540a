package cn.edu.ntvu.standin.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.testsupport.MutableClock;
import cn.edu.ntvu.workbench.wecom.application.Credential;
import cn.edu.ntvu.workbench.wecom.application.CredentialStore;
import cn.edu.ntvu.workbench.wecom.application.WeComClient;
import cn.edu.ntvu.workbench.wecom.application.WeComHttp;
import cn.edu.ntvu.workbench.wecom.domain.Agent;
import cn.edu.ntvu.workbench.wecom.domain.WeComConfigurationException;
import cn.edu.ntvu.workbench.wecom.domain.WeComIdentity;
import cn.edu.ntvu.workbench.wecom.domain.WeComInvalidCodeException;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The app's real WeCom client against the stand-in, wired without HTTP: the shapes fit both ways.
 * (It lives with the stand-in's tests for their package access; the app and the stand-in share no
 * class at run time.)
 */
class WeComClientAgainstStandInTest {

  final MutableClock clock = new MutableClock();
  final StandInFaults faults = new StandInFaults();
  final StandInWeCom standIn =
      new StandInWeCom(
          new InMemoryStandInGrants(),
          faults,
          clock,
          () -> WeComStandInTest.CORP_ID,
          () -> WeComStandInTest.SECRET,
          () -> WeComStandInTest.CONTACTS);
  final WeComHttp http =
      new WeComHttp() {
        @Override
        public JsonObject get(String path, Map<String, String> query) {
          return switch (path) {
            case "/cgi-bin/gettoken" ->
                standIn.gettoken(query.get("corpid"), query.get("corpsecret"));
            case "/cgi-bin/auth/getuserinfo" ->
                standIn.getuserinfo(query.get("access_token"), query.get("code"));
            default -> throw new IllegalArgumentException(path);
          };
        }

        @Override
        public JsonObject post(String path, Map<String, String> query, JsonObject body) {
          throw new UnsupportedOperationException(path);
        }
      };

  WeComClient client(String secret) {
    return new WeComClient(
        WeComStandInTest.CORP_ID,
        new Agent("1000002", secret),
        http,
        new MapCredentialStore(),
        clock,
        d -> {},
        new Random(3));
  }

  @Test
  void memberAndNonMemberSignIn() {
    WeComClient client = client(WeComStandInTest.SECRET);

    assertThat(client.getUserInfo(standIn.issueCode("2023010101")))
        .isEqualTo(new WeComIdentity.Member("2023010101", Optional.empty()));
    assertThat(client.getUserInfo(standIn.issueCode(null)))
        .isInstanceOf(WeComIdentity.NonMember.class);
    assertThat(faults.calls("/cgi-bin/gettoken")).isEqualTo(1);
  }

  @Test
  void reusedCodeIsInvalid() {
    WeComClient client = client(WeComStandInTest.SECRET);
    String code = standIn.issueCode("2023010101");
    client.getUserInfo(code);

    assertThatThrownBy(() -> client.getUserInfo(code))
        .isInstanceOf(WeComInvalidCodeException.class);
  }

  @Test
  void busyGettokenIsRetriedAndExpiredTokensAreRefreshedOnce() {
    WeComClient client = client(WeComStandInTest.SECRET);
    faults.failNext("/cgi-bin/gettoken", -1, null, 2, Duration.ZERO);
    client.getUserInfo(standIn.issueCode("a"));
    assertThat(faults.calls("/cgi-bin/gettoken")).isEqualTo(3);

    standIn.expireAllTokens();
    client.getUserInfo(standIn.issueCode("b"));

    assertThat(faults.calls("/cgi-bin/gettoken")).isEqualTo(4);
    assertThat(faults.calls("/cgi-bin/auth/getuserinfo")).isEqualTo(3);
  }

  @Test
  void wrongSecretIsAConfigurationError() {
    assertThatThrownBy(() -> client("wrong").getUserInfo(standIn.issueCode("a")))
        .isInstanceOf(WeComConfigurationException.class);
    assertThat(faults.calls("/cgi-bin/gettoken")).isEqualTo(1);
  }

  /** The simplest store: one server, no lock needed. */
  static final class MapCredentialStore implements CredentialStore {
    private final Map<String, Credential> map = new ConcurrentHashMap<>();

    @Override
    public Optional<Credential> read(String cacheKey) {
      return Optional.ofNullable(map.get(cacheKey));
    }

    @Override
    public synchronized Credential refresh(
        String cacheKey, Predicate<Credential> stillUsable, Supplier<Credential> fetch) {
      Credential current = map.get(cacheKey);
      if (current != null && stillUsable.test(current)) {
        return current;
      }
      Credential fresh = fetch.get();
      map.put(cacheKey, fresh);
      return fresh;
    }

    @Override
    public boolean invalidate(String cacheKey, String failedValue) {
      Credential held = map.get(cacheKey);
      return held != null && held.value().equals(failedValue) && map.remove(cacheKey, held);
    }
  }
}
