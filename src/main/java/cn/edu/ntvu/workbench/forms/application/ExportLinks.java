package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.ExportLinkKey;
import cn.edu.ntvu.workbench.identity.application.Authorities;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Short-lived signed links to a form's export (issue 16): WeCom's in-app browser cannot download a
 * file from a page, so the results page asks for a link and hands it to WeCom's file preview, or to
 * the system browser — neither sends the page's session. A link is made only for an owner of the
 * form, lasts {@link #LIFETIME}, and opens only while the person it names is still active and still
 * an owner: the signature proves who asked, the directory and the form say whether they still may.
 */
@ApplicationScoped
public class ExportLinks {
  /** Long enough for WeCom to fetch the file, short enough that a forwarded link soon dies. */
  public static final Duration LIFETIME = Duration.ofMinutes(5);

  @Inject FormBuilder builder;
  @Inject FormsSettings settings;
  @Inject Authorities authorities;
  @Inject Clock clock;

  /**
   * A token for {@code user}'s export of form {@code formId} as {@code format} ({@code xlsx} or
   * {@code csv}); refused ({@link FormAccessDenied}) unless they own the form.
   */
  public String issue(SignedInUser user, long formId, String format) {
    builder.owned(user, formId);
    long expires = Instant.now(clock).plus(LIFETIME).getEpochSecond();
    return settings
        .exportLinkKey()
        .sign(new ExportLinkKey.Link(formId, format, user.personId(), expires));
  }

  /** What a presented link opens. */
  public sealed interface Opened {
    /** The form's export for this person, as they stand now. */
    record File(SignedInUser owner, long formId) implements Opened {}

    /** A genuine link whose five minutes are over. */
    record Expired() implements Opened {}

    /** Not a link of ours, or its person is no longer active or no longer an owner of the form. */
    record Refused() implements Opened {}
  }

  public Opened open(String token, String format) {
    ExportLinkKey.Check check =
        settings.exportLinkKey().check(token, format, Instant.now(clock).getEpochSecond());
    if (check instanceof ExportLinkKey.Check.Expired) {
      return new Opened.Expired();
    }
    if (!(check instanceof ExportLinkKey.Check.Valid valid)) {
      return new Opened.Refused();
    }
    ExportLinkKey.Link link = valid.link();
    SignedInUser named =
        new SignedInUser(
            link.personId(),
            "",
            "",
            PersonKind.STAFF,
            null,
            null,
            null,
            Set.of(),
            SignInPath.DEV,
            Instant.EPOCH);
    if (!(authorities.current(named) instanceof Authorities.Standing.Active active)
        || active.user().kind() != PersonKind.STAFF) {
      return new Opened.Refused();
    }
    try {
      builder.owned(active.user(), link.formId());
    } catch (FormAccessDenied e) {
      return new Opened.Refused();
    }
    return new Opened.File(active.user(), link.formId());
  }
}
