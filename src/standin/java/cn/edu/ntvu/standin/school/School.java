package cn.edu.ntvu.standin.school;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The school as its seed files describe it: departments, classes and people with their roles. Roles
 * follow the app's directory import: a counsellor holds the role for the classes that name them
 * (and only if some class does), a dean for their own department, every other role school-wide.
 */
public record School(
    Map<String, Department> departments,
    Map<String, SchoolClass> classes,
    Map<String, Person> people) {

  /** The roles of the school's directory, in the app's order (its {@code Role} enum). */
  public enum Role {
    STUDENT,
    TEACHER,
    COUNSELLOR,
    DEAN,
    STUDENT_AFFAIRS,
    ADMIN
  }

  public record Department(String code, String name, String parentCode) {}

  public record SchoolClass(String code, String name, String deptCode, String counsellorAccount) {}

  public record Person(
      String account,
      String name,
      boolean student,
      String deptCode,
      String classCode,
      Set<Role> roles) {}

  private static final Pattern ROLE_SEPARATOR = Pattern.compile("[;；,，、]");

  public static School empty() {
    return new School(Map.of(), Map.of(), Map.of());
  }

  static Set<Role> parseRoles(String text) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : ROLE_SEPARATOR.split(text == null ? "" : text)) {
      if (!name.isBlank()) {
        try {
          roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          // the app's import refuses the file; the stand-in only lists people
        }
      }
    }
    return roles;
  }

  /**
   * Whether the account is one of the school's people (compared without case, as WeCom compares
   * userids).
   */
  public boolean knows(String account) {
    return account != null && people.containsKey(account.toLowerCase(Locale.ROOT));
  }

  public Optional<Person> person(String account) {
    return account == null
        ? Optional.empty()
        : Optional.ofNullable(people.get(account.toLowerCase(Locale.ROOT)));
  }

  /** The classes a person looks after as their counsellor, by code order. */
  public List<SchoolClass> counselledBy(String account) {
    return classes.values().stream()
        .filter(c -> account.equals(c.counsellorAccount()))
        .sorted(java.util.Comparator.comparing(SchoolClass::code))
        .toList();
  }
}
