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

  /** A person to try the app as, with the role they were chosen for. */
  public record Example(Role role, String account, String name) {}

  /** One example person per role (distinct people), for the development sign-in pages. */
  public List<Example> examplePerRole() {
    List<Example> out = new java.util.ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Role role : Role.values()) {
      em.createQuery(
              "select g.person from RoleGrant g where g.role = :r and g.person.status ="
                  + " cn.edu.ntvu.workbench.identity.domain.PersonStatus.ACTIVE order by g.person.account",
              Person.class)
          .setParameter("r", role)
          .setMaxResults(5)
          .getResultStream()
          .filter(p -> !seen.contains(p.getAccount()))
          .findFirst()
          .ifPresent(
              p -> {
                seen.add(p.getAccount());
                out.add(new Example(role, p.getAccount(), p.getName()));
              });
    }
    return out;
  }

  public long countPeople() {
    return em.createQuery("select count(p) from Person p", Long.class).getSingleResult();
  }

  /** The names of those {@code accounts} the directory knows, by account; one query. */
  public java.util.Map<String, String> namesOf(java.util.Collection<String> accounts) {
    if (accounts.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<String, String> out = new java.util.HashMap<>();
    for (Object[] row :
        em.createQuery("select p.account, p.name from Person p where p.account in :a", Object[].class)
            .setParameter("a", java.util.Set.copyOf(accounts))
            .getResultList()) {
      out.put((String) row[0], (String) row[1]);
    }
    return out;
  }
}
