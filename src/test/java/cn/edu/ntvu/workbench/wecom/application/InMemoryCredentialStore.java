package cn.edu.ntvu.workbench.wecom.application;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@link CredentialStore} in memory for unit tests. One lock stands in for the database row lock,
 * so several {@link WeComClient}s sharing one instance behave like servers sharing the table.
 */
public final class InMemoryCredentialStore implements CredentialStore {

  private final ConcurrentMap<String, Credential> credentials = new ConcurrentHashMap<>();
  private final ReentrantLock rowLock = new ReentrantLock();
  final AtomicInteger reads = new AtomicInteger();

  @Override
  public Optional<Credential> read(String cacheKey) {
    reads.incrementAndGet();
    return Optional.ofNullable(credentials.get(cacheKey));
  }

  @Override
  public Credential refresh(
      String cacheKey, Predicate<Credential> stillUsable, Supplier<Credential> fetch) {
    rowLock.lock();
    try {
      Credential current = credentials.get(cacheKey);
      if (current != null && stillUsable.test(current)) {
        return current;
      }
      Credential fresh = fetch.get();
      credentials.put(cacheKey, fresh);
      return fresh;
    } finally {
      rowLock.unlock();
    }
  }

  @Override
  public boolean invalidate(String cacheKey, String failedValue) {
    boolean[] removed = {false};
    credentials.computeIfPresent(
        cacheKey,
        (key, held) -> {
          if (held.value().equals(failedValue)) {
            removed[0] = true;
            return null;
          }
          return held;
        });
    return removed[0];
  }

  /** Lets a test play "another server" that stored a credential. */
  void put(String cacheKey, Credential credential) {
    credentials.put(cacheKey, credential);
  }
}
