package cn.edu.ntvu.workbench.platform.web;

import java.util.LinkedHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down guessing from one address: each failure (a bad calendar token, a forged OAuth {@code
 * state}, a CAS ticket that does not validate) takes a token from the address's bucket, which
 * refills at a steady rate; an address with an empty bucket is refused until a token is back.
 * People who mistype or whose phone polls an old calendar address now and then never notice; a
 * script trying thousands is held to the refill rate. One limiter per server, in memory: enough to
 * make guessing pointless, without a database write per bad request.
 *
 * <p>Memory is bounded: at most {@code maxTracked} addresses, the least recently seen dropped first
 * (a dropped address only gets a fresh bucket). Each address's refusals are reported once per
 * {@code reportEvery} — the first refusal, then a summary — so a flood makes a few log lines, not
 * one per request. Thread-safe; time comes from a monotonic nanosecond source.
 */
public final class FailureLimiter {
  /** What the caller should log, at most once per address and period. */
  public record Report(String address, long refusedSinceLastReport) {}

  /** Whether a request may go on, and if not, in how many whole seconds to try again. */
  public record Decision(boolean allowed, long retryAfterSeconds, Report report) {
    static final Decision ALLOW = new Decision(true, 0, null);
  }

  private static final class Bucket {
    double tokens;
    long updatedAt;
    long reportedAt;
    boolean reported;
    long refusedSinceReport;
  }

  private final double capacity;
  private final double tokensPerNano;
  private final int maxTracked;
  private final long reportEveryNanos;
  private final LongSupplier nanoTime;
  private final LinkedHashMap<String, Bucket> buckets;

  /**
   * @param burst failures an address may make at once
   * @param perMinute failures an address may make per minute in the long run
   * @param maxTracked addresses remembered at most
   * @param reportEveryNanos how long one report of an address's refusals covers
   */
  public FailureLimiter(
      int burst, int perMinute, int maxTracked, long reportEveryNanos, LongSupplier nanoTime) {
    if (burst < 1 || perMinute < 1 || maxTracked < 1) {
      throw new IllegalArgumentException("burst, perMinute and maxTracked must be positive");
    }
    this.capacity = burst;
    this.tokensPerNano = perMinute / 60e9;
    this.maxTracked = maxTracked;
    this.reportEveryNanos = reportEveryNanos;
    this.nanoTime = nanoTime;
    this.buckets = new LinkedHashMap<>(256, 0.75f, true);
  }

  /** Before doing the work: may {@code address} go on? A refusal does not itself cost a token. */
  public synchronized Decision check(String address) {
    Bucket b = buckets.get(address);
    if (b == null) {
      return Decision.ALLOW;
    }
    long now = nanoTime.getAsLong();
    refill(b, now);
    if (b.tokens >= 1) {
      return Decision.ALLOW;
    }
    long retry = (long) Math.ceil((1 - b.tokens) / tokensPerNano / 1e9);
    b.refusedSinceReport++;
    Report report = null;
    if (!b.reported || now - b.reportedAt >= reportEveryNanos) {
      report = new Report(address, b.refusedSinceReport);
      b.reported = true;
      b.reportedAt = now;
      b.refusedSinceReport = 0;
    }
    return new Decision(false, Math.max(1, retry), report);
  }

  /** After the work: {@code address} made a failure. */
  public synchronized void failure(String address) {
    long now = nanoTime.getAsLong();
    Bucket b = buckets.get(address);
    if (b == null) {
      b = new Bucket();
      b.tokens = capacity;
      b.updatedAt = now;
      buckets.put(address, b);
      if (buckets.size() > maxTracked) {
        var eldest = buckets.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    } else {
      refill(b, now);
    }
    b.tokens = Math.max(0, b.tokens - 1);
  }

  /** Addresses remembered now (for tests and the bound). */
  public synchronized int tracked() {
    return buckets.size();
  }

  private void refill(Bucket b, long now) {
    long elapsed = now - b.updatedAt;
    if (elapsed > 0) {
      b.tokens = Math.min(capacity, b.tokens + elapsed * tokensPerNano);
      b.updatedAt = now;
    }
  }
}
