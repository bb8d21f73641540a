package cn.edu.ntvu.workbench.wecom.application;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A scripted WeCom: gettoken hands out TOKEN-1, TOKEN-2, …; auth/getuserinfo answers a member
 * unless a test queued other answers (JSON or a thrown exception) for a path.
 */
public final class FakeWeComHttp implements WeComHttp {

  /**
   * One call; {@code body} is the JSON body of a POST (null for GET), {@code upload} an uploaded
   * file's bytes.
   */
  public record Call(String path, Map<String, String> query, JsonObject body, byte[] upload) {
    Call(String path, Map<String, String> query) {
      this(path, query, null, null);
    }
  }

  static final String DEFAULT_USERID = "2023010101";

  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Deque<Supplier<JsonObject>>> scripted = new HashMap<>();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  volatile Duration gettokenDelay = Duration.ZERO;
  volatile long expiresIn = 7200;

  public static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  public synchronized FakeWeComHttp answerNext(String path, String... answers) {
    for (String answer : answers) {
      JsonObject parsed = json(answer);
      scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).add(() -> parsed);
    }
    return this;
  }

  public synchronized FakeWeComHttp failNext(String path, RuntimeException failure) {
    scripted
        .computeIfAbsent(path, p -> new ArrayDeque<>())
        .add(
            () -> {
              throw failure;
            });
    return this;
  }

  @Override
  public JsonObject get(String path, Map<String, String> query) {
    return answer(new Call(path, Map.copyOf(query)));
  }

  private JsonObject answer(Call call) {
    String path = call.path();
    calls.add(call);
    Supplier<JsonObject> next;
    synchronized (this) {
      Deque<Supplier<JsonObject>> queue = scripted.get(path);
      next = queue == null ? null : queue.poll();
    }
    if (next != null) {
      return next.get();
    }
    return switch (path) {
      case WeComClient.GETTOKEN -> issueToken();
      case WeComClient.GETUSERINFO ->
          json("{\"errcode\":0,\"errmsg\":\"ok\",\"userid\":\"" + DEFAULT_USERID + "\"}");
      default -> json("{\"errcode\":0,\"errmsg\":\"ok\"}");
    };
  }

  @Override
  public JsonObject post(String path, Map<String, String> query, JsonObject body) {
    return answer(new Call(path, Map.copyOf(query), body, null));
  }

  @Override
  public JsonObject upload(
      String path, Map<String, String> query, String filename, byte[] content) {
    return answer(new Call(path, Map.copyOf(query), null, content.clone()));
  }

  private JsonObject issueToken() {
    if (!gettokenDelay.isZero()) {
      try {
        Thread.sleep(gettokenDelay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return Json.createObjectBuilder()
        .add("errcode", 0)
        .add("errmsg", "ok")
        .add("access_token", "TOKEN-" + tokensIssued.incrementAndGet())
        .add("expires_in", expiresIn)
        .build();
  }

  public List<Call> calls(String path) {
    synchronized (calls) {
      return calls.stream().filter(c -> c.path().equals(path)).toList();
    }
  }

  public int count(String path) {
    return calls(path).size();
  }
}
