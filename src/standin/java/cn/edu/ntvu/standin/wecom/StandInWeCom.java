package cn.edu.ntvu.standin.wecom;

import cn.edu.ntvu.standin.StandInJson;
import cn.edu.ntvu.standin.StandInSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tokens and OAuth codes, separate from HTTP so that they are tested without a container. Each
 * method returns exactly the JSON WeCom would (wecom-api-notes §1.2, §2.4). A token is for the
 * workbench agent's secret or for the contacts-sync secret (§6.3): only the latter may call the
 * contacts API.
 */
@ApplicationScoped
public class StandInWeCom {

  static final String GETTOKEN = "/cgi-bin/gettoken";
  static final String GETUSERINFO = "/cgi-bin/auth/getuserinfo";
  static final Duration TOKEN_LIFETIME = Duration.ofSeconds(7200);
  static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

  /** Marks a token issued for the contacts-sync secret (kept in the grant's userid column). */
  static final String CONTACTS_TOKEN = "secret:contacts";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Map<Integer, String> ERRMSGS =
      Map.of(
          -1, "system busy",
          40001, "invalid credential",
          40013, "invalid corpid",
          40014, "invalid access_token",
          40029, "invalid code",
          41001, "access_token missing",
          41008, "missing code",
          42001, "access_token expired",
          45009, "api freq out of limit");

  private StandInGrants grants;
  private StandInFaults faults;
  private Clock clock;
  private Supplier<String> corpId;
  private Supplier<String> corpSecret;
  private Supplier<String> contactsSecret;

  protected StandInWeCom() {}

  StandInWeCom(
      StandInGrants grants,
      StandInFaults faults,
      Clock clock,
      Supplier<String> corpId,
      Supplier<String> corpSecret,
      Supplier<String> contactsSecret) {
    this.grants = grants;
    this.faults = faults;
    this.clock = clock;
    this.corpId = corpId;
    this.corpSecret = corpSecret;
    this.contactsSecret = contactsSecret;
  }

  @Inject
  void wire(StandInGrants grants, StandInFaults faults, StandInSettings settings) {
    this.grants = grants;
    this.faults = faults;
    this.clock = Clock.systemUTC();
    this.corpId = settings::corpId;
    this.corpSecret = settings::agentSecret;
    this.contactsSecret = settings::contactsSecret;
  }

  /**
   * Whether a token is valid now and was issued for the contacts-sync secret: empty when it is
   * missing or invalid (41001/40014 are the caller's answer), false when it belongs to an agent
   * (48002).
   */
  public Optional<Boolean> isContactsToken(String accessToken) {
    if (accessToken == null || accessToken.isBlank()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return grants
        .find(accessToken, StandInGrant.Type.TOKEN)
        .filter(t -> t.validAt(now))
        .map(t -> CONTACTS_TOKEN.equals(t.userid()));
  }

  /** Whether a token is valid now (of any secret). */
  public boolean isValidToken(String accessToken) {
    return accessToken != null
        && !accessToken.isBlank()
        && grants
            .find(accessToken, StandInGrant.Type.TOKEN)
            .filter(t -> t.validAt(clock.instant()))
            .isPresent();
  }

  /** {@code GET /cgi-bin/gettoken?corpid=…&corpsecret=…} */
  public JsonObject gettoken(String corpid, String corpsecret) {
    Optional<JsonObject> fault = faults.onCall(GETTOKEN);
    if (fault.isPresent()) {
      return fault.get();
    }
    if (corpid == null || !corpid.equals(corpId.get())) {
      return error(40013);
    }
    boolean contacts = corpsecret != null && corpsecret.equals(contactsSecret.get());
    if (!contacts && (corpsecret == null || !corpsecret.equals(corpSecret.get()))) {
      return error(40001);
    }
    Instant now = clock.instant();
    grants.deleteExpiredBefore(now.minus(Duration.ofDays(1)));
    String token = randomValue();
    grants.save(
        new StandInGrant(
            token,
            StandInGrant.Type.TOKEN,
            contacts ? CONTACTS_TOKEN : null,
            now.plus(TOKEN_LIFETIME),
            false));
    return StandInJson.ok()
        .add("access_token", token)
        .add("expires_in", TOKEN_LIFETIME.toSeconds())
        .build();
  }

  /** {@code GET /cgi-bin/auth/getuserinfo?access_token=…&code=…} */
  public JsonObject getuserinfo(String accessToken, String code) {
    Optional<JsonObject> fault = faults.onCall(GETUSERINFO);
    if (fault.isPresent()) {
      return fault.get();
    }
    if (accessToken == null || accessToken.isBlank()) {
      return error(41001);
    }
    if (!isValidToken(accessToken)) {
      return error(40014);
    }
    if (code == null || code.isBlank()) {
      return error(41008);
    }
    Optional<StandInGrant> redeemed = grants.redeemCode(code, clock.instant());
    if (redeemed.isEmpty()) {
      return error(40029);
    }
    String userid = redeemed.get().userid();
    if (userid == null) {
      return StandInJson.ok().add("openid", "oStandIn" + randomValue().substring(0, 20)).build();
    }
    return StandInJson.ok().add("userid", userid).build();
  }

  /**
   * A single-use OAuth code valid for five minutes, for a member or (userid null or blank) a
   * non-member.
   */
  public String issueCode(String userid) {
    String code = randomValue();
    grants.save(
        new StandInGrant(
            code,
            StandInGrant.Type.CODE,
            userid == null || userid.isBlank() ? null : userid,
            clock.instant().plus(CODE_LIFETIME),
            false));
    return code;
  }

  /** Lets every issued access_token expire now; the next API call answers 40014. */
  public int expireAllTokens() {
    return grants.expireAllTokens(clock.instant());
  }

  static String errmsgOf(int errcode) {
    return ERRMSGS.getOrDefault(errcode, "injected fault");
  }

  private static JsonObject error(int errcode) {
    return StandInJson.error(errcode, errmsgOf(errcode));
  }

  private static String randomValue() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
