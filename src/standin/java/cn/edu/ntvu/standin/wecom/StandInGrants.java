package cn.edu.ntvu.standin.wecom;

import java.time.Instant;
import java.util.Optional;

/**
 * Storage of the stand-in's grants (table {@code wecom_grant}); an interface so the rules are
 * tested in memory.
 */
public interface StandInGrants {

  void save(StandInGrant grant);

  Optional<StandInGrant> find(String value, StandInGrant.Type type);

  /**
   * Marks an unused, unexpired code as used in one atomic step and returns it; empty if the code is
   * unknown, used or expired. This is what makes a code single-use across servers (§1.2).
   */
  Optional<StandInGrant> redeemCode(String code, Instant now);

  /**
   * Lets every issued access_token expire now (fault injection, like WeCom's early expiry §2.1).
   */
  int expireAllTokens(Instant now);

  /** Forgets grants that expired before the cutoff. */
  void deleteExpiredBefore(Instant cutoff);
}
