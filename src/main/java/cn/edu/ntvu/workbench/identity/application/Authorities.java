package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.platform.cache.Recent;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A signed-in person's current standing — roles with their scopes, person kind, class and
 * department, status — read for every request instead of frozen into the session at sign-in, so
 * that a revoked admin loses the admin pages and a person set inactive is signed out on their next
 * request.
 *
 * <p>Reading the directory on every request would cost the pages opened most two queries each, so
 * each server keeps what it read per person and drops all of it when the directory changes: on this
 * server at once when the change commits ({@link DirectoryChanged}), on every server when the
 * database's {@code directory_stamp} moves (triggers bump it on every write to people, grants,
 * classes and departments; each server reads it at most once a second). A person's entry is also
 * read again after {@link #ENTRY_AGE} whatever the stamp says.
 */
@ApplicationScoped
public class Authorities {
  static final Duration STAMP_AGE = Duration.ofSeconds(1);
  static final Duration ENTRY_AGE = Duration.ofMinutes(1);

  /**
   * A school has tens of thousands of people; beyond this the cache starts again rather than grow.
   */
  static final int MAX_ENTRIES = 100_000;

  @Inject Sql sql;

  @Inject SignInService signIn;

  private final Recent<Long> stamp = new Recent<>(STAMP_AGE);
  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

  private record Entry(SignInService.Outcome outcome, long stamp, long readAt) {}

  /** Where a signed-in person stands now. */
  public sealed interface Standing {
    /** Still active: the person as the pages and services should see them on this request. */
    record Active(SignedInUser user) implements Standing {}

    /** Set inactive (disabled, left) since signing in. */
    record Inactive(String account) implements Standing {}

    /** No longer in the directory. */
    record Gone(String account) implements Standing {}
  }

  /**
   * The current standing of the person {@code signedIn} names; the sign-in path and time stay those
   * of the sign-in, everything else is the directory's now.
   */
  public Standing current(SignedInUser signedIn) {
    long now = System.nanoTime();
    long version = stamp.get(this::readStamp);
    Entry e = entries.get(signedIn.personId());
    if (e == null || e.stamp() != version || now - e.readAt() > ENTRY_AGE.toNanos()) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      e = new Entry(signIn.reread(signedIn.personId()), version, now);
      entries.put(signedIn.personId(), e);
    }
    if (e.outcome() instanceof SignInService.Outcome.SignedIn s) {
      SignedInUser fresh = s.user();
      return new Standing.Active(
          new SignedInUser(
              fresh.personId(),
              fresh.account(),
              fresh.name(),
              fresh.kind(),
              fresh.unitName(),
              fresh.classCode(),
              fresh.departmentCode(),
              fresh.roles(),
              signedIn.path(),
              signedIn.signedInAt()));
    }
    if (e.outcome() instanceof SignInService.Outcome.Disabled d) {
      return new Standing.Inactive(d.account());
    }
    return new Standing.Gone(signedIn.account());
  }

  /**
   * Signs {@code account} in ({@link SignInService#resolve}) and keeps what that read as the
   * person's entry, so the first requests of the new session ask the directory nothing more. The
   * stamp is taken before the person is read: a change committed in between moves it, and the next
   * request reads the person again.
   */
  public SignInService.Outcome signIn(String account, SignInPath path) {
    long version = stamp.get(this::readStamp);
    long now = System.nanoTime();
    SignInService.Outcome outcome = signIn.resolve(account, path);
    if (outcome instanceof SignInService.Outcome.SignedIn s) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entries.put(s.user().personId(), new Entry(outcome, version, now));
    }
    return outcome;
  }

  /** Drops everything this server knows once a directory change made here has committed. */
  void directoryChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) DirectoryChanged change) {
    forget();
  }

  /**
   * Drops everything this server knows: the next request of each person reads the directory again.
   */
  public void forget() {
    stamp.forget();
    entries.clear();
  }

  /**
   * The directory's version ({@code directory_stamp}) as read at most {@link #STAMP_AGE} ago, or at
   * once after a change on this server: what the directory read before it still holds while it
   * stays the same.
   */
  public long directoryVersion() {
    return stamp.get(this::readStamp);
  }

  private long readStamp() {
    return Sql.lng(sql.value("SELECT version FROM directory_stamp WHERE id = 1"));
  }
}
