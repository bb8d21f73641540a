package cn.edu.ntvu.workbench.wecom.standin;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Where the stand-in keeps the messages it received and the response_codes it handed out. */
public interface StandInMessageStore {

  /** The members among these userids (compared without case), lower-cased. */
  Set<String> members(Collection<String> userids);

  /** The messages delivered to a member since a moment, oldest first. */
  List<StandInMessage> deliveredSince(String touser, LocalDateTime since);

  void save(List<StandInMessage> messages);

  void saveResponseCode(String code, String msgid, LocalDateTime at);

  /** Marks an unused response_code issued after {@code issuedAfter} as used; false if unknown, used or expired. */
  boolean redeemResponseCode(String code, LocalDateTime issuedAfter);

  /** The latest messages, newest first, optionally for one member only (null = everyone). */
  List<StandInMessage> latest(String touser, int limit);
}
