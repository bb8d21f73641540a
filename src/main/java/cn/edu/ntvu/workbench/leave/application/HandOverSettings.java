package cn.edu.ntvu.workbench.leave.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits of 加签 (README's config table): how many approvers may be added to one request, by
 * everybody together, before or after. Read from MicroProfile Config, the same on every server.
 */
@ApplicationScoped
public class HandOverSettings {
  public static final String MAX_ADDED = "leave.add-approver.max-per-request";

  /** The most a school may allow: every added seat is one more card and one more wait. */
  public static final int MAX_ADDED_CEILING = 10;

  @Inject
  @ConfigProperty(name = MAX_ADDED, defaultValue = "2")
  int maxAdded;

  /** Approvers that may be added to one request (0–10; 0: 加签 is off). */
  public int maxAddedPerRequest() {
    return clamp(maxAdded);
  }

  static int clamp(int configured) {
    return Math.max(0, Math.min(MAX_ADDED_CEILING, configured));
  }
}
