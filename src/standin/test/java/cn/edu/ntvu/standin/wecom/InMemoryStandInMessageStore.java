package cn.edu.ntvu.standin.wecom;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@link StandInMessageStore} in memory, with a fixed set of members. */
class InMemoryStandInMessageStore implements StandInMessageStore {
  final Set<String> directory = new HashSet<>();
  final List<StandInMessage> messages = new ArrayList<>();
  final Map<String, Object[]> codes = new HashMap<>();

  InMemoryStandInMessageStore(String... members) {
    for (String m : members) {
      directory.add(m.toLowerCase(Locale.ROOT));
    }
  }

  @Override
  public synchronized Set<String> members(Collection<String> userids) {
    Set<String> found = new HashSet<>();
    for (String u : userids) {
      if (directory.contains(u.toLowerCase(Locale.ROOT))) {
        found.add(u.toLowerCase(Locale.ROOT));
      }
    }
    return found;
  }

  @Override
  public synchronized List<StandInMessage> deliveredSince(String touser, LocalDateTime since) {
    return messages.stream()
        .filter(
            m ->
                m.touser().equals(touser)
                    && m.receivedAt().isAfter(since)
                    && StandInMessage.DELIVERED.equals(m.outcome()))
        .toList();
  }

  @Override
  public synchronized void save(List<StandInMessage> received) {
    for (StandInMessage m : received) {
      messages.add(
          new StandInMessage(
              messages.size() + 1,
              m.receivedAt(),
              m.api(),
              m.touser(),
              m.msgtype(),
              m.contentHash(),
              m.body(),
              m.msgid(),
              m.outcome()));
    }
  }

  @Override
  public synchronized void saveResponseCode(String code, String msgid, LocalDateTime at) {
    codes.put(code, new Object[] {at, false});
  }

  @Override
  public synchronized boolean redeemResponseCode(String code, LocalDateTime issuedAfter) {
    Object[] c = codes.get(code);
    if (c == null || (Boolean) c[1] || !((LocalDateTime) c[0]).isAfter(issuedAfter)) {
      return false;
    }
    c[1] = true;
    return true;
  }

  @Override
  public synchronized List<StandInMessage> latest(String touser, String contains, int limit) {
    return messages.stream()
        .filter(m -> touser == null || m.touser().equals(touser))
        .filter(m -> contains == null || m.body().contains(contains))
        .sorted(Comparator.comparingLong(StandInMessage::id).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized int age(String touser, java.time.Duration by) {
    int aged = 0;
    for (int i = 0; i < messages.size(); i++) {
      StandInMessage m = messages.get(i);
      if (m.touser().equals(touser)) {
        messages.set(
            i,
            new StandInMessage(
                m.id(),
                m.receivedAt().minus(by),
                m.api(),
                m.touser(),
                m.msgtype(),
                m.contentHash(),
                m.body(),
                m.msgid(),
                m.outcome()));
        aged++;
      }
    }
    return aged;
  }

  @Override
  public synchronized Map<String, Long> summary() {
    return Map.of("received", (long) messages.size());
  }

  final List<Recall> recalled = new ArrayList<>();

  @Override
  public synchronized java.util.Optional<LocalDateTime> sentAt(String msgid) {
    return messages.stream()
        .filter(m -> m.msgid().equals(msgid) && "SEND".equals(m.api()))
        .map(StandInMessage::receivedAt)
        .min(Comparator.naturalOrder());
  }

  @Override
  public synchronized void recall(String msgid, LocalDateTime at) {
    recalled.add(new Recall(msgid, at));
  }

  @Override
  public synchronized List<Recall> recalls(String msgid, int limit) {
    return recalled.stream()
        .filter(r -> msgid == null || r.msgid().equals(msgid))
        .limit(limit)
        .toList();
  }

  synchronized List<StandInMessage> to(String user, String outcome) {
    return messages.stream()
        .filter(m -> m.touser().equals(user) && m.outcome().equals(outcome))
        .toList();
  }
}
