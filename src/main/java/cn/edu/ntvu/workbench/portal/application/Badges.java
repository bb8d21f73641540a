package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The badge numbers of a person's tiles: every provider asked at once on a pool of our own, all
 * within one time box ({@link #BUDGET} in total). A provider that is slow, throws or is unknown
 * gives no badge; the page never waits longer than the box and never fails because of a badge.
 *
 * <p>The pool's threads come from the container's {@link ManagedThreadFactory}, so providers run
 * with the application's context (CDI, JPA, class loader). Tasks go to the pool directly rather
 * than through a {@code ManagedExecutorService}: Payara captures the caller's context for every
 * task submitted there (a service-loader scan each time), which cost 15 % of the home page's CPU.
 * The queue is bounded: when it is full, the badge is left out rather than the page delayed.
 *
 * <p>A person's numbers are reused for {@code workbench.badge-cache-seconds} (10 s by default) on
 * this server, per sign-in: a home page opened again and again (back from a micro-app, pull to
 * refresh) asks no provider each time. A new sign-in counts anew; the person's own actions show at
 * once — every request of theirs that is not a GET or HEAD forgets their numbers ({@link #forget}),
 * before and after it runs — and what others change (a form sent to them, a request waiting for
 * their approval) shows within that time, on any server.
 */
@ApplicationScoped
public class Badges {
  private static final Logger LOG = Logger.getLogger(Badges.class.getName());
  public static final Duration BUDGET = Duration.ofMillis(300);

  /**
   * Threads for badge providers; a provider that overruns the box keeps its thread until it
   * returns.
   */
  static final int POOL_THREADS = 8;

  static final int QUEUE_LENGTH = 256;

  /**
   * Sign-ins whose numbers are kept at most; beyond it the stale ones go, then all (memory stays
   * bounded).
   */
  static final int MAX_PEOPLE = 50_000;

  @Resource ManagedThreadFactory threadFactory;
  @Inject @Any Instance<BadgeProvider> beans;
  @Inject AppSettings settings;

  private Executor executor;
  private Map<String, BadgeProvider> providers;
  private Duration budget = BUDGET;
  private long keepNanos;

  /**
   * A person's numbers for these keys as asked at {@code madeAt} (System.nanoTime); with {@code
   * keys} null, the time their numbers were forgotten, so that an answer asked for before it is not
   * kept.
   */
  private record Known(Set<String> keys, Map<String, Integer> numbers, long madeAt) {}

  /**
   * One sign-in of a person: a new sign-in counts anew, and two devices of one person do not share
   * numbers.
   */
  private record SignIn(long personId, java.time.Instant at) {
    static SignIn of(SignedInUser user) {
      return new SignIn(user.personId(), user.signedInAt());
    }
  }

  private final ConcurrentHashMap<SignIn, Known> known = new ConcurrentHashMap<>();

  public Badges() {}

  /**
   * For tests: these providers on this executor within this budget, numbers kept for {@code keep}.
   */
  Badges(Collection<BadgeProvider> providers, Executor executor, Duration budget, Duration keep) {
    this.providers = index(providers);
    this.executor = executor;
    this.budget = budget;
    this.keepNanos = keep.toNanos();
  }

  private ExecutorService pool;

  @PostConstruct
  void init() {
    providers = index(beans.stream().toList());
    keepNanos = settings.badgeCache().toNanos();
    pool =
        new ThreadPoolExecutor(
            POOL_THREADS,
            POOL_THREADS,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE_LENGTH),
            threadFactory,
            new ThreadPoolExecutor.AbortPolicy());
    ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
    executor = pool;
  }

  @PreDestroy
  void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private static Map<String, BadgeProvider> index(Collection<BadgeProvider> list) {
    Map<String, BadgeProvider> map = new HashMap<>();
    list.forEach(p -> map.put(p.key(), p));
    return Map.copyOf(map);
  }

  /**
   * Whether the provider of {@code key} gives information rather than a count of things waiting.
   */
  public boolean informational(String key) {
    BadgeProvider p = key == null ? null : providers.get(key);
    return p != null && p.informational();
  }

  /**
   * Badge number by provider key, for those of {@code keys} that answered in time with a number.
   */
  public Map<String, Integer> of(SignedInUser user, Set<String> keys) {
    long asked = System.nanoTime();
    Known k = known.get(SignIn.of(user));
    if (k != null && k.keys() != null && asked - k.madeAt() < keepNanos && k.keys().equals(keys)) {
      return k.numbers();
    }
    boolean complete = true;
    Map<String, CompletableFuture<OptionalInt>> pending = new LinkedHashMap<>();
    for (String key : keys) {
      BadgeProvider p = providers.get(key);
      if (p == null) {
        continue;
      }
      try {
        pending.put(key, CompletableFuture.supplyAsync(() -> p.badge(user), executor));
      } catch (RuntimeException rejected) {
        complete = false;
        LOG.log(Level.WARNING, "badge " + key + " not started", rejected);
      }
    }
    long deadline = System.nanoTime() + budget.toNanos();
    Map<String, Integer> out = new HashMap<>();
    for (Map.Entry<String, CompletableFuture<OptionalInt>> e : pending.entrySet()) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        OptionalInt n = e.getValue().get(left, TimeUnit.NANOSECONDS);
        if (n != null && n.isPresent()) {
          out.put(e.getKey(), n.getAsInt());
        }
      } catch (TimeoutException slow) {
        complete = false;
        e.getValue().cancel(true);
        LOG.fine(() -> "badge " + e.getKey() + " too slow; shown without it");
      } catch (ExecutionException failed) {
        complete = false;
        LOG.log(
            Level.WARNING, "badge " + e.getKey() + " failed; shown without it", failed.getCause());
      } catch (InterruptedException interrupted) {
        complete = false;
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (complete && keepNanos > 0) {
      keep(SignIn.of(user), new Known(Set.copyOf(keys), Map.copyOf(out), asked));
    }
    return out;
  }

  /**
   * The numbers of {@code keys} for {@code user}, asked on this thread, without the time box or the
   * cache: for background work (the numbers on WeCom's own tile), where a slow provider may take
   * its time. A key without a provider or a number is absent.
   *
   * @throws RuntimeException what a provider threw: the caller tries that person again later
   */
  public Map<String, Integer> numbersFor(SignedInUser user, Set<String> keys) {
    Map<String, Integer> out = new HashMap<>();
    for (String key : keys) {
      BadgeProvider p = providers.get(key);
      if (p != null) {
        OptionalInt n = p.badge(user);
        if (n != null && n.isPresent()) {
          out.put(key, n.getAsInt());
        }
      }
    }
    return out;
  }

  /** Forgets {@code user}'s numbers on this server: they did something that may change one. */
  public void forget(SignedInUser user) {
    if (keepNanos > 0) {
      keep(SignIn.of(user), new Known(null, Map.of(), System.nanoTime()));
    }
  }

  private void keep(SignIn who, Known fresh) {
    if (known.size() >= MAX_PEOPLE) {
      long now = System.nanoTime();
      known.values().removeIf(k -> now - k.madeAt() >= keepNanos);
      if (known.size() >= MAX_PEOPLE) {
        known.clear();
      }
    }
    // Numbers asked for before the person's last change are not kept: they may be older than it.
    known.merge(
        who,
        fresh,
        (old, made) -> made.keys() != null && old.madeAt() > made.madeAt() ? old : made);
  }

  /** The keys of the registered providers, sorted: what 角标来源 offers. */
  public java.util.List<String> keys() {
    return providers.keySet().stream().sorted().toList();
  }
}
