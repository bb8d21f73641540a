package cn.edu.ntvu.workbench.portal.domain;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who sees a tile: everyone, or anyone who matches any of the rules — a role, a person kind, a
 * department (its sub-departments included), a class, or a named person (account). No rule at all
 * means nobody.
 */
public record Visibility(
    boolean everyone,
    Set<Role> roles,
    Set<PersonKind> kinds,
    Set<String> departments,
    Set<String> classes,
    Set<String> people) {
  public static final Visibility EVERYONE =
      new Visibility(true, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

  public Visibility {
    roles = Set.copyOf(roles);
    kinds = Set.copyOf(kinds);
    departments = Set.copyOf(departments);
    classes = Set.copyOf(classes);
    people = Set.copyOf(people);
  }

  public static Visibility ofRoles(Role... roles) {
    return new Visibility(false, Set.of(roles), Set.of(), Set.of(), Set.of(), Set.of());
  }

  public boolean matches(Viewer v) {
    if (everyone) {
      return true;
    }
    return v.roles().stream().anyMatch(roles::contains)
        || (v.kind() != null && kinds.contains(v.kind()))
        || v.departments().stream().anyMatch(departments::contains)
        || (v.classCode() != null && classes.contains(v.classCode()))
        || (v.account() != null && people.contains(v.account()));
  }

  /** Whether no rule is set and the tile is not for everyone: nobody sees it. */
  public boolean isNobody() {
    return !everyone
        && roles.isEmpty()
        && kinds.isEmpty()
        && departments.isEmpty()
        && classes.isEmpty()
        && people.isEmpty();
  }

  /** Department codes of the rules that the directory no longer has: those rules match nobody. */
  public Set<String> unknownDepartments(DepartmentTree tree) {
    Set<String> unknown = new TreeSet<>();
    for (String d : departments) {
      if (!tree.exists(d)) {
        unknown.add(d);
      }
    }
    return unknown;
  }

  /** Splits an admin's list (commas, Chinese commas, spaces or new lines) into codes. */
  public static Set<String> codes(String text) {
    Set<String> out = new TreeSet<>();
    if (text != null) {
      for (String part : text.split("[,，;；\\s]+")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  public static String join(Collection<?> values) {
    return String.join(",", values.stream().map(String::valueOf).sorted().toList());
  }
}
