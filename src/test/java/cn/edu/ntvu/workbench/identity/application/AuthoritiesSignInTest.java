package cn.edu.ntvu.workbench.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a sign-in read of the person serves the first requests of the new session; a directory
 * change (the stamp moves) still makes the next request read the person again.
 */
class AuthoritiesSignInTest {
  private static final SignedInUser ANNA =
      new SignedInUser(
          7,
          "s7",
          "安娜",
          PersonKind.STUDENT,
          "机械241班",
          "JX241",
          "01",
          Set.of(),
          SignInPath.CAS,
          Instant.parse("2026-12-07T00:00:00Z"));

  private final AtomicInteger rereads = new AtomicInteger();
  private long stampVersion = 1;

  private Authorities authorities() {
    Authorities a = new Authorities();
    a.sql =
        new Sql() {
          @Override
          public Object value(String statement, Object... args) {
            return stampVersion;
          }
        };
    a.signIn =
        new SignInService() {
          @Override
          public Outcome resolve(String account, SignInPath path) {
            return new Outcome.SignedIn(ANNA);
          }

          @Override
          Outcome reread(long personId) {
            rereads.incrementAndGet();
            return new Outcome.SignedIn(ANNA);
          }
        };
    return a;
  }

  @Test
  void theFirstRequestsAfterSignInReadNoPersonAgain() {
    Authorities a = authorities();
    assertThat(a.signIn("s7", SignInPath.CAS)).isInstanceOf(SignInService.Outcome.SignedIn.class);
    assertThat(a.current(ANNA)).isInstanceOf(Authorities.Standing.Active.class);
    assertThat(a.current(ANNA)).isInstanceOf(Authorities.Standing.Active.class);
    assertThat(rereads).hasValue(0);
  }

  @Test
  void aDirectoryChangeAfterSignInIsStillRead() {
    Authorities a = authorities();
    a.signIn("s7", SignInPath.CAS);
    stampVersion = 2;
    a.forget(); // as when the stamp is read again a second later
    assertThat(a.current(ANNA)).isInstanceOf(Authorities.Standing.Active.class);
    assertThat(rereads).hasValue(1);
  }
}
