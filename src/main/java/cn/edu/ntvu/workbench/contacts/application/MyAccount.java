package cn.edu.ntvu.workbench.contacts.application;

import cn.edu.ntvu.workbench.contacts.domain.MemberStatus;
import cn.edu.ntvu.workbench.contacts.domain.MobileNumbers;
import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.identity.domain.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * 我的账号: what the directory has of me and whether my account reached WeCom, for my own eyes only.
 */
@ApplicationScoped
public class MyAccount {

  /** The page's facts; {@code mobileMasked} is empty when no number is bound. */
  public record View(
      String account,
      String name,
      String unit,
      String mobileMasked,
      MemberStatus status,
      LocalDateTime syncedAt,
      Integer lastErrcode,
      String lastReason) {}

  @Inject DirectoryQueries directory;

  @Inject ContactStates states;

  @Transactional
  public Optional<View> of(String account) {
    Optional<Person> found = directory.findByAccount(account);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Person p = found.get();
    String unit =
        p.getSchoolClass() != null
            ? p.getSchoolClass().getName()
            : p.getDepartment() != null ? p.getDepartment().getName() : "";
    if (p.getSchoolClass() != null && p.getDepartment() != null) {
      unit = p.getDepartment().getName() + " · " + unit;
    }
    ContactState state = states.state(p.getAccount());
    return Optional.of(
        new View(
            p.getAccount(),
            p.getName(),
            unit,
            MobileNumbers.mask(p.getMobile()),
            state.status(),
            state.syncedAt(),
            state.lastErrcode(),
            state.lastReason()));
  }
}
