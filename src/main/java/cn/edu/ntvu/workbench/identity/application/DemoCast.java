package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.identity.domain.Department;
import cn.edu.ntvu.workbench.identity.domain.Person;
import cn.edu.ntvu.workbench.identity.domain.PersonKind;
import cn.edu.ntvu.workbench.identity.domain.PersonStatus;
import cn.edu.ntvu.workbench.identity.domain.Role;
import cn.edu.ntvu.workbench.identity.domain.RoleGrant;
import cn.edu.ntvu.workbench.identity.domain.SchoolClass;
import cn.edu.ntvu.workbench.identity.domain.ScopeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who to try the demo as, for the development sign-in pages: one story told by people who really hold their roles
 * in the directory. A student; the counsellor (辅导员) of her class, whose 待我审批 her request reaches; a teacher who
 * holds no other role; the dean of her department; student affairs; an admin. Each comes with every role they hold
 * and its scope (辅导员 of 机械制造241班), read from the grants, so a label never says less or more than the
 * directory. Whoever the directory lacks is left out; a role nobody fits as the story wants falls back to its first
 * holder not already shown.
 */
@ApplicationScoped
public class DemoCast {
  private static final String ACTIVE = " and p.status = :active";

  @PersistenceContext(unitName = "workbench")
  private EntityManager em;

  /** A role a cast member holds, with the class or department it covers (null: the whole school). */
  public record HeldRole(Role role, String scope) {}

  /** A person to sign in as, the role they are shown for, and every role they hold (that one first). */
  public record Member(Role shownAs, String account, String name, List<HeldRole> roles) {}

  /**
   * The cast in the order of the story, and the parts of the story the "try this" steps name: the student, her class
   * (name and code, as the 收集表 audience asks for it), her counsellor and the teacher.
   */
  public record Cast(
      List<Member> members,
      Optional<Member> student,
      Optional<Member> counsellor,
      Optional<Member> teacher,
      String className,
      String classCode) {

    /** Whether the three "try this" steps can be told: a student in a class, her counsellor and a teacher. */
    public boolean tellsTheStory() {
      return student.isPresent() && counsellor.isPresent() && teacher.isPresent() && classCode != null;
    }
  }

  public Cast read() {
    Map<Role, Person> chosen = new java.util.EnumMap<>(Role.class);
    Optional<Person> student =
        first(
            em.createQuery(
                    "select p from Person p join fetch p.schoolClass c join fetch c.department"
                        + " where p.kind = :student" + ACTIVE + " order by p.account",
                    Person.class)
                .setParameter("student", PersonKind.STUDENT));
    SchoolClass schoolClass = student.map(Person::getSchoolClass).orElse(null);
    student.ifPresent(p -> chosen.put(Role.STUDENT, p));
    if (schoolClass != null) {
      holderOf(Role.COUNSELLOR, ScopeKind.CLASS, schoolClass.getId()).ifPresent(p -> chosen.put(Role.COUNSELLOR, p));
      // The dean nearest to her class: its department, else the department above, and so on.
      for (Department d = schoolClass.getDepartment(); d != null && !chosen.containsKey(Role.DEAN); d = d.getParent()) {
        holderOf(Role.DEAN, ScopeKind.DEPARTMENT, d.getId()).ifPresent(p -> chosen.put(Role.DEAN, p));
      }
    }
    first(
            em.createQuery(
                    "select p from Person p where exists (select g from RoleGrant g where g.person = p and g.role = :t)"
                        + " and not exists (select h from RoleGrant h where h.person = p and h.role <> :t)"
                        + ACTIVE + " order by p.account",
                    Person.class)
                .setParameter("t", Role.TEACHER))
        .ifPresent(p -> chosen.put(Role.TEACHER, p));
    Set<String> seen = new HashSet<>();
    chosen.values().forEach(p -> seen.add(p.getAccount()));
    for (Role role : Role.values()) {
      if (!chosen.containsKey(role)) {
        firstHolderNotIn(role, seen).ifPresent(p -> {
          chosen.put(role, p);
          seen.add(p.getAccount());
        });
      }
    }
    List<Member> members = new ArrayList<>();
    Map<Role, Member> byRole = new java.util.EnumMap<>(Role.class);
    for (Role role : List.of(Role.STUDENT, Role.COUNSELLOR, Role.TEACHER, Role.DEAN, Role.STUDENT_AFFAIRS,
        Role.ADMIN)) {
      Person p = chosen.get(role);
      if (p != null) {
        Member m = new Member(role, p.getAccount(), p.getName(), rolesOf(p, role));
        members.add(m);
        byRole.put(role, m);
      }
    }
    return new Cast(
        List.copyOf(members),
        Optional.ofNullable(byRole.get(Role.STUDENT)),
        Optional.ofNullable(byRole.get(Role.COUNSELLOR)),
        Optional.ofNullable(byRole.get(Role.TEACHER)),
        schoolClass == null ? null : schoolClass.getName(),
        schoolClass == null ? null : schoolClass.getCode());
  }

  private Optional<Person> holderOf(Role role, ScopeKind scope, long scopeId) {
    return first(
        em.createQuery(
                "select p from RoleGrant g join g.person p where g.role = :r and g.scopeKind = :k and g.scopeId = :s"
                    + ACTIVE + " order by p.account",
                Person.class)
            .setParameter("r", role)
            .setParameter("k", scope)
            .setParameter("s", scopeId));
  }

  private Optional<Person> firstHolderNotIn(Role role, Set<String> seen) {
    return em.createQuery(
            "select distinct p from RoleGrant g join g.person p where g.role = :r" + ACTIVE + " order by p.account",
            Person.class)
        .setParameter("r", role)
        .setParameter("active", PersonStatus.ACTIVE)
        .setMaxResults(seen.size() + 1)
        .getResultStream()
        .filter(p -> !seen.contains(p.getAccount()))
        .findFirst();
  }

  private Optional<Person> first(jakarta.persistence.TypedQuery<Person> query) {
    return query.setParameter("active", PersonStatus.ACTIVE).setMaxResults(1).getResultStream().findFirst();
  }

  /** Every grant of {@code p}, with the name of the class or department it covers; {@code shownAs} first. */
  private List<HeldRole> rolesOf(Person p, Role shownAs) {
    List<RoleGrant> grants =
        em.createQuery("select g from RoleGrant g where g.person.id = :p", RoleGrant.class)
            .setParameter("p", p.getId())
            .getResultList();
    Map<Long, String> classes = names("select c.id, c.name from SchoolClass c where c.id in :ids", grants,
        ScopeKind.CLASS);
    Map<Long, String> departments = names("select d.id, d.name from Department d where d.id in :ids", grants,
        ScopeKind.DEPARTMENT);
    List<HeldRole> held = new ArrayList<>();
    for (RoleGrant g : grants) {
      String scope =
          switch (g.getScopeKind()) {
            case CLASS -> classes.get(g.getScopeId());
            case DEPARTMENT -> departments.get(g.getScopeId());
            default -> g.getRole() == Role.STUDENT && p.getSchoolClass() != null ? p.getSchoolClass().getName() : null;
          };
      held.add(new HeldRole(g.getRole(), scope));
    }
    held.sort(
        Comparator.comparing((HeldRole h) -> h.role() != shownAs)
            .thenComparing(HeldRole::role)
            .thenComparing(h -> h.scope() == null ? "" : h.scope()));
    return List.copyOf(held);
  }

  private Map<Long, String> names(String jpql, List<RoleGrant> grants, ScopeKind kind) {
    List<Long> ids = grants.stream().filter(g -> g.getScopeKind() == kind).map(RoleGrant::getScopeId).toList();
    Map<Long, String> out = new HashMap<>();
    if (!ids.isEmpty()) {
      for (Object[] row : em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList()) {
        out.put((Long) row[0], (String) row[1]);
      }
    }
    return out;
  }
}
