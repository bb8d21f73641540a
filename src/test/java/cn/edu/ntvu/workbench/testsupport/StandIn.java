package cn.edu.ntvu.workbench.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The development stand-in's test controls, over HTTP as any client reaches it (it is a web
 * application of its own, target/wecom-standin.war): faults and call counters ({@code /_control}),
 * what it received, its contacts ({@code /_contacts}) and WeCom's calls to the app's callback
 * ({@code /_callback}). Plain JDK HTTP and JSON-P, so that the in-container tests use it too.
 */
public final class StandIn {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final String base;

  /** {@code base} is where the stand-in answers, e.g. http://localhost:41234/wecom-standin. */
  public StandIn(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  public String base() {
    return base;
  }

  /** One message the stand-in received, per recipient. */
  public record Message(String api, String touser, String msgtype, String outcome, String body) {}

  /** {@code POST /_control} with a JSON command; the answer. */
  public JsonObject control(String json) {
    return post("/_control", json);
  }

  public void reset() {
    control("{\"reset\":true}");
  }

  /**
   * The next {@code times} calls to {@code path} answer {@code errcode} (after {@code delayMs}).
   */
  public void failNext(String path, int errcode, int times, long delayMs) {
    control(
        Json.createObjectBuilder()
            .add(
                "failNext",
                Json.createObjectBuilder()
                    .add("path", path)
                    .add("errcode", errcode)
                    .add("times", times)
                    .add("delayMs", delayMs))
            .build()
            .toString());
  }

  /**
   * Every call to {@code path} fails for {@code ms}: with {@code errcode}, or HTTP {@code
   * httpStatus} if not 0.
   */
  public void failFor(String path, int errcode, int httpStatus, long ms) {
    control(
        Json.createObjectBuilder()
            .add(
                "failFor",
                Json.createObjectBuilder()
                    .add("path", path)
                    .add("errcode", errcode)
                    .add("httpStatus", httpStatus)
                    .add("ms", ms))
            .build()
            .toString());
  }

  /**
   * A single-use sign-in code for {@code userid} (null: a non-member), as the authorize screen
   * gives one.
   */
  public String issueCode(String userid) {
    return control(
            Json.createObjectBuilder()
                .add("issueCode", userid == null ? JsonValue.NULL : Json.createValue(userid))
                .build()
                .toString())
        .getString("code");
  }

  /**
   * "A minute passes" for one member's per-member limits: their received messages move back in
   * time.
   */
  public void ageMessages(String touser, int seconds) {
    control(
        Json.createObjectBuilder()
            .add(
                "ageMessages",
                Json.createObjectBuilder().add("touser", touser).add("seconds", seconds))
            .build()
            .toString());
  }

  /** How many calls the stand-in answered for {@code path} since the last reset. */
  public int calls(String path) {
    return get("/_control/calls?path=" + enc(path)).getInt("calls");
  }

  /** The messages received whose body contains {@code text} (newest first, at most 5000). */
  public List<Message> messagesContaining(String text) {
    return messages("contains=" + enc(text));
  }

  /** How many times the stand-in answered a {@code message/recall} of {@code msgid} ok. */
  public int recalls(String msgid) {
    return get("/_control/recalls?msgid=" + enc(msgid)).getJsonArray("recalls").size();
  }

  /** The messages received by one member (newest first, at most 5000). */
  public List<Message> messagesTo(String touser) {
    return messages("touser=" + enc(touser));
  }

  private List<Message> messages(String query) {
    JsonArray rows = get("/_control/messages?limit=5000&" + query).getJsonArray("messages");
    List<Message> out = new ArrayList<>();
    for (JsonObject m : rows.getValuesAs(JsonObject.class)) {
      out.add(
          new Message(
              m.getString("api"),
              m.getString("touser"),
              m.getString("msgtype"),
              m.getString("outcome"),
              m.getString("body")));
    }
    return out;
  }

  /** received, distinct, delivered, duplicate, dropped, updated. */
  public JsonObject messageSummary() {
    return get("/_control/messages/summary");
  }

  /** Empty contacts (the root department kept). */
  public void resetContacts() {
    post("/_contacts", "{\"reset\":true}");
  }

  public int memberCount() {
    return get("/_contacts").getInt("members");
  }

  /**
   * A member's status changes in WeCom (1 joined, 2 disabled, 5 left); change_contact reaches the
   * app.
   */
  public void setStatus(String userid, int status) {
    post(
        "/_contacts",
        Json.createObjectBuilder()
            .add("status", Json.createObjectBuilder().add("userid", userid).add("status", status))
            .build()
            .toString());
  }

  /**
   * WeCom posts a card click to the app's callback; the app's answer ({@code status}, {@code
   * body}).
   */
  public JsonObject cardClick(String fromUser, String eventKey, String taskId, long createTime) {
    return post(
        "/_callback",
        Json.createObjectBuilder()
            .add(
                "templateCardEvent",
                Json.createObjectBuilder()
                    .add("fromUser", fromUser)
                    .add("eventKey", eventKey)
                    .add("taskId", taskId)
                    .add("createTime", createTime))
            .build()
            .toString());
  }

  public JsonObject get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public JsonObject post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private static JsonObject send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() != 200) {
        throw new IllegalStateException("stand-in answered " + r.statusCode() + ": " + r.body());
      }
      return Json.createReader(new StringReader(r.body())).readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
