package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.messaging.application.OutgoingMessage;
import cn.edu.ntvu.workbench.messaging.application.WeComOutbox;
import cn.edu.ntvu.workbench.wecom.application.WorkbenchPayloads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The transactional half of {@link NativeTilePush}: queues the pushes of one chunk of people in the
 * messaging outbox together with what was pushed to each and the release of their marks — all or
 * nothing.
 */
@ApplicationScoped
public class NativeTileQueue {
  @Inject WeComOutbox outbox;
  @Inject NativeTileStore store;
  @Inject NativeTileSettings settings;

  /** One call to queue: its recipients and the values they all get. */
  record Call(List<String> userids, List<WorkbenchPayloads.Item> items, String shown) {}

  /**
   * Queues one call per group of people with the same values (a batch of ≤1000, or one person),
   * spread over time under {@code workbench.native.calls-per-minute}; drops older waiting pushes to
   * these people; records what was pushed; releases the chunk's marks held until {@code leaseUntil}
   * (null: none, the reconcile); marks {@code retry} again for later.
   *
   * @return how many calls were queued
   */
  @Transactional
  public int queue(
      String agentId,
      Map<String, List<String>> byShown,
      Map<String, List<WorkbenchPayloads.Item>> items,
      List<String> people,
      LocalDateTime leaseUntil,
      List<String> retry,
      LocalDateTime now) {
    List<Call> calls = calls(byShown, items);
    if (!calls.isEmpty()) {
      Duration spacing = Duration.ofNanos(60_000_000_000L / settings.callsPerMinute());
      LocalDateTime slot = store.reserveSlots(calls.size(), spacing, now);
      List<String> topics = new ArrayList<>();
      byShown.values().forEach(us -> us.forEach(u -> topics.add(topic(u))));
      outbox.dropWaiting(OutgoingMessage.Kind.WORKBENCH_DATA, topics);
      List<NativeTileStore.Pushed> pushed = new ArrayList<>();
      for (Call call : calls) {
        String key = NativeTilePush.KEY_PREFIX + UUID.randomUUID();
        String topic =
            call.userids().size() == 1 ? topic(call.userids().get(0)) : NativeTilePush.BATCH_TOPIC;
        outbox.enqueueAt(
            new OutgoingMessage(
                key,
                OutgoingMessage.Kind.WORKBENCH_DATA,
                call.userids(),
                WorkbenchPayloads.keydataOf(call.items()).toString(),
                topic),
            slot);
        slot = slot.plus(spacing);
        for (String u : call.userids()) {
          pushed.add(new NativeTileStore.Pushed(u, agentId, call.shown(), key));
        }
      }
      store.recordPushed(pushed, now);
    }
    if (leaseUntil != null) {
      store.releaseTaken(people, leaseUntil);
    }
    if (!retry.isEmpty()) {
      store.markDirty(retry, now.plus(settings.debounce()));
    }
    return calls.size();
  }

  /** The keys of pushes that failed for good. */
  public Set<String> failedKeys() {
    return outbox.failedKeys(OutgoingMessage.Kind.WORKBENCH_DATA, NativeTilePush.KEY_PREFIX);
  }

  static List<Call> calls(
      Map<String, List<String>> byShown, Map<String, List<WorkbenchPayloads.Item>> items) {
    List<Call> calls = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : byShown.entrySet()) {
      List<String> us = e.getValue();
      for (int from = 0; from < us.size(); from += WorkbenchPayloads.MAX_BATCH_USERS) {
        calls.add(
            new Call(
                List.copyOf(
                    us.subList(
                        from, Math.min(us.size(), from + WorkbenchPayloads.MAX_BATCH_USERS))),
                items.get(e.getKey()),
                e.getKey()));
      }
    }
    return calls;
  }

  static String topic(String userid) {
    return NativeTilePush.KEY_PREFIX + userid;
  }
}
