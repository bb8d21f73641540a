package cn.edu.ntvu.workbench.leave.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WeCom card of an open step: its {@code task_id} ({@code leave-<requestId>-<step>}, unique per
 * request and step, characters WeCom allows) and its button keys {@code approve:<requestId>:<step>}
 * / {@code reject:<requestId>:<step>}.
 */
public record CardAction(long requestId, int step, boolean approve) {
  private static final Pattern KEY = Pattern.compile("(approve|reject):(\\d{1,18}):(\\d{1,3})");
  // A 会签 step's cards are one per seat (issue 18): leave-<id>-<step>-<seat position>.
  private static final Pattern TASK = Pattern.compile("leave-(\\d{1,18})-(\\d{1,3})(?:-\\d{1,3})?");

  public static String taskId(long requestId, int step) {
    return "leave-" + requestId + "-" + step;
  }

  /** The task id of one seat's own card on a 会签 step (each seat's card is updated on its own). */
  public static String seatTaskId(long requestId, int step, int position) {
    return "leave-" + requestId + "-" + step + "-" + position;
  }

  public static String approveKey(long requestId, int step) {
    return "approve:" + requestId + ":" + step;
  }

  public static String rejectKey(long requestId, int step) {
    return "reject:" + requestId + ":" + step;
  }

  /**
   * The action a click means, when the task id and the button key are ours and name the same
   * request and step; empty for anything else.
   */
  public static Optional<CardAction> parse(String taskId, String eventKey) {
    if (taskId == null || eventKey == null) {
      return Optional.empty();
    }
    Matcher k = KEY.matcher(eventKey.strip());
    Matcher t = TASK.matcher(taskId.strip());
    if (!k.matches()
        || !t.matches()
        || !k.group(2).equals(t.group(1))
        || !k.group(3).equals(t.group(2))) {
      return Optional.empty();
    }
    return Optional.of(
        new CardAction(
            Long.parseLong(k.group(2)),
            Integer.parseInt(k.group(3)),
            k.group(1).equals("approve")));
  }
}
