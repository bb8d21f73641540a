package cn.edu.ntvu.workbench.wecom.application;

import java.time.Instant;
import java.util.Objects;

/**
 * A cached credential (today an access_token) and the moment we stop using it. {@code useUntil} is
 * already shortened by the refresh margin, so every server agrees on when to refresh without
 * knowing the original expires_in (docs/wecom-api.md §2.1).
 *
 * <p>{@link #toString()} never shows the value.
 */
public record Credential(String value, Instant useUntil) {

  public Credential {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(useUntil, "useUntil");
  }

  public boolean usableAt(Instant now) {
    return now.isBefore(useUntil);
  }

  @Override
  public String toString() {
    return "Credential[value=***, useUntil=" + useUntil + "]";
  }
}
