package cn.edu.ntvu.standin.wecom;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the stand-in keeps the messages it received and the response_codes it handed out, and who
 * the corp's members are; an interface so that the messaging rules are tested in memory.
 */
public interface StandInMessageStore {

  /** The members among these userids (compared without case), lower-cased. */
  Set<String> members(Collection<String> userids);

  /** The messages delivered to a member since a moment, oldest first. */
  List<StandInMessage> deliveredSince(String touser, LocalDateTime since);

  void save(List<StandInMessage> messages);

  void saveResponseCode(String code, String msgid, LocalDateTime at);

  /**
   * Marks an unused response_code issued after {@code issuedAfter} as used; false if unknown, used
   * or expired.
   */
  boolean redeemResponseCode(String code, LocalDateTime issuedAfter);

  /**
   * The latest messages, newest first: for one member only (null = everyone), and only those whose
   * body contains {@code contains} (null = all).
   */
  List<StandInMessage> latest(String touser, String contains, int limit);

  /**
   * Moves a member's received messages back in time (tests: "a minute passes" for the per-member
   * limits).
   */
  int age(String touser, Duration by);

  /**
   * How many messages were received in all, and per outcome ({@code SEND} calls only; {@code
   * distinct} pairs).
   */
  Map<String, Long> summary();

  /**
   * When a {@code message/send} answered this msgid (its first recipient's row); empty if never.
   */
  java.util.Optional<LocalDateTime> sentAt(String msgid);

  /** Keeps one {@code message/recall} of a msgid (each call, so that a test sees a second one). */
  void recall(String msgid, LocalDateTime at);

  /** The recalls kept, newest first: of one msgid only (null = all). */
  List<Recall> recalls(String msgid, int limit);

  /** One {@code message/recall} call the stand-in answered ok. */
  record Recall(String msgid, LocalDateTime at) {}
}
