package cn.edu.ntvu.workbench.testsupport;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people tests sign in as. Accounts are real people from the demo data ({@code generate.py OUT
 * --students 200}, deterministic), so the app finds them in its directory; {@link #GHOST} is a CAS
 * account that the directory does not know.
 */
public final class TestUsers {
  private TestUsers() {}

  /** A CAS account with the attributes CAS releases for it. */
  public record TestUser(String account, String password, String name, Map<String, String> attrs) {
    /** {@code account::password}, the format of {@code cas.authn.accept.users}. */
    String casCredential() {
      return account + "::" + password;
    }

    /**
     * This person as the route table sees them once signed in through CAS: a {@link SignedInUser}
     * of the given kind and roles (the directory id, department and class left empty).
     */
    public SignedInUser asSignedIn(PersonKind kind, Set<Role> roles) {
      return new SignedInUser(
          0, account, name, kind, "", null, null, roles, SignInPath.CAS, Instant.EPOCH);
    }
  }

  /** 田芬, student of class 2401000 (机械制造241班), dept 01. */
  public static final TestUser STUDENT = user("20240100001", "田芬", "student", "19551710287");

  /** 刘敏秀, a teacher of dept 01 with no other role. */
  public static final TestUser TEACHER = user("10004", "刘敏秀", "staff", "15876769863");

  /** 毛敏, counsellor of class 2401000 and teacher, dept 01. */
  public static final TestUser COUNSELLOR = user("10001", "毛敏", "staff", "17772769310");

  /** 叶轩, dean of dept 01 (机械工程学院). */
  public static final TestUser DEAN = user("10065", "叶轩", "staff", "14942603163");

  /** 王轩, student affairs office (dept 90). */
  public static final TestUser STUDENT_AFFAIRS = user("10827", "王轩", "staff", "18496696399");

  /** 孟勇兰, first staff of dept 92 (图文信息中心), role admin. */
  public static final TestUser ADMIN = user("10857", "孟勇兰", "staff", "14008737507");

  /** Signs in at CAS but is not in the app's directory: the app must refuse them politely. */
  public static final TestUser GHOST =
      new TestUser("ghost01", "Ghost#2024", "幽灵", Map.of("displayName", "幽灵"));

  /** Everybody CAS accepts. */
  public static final List<TestUser> ALL =
      List.of(STUDENT, TEACHER, COUNSELLOR, DEAN, STUDENT_AFFAIRS, ADMIN, GHOST);

  private static TestUser user(String account, String name, String userType, String mobile) {
    // One password pattern so a failing test's log tells you what was typed.
    return new TestUser(
        account,
        "Pw-" + account,
        name,
        Map.of("displayName", name, "userType", userType, "mobile", mobile));
  }
}
