package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.identity.domain.Person;
import cn.edu.ntvu.workbench.identity.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Read-only questions to the directory that other micro-apps and sign-in ask. */
@ApplicationScoped
public class DirectoryQueries {
  @PersistenceContext(unitName = "workbench")
  private EntityManager em;

  public Optional<Person> findByAccount(String account) {
    if (account == null || account.isBlank()) {
      return Optional.empty();
    }
    return em.createQuery(
            "select p from Person p left join fetch p.department left join fetch p.schoolClass"
                + " where p.account = :a",
            Person.class)
        .setParameter("a", account.trim())
        .getResultStream()
        .findFirst();
  }

  public Set<Role> rolesOf(long personId) {
    List<Role> roles =
        em.createQuery("select distinct g.role from RoleGrant g where g.person.id = :p", Role.class)
            .setParameter("p", personId)
            .getResultList();
    return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
  }

  /** One example person per role, for the development sign-in pages. */
  public List<Person> examplePerRole() {
    List<Person> out = new java.util.ArrayList<>();
    for (Role role : Role.values()) {
      em.createQuery(
              "select g.person from RoleGrant g where g.role = :r and g.person.status ="
                  + " cn.edu.ntvu.workbench.identity.domain.PersonStatus.ACTIVE order by g.person.account",
              Person.class)
          .setParameter("r", role)
          .setMaxResults(1)
          .getResultStream()
          .filter(p -> !out.contains(p))
          .forEach(out::add);
    }
    return out;
  }

  public long countPeople() {
    return em.createQuery("select count(p) from Person p", Long.class).getSingleResult();
  }
}
