package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.identity.domain.Person;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * What the directory says about a person named as a new approver (转审, 加签, a deputy, an admin's
 * replacement): {@link ApprovalChain.Target} with active staff = OK, else STUDENT, INACTIVE or
 * UNKNOWN — the aggregate refuses all but OK.
 */
@ApplicationScoped
public class ChainTargets {
  @Inject DirectoryQueries directory;

  public ApprovalChain.Target of(String account) {
    String a = account == null ? "" : account.strip();
    Optional<Person> p = a.isEmpty() ? Optional.empty() : directory.findByAccount(a);
    if (p.isEmpty()) {
      return new ApprovalChain.Target(a, "", ApprovalChain.Eligibility.UNKNOWN);
    }
    Person person = p.get();
    ApprovalChain.Eligibility e =
        person.getKind() == PersonKind.STUDENT
            ? ApprovalChain.Eligibility.STUDENT
            : !person.canSignIn()
                ? ApprovalChain.Eligibility.INACTIVE
                : ApprovalChain.Eligibility.OK;
    return new ApprovalChain.Target(person.getAccount(), person.getName(), e);
  }
}
