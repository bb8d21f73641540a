package cn.edu.ntvu.standin.wecom;

import java.time.Instant;

/**
 * What the stand-in remembers, as WeCom would: an access_token it issued, or an OAuth code and the
 * member it was issued for ({@code userid} null for a non-member).
 */
public record StandInGrant(
    String value, Type type, String userid, Instant expiresAt, boolean used) {

  /** The {@code grant_type} column. */
  public enum Type {
    TOKEN,
    CODE
  }

  public boolean validAt(Instant now) {
    return !used && now.isBefore(expiresAt);
  }
}
