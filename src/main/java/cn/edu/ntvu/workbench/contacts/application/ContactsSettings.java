package cn.edu.ntvu.workbench.contacts.application;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.wecom.domain.Agent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of the contacts sync. The contacts-sync secret (通讯录同步 Secret, docs/wecom-api.md §6.3) is
 * separate from the workbench agent's: only it may write contacts and call {@code user/list_id}.
 * Without it the sync pages say so and nothing is sent. In development the stand-in's fixed value
 * is used. The secret is never logged or shown.
 */
@ApplicationScoped
public class ContactsSettings {
  public static final String CONTACTS_SECRET = "wecom.contacts-secret";

  /**
   * The stand-in's contacts-sync secret in development: not a real secret, the stand-in exists only
   * there.
   */
  public static final String DEV_CONTACTS_SECRET = "standin-contacts-secret-not-for-production";

  /** How the contacts-sync secret's token is told apart from the agents' in the token cache. */
  public static final String CONTACTS_AGENT_ID = "contacts-sync";

  @Inject AppSettings app;

  @Inject
  @ConfigProperty(name = CONTACTS_SECRET)
  Optional<String> contactsSecret;

  @Inject
  @ConfigProperty(name = "contacts.classes-as-departments", defaultValue = "true")
  boolean classesAsDepartments;

  @Inject
  @ConfigProperty(name = "contacts.rate-limit-wait-seconds", defaultValue = "60")
  long rateLimitWaitSeconds;

  @Inject
  @ConfigProperty(name = "contacts.lease-seconds", defaultValue = "120")
  long leaseSeconds;

  @Inject
  @ConfigProperty(name = "contacts.worker-enabled", defaultValue = "true")
  boolean workerEnabled;

  @Inject
  @ConfigProperty(name = "identity.profile-url")
  Optional<String> profileUrl;

  /** The contacts-sync secret as an agent of the client, or empty when it is not configured. */
  public Optional<Agent> contactsAgent() {
    Optional<String> secret = contactsSecret.filter(s -> !s.isBlank());
    if (secret.isEmpty() && app.isDevMode()) {
      secret = Optional.of(DEV_CONTACTS_SECRET);
    }
    return secret.map(s -> new Agent(CONTACTS_AGENT_ID, s));
  }

  /** Classes (班级) become sub-departments of their 院系 in WeCom. */
  public boolean classesAsDepartments() {
    return classesAsDepartments;
  }

  /**
   * How long a 45009 (rate limit) pauses the run: WeCom blocks a minute-level limit for 60 s
   * (§2.3).
   */
  public Duration rateLimitWait() {
    return Duration.ofSeconds(Math.max(1, rateLimitWaitSeconds));
  }

  /** How long a server holds a run before another may take it over (a crash or restart mid-run). */
  public Duration lease() {
    return Duration.ofSeconds(Math.max(10, leaseSeconds));
  }

  public boolean workerEnabled() {
    return workerEnabled;
  }

  /**
   * Where a person changes the mobile number bound in the identity platform; else the
   * password-reset link.
   */
  public Optional<String> profileUrl() {
    return profileUrl.filter(s -> !s.isBlank()).or(app::passwordResetUrl);
  }

  public Optional<String> supportContact() {
    return app.supportContact();
  }

  @Override
  public String toString() {
    return "ContactsSettings[contactsSecret="
        + (contactsSecret.isPresent() ? "***" : "unset")
        + "]";
  }
}
