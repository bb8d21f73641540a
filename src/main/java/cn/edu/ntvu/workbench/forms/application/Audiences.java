package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.identity.application.PermissionGrants;
import cn.edu.ntvu.workbench.identity.application.PickKind;
import cn.edu.ntvu.workbench.identity.application.PickScope;
import cn.edu.ntvu.workbench.identity.domain.Permission;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The audience rules of 收集表 for other micro-apps (通知 sends to the same audience with the same
 * scope): whether a person may name a line, and who the lines are. A member of staff reaches their
 * own departments and classes and the people in them ({@link PublishScope}); the whole school,
 * other units and roles need {@link Permission#FORMS_PUBLISH_ANY}. Everything is read from the
 * directory and the grants as they are now.
 */
@ApplicationScoped
public class Audiences {
  /** Why a line may not be added; {@link #OK} when it may. */
  public enum Check {
    OK,
    /** "My classes" for someone who is not staff. */
    NOT_STAFF,
    /** A role line naming no role. */
    UNKNOWN_ROLE,
    /** A department, class or person the directory does not know. */
    UNKNOWN,
    /** Outside the person's own units, and no grant. */
    OUT_OF_SCOPE
  }

  @Inject AudienceDirectory directory;
  @Inject PublishScope scope;
  @Inject PermissionGrants grants;

  public Audiences() {}

  /** For unit tests: the ports given. */
  public Audiences(AudienceDirectory directory, PublishScope scope, PermissionGrants grants) {
    this.directory = directory;
    this.scope = scope;
    this.grants = grants;
  }

  /** Whether {@code user} may add {@code rule} to an audience, and if not why. */
  public Check check(SignedInUser user, AudienceRule rule) {
    if (user == null || user.isStudent()) {
      return Check.NOT_STAFF;
    }
    if (rule.kind() == AudienceRule.Kind.ROLE && Role.parse(rule.value()) == null) {
      return Check.UNKNOWN_ROLE;
    }
    if (directory.describe(rule).isEmpty()) {
      return Check.UNKNOWN;
    }
    return mayReach(user, rule) ? Check.OK : Check.OUT_OF_SCOPE;
  }

  /** Within the person's own units, or anyone with the grant. */
  public boolean mayReach(SignedInUser user, AudienceRule rule) {
    return scope.within(rule, user.account())
        || grants.has(user.account(), Permission.FORMS_PUBLISH_ANY);
  }

  /**
   * What this person's people-and-groups picker offers: the whole school with roles for a holder of
   * {@code forms.publish-any}, else their own units (the rule {@link #mayReach} applies).
   */
  public PickScope pickScope(SignedInUser user) {
    Set<PickKind> kinds = EnumSet.allOf(PickKind.class);
    return grants.has(user.account(), Permission.FORMS_PUBLISH_ANY)
        ? PickScope.school(kinds)
        : PickScope.ownUnitsOf(user.account(), kinds);
  }

  /** Everyone the lines name (active people), once each, ordered by unit and account. */
  public List<Recipient> resolve(List<AudienceRule> rules, String owner) {
    return directory.resolve(rules, owner);
  }

  /** The name of what a line points at, or its value when the directory does not know it. */
  public String describe(AudienceRule rule) {
    return directory.describe(rule).orElse(rule.value());
  }

  public boolean isStudent(String account) {
    return directory.isStudent(account);
  }

  public Optional<String> activeName(String account) {
    return directory.activeName(account);
  }
}
