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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The workbench display calls (工作台自定义展示) as wecom-api-notes §10.0, §10.1 and §2 describe them:
 *
 * <ul>
 *   <li>every call: the app's own access_token (41001 missing, 40014 invalid; the contacts-sync
 *       secret's token is no app's: 48002), {@code agentid} the token's app (else 301002);
 *   <li>{@code set_workbench_template}: {@code type} one of keydata/image/list/webview/normal, the
 *       object of that type (keydata ≤4 items, each with {@code data}; list ≤3 items with a {@code
 *       title} of ≤128 bytes); {@code replace_user_data=true} overwrites every person's data;
 *   <li>{@code set_workbench_data}: {@code userid} a member (else 60011, not in the visible range),
 *       {@code type} and its object at the top level (§10.0 gotcha 1: a {@code data} wrapper is
 *       refused), at most 10 a minute per person for this app (45009);
 *   <li>{@code batch_set_workbench_data}: {@code userid_list} of 1 to 1000 members, {@code data:
 *       {type, <type>:{…}}} (a top-level {@code type} without {@code data} is refused);
 *   <li>{@code get_workbench_template}, {@code get_workbench_data} (the person's own data, else the
 *       template's default, wrapped in {@code data});
 *   <li>per corp and API, 10,000 calls a minute and 150,000 an hour (§2.3); over them 45009 and the
 *       API blocked for 60 s (minute) or 60 min (hour).
 * </ul>
 *
 * The errcode for a malformed body is the stand-in's choice (40058 不合法的参数; the notes name none), as
 * is 60011 for a batch naming any non-member (UNCONFIRMED in the notes). The "100000 人次/分钟" of
 * batch_set is UNCONFIRMED in the notes and not enforced. State is kept in this server's memory
 * (like the faults): tests and the bench talk to one server; {@code _control} resets it.
 */
@ApplicationScoped
public class StandInWorkbench {
  static final String SET_TEMPLATE = "/cgi-bin/agent/set_workbench_template";
  static final String GET_TEMPLATE = "/cgi-bin/agent/get_workbench_template";
  static final String SET_DATA = "/cgi-bin/agent/set_workbench_data";
  static final String BATCH_SET_DATA = "/cgi-bin/agent/batch_set_workbench_data";
  static final String GET_DATA = "/cgi-bin/agent/get_workbench_data";

  static final int PER_USER_PER_MINUTE = 10;
  static final int MAX_BATCH = 1000;
  static final int PER_API_PER_MINUTE = 10_000;
  static final int PER_API_PER_HOUR = 150_000;
  static final Set<String> TYPES = Set.of("keydata", "image", "list", "webview", "normal");

  private Predicate<String> validToken;
  private Predicate<String> appToken;
  private StandInFaults faults;
  private Function<Collection<String>, Set<String>> members;
  private Supplier<String> agentId;
  private Clock clock;

  /** The template as set (type and its object, replace_user_data); null before any. */
  private volatile JsonObject template;

  /** Each person's data ({@code type} and its object), by lower-cased userid. */
  private final Map<String, JsonObject> data = new ConcurrentHashMap<>();

  /** The times of each person's set_workbench_data calls in the last minute. */
  private final Map<String, Deque<Instant>> perUser = new ConcurrentHashMap<>();

  /** The times of each API's calls in the last hour, and until when an API is blocked. */
  private final Map<String, Deque<Instant>> perApi = new ConcurrentHashMap<>();

  private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

  protected StandInWorkbench() {}

  StandInWorkbench(
      Predicate<String> validToken,
      Predicate<String> appToken,
      StandInFaults faults,
      Function<Collection<String>, Set<String>> members,
      Supplier<String> agentId,
      Clock clock) {
    this.validToken = validToken;
    this.appToken = appToken;
    this.faults = faults;
    this.members = members;
    this.agentId = agentId;
    this.clock = clock;
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
    this.members = store::members;
    this.agentId = settings::agentId;
    this.clock = Clock.systemUTC();
  }

  /** {@code POST /cgi-bin/agent/set_workbench_template} */
  public JsonObject setTemplate(String token, JsonObject body) {
    Optional<JsonObject> refused = check(SET_TEMPLATE, token, body);
    if (refused.isPresent()) {
      return refused.get();
    }
    String type = body.getString("type", "");
    if (!TYPES.contains(type)) {
      return error(40058, "invalid type");
    }
    JsonObjectBuilder kept = StandInJson.object().add("type", type);
    if (!"normal".equals(type)) {
      if (!(body.get(type) instanceof JsonObject object)) {
        return error(40058, type + " missing");
      }
      String problem = problem(type, object);
      if (problem != null) {
        return error(40058, problem);
      }
      kept.add(type, object);
    }
    boolean replace = body.getBoolean("replace_user_data", false);
    kept.add("replace_user_data", replace);
    template = kept.build();
    if (replace || "normal".equals(type)) {
      data.clear();
    }
    return ok();
  }

  /** {@code POST /cgi-bin/agent/get_workbench_template} */
  public JsonObject getTemplate(String token, JsonObject body) {
    Optional<JsonObject> refused = check(GET_TEMPLATE, token, body);
    if (refused.isPresent()) {
      return refused.get();
    }
    JsonObjectBuilder answer = StandInJson.ok();
    JsonObject t = template;
    if (t == null) {
      answer.add("type", "normal");
    } else {
      t.forEach(answer::add);
    }
    return answer.build();
  }

  /** {@code POST /cgi-bin/agent/set_workbench_data} */
  public JsonObject setData(String token, JsonObject body) {
    Optional<JsonObject> refused = check(SET_DATA, token, body);
    if (refused.isPresent()) {
      return refused.get();
    }
    String userid = body.getString("userid", "").strip().toLowerCase(Locale.ROOT);
    if (userid.isEmpty()) {
      return error(40058, "userid missing");
    }
    if (body.containsKey("data") && !body.containsKey("type")) {
      // §10.0 gotcha 1: that is batch_set's shape.
      return error(40058, "type missing: set_workbench_data takes type at the top level");
    }
    Optional<JsonObject> typed = typed(body);
    if (typed.isEmpty()) {
      return error(40058, "type and its object required");
    }
    String problem = problem(typed.get().getString("type"), typed.get());
    if (problem != null) {
      return error(40058, problem);
    }
    if (members.apply(List.of(userid)).isEmpty()) {
      return error(60011, "no privilege to access/modify contact/party/agent");
    }
    Instant now = clock.instant();
    Deque<Instant> calls = perUser.computeIfAbsent(userid, u -> new ArrayDeque<>());
    synchronized (calls) {
      while (!calls.isEmpty() && !calls.peekFirst().isAfter(now.minus(Duration.ofMinutes(1)))) {
        calls.pollFirst();
      }
      if (calls.size() >= PER_USER_PER_MINUTE) {
        return error(45009, "api freq out of limit: 10 a minute per user per app");
      }
      calls.addLast(now);
    }
    data.put(userid, typed.get());
    return ok();
  }

  /** {@code POST /cgi-bin/agent/batch_set_workbench_data} */
  public JsonObject batchSetData(String token, JsonObject body) {
    Optional<JsonObject> refused = check(BATCH_SET_DATA, token, body);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!(body.get("userid_list") instanceof JsonArray list) || list.isEmpty()) {
      return error(40058, "userid_list missing");
    }
    if (list.size() > MAX_BATCH) {
      return error(40058, "userid_list holds at most 1000 userids");
    }
    if (!(body.get("data") instanceof JsonObject wrapped)) {
      // §10.0 gotcha 1: that is set_workbench_data's shape.
      return error(40058, "data missing: batch_set_workbench_data wraps type in data");
    }
    Optional<JsonObject> typed = typed(wrapped);
    if (typed.isEmpty()) {
      return error(40058, "data.type and its object required");
    }
    String problem = problem(typed.get().getString("type"), typed.get());
    if (problem != null) {
      return error(40058, problem);
    }
    List<String> userids = new ArrayList<>();
    for (JsonValue v : list) {
      if (!(v instanceof JsonString s) || s.getString().isBlank()) {
        return error(40058, "userid_list holds a non-string");
      }
      userids.add(s.getString().strip().toLowerCase(Locale.ROOT));
    }
    Set<String> known = members.apply(userids);
    if (known.size() < userids.stream().distinct().count()) {
      return error(60011, "no privilege to access/modify contact/party/agent");
    }
    for (String u : userids) {
      data.put(u, typed.get());
    }
    return ok();
  }

  /** {@code POST /cgi-bin/agent/get_workbench_data} */
  public JsonObject getData(String token, JsonObject body) {
    Optional<JsonObject> refused = check(GET_DATA, token, body);
    if (refused.isPresent()) {
      return refused.get();
    }
    String userid = body.getString("userid", "").strip().toLowerCase(Locale.ROOT);
    if (userid.isEmpty()) {
      return error(40058, "userid missing");
    }
    if (members.apply(List.of(userid)).isEmpty()) {
      return error(60011, "no privilege to access/modify contact/party/agent");
    }
    return StandInJson.ok().add("data", shown(userid)).build();
  }

  /**
   * What a person's native tile shows: their own data, else the template's default ({@code type
   * normal} when there is no template).
   */
  public JsonObject shown(String userid) {
    JsonObject own = data.get(userid.toLowerCase(Locale.ROOT));
    if (own != null) {
      return own;
    }
    JsonObject t = template;
    if (t == null || "normal".equals(t.getString("type", "normal"))) {
      return StandInJson.object().add("type", "normal").build();
    }
    String type = t.getString("type");
    return StandInJson.object().add("type", type).add(type, t.get(type)).build();
  }

  /** The template as set, or null. */
  public JsonObject template() {
    return template;
  }

  /** Everyone with data of their own, by userid (sorted), at most {@code limit}. */
  public Map<String, JsonObject> people(int limit) {
    Map<String, JsonObject> sorted = new TreeMap<>(data);
    Map<String, JsonObject> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, JsonObject> e : sorted.entrySet()) {
      if (out.size() >= limit) {
        break;
      }
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** How many people have data of their own. */
  public int peopleWithData() {
    return data.size();
  }

  /** Forgets the template, everyone's data and the counters. */
  public void reset() {
    template = null;
    data.clear();
    perUser.clear();
    perApi.clear();
    blockedUntil.clear();
  }

  /**
   * Lets a minute pass for the per-person and per-API limits (the counters forget calls older than
   * now).
   */
  public void forgetLimits() {
    perUser.clear();
    perApi.clear();
    blockedUntil.clear();
  }

  private Optional<JsonObject> check(String path, String token, JsonObject body) {
    Optional<JsonObject> fault = faults.onCall(path);
    if (fault.isPresent()) {
      return fault;
    }
    if (token == null || token.isBlank()) {
      return Optional.of(error(41001, "access_token missing"));
    }
    if (!validToken.test(token)) {
      return Optional.of(error(40014, "invalid access_token"));
    }
    if (!appToken.test(token)) {
      return Optional.of(error(48002, "api forbidden"));
    }
    JsonValue id = body.get("agentid");
    String agent =
        id instanceof JsonNumber n ? n.toString() : id instanceof JsonString s ? s.getString() : "";
    if (!agent.equals(agentId.get())) {
      return Optional.of(error(301002, "not allow operate another agent with this accesstoken"));
    }
    return limit(path);
  }

  /** §2.3: per corp per API 10,000 a minute and 150,000 an hour; blocked 60 s / 60 min. */
  private Optional<JsonObject> limit(String path) {
    Instant now = clock.instant();
    Instant blocked = blockedUntil.get(path);
    if (blocked != null && now.isBefore(blocked)) {
      return Optional.of(error(45009, "api freq out of limit"));
    }
    Deque<Instant> calls = perApi.computeIfAbsent(path, p -> new ArrayDeque<>());
    synchronized (calls) {
      while (!calls.isEmpty() && !calls.peekFirst().isAfter(now.minus(Duration.ofHours(1)))) {
        calls.pollFirst();
      }
      if (calls.size() >= PER_API_PER_HOUR) {
        blockedUntil.put(path, now.plus(Duration.ofMinutes(60)));
        return Optional.of(error(45009, "api freq out of limit: 150000 an hour"));
      }
      Instant minuteAgo = now.minus(Duration.ofMinutes(1));
      int lastMinute = 0;
      for (java.util.Iterator<Instant> it = calls.descendingIterator(); it.hasNext(); ) {
        if (!it.next().isAfter(minuteAgo)) {
          break;
        }
        lastMinute++;
      }
      if (lastMinute >= PER_API_PER_MINUTE) {
        blockedUntil.put(path, now.plus(Duration.ofSeconds(60)));
        return Optional.of(error(45009, "api freq out of limit: 10000 a minute"));
      }
      calls.addLast(now);
    }
    return Optional.empty();
  }

  /** {@code type} and its object from the top level of {@code o}. */
  private static Optional<JsonObject> typed(JsonObject o) {
    String type = o.getString("type", "");
    if (!TYPES.contains(type) || "normal".equals(type) || !(o.get(type) instanceof JsonObject t)) {
      return Optional.empty();
    }
    return Optional.of(StandInJson.object().add("type", type).add(type, t).build());
  }

  /** What is wrong with a template object of {@code type} (§10.1's table), or null. */
  static String problem(String type, JsonObject holder) {
    JsonObject object = holder.get(type) instanceof JsonObject o ? o : holder;
    switch (type) {
      case "keydata" -> {
        if (!(object.get("items") instanceof JsonArray items) || items.isEmpty()) {
          return "keydata.items missing";
        }
        if (items.size() > 4) {
          return "keydata.items holds at most 4 items";
        }
        for (JsonValue v : items) {
          if (!(v instanceof JsonObject item)
              || !(item.get("data") instanceof JsonString d)
              || d.getString().isEmpty()) {
            return "keydata item data missing";
          }
        }
      }
      case "list" -> {
        if (!(object.get("items") instanceof JsonArray items) || items.isEmpty()) {
          return "list.items missing";
        }
        if (items.size() > 3) {
          return "list.items holds at most 3 items";
        }
        for (JsonValue v : items) {
          if (!(v instanceof JsonObject item)
              || !(item.get("title") instanceof JsonString t)
              || t.getString().isEmpty()
              || t.getString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 128) {
            return "list item title missing or over 128 bytes";
          }
        }
      }
      case "image", "webview" -> {
        if (!(object.get("url") instanceof JsonString u) || u.getString().isBlank()) {
          return type + ".url missing";
        }
      }
      default -> {
        return null;
      }
    }
    return null;
  }

  /** The keydata items of a shown object as a JSON array (empty for other types). */
  static JsonArray items(JsonObject shown) {
    if (shown.get("keydata") instanceof JsonObject k && k.get("items") instanceof JsonArray a) {
      return a;
    }
    JsonArrayBuilder none = StandInJson.array();
    return none.build();
  }

  private static JsonObject ok() {
    return StandInJson.ok().build();
  }

  private static JsonObject error(int errcode, String errmsg) {
    return StandInJson.error(errcode, errmsg);
  }
}
