package cn.edu.ntvu.workbench.notices.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the home page shows of a person's unread notices — the 通知 badge and the important ones on
 * top — read in one statement ({@link NoticeStore#unread}) and kept for a second on this server, so
 * that the badge (asked first) and the pinned items (asked right after, on the same page) share it.
 * The person's own reads on this server forget it at once ({@link #forget}); anything else (a
 * notice sent to them, a read on another server) shows within that second.
 */
@ApplicationScoped
public class UnreadNotices {
  /** Important notices shown on top of the home at most. */
  public static final int IMPORTANT_SHOWN = 3;

  static final long KEEP_NANOS = 1_000_000_000L;
  static final int MAX_PEOPLE = 50_000;

  @Inject NoticeStore store;

  /**
   * An answer as asked at {@code askedAt} (System.nanoTime); {@code unread} null: forgotten then.
   */
  private record Known(NoticeStore.Unread unread, long askedAt) {}

  private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();

  public UnreadNotices() {}

  UnreadNotices(NoticeStore store) {
    this.store = store;
  }

  /** {@code account}'s unread count and newest important unread notices. */
  public NoticeStore.Unread of(String account) {
    long asked = System.nanoTime();
    Known k = known.get(account);
    if (k != null && k.unread() != null && asked - k.askedAt() < KEEP_NANOS) {
      return k.unread();
    }
    NoticeStore.Unread fresh = store.unread(account, IMPORTANT_SHOWN);
    keep(account, new Known(fresh, asked));
    return fresh;
  }

  /** {@code account} read or confirmed something: the next answer is read anew. */
  public void forget(String account) {
    keep(account, new Known(null, System.nanoTime()));
  }

  private void keep(String account, Known fresh) {
    if (known.size() >= MAX_PEOPLE) {
      long now = System.nanoTime();
      known.values().removeIf(k -> now - k.askedAt() >= KEEP_NANOS);
      if (known.size() >= MAX_PEOPLE) {
        known.clear();
      }
    }
    // An answer asked for before the person's last read is not kept: it may be older than it.
    known.merge(
        account,
        fresh,
        (old, made) -> made.unread() != null && old.askedAt() > made.askedAt() ? old : made);
  }

  /** For tests. */
  List<String> accountsKnown() {
    return List.copyOf(known.keySet());
  }
}
