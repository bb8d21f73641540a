package cn.edu.ntvu.workbench.wecom.standin;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.contacts.application.ContactsSettings;
import cn.edu.ntvu.workbench.wecom.infrastructure.WeComSettings;
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
 * The stand-in's behaviour, separate from HTTP so that it can be tested without a container. Each
 * method returns exactly the JSON WeCom would (wecom-api-notes §1.2, §2.4).
 */
@ApplicationScoped
public class StandInWeCom {

  static final String GETTOKEN = "/cgi-bin/gettoken";
  static final String GETUSERINFO = "/cgi-bin/auth/getuserinfo";
  static final Duration TOKEN_LIFETIME = Duration.ofSeconds(7200);
  static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

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
  /** The contacts-sync secret (§6.3): its tokens, and only they, may call the contacts API. */
  private Supplier<String> contactsSecret = () -> ContactsSettings.DEV_CONTACTS_SECRET;

  /** Marks a token issued for the contacts-sync secret (kept in the grant's userid column). */
  static final String CONTACTS_TOKEN = "secret:contacts";

  protected StandInWeCom() {}

  StandInWeCom(
      StandInGrants grants,
      StandInFaults faults,
      Clock clock,
      Supplier<String> corpId,
      Supplier<String> corpSecret) {
    this.grants = grants;
    this.faults = faults;
    this.clock = clock;
    this.corpId = corpId;
    this.corpSecret = corpSecret;
  }

  @Inject
  void wire(StandInGrants grants, StandInFaults faults, WeComSettings settings) {
    this.grants = grants;
    this.faults = faults;
    this.clock = Clock.systemUTC();
    this.corpId = settings::corpId;
    this.corpSecret = () -> settings.workbenchAgent().secret();
  }

  @Inject
  void wireContacts(ContactsSettings contacts) {
    this.contactsSecret = () -> contacts.contactsAgent().map(a -> a.secret()).orElse(ContactsSettings.DEV_CONTACTS_SECRET);
  }

  /**
   * Whether a token is valid now and was issued for the contacts-sync secret: empty when it is missing or invalid
   * (41001/40014 are the caller's answer), false when it belongs to an agent (48002).
   */
  Optional<Boolean> isContactsToken(String accessToken) {
    if (accessToken == null || accessToken.isBlank()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return grants.find(accessToken, StandInGrant.Type.TOKEN).filter(t -> t.validAt(now))
        .map(t -> CONTACTS_TOKEN.equals(t.userid()));
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
        new StandInGrant(token, StandInGrant.Type.TOKEN, contacts ? CONTACTS_TOKEN : null,
            now.plus(TOKEN_LIFETIME), false));
    return Jsons.createObjectBuilder()
        .add("errcode", 0)
        .add("errmsg", "ok")
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
    Instant now = clock.instant();
    boolean tokenValid =
        grants.find(accessToken, StandInGrant.Type.TOKEN).filter(t -> t.validAt(now)).isPresent();
    if (!tokenValid) {
      return error(40014);
    }
    if (code == null || code.isBlank()) {
      return error(41008);
    }
    Optional<StandInGrant> redeemed = grants.redeemCode(code, now);
    if (redeemed.isEmpty()) {
      return error(40029);
    }
    String userid = redeemed.get().userid();
    if (userid == null) {
      return Jsons.createObjectBuilder()
          .add("errcode", 0)
          .add("errmsg", "ok")
          .add("openid", "oStandIn" + randomValue().substring(0, 20))
          .build();
    }
    return Jsons.createObjectBuilder()
        .add("errcode", 0)
        .add("errmsg", "ok")
        .add("userid", userid)
        .build();
  }

  /** A single-use OAuth code valid for five minutes, for a member or (userid null) a non-member. */
  public String issueCode(String userid) {
    Instant now = clock.instant();
    String code = randomValue();
    grants.save(
        new StandInGrant(
            code,
            StandInGrant.Type.CODE,
            userid == null || userid.isBlank() ? null : userid,
            now.plus(CODE_LIFETIME),
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
    return Jsons.createObjectBuilder()
        .add("errcode", errcode)
        .add("errmsg", errmsgOf(errcode))
        .build();
  }

  private static String randomValue() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
