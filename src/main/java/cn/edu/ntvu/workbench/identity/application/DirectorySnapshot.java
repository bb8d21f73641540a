package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import java.util.Map;
import java.util.Set;

/**
 * What the directory holds right now, as plain values keyed by code or account: enough to tell for
 * each imported line whether it creates, updates or leaves a row unchanged, and whether its
 * references resolve.
 */
public record DirectorySnapshot(
    Map<String, DepartmentEntry> departments,
    Map<String, ClassEntry> classes,
    Map<String, PersonEntry> people) {

  public static final DirectorySnapshot EMPTY = new DirectorySnapshot(Map.of(), Map.of(), Map.of());

  public DirectorySnapshot {
    departments = Map.copyOf(departments);
    classes = Map.copyOf(classes);
    people = Map.copyOf(people);
  }

  /** A department as the import sees it; {@code parentCode} is null for the root. */
  public record DepartmentEntry(String code, String name, String parentCode) {}

  /** A class as the import sees it. */
  public record ClassEntry(
      String code, String name, String deptCode, int grade, String counsellorAccount) {}

  /**
   * A person as the import sees it. {@code roles} are the roles granted by earlier imports (grants
   * an admin made by hand are not the import's business).
   */
  public record PersonEntry(
      String account,
      String name,
      PersonKind kind,
      Integer gender,
      String mobile,
      String email,
      String deptCode,
      String classCode,
      String position,
      Set<Role> roles) {
    public PersonEntry {
      roles = Set.copyOf(roles);
    }
  }
}
