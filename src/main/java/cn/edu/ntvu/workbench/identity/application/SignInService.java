package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.identity.domain.Person;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Maps an identity proven by WeCom or CAS (an account id) to a person of the directory. */
@ApplicationScoped
public class SignInService {
  @Inject DirectoryQueries directory;
  @Inject Clock clock;

  /** The outcome of mapping an account id to the directory. */
  public sealed interface Outcome {
    record SignedIn(SignedInUser user) implements Outcome {}

    record NotInDirectory(String account) implements Outcome {}

    record Disabled(String account) implements Outcome {}
  }

  private static String unitName(Person p) {
    if (p.getSchoolClass() != null) {
      return p.getSchoolClass().getName();
    }
    return p.getDepartment() == null ? "" : p.getDepartment().getName();
  }

  private static String departmentCode(Person p) {
    if (p.getSchoolClass() != null && p.getSchoolClass().getDepartment() != null) {
      return p.getSchoolClass().getDepartment().getCode();
    }
    return p.getDepartment() == null ? null : p.getDepartment().getCode();
  }

  public Outcome resolve(String account, SignInPath path) {
    Optional<Person> person = directory.findByAccount(account);
    if (person.isEmpty()) {
      return new Outcome.NotInDirectory(account);
    }
    return outcome(person.get(), path, clock.instant());
  }

  /**
   * The person with this id as the directory has them now ({@link Authorities}): the sign-in path
   * and time of the result are placeholders the caller replaces with those of the session.
   */
  Outcome reread(long personId) {
    return directory
        .findById(personId)
        .map(p -> outcome(p, SignInPath.DEV, Instant.EPOCH))
        .orElseGet(() -> new Outcome.NotInDirectory(""));
  }

  private Outcome outcome(Person p, SignInPath path, Instant signedInAt) {
    if (!p.canSignIn()) {
      return new Outcome.Disabled(p.getAccount());
    }
    return new Outcome.SignedIn(
        new SignedInUser(
            p.getId(),
            p.getAccount(),
            p.getName(),
            p.getKind(),
            unitName(p),
            p.getSchoolClass() == null ? null : p.getSchoolClass().getCode(),
            departmentCode(p),
            directory.rolesOf(p.getId()),
            path,
            signedInAt));
  }
}
