package cn.edu.ntvu.workbench.portal.domain;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import java.util.Set;

/**
 * The facts about a person that tile visibility looks at.
 *
 * @param departments the person's department (a student's: their class's) and every department
 *     above it
 */
public record Viewer(
    String account, PersonKind kind, Set<Role> roles, String classCode, Set<String> departments) {
  public Viewer {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    departments = departments == null ? Set.of() : Set.copyOf(departments);
  }
}
