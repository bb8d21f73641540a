package cn.edu.ntvu.workbench.platform.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is signed in, as kept in the HTTP session. Small and Serializable, because sessions are
 * replicated between servers. Roles, the unit (class, or department for staff) and a student's
 * class code are a snapshot taken at sign-in, so that the pages people open most (the timetable
 * every morning) need no directory query.
 *
 * @param classCode the student's class (班级) code; null for staff and for a student without a class
 * @param departmentCode the person's department (院系) code: a student's is their class's; null if
 *     none
 */
public record SignedInUser(
    long personId,
    String account,
    String name,
    PersonKind kind,
    String unitName,
    String classCode,
    String departmentCode,
    Set<Role> roles,
    SignInPath path,
    Instant signedInAt)
    implements Serializable {
  /** The HTTP session attribute that holds the signed-in user. */
  public static final String SESSION_KEY = "wb.user";

  public SignedInUser {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** Whether the person studies here; staff have a teaching schedule instead of a class. */
  public boolean isStudent() {
    return kind == PersonKind.STUDENT;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
