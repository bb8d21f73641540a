package cn.edu.ntvu.workbench.composition;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.testsupport.CasWebSession;
import cn.edu.ntvu.workbench.testsupport.ProductionDirectory;
import cn.edu.ntvu.workbench.testsupport.TestServers;
import cn.edu.ntvu.workbench.testsupport.TestUsers;
import cn.edu.ntvu.workbench.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Roles, kind and status are read per request, not frozen at sign-in (the production-mode WAR, CAS
 * sign-in): a grant written to the database — by an import on another server, an admin, or a DBA's
 * UPDATE — reaches a signed-in person's next request within the one-second bound every server reads
 * the directory stamp at; a person set inactive is signed out with a clear page. (A change made
 * through this server's own import is seen at once: InContainerIT#anImportedGrantIsSeenAtOnce.)
 */
class FreshAuthorityIT {
  /** The bound, with room for a busy test machine. */
  private static final Duration BOUND = Duration.ofSeconds(3);

  private static String base;

  @BeforeAll
  static void start() {
    base = TestServers.production().baseUrl();
    ProductionDirectory.ensure();
  }

  @Test
  void aGrantAndItsRevocationReachTheNextRequest() throws Exception {
    WebSession teacher = CasWebSession.signedIn(base, TestUsers.TEACHER);
    assertThat(teacher.get(base + "/admin/audit.xhtml").statusCode()).isEqualTo(403);
    try {
      sql(
          "INSERT INTO role_grant (person_id, role, scope_kind, scope_id, source)"
              + " SELECT id, 'ADMIN', 'SCHOOL', 0, 'ADMIN' FROM person WHERE account = ?",
          TestUsers.TEACHER.account());
      assertThat(within(teacher, "/admin/audit.xhtml", s -> s == 200)).as("made admin").isTrue();
      assertThat(teacher.get(base + "/admin/audit.csv").statusCode()).isEqualTo(200);
    } finally {
      sql(
          "DELETE FROM role_grant WHERE role = 'ADMIN' AND person_id = (SELECT id FROM person WHERE account = ?)",
          TestUsers.TEACHER.account());
    }
    assertThat(within(teacher, "/admin/audit.xhtml", s -> s == 403))
        .as("admin taken away")
        .isTrue();
    assertThat(teacher.get(base + "/admin/audit.csv").statusCode()).isEqualTo(403);
    // Still signed in as a teacher: only the role went.
    assertThat(teacher.get(base + "/").statusCode()).isEqualTo(200);
  }

  @Test
  void aPersonSetInactiveIsSignedOutWithAClearPage() throws Exception {
    WebSession dean = CasWebSession.signedIn(base, TestUsers.DEAN);
    assertThat(dean.get(base + "/").statusCode()).isEqualTo(200);
    HttpResponse<String> refused;
    try {
      sql("UPDATE person SET status = 'DISABLED' WHERE account = ?", TestUsers.DEAN.account());
      long until = System.nanoTime() + BOUND.toNanos();
      do {
        refused = dean.get(base + "/");
      } while (refused.statusCode() == 200 && System.nanoTime() < until);
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body())
          .contains("data-problem=\"disabled\"")
          .contains(TestUsers.DEAN.account());
    } finally {
      sql("UPDATE person SET status = 'ACTIVE' WHERE account = ?", TestUsers.DEAN.account());
    }
    // Signed out, not just refused once: active again, the old session still has to sign in.
    HttpResponse<String> again = dean.get(base + "/");
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(WebSession.location(again)).contains("/login?target=");
  }

  /** Asks {@code path} until the status satisfies {@code ok} or {@link #BOUND} passes. */
  private static boolean within(WebSession web, String path, IntPredicate ok)
      throws InterruptedException {
    long until = System.nanoTime() + BOUND.toNanos();
    while (System.nanoTime() < until) {
      if (ok.test(web.get(base + path).statusCode())) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static void sql(String sql, String account) throws Exception {
    try (Connection c = ProductionDirectory.db();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, account);
      ps.executeUpdate();
    }
  }
}
