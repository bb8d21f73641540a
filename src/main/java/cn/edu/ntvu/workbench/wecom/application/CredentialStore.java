package cn.edu.ntvu.workbench.wecom.application;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Where every server of the cluster keeps WeCom credentials, so that the cluster refreshes a token
 * once instead of once per server (gettoken is frequency-limited, docs/wecom-api.md §2.1, §2.3).
 */
public interface CredentialStore {

  /** The stored credential for a key, read without locking. */
  Optional<Credential> read(String cacheKey);

  /**
   * Refreshes a credential while holding the key's cluster-wide lock, in a transaction of its own.
   * After the lock is acquired the stored credential is checked again: if another server refreshed
   * it in the meantime and {@code stillUsable} accepts it, it is returned and {@code fetch} is not
   * called. Otherwise {@code fetch} runs (still under the lock), its result is stored and returned.
   *
   * <p>If {@code fetch} throws, nothing is stored and the exception propagates.
   */
  Credential refresh(
      String cacheKey, Predicate<Credential> stillUsable, Supplier<Credential> fetch);

  /**
   * Compare-and-delete: forgets the stored credential only if it still has {@code failedValue}. A
   * server that saw an old token fail must not throw away the new token another server just stored
   * (the race described in docs/wecom-api.md §7.3).
   *
   * @return whether the stored credential was removed
   */
  boolean invalidate(String cacheKey, String failedValue);
}
