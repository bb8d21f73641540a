package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.identity.domain.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
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
    Person p = person.get();
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
            clock.instant()));
  }
}
