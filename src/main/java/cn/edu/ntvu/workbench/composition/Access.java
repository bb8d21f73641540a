package cn.edu.ntvu.workbench.composition;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may reach a route: anyone ({@link Kind#PUBLIC}: sign-in plumbing, assets, endpoints that
 * check a credential of their own), any signed-in person, signed-in people with one of some roles
 * and/or of one person kind, or — in development mode only — anyone (stand-ins; 404 in production).
 */
public record Access(Kind kind, Set<Role> roles, Set<PersonKind> kinds) {
  /** The broad kinds of access. */
  public enum Kind {
    PUBLIC,
    SIGNED_IN,
    DEV_ONLY
  }

  public static final Access PUBLIC = new Access(Kind.PUBLIC, Set.of(), Set.of());
  public static final Access SIGNED_IN = new Access(Kind.SIGNED_IN, Set.of(), Set.of());
  public static final Access DEV_ONLY = new Access(Kind.DEV_ONLY, Set.of(), Set.of());
  public static final Access ADMIN = roles(Role.ADMIN);
  public static final Access STAFF = new Access(Kind.SIGNED_IN, Set.of(), Set.of(PersonKind.STAFF));
  public static final Access STUDENTS =
      new Access(Kind.SIGNED_IN, Set.of(), Set.of(PersonKind.STUDENT));

  public Access {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
  }

  /** Signed-in people holding any one of {@code roles}. */
  public static Access roles(Role... roles) {
    return new Access(Kind.SIGNED_IN, Set.of(roles), Set.of());
  }

  /** Whether this route needs a signed-in person. */
  public boolean needsSignIn() {
    return kind == Kind.SIGNED_IN;
  }

  /** Whether {@code user} (signed in) may reach a route with this access. */
  public boolean allows(SignedInUser user) {
    return switch (kind) {
      case PUBLIC, DEV_ONLY -> true;
      case SIGNED_IN ->
          user != null
              && (roles.isEmpty() || roles.stream().anyMatch(user::has))
              && (kinds.isEmpty() || kinds.contains(user.kind()));
    };
  }

  /** As the policy table prints it, e.g. {@code roles ADMIN} or {@code signed in, STAFF}. */
  @Override
  public String toString() {
    if (kind != Kind.SIGNED_IN) {
      return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
    StringBuilder s = new StringBuilder("signed in");
    if (!roles.isEmpty()) {
      s.append(", roles ")
          .append(roles.stream().sorted().map(Enum::name).collect(Collectors.joining("|")));
    }
    if (!kinds.isEmpty()) {
      s.append(", ")
          .append(kinds.stream().sorted().map(Enum::name).collect(Collectors.joining("|")));
    }
    return s.toString();
  }
}
