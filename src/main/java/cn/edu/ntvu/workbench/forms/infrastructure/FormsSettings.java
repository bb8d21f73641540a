package cn.edu.ntvu.workbench.forms.infrastructure;

import cn.edu.ntvu.workbench.forms.domain.RespondentKey;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.config.InvalidSettingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The forms' settings (listed in the README's configuration table). {@code forms.anonymity-secret} keys the respondent
 * hash: every server must have the same value, and changing it makes earlier respondents unknown (a person could
 * then answer a form once more). In development a fixed value stands in; in production a missing one stops the
 * first use with a message naming the key.
 */
@ApplicationScoped
public class FormsSettings {
  public static final String ANONYMITY_SECRET = "forms.anonymity-secret";
  private static final String DEV_SECRET = "dev-only-forms-anonymity-secret-not-for-production";

  @Inject
  @ConfigProperty(name = ANONYMITY_SECRET)
  Optional<String> secret;

  @Inject AppSettings app;

  private volatile RespondentKey key;

  public RespondentKey respondentKey() {
    RespondentKey k = key;
    if (k == null) {
      String s = secret.filter(v -> !v.isBlank()).orElse(app.isDevMode() ? DEV_SECRET : null);
      try {
        k = new RespondentKey(s);
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingException(ANONYMITY_SECRET, "a secret of at least 32 bytes, the same on every server");
      }
      key = k;
    }
    return k;
  }
}
