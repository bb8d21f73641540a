package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.identity.domain.Person;
import cn.edu.ntvu.workbench.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  public Optional<Person> findById(long personId) {
    return em.createQuery(
            "select p from Person p left join fetch p.department left join fetch p.schoolClass c"
                + " left join fetch c.department where p.id = :id",
            Person.class)
        .setParameter("id", personId)
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

  /**
   * The classes a person looks after: those they are counsellor (辅导员) of and, as dean, those of
   * their department and its sub-departments. One query, ordered by code.
   */
  public List<ClassRef> classesInCareOf(long personId) {
    List<?> rows =
        em.createNativeQuery(
                "WITH RECURSIVE dept (id) AS ("
                    + "   SELECT g.scope_id FROM role_grant g"
                    + "    WHERE g.person_id = ? AND g.role = 'DEAN' AND g.scope_kind = 'DEPARTMENT'"
                    + "   UNION SELECT d.id FROM department d JOIN dept ON d.parent_id = dept.id)"
                    + " SELECT c.code, c.name FROM school_class c"
                    + "  WHERE c.department_id IN (SELECT id FROM dept)"
                    + "     OR c.id IN (SELECT g.scope_id FROM role_grant g"
                    + "                  WHERE g.person_id = ? AND g.role = 'COUNSELLOR' AND g.scope_kind = 'CLASS')"
                    + "  ORDER BY c.code")
            .setParameter(1, personId)
            .setParameter(2, personId)
            .getResultList();
    return rows.stream()
        .map(r -> (Object[]) r)
        .map(r -> new ClassRef((String) r[0], (String) r[1]))
        .toList();
  }

  public Optional<ClassRef> findClass(String code) {
    return em.createQuery(
            "select c.code, c.name from SchoolClass c where c.code = :code", Object[].class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst()
        .map(r -> new ClassRef((String) r[0], (String) r[1]));
  }

  /** The names of the classes with these codes; unknown codes are left out. */
  public Map<String, String> classNames(Collection<String> codes) {
    if (codes.isEmpty()) {
      return Map.of();
    }
    Map<String, String> names = new HashMap<>();
    em.createQuery(
            "select c.code, c.name from SchoolClass c where c.code in :codes", Object[].class)
        .setParameter("codes", List.copyOf(codes))
        .getResultList()
        .forEach(r -> names.put((String) r[0], (String) r[1]));
    return names;
  }

  /** The accounts of everyone who may sign in, in account order; one query. */
  public List<String> activeAccounts() {
    return em.createQuery(
            "select p.account from Person p where p.status = :s order by p.account", String.class)
        .setParameter("s", cn.edu.ntvu.workbench.identity.domain.PersonStatus.ACTIVE)
        .getResultList();
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
        em.createQuery(
                "select p.account, p.name from Person p where p.account in :a", Object[].class)
            .setParameter("a", java.util.Set.copyOf(accounts))
            .getResultList()) {
      out.put((String) row[0], (String) row[1]);
    }
    return out;
  }

  /** A student of a class: account, name and class code (a roll call's roster). */
  public record ClassStudent(String account, String name, String classCode) {}

  /** The active students of those classes, by class then account; one query. */
  public List<ClassStudent> studentsOfClasses(Collection<String> classCodes) {
    if (classCodes.isEmpty()) {
      return List.of();
    }
    return em
        .createQuery(
            "select p.account, p.name, c.code from Person p join p.schoolClass c"
                + " where c.code in :codes and p.kind = :kind and p.status = :active"
                + " order by c.code, p.account",
            Object[].class)
        .setParameter("codes", List.copyOf(classCodes))
        .setParameter("kind", cn.edu.ntvu.workbench.platform.security.PersonKind.STUDENT)
        .setParameter("active", cn.edu.ntvu.workbench.identity.domain.PersonStatus.ACTIVE)
        .getResultList()
        .stream()
        .map(r -> new ClassStudent((String) r[0], (String) r[1], (String) r[2]))
        .toList();
  }

  /**
   * A roll call's people in one query: the active students of those classes (by class, then
   * account) with their class's name, and the names of {@code others} (its individual students)
   * whom the directory knows.
   */
  public record RosterPeople(
      List<ClassStudent> students, Map<String, String> classNames, Map<String, String> others) {}

  @jakarta.inject.Inject Authorities authorities;

  /** Rosters' people read at a directory version: a roster is opened again and again. */
  private final java.util.concurrent.ConcurrentMap<String, CachedRoster> rosters =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record CachedRoster(long version, RosterPeople people) {}

  /** Beyond this many rosters the cache starts again rather than grow. */
  static final int MAX_ROSTERS = 5_000;

  /**
   * {@link RosterPeople} of these classes and other accounts; one statement, none while the
   * directory's version ({@link Authorities#directoryVersion}: triggers bump it on every write to
   * people and classes; read at most once a second) is the one it was read at.
   */
  public RosterPeople rosterOf(Collection<String> classCodes, Collection<String> others) {
    if (classCodes.isEmpty() && others.isEmpty()) {
      return new RosterPeople(List.of(), Map.of(), Map.of());
    }
    long version = authorities.directoryVersion();
    String key = String.join(",", classCodes) + "|" + String.join(",", others);
    CachedRoster hit = rosters.get(key);
    if (hit != null && hit.version() == version) {
      return hit.people();
    }
    RosterPeople fresh = readRoster(classCodes, others);
    if (rosters.size() >= MAX_ROSTERS) {
      rosters.clear();
    }
    rosters.put(key, new CachedRoster(version, fresh));
    return fresh;
  }

  private RosterPeople readRoster(Collection<String> classCodes, Collection<String> others) {
    List<String> parts = new java.util.ArrayList<>();
    List<Object> args = new java.util.ArrayList<>();
    if (!classCodes.isEmpty()) {
      String in = String.join(", ", java.util.Collections.nCopies(classCodes.size(), "?"));
      parts.add("SELECT 'c', code, name, NULL FROM school_class WHERE code IN (" + in + ")");
      args.addAll(classCodes);
      parts.add(
          "SELECT 's', p.account, p.name, c.code FROM person p JOIN school_class c"
              + " ON c.id = p.class_id WHERE c.code IN ("
              + in
              + ") AND p.kind = 'STUDENT' AND p.status = 'ACTIVE'");
      args.addAll(classCodes);
    }
    if (!others.isEmpty()) {
      parts.add(
          "SELECT 'o', account, name, NULL FROM person WHERE account IN ("
              + String.join(", ", java.util.Collections.nCopies(others.size(), "?"))
              + ")");
      args.addAll(others);
    }
    jakarta.persistence.Query q = em.createNativeQuery(String.join(" UNION ALL ", parts));
    for (int i = 0; i < args.size(); i++) {
      q.setParameter(i + 1, args.get(i));
    }
    List<ClassStudent> students = new java.util.ArrayList<>();
    Map<String, String> classNames = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      String kind = String.valueOf(r[0]);
      if (kind.equals("c")) {
        classNames.put((String) r[1], (String) r[2]);
      } else if (kind.equals("s")) {
        students.add(new ClassStudent((String) r[1], (String) r[2], (String) r[3]));
      } else {
        names.put((String) r[1], (String) r[2]);
      }
    }
    students.sort(
        java.util.Comparator.comparing(ClassStudent::classCode, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(ClassStudent::account, String.CASE_INSENSITIVE_ORDER));
    return new RosterPeople(List.copyOf(students), Map.copyOf(classNames), Map.copyOf(names));
  }
}
