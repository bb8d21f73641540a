package cn.edu.ntvu.workbench.identity.application;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a chooser may pick: decided on the server from who is signed in, never sent by the browser.
 *
 * @param account whose own units bound the choice; null when the whole school may be picked
 * @param kinds the kinds this picker offers (roles only with the whole school: a role line reaches
 *     everybody holding it)
 * @param staffOnly people only if they are staff (co-owners, approvers)
 */
public record PickScope(String account, Set<PickKind> kinds, boolean staffOnly)
    implements Serializable {
  public PickScope {
    kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    if (account != null) {
      kinds =
          kinds.stream()
              .filter(k -> k != PickKind.ROLE)
              .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
  }

  /** The whole school (an admin, or a holder of {@code forms.publish-any}). */
  public static PickScope school(Set<PickKind> kinds) {
    return new PickScope(null, kinds, false);
  }

  /**
   * The units of {@code account}, as a 收集表 publisher without {@code forms.publish-any} may reach
   * them: their departments below the top level with sub-departments, the classes they counsel or
   * of those departments, the people in them, and themselves.
   */
  public static PickScope ownUnitsOf(String account, Set<PickKind> kinds) {
    return new PickScope(account, kinds, false);
  }

  /** Any member of staff in the school (co-owners, approvers). */
  public static PickScope staff() {
    return new PickScope(null, Set.of(PickKind.PERSON), true);
  }

  public boolean wholeSchool() {
    return account == null;
  }

  public boolean offers(PickKind kind) {
    return kinds.contains(kind);
  }
}
