package cn.edu.ntvu.standin.wecom;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link StandInGrants} in memory for unit tests. */
final class InMemoryStandInGrants implements StandInGrants {

  private final Map<String, StandInGrant> grants = new ConcurrentHashMap<>();

  @Override
  public void save(StandInGrant grant) {
    if (grants.putIfAbsent(grant.value(), grant) != null) {
      throw new IllegalStateException("duplicate grant");
    }
  }

  @Override
  public Optional<StandInGrant> find(String value, StandInGrant.Type type) {
    return Optional.ofNullable(grants.get(value)).filter(g -> g.type() == type);
  }

  @Override
  public synchronized Optional<StandInGrant> redeemCode(String code, Instant now) {
    Optional<StandInGrant> valid = find(code, StandInGrant.Type.CODE).filter(g -> g.validAt(now));
    valid.ifPresent(
        g ->
            grants.put(
                code, new StandInGrant(g.value(), g.type(), g.userid(), g.expiresAt(), true)));
    return valid;
  }

  @Override
  public synchronized int expireAllTokens(Instant now) {
    int[] expired = {0};
    grants.replaceAll(
        (value, g) -> {
          if (g.type() == StandInGrant.Type.TOKEN && g.expiresAt().isAfter(now)) {
            expired[0]++;
            return new StandInGrant(g.value(), g.type(), g.userid(), now, g.used());
          }
          return g;
        });
    return expired[0];
  }

  @Override
  public void deleteExpiredBefore(Instant cutoff) {
    grants.values().removeIf(g -> g.expiresAt().isBefore(cutoff));
  }
}
