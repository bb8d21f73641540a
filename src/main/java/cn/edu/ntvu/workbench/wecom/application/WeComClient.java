package cn.edu.ntvu.workbench.wecom.application;

import cn.edu.ntvu.workbench.wecom.domain.Agent;
import cn.edu.ntvu.workbench.wecom.domain.WeComApiException;
import cn.edu.ntvu.workbench.wecom.domain.WeComConfigurationException;
import cn.edu.ntvu.workbench.wecom.domain.WeComIdentity;
import cn.edu.ntvu.workbench.wecom.domain.WeComInvalidCodeException;
import cn.edu.ntvu.workbench.wecom.domain.WeComRateLimitedException;
import cn.edu.ntvu.workbench.wecom.domain.WeComUnavailableException;
import jakarta.enterprise.inject.Vetoed;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The project's WeCom server-API client. It applies the rules of docs/wecom-api.md §2 so that
 * callers only see answers or typed exceptions:
 *
 * <ul>
 *   <li>access_token is cached per agent in memory and in the shared {@link CredentialStore}, and
 *       used until {@code expires_in − 300 s} (never less than half of expires_in) (§2.1);
 *   <li>one refresh at a time across servers: the store refreshes under a row lock and re-checks
 *       after acquiring it; within one server a per-agent lock keeps threads from queueing on the
 *       database;
 *   <li>40014/42001: compare-and-delete the token that failed, fetch a new one, retry once (§2.4);
 *   <li>-1 系统繁忙: back off with jitter, at most {@value #MAX_ATTEMPTS_WHEN_BUSY} attempts (§2.4);
 *   <li>40001 (wrong secret in WeCom), 45009 and every other errcode: a typed {@link
 *       WeComApiException}, never a loop.
 * </ul>
 *
 * <p>Logs carry the API path, errcode and duration, never a secret, token, code or query string.
 *
 * <p>Not a managed bean by itself ({@code @Vetoed}): the infrastructure producer builds the one
 * instance from the settings, so a later {@code bean-discovery-mode="all"} cannot add a second.
 */
@Vetoed
public class WeComClient {

  static final String GETTOKEN = "/cgi-bin/gettoken";
  static final String GETUSERINFO = "/cgi-bin/auth/getuserinfo";
  static final int MAX_ATTEMPTS_WHEN_BUSY = 3;
  static final Duration BUSY_BACKOFF_BASE = Duration.ofMillis(300);
  static final long REFRESH_MARGIN_SECONDS = 300;

  private static final Logger LOG = Logger.getLogger(WeComClient.class.getName());
  private static final int SYSTEM_BUSY = -1;
  private static final Set<Integer> TOKEN_REJECTED = Set.of(40014, 42001);

  private final String corpId;
  private final Agent workbenchAgent;
  private final WeComHttp http;
  private final CredentialStore store;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final ConcurrentMap<String, Credential> tokens = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();

  /**
   * For the CDI client proxy only; every call goes to an instance made by the other constructor.
   */
  protected WeComClient() {
    this.corpId = null;
    this.workbenchAgent = null;
    this.http = null;
    this.store = null;
    this.clock = null;
    this.sleeper = null;
    this.random = null;
  }

  public WeComClient(
      String corpId,
      Agent workbenchAgent,
      WeComHttp http,
      CredentialStore store,
      Clock clock,
      Sleeper sleeper,
      RandomGenerator random) {
    this.corpId = requireText(corpId, "corpId");
    this.workbenchAgent = Objects.requireNonNull(workbenchAgent, "workbenchAgent");
    this.http = Objects.requireNonNull(http, "http");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The agent whose tiles live on the workbench (wecom.agent-id / wecom.agent-secret). */
  public Agent workbenchAgent() {
    return workbenchAgent;
  }

  /**
   * Who the OAuth code from the workbench agent's authorize redirect belongs to ({@code
   * auth/getuserinfo}, docs/wecom-api.md §1.2).
   *
   * @throws WeComInvalidCodeException 40029: used, expired or foreign code; restart OAuth
   * @throws WeComConfigurationException for example 50001 (untrusted redirect domain) or 40001
   * @throws WeComRateLimitedException 45009
   * @throws WeComApiException any other errcode
   * @throws WeComUnavailableException timeouts, network errors, WeCom still busy after retries
   */
  public WeComIdentity getUserInfo(String code) {
    return getUserInfo(workbenchAgent, code);
  }

  /** As {@link #getUserInfo(String)}, for a code issued to another agent. */
  public WeComIdentity getUserInfo(Agent agent, String code) {
    requireText(code, "code");
    JsonObject answer = get(agent, GETUSERINFO, Map.of("code", code));
    Optional<String> userid = text(answer, "userid");
    if (userid.isPresent()) {
      return new WeComIdentity.Member(userid.get(), text(answer, "user_ticket"));
    }
    Optional<String> openid = text(answer, "openid");
    if (openid.isPresent()) {
      return new WeComIdentity.NonMember(openid.get(), text(answer, "external_userid"));
    }
    throw new WeComUnavailableException(GETUSERINFO, "answer has neither userid nor openid");
  }

  /**
   * Calls a GET API with the agent's access_token added to the query and returns WeCom's answer
   * (errcode 0). For APIs that have no method of their own yet.
   */
  public JsonObject get(Agent agent, String path, Map<String, String> query) {
    return callWithToken(agent, path, query, q -> http.get(path, q));
  }

  /** As {@link #get}, for a POST API with a JSON body. */
  public JsonObject post(Agent agent, String path, Map<String, String> query, JsonObject body) {
    Objects.requireNonNull(body, "body");
    return callWithToken(agent, path, query, q -> http.post(path, q, body));
  }

  /**
   * As {@link #post}, uploading a file as multipart {@code media} ({@code media/upload?type=file}).
   */
  public JsonObject upload(
      Agent agent, String path, Map<String, String> query, String filename, byte[] content) {
    Objects.requireNonNull(content, "content");
    return callWithToken(agent, path, query, q -> http.upload(path, q, filename, content));
  }

  /** The agent's current access_token; never to be sent to a browser (docs/wecom-api.md §1.2). */
  Credential accessToken(Agent agent) {
    String key = cacheKey(agent);
    Credential cached = tokens.get(key);
    if (cached != null && cached.usableAt(clock.instant())) {
      return cached;
    }
    ReentrantLock lock = refreshLocks.computeIfAbsent(key, k -> new ReentrantLock());
    lock.lock();
    try {
      cached = tokens.get(key);
      if (cached != null && cached.usableAt(clock.instant())) {
        return cached;
      }
      Optional<Credential> stored =
          store.read(key).filter(credential -> credential.usableAt(clock.instant()));
      Credential current =
          stored.isPresent()
              ? stored.get()
              : store.refresh(
                  key, credential -> credential.usableAt(clock.instant()), () -> fetchToken(agent));
      tokens.put(key, current);
      return current;
    } finally {
      lock.unlock();
    }
  }

  private JsonObject callWithToken(
      Agent agent,
      String path,
      Map<String, String> query,
      Function<Map<String, String>, JsonObject> exchange) {
    Objects.requireNonNull(agent, "agent");
    Credential token = accessToken(agent);
    for (int tokenAttempt = 1; ; tokenAttempt++) {
      Map<String, String> withToken = new LinkedHashMap<>();
      withToken.put("access_token", token.value());
      withToken.putAll(query);
      JsonObject answer = exchangeRetryingBusy(path, () -> exchange.apply(withToken));
      int errcode = errcode(answer);
      if (errcode == 0) {
        return answer;
      }
      if (TOKEN_REJECTED.contains(errcode) && tokenAttempt == 1) {
        LOG.log(
            Level.WARNING,
            "WeCom {0} rejected the access_token of agent {1} (errcode={2}); refreshing once",
            new Object[] {path, agent.agentId(), String.valueOf(errcode)});
        invalidate(agent, token);
        token = accessToken(agent);
        continue;
      }
      throw failure(path, answer);
    }
  }

  private void invalidate(Agent agent, Credential failed) {
    String key = cacheKey(agent);
    tokens.computeIfPresent(key, (k, held) -> held.value().equals(failed.value()) ? null : held);
    store.invalidate(key, failed.value());
  }

  private Credential fetchToken(Agent agent) {
    Instant requestedAt = clock.instant();
    Map<String, String> query = new LinkedHashMap<>();
    query.put("corpid", corpId);
    query.put("corpsecret", agent.secret());
    JsonObject answer = exchangeRetryingBusy(GETTOKEN, () -> http.get(GETTOKEN, query));
    if (errcode(answer) != 0) {
      throw failure(GETTOKEN, answer);
    }
    String token =
        text(answer, "access_token")
            .orElseThrow(
                () -> new WeComUnavailableException(GETTOKEN, "answer has no access_token"));
    long expiresIn =
        answer.get("expires_in") instanceof JsonNumber number ? number.longValue() : 7200;
    long useFor = Math.max(expiresIn - REFRESH_MARGIN_SECONDS, expiresIn / 2);
    LOG.log(
        Level.INFO,
        "WeCom access_token refreshed for agent {0}: expires_in={1}s, used for {2}s",
        new Object[] {agent.agentId(), String.valueOf(expiresIn), String.valueOf(useFor)});
    return new Credential(token, requestedAt.plusSeconds(useFor));
  }

  private JsonObject exchangeRetryingBusy(String path, Supplier<JsonObject> exchange) {
    for (int attempt = 1; ; attempt++) {
      long started = System.nanoTime();
      JsonObject answer;
      try {
        answer = exchange.get();
      } catch (WeComUnavailableException e) {
        LOG.log(
            Level.WARNING,
            "WeCom {0} failed after {1} ms: {2}",
            new Object[] {path, String.valueOf(elapsedMillis(started)), e.getMessage()});
        throw e;
      }
      int errcode = errcode(answer);
      LOG.log(
          Level.FINE,
          "WeCom {0} errcode={1} in {2} ms",
          new Object[] {path, String.valueOf(errcode), String.valueOf(elapsedMillis(started))});
      if (errcode != SYSTEM_BUSY) {
        return answer;
      }
      if (attempt >= MAX_ATTEMPTS_WHEN_BUSY) {
        throw new WeComUnavailableException(path, "errcode -1 系统繁忙 after " + attempt + " attempts");
      }
      Duration pause = backoff(attempt);
      LOG.log(
          Level.WARNING,
          "WeCom {0} is busy (errcode=-1), attempt {1} of {2}; retrying in {3} ms",
          new Object[] {
            path,
            String.valueOf(attempt),
            String.valueOf(MAX_ATTEMPTS_WHEN_BUSY),
            String.valueOf(pause.toMillis())
          });
      sleeper.sleep(pause);
    }
  }

  /** Exponential back-off with jitter: between half and all of base·2^(attempt−1). */
  Duration backoff(int attempt) {
    long ceiling = BUSY_BACKOFF_BASE.toMillis() << (attempt - 1);
    return Duration.ofMillis(ceiling / 2 + (long) (random.nextDouble() * (ceiling / 2.0)));
  }

  private WeComApiException failure(String path, JsonObject answer) {
    WeComApiException failure =
        WeComApiException.of(path, errcode(answer), text(answer, "errmsg").orElse(""));
    LOG.log(
        failure instanceof WeComConfigurationException ? Level.SEVERE : Level.WARNING,
        "WeCom {0} failed: errcode={1} ({2})",
        new Object[] {path, String.valueOf(failure.errcode()), failure.hintKey()});
    return failure;
  }

  private String cacheKey(Agent agent) {
    return "access_token:" + corpId + ":" + agent.agentId();
  }

  private static int errcode(JsonObject answer) {
    return answer.get("errcode") instanceof JsonNumber number ? number.intValue() : 0;
  }

  private static Optional<String> text(JsonObject answer, String name) {
    JsonValue value = answer.get(name);
    if (value instanceof JsonString string && !string.getString().isBlank()) {
      return Optional.of(string.getString());
    }
    return Optional.empty();
  }

  private static long elapsedMillis(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }
}
