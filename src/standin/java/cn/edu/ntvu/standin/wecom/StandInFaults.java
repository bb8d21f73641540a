package cn.edu.ntvu.standin.wecom;

import cn.edu.ntvu.standin.Http;
import cn.edu.ntvu.standin.StandInJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection and call counters for tests of the app's real client against the stand-in:
 * "answer the next two gettoken calls with -1", "how many gettoken calls happened". Kept in this
 * server's memory (see the package documentation); {@link #reset()} clears both.
 */
@ApplicationScoped
public class StandInFaults {

  /**
   * A pending fault: answer {@code times} more calls to a path with this errcode, after a delay.
   */
  record Fault(int errcode, String errmsg, int times, Duration delay) {}

  /**
   * An outage: every call to a path is answered with {@code errcode} (or, if {@code httpStatus} is
   * not 0, with that HTTP status and no JSON, as a proxy in front of WeCom would) until {@code
   * until}; then the path recovers.
   */
  record Outage(int errcode, String errmsg, int httpStatus, Instant until) {}

  /**
   * The HTTP status a caller should answer with instead of the JSON, set by {@link #failFor} with a
   * status.
   */
  public static final String HTTP_STATUS = Http.HTTP_STATUS;

  private final ConcurrentMap<String, Outage> outages = new ConcurrentHashMap<>();

  private final ConcurrentMap<String, Fault> pending = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  /**
   * Answers the next {@code times} calls to {@code path} with {@code errcode} after {@code delay}.
   */
  public void failNext(String path, int errcode, String errmsg, int times, Duration delay) {
    if (times <= 0) {
      pending.remove(path);
      return;
    }
    String message = errmsg == null || errmsg.isBlank() ? StandInWeCom.errmsgOf(errcode) : errmsg;
    pending.put(path, new Fault(errcode, message, times, delay));
  }

  /**
   * Fails every call to {@code path} for {@code duration} from now, then recovers by itself ("WeCom
   * is down for a while"): with {@code errcode} (e.g. -1), or with HTTP {@code httpStatus} (e.g.
   * 503) when that is not 0.
   */
  public void failFor(String path, int errcode, int httpStatus, Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      outages.remove(path);
      return;
    }
    outages.put(
        path,
        new Outage(
            errcode, StandInWeCom.errmsgOf(errcode), httpStatus, Instant.now().plus(duration)));
  }

  /**
   * Counts a call to {@code path} and, if a fault is pending for it, waits its delay and returns
   * the error answer to send instead of the normal one.
   */
  public Optional<JsonObject> onCall(String path) {
    calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    Outage outage = outages.get(path);
    if (outage != null) {
      if (Instant.now().isBefore(outage.until())) {
        return Optional.of(
            outage.httpStatus() != 0
                ? StandInJson.object().add(HTTP_STATUS, outage.httpStatus()).build()
                : StandInJson.object()
                    .add("errcode", outage.errcode())
                    .add("errmsg", outage.errmsg())
                    .build());
      }
      outages.remove(path, outage);
    }
    Fault[] taken = {null};
    pending.computeIfPresent(
        path,
        (p, fault) -> {
          taken[0] = fault;
          return fault.times() > 1
              ? new Fault(fault.errcode(), fault.errmsg(), fault.times() - 1, fault.delay())
              : null;
        });
    Fault fault = taken[0];
    if (fault == null) {
      return Optional.empty();
    }
    pause(fault.delay());
    if (fault.errcode() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        StandInJson.object().add("errcode", fault.errcode()).add("errmsg", fault.errmsg()).build());
  }

  /** How many calls this server answered for a path since the last reset. */
  public int calls(String path) {
    AtomicInteger count = calls.get(path);
    return count == null ? 0 : count.get();
  }

  public Map<String, Integer> allCalls() {
    Map<String, Integer> all = new TreeMap<>();
    calls.forEach((path, count) -> all.put(path, count.get()));
    return all;
  }

  public void reset() {
    pending.clear();
    outages.clear();
    calls.clear();
  }

  private static void pause(Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
