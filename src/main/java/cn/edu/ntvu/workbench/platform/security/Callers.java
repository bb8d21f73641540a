package cn.edu.ntvu.workbench.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Who is calling on this thread: the person of the current request, as the route guard found them
 * fresh from the directory ({@link Authorities}), or the server itself (a background job, start-up
 * seeding). Nobody — a request without a sign-in, or a thread that was never told — may do nothing
 * that {@link Requires} guards.
 *
 * <p>A thread-local rather than a request-scoped bean: the guard runs in a servlet filter, the
 * checks run in interceptors of any scope, and background threads have no request context at all.
 */
@ApplicationScoped
public class Callers {
  private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  /** A person, or the server itself ({@code user == null}). */
  private record Caller(SignedInUser user) {}

  private static final Caller SYSTEM = new Caller(null);

  /**
   * Runs {@code work} on behalf of {@code user}; the previous caller of the thread is restored
   * afterwards.
   */
  public <T> T as(SignedInUser user, Callable<T> work) throws Exception {
    Caller before = CURRENT.get();
    CURRENT.set(new Caller(java.util.Objects.requireNonNull(user)));
    try {
      return work.call();
    } finally {
      restore(before);
    }
  }

  /**
   * Runs {@code work} as the server itself: background jobs and start-up work that admin services
   * guard.
   */
  public <T> T asSystem(Supplier<T> work) {
    Caller before = CURRENT.get();
    CURRENT.set(SYSTEM);
    try {
      return work.get();
    } finally {
      restore(before);
    }
  }

  /** What {@link #enterSystem} returns: closing it gives the thread back its previous caller. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Makes the server itself the caller of this thread until the returned scope is closed ({@code
   * try (var s = callers.enterSystem()) {…}}), for work whose shape does not fit {@link
   * #asSystem(Supplier)}.
   */
  public Scope enterSystem() {
    Caller before = CURRENT.get();
    CURRENT.set(SYSTEM);
    return () -> restore(before);
  }

  /** {@link #asSystem(Supplier)} for work without a result. */
  public void asSystem(Runnable work) {
    asSystem(
        () -> {
          work.run();
          return null;
        });
  }

  private static void restore(Caller before) {
    if (before == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(before);
    }
  }

  /** The person calling on this thread; empty for the server itself and for nobody. */
  public Optional<SignedInUser> person() {
    Caller c = CURRENT.get();
    return c == null ? Optional.empty() : Optional.ofNullable(c.user());
  }

  /** Whether the server itself is calling (a job), not a person. */
  public boolean isSystem() {
    return CURRENT.get() == SYSTEM;
  }

  /**
   * Refuses ({@link AccessDenied}) unless the server itself is calling, or a person who holds one
   * of {@code roles} (any, when none are named) and is of one of {@code kinds} (any, when none are
   * named).
   */
  public void require(Role[] roles, PersonKind[] kinds, String what) {
    Caller c = CURRENT.get();
    if (c == SYSTEM) {
      return;
    }
    if (c == null) {
      throw new AccessDenied(what + ": nobody is signed in");
    }
    SignedInUser u = c.user();
    boolean roleOk = roles.length == 0 || Arrays.stream(roles).anyMatch(u::has);
    boolean kindOk = kinds.length == 0 || Arrays.asList(kinds).contains(u.kind());
    if (!roleOk || !kindOk) {
      throw new AccessDenied(what + ": refused to " + u.account());
    }
  }

  /** {@link #require(Role[], PersonKind[], String)} for one role. */
  public void require(Role role, String what) {
    require(new Role[] {role}, new PersonKind[0], what);
  }
}
