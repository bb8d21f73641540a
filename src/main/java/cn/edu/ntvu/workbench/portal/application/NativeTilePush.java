package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.identity.application.SignInService;
import cn.edu.ntvu.workbench.messaging.application.MessageQueued;
import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.domain.NativeTileItem;
import cn.edu.ntvu.workbench.wecom.application.WorkbenchPayloads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each person's numbers on WeCom's own workbench tile current (工作台自定义展示, docs/wecom-api.md
 * §10.1; issue 21 item 5):
 *
 * <ol>
 *   <li><b>mark</b>: a person whose numbers may have changed is written to {@code
 *       workbench_native_dirty}, due {@code workbench.native.debounce-seconds} (30) later; marked
 *       again meanwhile, they keep the earlier time, so changes within the window make one push.
 *       The marks: every message queued to someone ({@link MessageQueued}, in the queuing
 *       transaction: a request to approve, a form or notice sent to them), and every request of the
 *       person's own under a micro-app ({@link #touched}, after it ran: a form filled, a notice
 *       read, a request decided). The table, not a server's memory, holds them: any server pushes
 *       them, once.
 *   <li><b>push</b> ({@link #pushDue}, every few seconds on every server): the due people are taken
 *       with a lease ({@code SELECT … FOR UPDATE SKIP LOCKED}, committed at once), their numbers
 *       counted by the same {@link BadgeProvider}s as the home page's badges, compared with what
 *       was last pushed, and only the changed ones queued in the messaging outbox (kind {@code
 *       WORKBENCH_DATA}) in one transaction with what was pushed: people with the same values go
 *       together in {@code batch_set_workbench_data} (≤1000), the others one by one in {@code
 *       set_workbench_data}, the calls spread so that no minute holds more than {@code
 *       workbench.native.calls-per-minute} (under WeCom's 10,000 a minute per API, §2.3); a
 *       person's older push still waiting is dropped (the newer one says it all). Pushes to one
 *       person are at least the debounce apart (≤2 a minute; WeCom allows 10). The outbox retries
 *       through an outage: delayed, never lost.
 *   <li><b>reconcile</b> ({@link #reconcile}, nightly in the school-clock hour {@code
 *       workbench.native.reconcile-hour}, once across servers): everyone's numbers counted anew;
 *       pushed are only those that differ from what was last pushed, or whose last push failed for
 *       good.
 * </ol>
 */
@ApplicationScoped
public class NativeTilePush {
  private static final Logger LOG = Logger.getLogger(NativeTilePush.class.getName());

  /** Outbox keys of these pushes start so; single pushes' topics are {@code wbdata:<userid>}. */
  public static final String KEY_PREFIX = "wbdata:";

  public static final String BATCH_TOPIC = "wbdata:*";

  /** People taken and counted at once. */
  static final int CHUNK = 2000;

  /** How long a taken person's mark is held by the server counting them. */
  static final Duration LEASE = Duration.ofMinutes(5);

  static final String RECONCILE = "reconcile";

  @Inject NativeTileStore store;
  @Inject NativeTileSettings settings;
  @Inject NativeTileQueue queue;
  @Inject Badges badges;
  @Inject SignInService signIn;
  @Inject DirectoryQueries directory;
  @Inject Clock clock;

  /** Whether a template is on, as this server last read it, and when. */
  private volatile Optional<NativeTileStore.Template> active;

  private volatile long activeReadAt;
  private static final long ACTIVE_TTL_NANOS = 30_000_000_000L;

  /**
   * Per person, the due time of the mark this server last wrote (a mark before it adds nothing).
   */
  private final Map<String, LocalDateTime> markedUntil = new ConcurrentHashMap<>();

  /** What one push or reconcile run did. */
  public record Run(int counted, int changed, int calls, int skipped) {
    static final Run NOTHING = new Run(0, 0, 0, 0);

    Run plus(Run o) {
      return new Run(
          counted + o.counted, changed + o.changed, calls + o.calls, skipped + o.skipped);
    }
  }

  /** The template in force, if one is on (read again every 30 s, and at once after a save here). */
  public Optional<NativeTileStore.Template> template() {
    Optional<NativeTileStore.Template> t = active;
    if (t == null || System.nanoTime() - activeReadAt > ACTIVE_TTL_NANOS) {
      try {
        t = store.template().filter(NativeTileStore.Template::enabled);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "native tile template not read: {0}", e.getMessage());
        t = Optional.empty();
      }
      active = t;
      activeReadAt = System.nanoTime();
    }
    return t;
  }

  /** Forgets the template read, so that the next use reads it again (after an admin saved it). */
  public void templateChanged() {
    active = null;
    markedUntil.clear();
  }

  /**
   * A message was queued to people (in its transaction): their numbers may have changed. Marked in
   * the same transaction; a failure here is logged and left to the reconcile, never the sender's.
   */
  void onQueued(@Observes MessageQueued queued) {
    if (queued.kind() != OutgoingMessage.Kind.SEND || template().isEmpty()) {
      return;
    }
    try {
      mark(queued.toUsers());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "native tile: marking {0} people failed: {1}",
          new Object[] {queued.toUsers().size(), e.getMessage()});
    }
  }

  /**
   * The person did something under a micro-app (after the request ran): their numbers may have
   * changed. One statement at most per person and debounce window on this server.
   */
  public void touched(String userid) {
    if (userid == null || userid.isBlank() || template().isEmpty()) {
      return;
    }
    LocalDateTime until = markedUntil.get(userid);
    // A mark due after now is still waiting: the push counts after this request's change.
    if (until != null && now().isBefore(until.minusSeconds(1))) {
      return;
    }
    try {
      mark(List.of(userid));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "native tile: marking failed: {0}", e.getMessage());
    }
  }

  /** Marks people as waiting for a push, due after the debounce. */
  public void mark(Collection<String> userids) {
    LocalDateTime due = now().plus(settings.debounce());
    store.markDirty(userids, due);
    if (markedUntil.size() > 100_000) {
      markedUntil.clear();
    }
    if (userids.size() <= 1000) {
      userids.forEach(u -> markedUntil.put(u, due));
    }
  }

  /** Marks everyone given for a push after the debounce (a new template). */
  public void markAll(List<String> userids) {
    store.markDirty(userids, now().plus(settings.debounce()));
  }

  /**
   * Pushes everyone due by {@code now}, {@link #CHUNK} at a time, for at most {@code budget}. Runs
   * outside any transaction (each chunk takes its people in a short transaction of its own, and
   * queues their pushes in another).
   */
  public Run pushDue(LocalDateTime now, Duration budget) {
    Optional<NativeTileStore.Template> template = template();
    if (template.isEmpty()) {
      return Run.NOTHING;
    }
    long end = System.nanoTime() + budget.toNanos();
    Run total = Run.NOTHING;
    while (System.nanoTime() < end) {
      LocalDateTime leaseUntil = now.plus(LEASE).truncatedTo(ChronoUnit.MILLIS);
      List<String> due = store.takeDue(now, CHUNK, leaseUntil);
      if (due.isEmpty()) {
        break;
      }
      total = total.plus(push(template.get(), due, now, leaseUntil, false));
      if (due.size() < CHUNK) {
        break;
      }
    }
    return total;
  }

  /**
   * The nightly reconcile, once across servers per night: everyone's numbers counted anew, and only
   * what differs from the last push (or whose last push failed for good) pushed. Returns nothing
   * done when another server ran it tonight or no template is on.
   */
  public Run reconcile(LocalDateTime now) {
    Optional<NativeTileStore.Template> template = template();
    if (template.isEmpty() || !store.claimJob(RECONCILE, now, Duration.ofHours(20))) {
      return Run.NOTHING;
    }
    return reconcileNow(template.get(), now);
  }

  /** As {@link #reconcile} without the once-a-night claim (tests, the bench). */
  public Run reconcileNow(NativeTileStore.Template template, LocalDateTime now) {
    long t0 = System.nanoTime();
    List<String> everyone = directory.activeAccounts();
    Set<String> failed = queue.failedKeys();
    Run total = Run.NOTHING;
    for (int from = 0; from < everyone.size(); from += CHUNK) {
      List<String> chunk = everyone.subList(from, Math.min(everyone.size(), from + CHUNK));
      total = total.plus(push(template, chunk, now, null, true, failed));
    }
    LOG.log(
        Level.INFO,
        "native tile reconcile: {0} people counted in {1} s; {2} changed, {3} call(s) queued",
        new Object[] {
          total.counted(),
          String.format("%.1f", (System.nanoTime() - t0) / 1e9),
          total.changed(),
          total.calls()
        });
    return total;
  }

  private Run push(
      NativeTileStore.Template template,
      List<String> people,
      LocalDateTime now,
      LocalDateTime leaseUntil,
      boolean reconcile) {
    return push(template, people, now, leaseUntil, reconcile, Set.of());
  }

  private Run push(
      NativeTileStore.Template template,
      List<String> people,
      LocalDateTime now,
      LocalDateTime leaseUntil,
      boolean reconcile,
      Set<String> failedKeys) {
    Set<String> keys = new LinkedHashSet<>();
    template.items().forEach(i -> keys.add(i.badgeKey()));
    Map<String, NativeTileStore.Pushed> last = store.pushed(people);
    // Same values → one batch call; kept in the people's order.
    Map<String, List<String>> byShown = new LinkedHashMap<>();
    Map<String, List<WorkbenchPayloads.Item>> itemsByShown = new LinkedHashMap<>();
    List<String> retry = new ArrayList<>();
    int counted = 0;
    int skipped = 0;
    for (String userid : people) {
      Optional<List<WorkbenchPayloads.Item>> items;
      try {
        items = itemsOf(template, userid, keys);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "native tile: counting failed: {0}", e.getMessage());
        retry.add(userid);
        continue;
      }
      if (items.isEmpty()) {
        skipped++;
        continue;
      }
      counted++;
      String shown = shown(items.get());
      NativeTileStore.Pushed before = last.get(userid);
      boolean same =
          before != null
              && before.shown().equals(shown)
              && before.agentId().equals(template.agentId())
              && !failedKeys.contains(before.messageKey());
      if (same) {
        continue;
      }
      byShown.computeIfAbsent(shown, s -> new ArrayList<>()).add(userid);
      itemsByShown.putIfAbsent(shown, items.get());
    }
    int calls =
        queue.queue(template.agentId(), byShown, itemsByShown, people, leaseUntil, retry, now);
    int changed = byShown.values().stream().mapToInt(List::size).sum();
    if (!reconcile && changed > 0) {
      LOG.log(
          Level.FINE,
          "native tile: {0} people counted, {1} changed, {2} call(s) queued",
          new Object[] {counted, changed, calls});
    }
    return new Run(counted, changed, calls, skipped);
  }

  /** The items of a person's tile: each chosen number (0 when none), its label and address. */
  Optional<List<WorkbenchPayloads.Item>> itemsOf(
      NativeTileStore.Template template, String userid, Set<String> keys) {
    if (!(signIn.resolve(userid, SignInPath.WECOM) instanceof SignInService.Outcome.SignedIn s)) {
      return Optional.empty();
    }
    SignedInUser user = s.user();
    Map<String, Integer> numbers = badges.numbersFor(user, keys);
    List<WorkbenchPayloads.Item> items = new ArrayList<>();
    for (NativeTileItem i : template.items()) {
      items.add(
          new WorkbenchPayloads.Item(
              i.label(), String.valueOf(numbers.getOrDefault(i.badgeKey(), 0)), i.jumpUrl()));
    }
    return Optional.of(items);
  }

  /**
   * What a tile shows, as one comparable string: {@code label=number} per item, then {@code #} and
   * a short digest of the whole (addresses included).
   */
  static String shown(List<WorkbenchPayloads.Item> items) {
    StringBuilder b = new StringBuilder();
    StringBuilder all = new StringBuilder();
    for (WorkbenchPayloads.Item i : items) {
      if (b.length() > 0) {
        b.append('|');
      }
      b.append(i.key()).append('=').append(i.data());
      all.append(i.key())
          .append('\u0000')
          .append(i.data())
          .append('\u0000')
          .append(i.jumpUrl())
          .append('\u0001');
    }
    String head = b.length() > 470 ? b.substring(0, 470) : b.toString();
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return head + "#" + java.util.HexFormat.of().formatHex(d, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
  }
}
