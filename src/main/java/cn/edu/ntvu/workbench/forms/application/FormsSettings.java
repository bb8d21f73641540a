package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.ExportLinkKey;
import cn.edu.ntvu.workbench.forms.domain.RespondentKey;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.config.InvalidSettingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The forms' settings (listed in the README's configuration table). {@code forms.anonymity-secret}
 * keys the respondent hash: every server must have the same value, and changing it makes earlier
 * respondents unknown (a person could then answer a form once more). In development a fixed value
 * stands in; in production a missing one stops the first use with a message naming the key. {@code
 * forms.publish-per-hour} limits how many forms one person publishes.
 */
@ApplicationScoped
public class FormsSettings {
  public static final String ANONYMITY_SECRET = "forms.anonymity-secret";
  private static final String DEV_SECRET = "dev-only-forms-anonymity-secret-not-for-production";

  @Inject
  @ConfigProperty(name = ANONYMITY_SECRET)
  Optional<String> secret;

  @Inject AppSettings app;

  /**
   * The key of the short-lived signed export links ({@link ExportLinkKey}): at least 32 bytes, the
   * same on every server. Changing it ends the links made before (they last minutes).
   */
  public static final String EXPORT_LINK_SECRET = "forms.export-link-secret";

  /**
   * Development mode only (tests sign their own forged links with it); production needs its own.
   */
  public static final String DEV_EXPORT_LINK_SECRET =
      "dev-only-forms-export-link-secret-not-for-production";

  @Inject
  @ConfigProperty(name = EXPORT_LINK_SECRET)
  Optional<String> exportLinkSecret;

  private volatile ExportLinkKey exportLinkKey;

  /** How many forms one person may publish in any hour, across all servers. */
  public static final String PUBLISH_PER_HOUR = "forms.publish-per-hour";

  static final int DEFAULT_PUBLISH_PER_HOUR = 10;

  @Inject
  @ConfigProperty(name = PUBLISH_PER_HOUR)
  Optional<String> publishPerHour;

  private volatile int publishLimit;

  private volatile RespondentKey key;

  /**
   * The most forms one person may publish within an hour ({@value #PUBLISH_PER_HOUR}, 1–1000,
   * default {@value #DEFAULT_PUBLISH_PER_HOUR}): a textcard goes to every recipient, so a runaway
   * script or a stolen session must not flood the school.
   */
  public int publishPerHour() {
    int n = publishLimit;
    if (n == 0) {
      String v = publishPerHour.map(String::strip).filter(x -> !x.isEmpty()).orElse(null);
      try {
        n = v == null ? DEFAULT_PUBLISH_PER_HOUR : Integer.parseInt(v);
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1 || n > 1000) {
        throw new InvalidSettingException(PUBLISH_PER_HOUR, "a whole number from 1 to 1000");
      }
      publishLimit = n;
    }
    return n;
  }

  /**
   * A malformed publishing limit stops start-up (the anonymity secret is checked at its first use).
   */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object event) {
    publishPerHour();
  }

  public RespondentKey respondentKey() {
    RespondentKey k = key;
    if (k == null) {
      String s = secret.filter(v -> !v.isBlank()).orElse(app.isDevMode() ? DEV_SECRET : null);
      try {
        k = new RespondentKey(s);
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingException(
            ANONYMITY_SECRET, "a secret of at least 32 bytes, the same on every server");
      }
      key = k;
    }
    return k;
  }

  public ExportLinkKey exportLinkKey() {
    ExportLinkKey k = exportLinkKey;
    if (k == null) {
      String s =
          exportLinkSecret
              .filter(v -> !v.isBlank())
              .orElse(app.isDevMode() ? DEV_EXPORT_LINK_SECRET : null);
      try {
        k = new ExportLinkKey(s);
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingException(
            EXPORT_LINK_SECRET, "a secret of at least 32 bytes, the same on every server");
      }
      exportLinkKey = k;
    }
    return k;
  }
}
