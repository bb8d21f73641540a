package cn.edu.ntvu.workbench.timetable.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * 订阅到手机日历: a person's one active calendar subscription — the hash of its {@link CalendarToken},
 * when it was turned on (or last reset) and when a calendar app last fetched it. Resetting replaces
 * the token, so the old URL stops working at once; turning it off removes the subscription.
 */
public record CalendarSubscription(
    String account, String tokenSha256, Instant createdAt, Optional<Instant> lastUsedAt) {
  public CalendarSubscription {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(tokenSha256, "tokenSha256");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
  }
}
