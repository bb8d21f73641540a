package cn.edu.ntvu.workbench.identity.interfaces.web;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The WeCom OAuth {@code state} values this browser session is waiting for, each with the page to
 * land on. A state is bound to the session, used once, and expires; tampered, replayed or foreign
 * states are refused. A few may be pending at once (a person who taps two tiles quickly). Kept in
 * the HTTP session, so Serializable.
 */
public final class OAuthStates implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The session attribute holding this object. */
  public static final String SESSION_KEY = "wb.oauthStates";

  static final int MAX_PENDING = 5;
  static final Duration LIFETIME = Duration.ofMinutes(10);
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Pending(String target, Instant issuedAt) implements Serializable {}

  private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();

  /**
   * A new state for a round trip to {@code target}: 32 characters of [a-zA-Z0-9] as WeCom allows
   * (§1.1).
   */
  public synchronized String issue(String target, Instant now) {
    purge(now);
    while (pending.size() >= MAX_PENDING) {
      Iterator<String> oldest = pending.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    StringBuilder sb = new StringBuilder(32);
    for (int i = 0; i < 32; i++) {
      sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    String state = sb.toString();
    pending.put(state, new Pending(target, now));
    return state;
  }

  /**
   * Takes the state out (single use) and returns its target, if it was issued here and has not
   * expired.
   */
  public synchronized Optional<String> consume(String state, Instant now) {
    purge(now);
    if (state == null) {
      return Optional.empty();
    }
    Pending p = pending.remove(state);
    return p == null ? Optional.empty() : Optional.of(p.target());
  }

  private void purge(Instant now) {
    for (Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
      if (it.next().getValue().issuedAt().plus(LIFETIME).isBefore(now)) {
        it.remove();
      }
    }
  }
}
