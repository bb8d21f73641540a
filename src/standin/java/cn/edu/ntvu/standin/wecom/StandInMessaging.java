package cn.edu.ntvu.standin.wecom;

import cn.edu.ntvu.standin.StandInJson;
import cn.edu.ntvu.standin.StandInSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The stand-in's application messages, as wecom-api-notes §5 describes WeCom's:
 *
 * <ul>
 *   <li>{@code message/send}: access_token checked (41001/40014), agentid must be the app's
 *       (40056), touser split at '|' (at most 1000); userids not in the directory come back in
 *       {@code invaliduser}, lower-cased; if none is valid the call fails with 81013. The answer
 *       carries a msgid and, for button/vote/multiple interaction template cards, a single-use
 *       response_code.
 *   <li>duplicate check: with {@code enable_duplicate_check=1}, the same content to the same member
 *       within {@code duplicate_check_interval} (default 1800 s) is not delivered again; the call
 *       still answers ok.
 *   <li>per-member limits: a member who already got 30 messages in the last minute or 1000 in the
 *       last hour does not get this one; WeCom drops it silently (the call answers ok), and so does
 *       the stand-in (outcome DROPPED).
 *   <li>{@code update_template_card}: response_code required, once, within 72 h (§5.2).
 * </ul>
 *
 * Every received message is stored per recipient with its outcome, so that tests and the inbox page
 * can see what WeCom would have shown. Members are {@link StandInMessageStore#members}. The
 * counting and storing for one member are done under a lock of this server only (see the package
 * documentation): tests that count must talk to one server.
 */
@ApplicationScoped
public class StandInMessaging {
  static final String SEND = "/cgi-bin/message/send";
  static final String UPDATE_TEMPLATE_CARD = "/cgi-bin/message/update_template_card";
  static final String RECALL = "/cgi-bin/message/recall";

  /** §5.3/§10.3: only messages sent within 24 hours can be recalled. */
  static final Duration RECALL_WINDOW = Duration.ofHours(24);

  static final int PER_MINUTE = 30;
  static final int PER_HOUR = 1000;
  static final int DEFAULT_DUPLICATE_INTERVAL = 1800;
  static final int MAX_DUPLICATE_INTERVAL = 4 * 3600;
  static final Duration RESPONSE_CODE_LIFETIME = Duration.ofHours(72);
  private static final Set<String> INTERACTIVE =
      Set.of("button_interaction", "vote_interaction", "multiple_interaction");
  private static final Set<String> ADDRESSING =
      Set.of(
          "touser",
          "toparty",
          "totag",
          "agentid",
          "enable_duplicate_check",
          "duplicate_check_interval",
          "safe",
          "enable_id_trans");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ReentrantLock[] stripes = new ReentrantLock[64];

  private Predicate<String> validToken;

  /** Whether a token was issued for the workbench agent's own secret (not contacts-sync's). */
  private Predicate<String> appToken;

  private StandInFaults faults;
  private StandInMessageStore store;

  /**
   * WeCom's own time, not the app's school clock: the limits and the duplicate check run on real
   * time.
   */
  private Clock clock;

  private Supplier<String> agentId;

  protected StandInMessaging() {
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  StandInMessaging(
      Predicate<String> validToken,
      StandInFaults faults,
      StandInMessageStore store,
      Clock clock,
      Supplier<String> agentId) {
    this();
    this.validToken = validToken;
    this.appToken = validToken;
    this.faults = faults;
    this.store = store;
    this.clock = clock;
    this.agentId = agentId;
  }

  @Inject
  void wire(
      StandInWeCom standIn,
      StandInFaults faults,
      StandInMessageStore store,
      StandInSettings settings) {
    this.validToken = standIn::isValidToken;
    this.appToken = t -> standIn.isContactsToken(t).map(contacts -> !contacts).orElse(false);
    this.faults = faults;
    this.store = store;
    this.clock = Clock.systemDefaultZone();
    this.agentId = settings::agentId;
  }

  /** {@code POST /cgi-bin/message/send?access_token=…} */
  public JsonObject send(String accessToken, JsonObject body) {
    var fault = faults.onCall(SEND);
    if (fault.isPresent()) {
      return fault.get();
    }
    JsonObject refused = checkCall(accessToken, body);
    if (refused != null) {
      return refused;
    }
    String msgtype = body.getString("msgtype", "");
    if (msgtype.isBlank() || !(body.get(msgtype) instanceof JsonObject)) {
      return error(40008, "invalid message type");
    }
    List<String> requested =
        Arrays.stream(body.getString("touser", "").split("\\|"))
            .map(String::strip)
            .filter(u -> !u.isEmpty())
            .map(u -> u.toLowerCase(Locale.ROOT))
            .distinct()
            .toList();
    if (requested.size() > 1000) {
      return error(40031, "invalid user list: more than 1000");
    }
    Set<String> members = store.members(requested);
    List<String> valid = requested.stream().filter(members::contains).toList();
    List<String> invalid = requested.stream().filter(u -> !members.contains(u)).toList();
    if (valid.isEmpty()) {
      return error(81013, "user & party & tag all invalid");
    }
    boolean duplicateCheck =
        body.get("enable_duplicate_check") instanceof JsonNumber n && n.intValue() == 1;
    int interval =
        body.get("duplicate_check_interval") instanceof JsonNumber n
            ? Math.min(Math.max(n.intValue(), 1), MAX_DUPLICATE_INTERVAL)
            : DEFAULT_DUPLICATE_INTERVAL;
    String content = content(body);
    String hash = sha256(content);
    String msgid = randomValue(24);
    LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    List<ReentrantLock> held = lock(valid);
    try {
      List<StandInMessage> received = new ArrayList<>();
      for (String user : valid) {
        int lookBack = Math.max(3600, duplicateCheck ? interval : 0);
        List<StandInMessage> recent = store.deliveredSince(user, now.minusSeconds(lookBack));
        List<StandInMessage> lastHour =
            recent.stream().filter(m -> m.receivedAt().isAfter(now.minusHours(1))).toList();
        String outcome = StandInMessage.DELIVERED;
        if (duplicateCheck
            && recent.stream()
                .anyMatch(
                    m ->
                        m.contentHash().equals(hash)
                            && m.receivedAt().isAfter(now.minusSeconds(interval)))) {
          outcome = StandInMessage.DUPLICATE;
        } else if (lastHour.size() >= PER_HOUR
            || lastHour.stream().filter(m -> m.receivedAt().isAfter(now.minusMinutes(1))).count()
                >= PER_MINUTE) {
          outcome = StandInMessage.DROPPED;
        }
        received.add(
            new StandInMessage(0, now, "SEND", user, msgtype, hash, content, msgid, outcome));
      }
      store.save(received);
    } finally {
      held.forEach(ReentrantLock::unlock);
    }
    JsonObjectBuilder answer =
        StandInJson.object()
            .add("errcode", 0)
            .add("errmsg", "ok")
            .add("invaliduser", String.join("|", invalid))
            .add("msgid", msgid);
    if ("template_card".equals(msgtype)
        && body.getJsonObject("template_card").get("card_type") instanceof JsonString type
        && INTERACTIVE.contains(type.getString())) {
      String code = randomValue(32);
      store.saveResponseCode(code, msgid, now);
      answer.add("response_code", code);
    }
    return answer.build();
  }

  /** {@code POST /cgi-bin/message/update_template_card?access_token=…} */
  public JsonObject updateTemplateCard(String accessToken, JsonObject body) {
    var fault = faults.onCall(UPDATE_TEMPLATE_CARD);
    if (fault.isPresent()) {
      return fault.get();
    }
    JsonObject refused = checkCall(accessToken, body);
    if (refused != null) {
      return refused;
    }
    String code = body.getString("response_code", "");
    if (code.isBlank()) {
      return error(40058, "response_code missing");
    }
    if (!(body.get("button") instanceof JsonObject)
        && !(body.get("template_card") instanceof JsonObject)) {
      return error(40058, "button or template_card missing");
    }
    List<String> requested = new ArrayList<>();
    if (body.get("userids") instanceof JsonArray ids) {
      for (JsonValue v : ids) {
        if (v instanceof JsonString s && !s.getString().isBlank()) {
          requested.add(s.getString().strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    requested = requested.stream().distinct().toList();
    Set<String> members = store.members(requested);
    List<String> valid = requested.stream().filter(members::contains).toList();
    List<String> invalid = requested.stream().filter(u -> !members.contains(u)).toList();
    if (valid.isEmpty() && body.getInt("atall", 0) != 1) {
      return error(81013, "user & party & tag all invalid");
    }
    LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    if (!store.redeemResponseCode(code, now.minus(RESPONSE_CODE_LIFETIME))) {
      // The stand-in's choice of errcode for a used, expired or unknown response_code (the notes do
      // not name one).
      return error(40058, "invalid response_code: used, expired or unknown");
    }
    String content = content(body);
    List<StandInMessage> updated = new ArrayList<>();
    for (String user : valid) {
      updated.add(
          new StandInMessage(
              0,
              now,
              "UPDATE_CARD",
              user,
              "update_template_card",
              sha256(content),
              content,
              "",
              StandInMessage.UPDATED));
    }
    store.save(updated);
    JsonArrayBuilder invalidUsers = StandInJson.array();
    invalid.forEach(invalidUsers::add);
    return StandInJson.object()
        .add("errcode", 0)
        .add("errmsg", "ok")
        .add("invaliduser", invalidUsers)
        .build();
  }

  /** For tests: which valid tokens count as the sending app's own. */
  StandInMessaging appTokens(Predicate<String> appToken) {
    this.appToken = appToken;
    return this;
  }

  /**
   * {@code POST /cgi-bin/message/recall?access_token=…}, body {@code {"msgid":"…"}}
   * (wecom-api-notes §5.3, §10.3): only a message sent within 24 hours (else 42052 "msgid已过期"),
   * only with the token of the app that sent it (else 40058, "请检查发消息和撤回消息是否同一个应用"). A msgid WeCom
   * never gave is refused with 40058 too (the stand-in's choice: the notes name no code). Each call
   * answered ok is kept, a second recall of the same msgid included.
   */
  public JsonObject recall(String accessToken, JsonObject body) {
    var fault = faults.onCall(RECALL);
    if (fault.isPresent()) {
      return fault.get();
    }
    if (accessToken == null || accessToken.isBlank()) {
      return error(41001, "access_token missing");
    }
    if (!validToken.test(accessToken)) {
      return error(40014, "invalid access_token");
    }
    if (!appToken.test(accessToken)) {
      return error(40058, "撤回消息时报错，请检查发消息和撤回消息是否同一个应用");
    }
    String msgid = body.getString("msgid", "").strip();
    if (msgid.isEmpty()) {
      return error(40058, "msgid missing");
    }
    var sent = store.sentAt(msgid);
    if (sent.isEmpty()) {
      return error(40058, "invalid msgid");
    }
    LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    if (sent.get().isBefore(now.minus(RECALL_WINDOW))) {
      return error(42052, "msgid已过期，仅可撤回24小时内的消息");
    }
    store.recall(msgid, now);
    return StandInJson.object().add("errcode", 0).add("errmsg", "ok").build();
  }

  /** Token and agentid checks common to both calls; null if they pass. */
  private JsonObject checkCall(String accessToken, JsonObject body) {
    if (accessToken == null || accessToken.isBlank()) {
      return error(41001, "access_token missing");
    }
    if (!validToken.test(accessToken)) {
      return error(40014, "invalid access_token");
    }
    JsonValue id = body.get("agentid");
    String agent =
        id instanceof JsonNumber n ? n.toString() : id instanceof JsonString s ? s.getString() : "";
    if (!agent.equals(agentId.get())) {
      return error(40056, "invalid agentid");
    }
    return null;
  }

  /**
   * What the duplicate check compares: the message without its addressing, in the order the sender
   * wrote it.
   */
  static String content(JsonObject body) {
    JsonObjectBuilder content = StandInJson.object();
    body.forEach(
        (key, value) -> {
          if (!ADDRESSING.contains(key) && !"userids".equals(key)) {
            content.add(key, value);
          }
        });
    return content.build().toString();
  }

  private List<ReentrantLock> lock(List<String> users) {
    TreeSet<Integer> indexes = new TreeSet<>();
    for (String u : users) {
      indexes.add(Math.floorMod(u.hashCode(), stripes.length));
    }
    List<ReentrantLock> held = new ArrayList<>();
    for (int i : indexes) {
      stripes[i].lock();
      held.add(stripes[i]);
    }
    return held;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject error(int errcode, String errmsg) {
    return StandInJson.object().add("errcode", errcode).add("errmsg", errmsg).build();
  }

  private static String randomValue(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
