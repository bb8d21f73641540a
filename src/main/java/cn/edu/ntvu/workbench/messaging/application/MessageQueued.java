package cn.edu.ntvu.workbench.messaging.application;

import java.util.List;

/**
 * A CDI event fired by {@link WeComOutbox#enqueue} inside the transaction that queues a message,
 * for those who want to know that something happened to its recipients (the native workbench tile
 * numbers: a message to someone usually means one of their numbers changed). An observer runs in
 * that transaction (plain {@code @Observes}): what it writes commits with the message or not at
 * all.
 *
 * @param kind the queued message's kind
 * @param toUsers its recipients' WeCom userids
 */
public record MessageQueued(OutgoingMessage.Kind kind, List<String> toUsers) {
  public MessageQueued {
    toUsers = List.copyOf(toUsers);
  }
}
