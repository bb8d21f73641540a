package cn.edu.ntvu.workbench.platform.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value read from the database and reused on this server for a short time ({@code maxAge}), so
 * that the pages opened most often do not ask the database the same small question on every
 * request. A change made on this server calls {@link #forget} after it commits and is seen at once;
 * a change made on another server is seen here within {@code maxAge}. A read that started before a
 * {@link #forget} is never kept, so a stale value cannot outlive one.
 */
public final class Recent<T> {
  private record Entry<T>(T value, long readAt, long generation) {}

  private final long maxAgeNanos;
  private final LongSupplier nanoTime;
  private volatile Entry<T> entry;
  private volatile long generation;

  public Recent(Duration maxAge) {
    this(maxAge, System::nanoTime);
  }

  /** For tests: a clock of their own. */
  Recent(Duration maxAge, LongSupplier nanoTime) {
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime);
  }

  /** The value read at most {@code maxAge} ago, or a fresh one from {@code read}. */
  public T get(Supplier<T> read) {
    long now = nanoTime.getAsLong();
    Entry<T> e = entry;
    long gen = generation;
    if (e != null && e.generation() == gen && now - e.readAt() < maxAgeNanos) {
      return e.value();
    }
    T fresh = read.get();
    synchronized (this) {
      // Kept only if nothing was forgotten while reading.
      if (generation == gen) {
        entry = new Entry<>(fresh, now, gen);
      }
    }
    return fresh;
  }

  /**
   * Drops the value: the next {@link #get} reads again. Call after a change on this server has
   * committed.
   */
  public synchronized void forget() {
    generation++;
    entry = null;
  }
}
