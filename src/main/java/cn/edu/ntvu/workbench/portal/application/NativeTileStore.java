package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.portal.domain.NativeTileItem;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of the numbers on WeCom's own workbench tile (a port, implemented in SQL in
 * infrastructure): the admin's template, the people waiting for a push (the debounce), what was
 * last pushed to each, and the nightly reconcile's claim. Every method runs in the caller's
 * transaction (or by itself outside one).
 */
public interface NativeTileStore {
  /** The template of an agent as an admin saved it. */
  record Template(
      String agentId,
      List<NativeTileItem> items,
      boolean enabled,
      int version,
      String updatedBy,
      LocalDateTime updatedAt) {}

  /** What was last queued for a person: the values shown, and the outbox message carrying them. */
  record Pushed(String userid, String agentId, String shown, String messageKey) {}

  Optional<Template> template();

  /**
   * Stores the template if {@code version} is still the stored one (0: none yet); false when
   * another admin saved in between.
   */
  boolean saveTemplate(
      String agentId,
      List<NativeTileItem> items,
      boolean enabled,
      int version,
      String by,
      LocalDateTime at);

  /**
   * Marks people whose numbers may have changed, to be pushed at {@code due}; someone already
   * waiting keeps the earlier of the two due times (changes within the window coalesce into one
   * push).
   */
  void markDirty(Collection<String> userids, LocalDateTime due);

  /**
   * Takes up to {@code limit} people due by {@code now} in a short transaction of its own ({@code
   * SELECT … FOR UPDATE SKIP LOCKED}: another server takes others): their marks are held until
   * {@code leaseUntil} (a server that dies while counting them leaves them due again then).
   */
  List<String> takeDue(LocalDateTime now, int limit, LocalDateTime leaseUntil);

  /**
   * Removes the marks of {@code userids} still held until {@code leaseUntil} (in the caller's
   * transaction); a person marked again meanwhile stays marked.
   */
  void releaseTaken(Collection<String> userids, LocalDateTime leaseUntil);

  /** How many people wait for a push (due or not). */
  long waiting();

  /** What was last pushed to these people, by userid. */
  Map<String, Pushed> pushed(Collection<String> userids);

  /** Records what was queued now for these people. */
  void recordPushed(Collection<Pushed> pushed, LocalDateTime at);

  /**
   * Reserves {@code calls} call slots {@code spacing} apart, from {@code now} or after the last one
   * reserved (across servers, under a row lock in the caller's transaction); returns the first
   * slot's time.
   */
  LocalDateTime reserveSlots(int calls, java.time.Duration spacing, LocalDateTime now);

  /**
   * Claims the job {@code name} for a run unless it ran within {@code minGap} (once across
   * servers).
   */
  boolean claimJob(String name, LocalDateTime now, java.time.Duration minGap);
}
