package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.ClassEntry;
import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.DepartmentEntry;
import cn.edu.ntvu.workbench.identity.application.DirectorySnapshot.PersonEntry;
import cn.edu.ntvu.workbench.identity.application.PlannedChange.Change;
import cn.edu.ntvu.workbench.identity.domain.Department;
import cn.edu.ntvu.workbench.identity.domain.Person;
import cn.edu.ntvu.workbench.identity.domain.RoleGrant;
import cn.edu.ntvu.workbench.identity.domain.SchoolClass;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.ScopeKind;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an error-free {@link ImportPlan} in the caller's transaction. Existing rows are loaded
 * with one query per table (per chunk for people) instead of one per line, and the persistence
 * context is flushed and cleared every {@link #CHUNK} people so that 15,000 people do not pile up
 * in memory.
 */
final class DirectoryWriter {
  static final int CHUNK = 500;

  private final EntityManager em;

  DirectoryWriter(EntityManager em) {
    this.em = em;
  }

  void write(ImportPlan plan) {
    if (plan.hasErrors()) {
      throw new IllegalArgumentException("a plan with errors must not be written");
    }
    switch (plan.kind()) {
      case DEPARTMENTS -> writeDepartments(plan.departments());
      case CLASSES -> writeClasses(plan.classes());
      case PEOPLE -> writePeople(plan.people());
    }
    em.flush();
    em.clear();
  }

  private Map<String, Department> departments() {
    Map<String, Department> byCode = new HashMap<>();
    for (Department d :
        em.createQuery("SELECT d FROM Department d", Department.class).getResultList()) {
      byCode.put(d.getCode(), d);
    }
    return byCode;
  }

  private Map<String, SchoolClass> classes() {
    Map<String, SchoolClass> byCode = new HashMap<>();
    for (SchoolClass c :
        em.createQuery("SELECT c FROM SchoolClass c", SchoolClass.class).getResultList()) {
      byCode.put(c.getCode(), c);
    }
    return byCode;
  }

  /**
   * Creates departments first and links parents second, because a file may list a department before
   * its parent. Changed departments are detached from their old parent before relinking, so that
   * moving branches around never looks like a cycle halfway through.
   */
  private void writeDepartments(List<PlannedChange<DepartmentEntry>> changes) {
    Map<String, Department> byCode = departments();
    List<DepartmentEntry> changed = new ArrayList<>();
    for (PlannedChange<DepartmentEntry> c : changes) {
      if (c.change() == Change.UNCHANGED) {
        continue;
      }
      DepartmentEntry e = c.entry();
      Department d = byCode.get(e.code());
      if (d == null) {
        d = new Department(e.code(), e.name());
        em.persist(d);
        byCode.put(e.code(), d);
      } else {
        d.update(e.name(), null);
      }
      changed.add(e);
    }
    for (DepartmentEntry e : changed) {
      byCode
          .get(e.code())
          .update(e.name(), e.parentCode() == null ? null : byCode.get(e.parentCode()));
    }
  }

  private void writeClasses(List<PlannedChange<ClassEntry>> changes) {
    Map<String, Department> departments = departments();
    Map<String, SchoolClass> byCode = classes();
    for (PlannedChange<ClassEntry> c : changes) {
      if (c.change() == Change.UNCHANGED) {
        continue;
      }
      ClassEntry e = c.entry();
      SchoolClass sc = byCode.get(e.code());
      Department department = departments.get(e.deptCode());
      if (sc == null) {
        sc = new SchoolClass(e.code(), e.name(), department, e.grade(), e.counsellorAccount());
        em.persist(sc);
        byCode.put(e.code(), sc);
      } else {
        sc.update(e.name(), department, e.grade(), e.counsellorAccount());
      }
    }
    em.flush();
    syncCounsellorGrants(changes.stream().map(c -> byCode.get(c.entry().code())).toList());
  }

  /**
   * Makes the import's counsellor grant of each class belong to the class's counsellor, if that
   * person is in the directory; the person may be imported later, and the people import grants it
   * then.
   */
  private void syncCounsellorGrants(List<SchoolClass> touched) {
    Set<String> accounts = new HashSet<>();
    Map<Long, SchoolClass> byId = new HashMap<>();
    for (SchoolClass sc : touched) {
      byId.put(sc.getId(), sc);
      if (sc.getCounsellorAccount() != null) {
        accounts.add(sc.getCounsellorAccount());
      }
    }
    Map<String, Person> people = new HashMap<>();
    for (List<String> part : chunks(new ArrayList<>(accounts))) {
      em.createQuery("SELECT p FROM Person p WHERE p.account IN :accounts", Person.class)
          .setParameter("accounts", part)
          .getResultList()
          .forEach(p -> people.put(p.getAccount(), p));
    }
    Set<Long> granted = new HashSet<>();
    for (List<Long> part : chunks(new ArrayList<>(byId.keySet()))) {
      for (RoleGrant g :
          em.createQuery(
                  "SELECT g FROM RoleGrant g JOIN FETCH g.person"
                      + " WHERE g.role = :role AND g.scopeKind = :scope AND g.scopeId IN :ids",
                  RoleGrant.class)
              .setParameter("role", Role.COUNSELLOR)
              .setParameter("scope", ScopeKind.CLASS)
              .setParameter("ids", part)
              .getResultList()) {
        SchoolClass sc = byId.get(g.getScopeId());
        boolean current = g.getPerson().getAccount().equals(sc.getCounsellorAccount());
        if (current) {
          granted.add(sc.getId());
        } else if (g.getSource() == RoleGrant.Source.IMPORT) {
          em.remove(g);
        }
      }
    }
    for (SchoolClass sc : touched) {
      Person counsellor = people.get(sc.getCounsellorAccount());
      if (counsellor != null && !granted.contains(sc.getId())) {
        em.persist(
            new RoleGrant(
                counsellor, Role.COUNSELLOR, ScopeKind.CLASS, sc.getId(), RoleGrant.Source.IMPORT));
      }
    }
  }

  /**
   * Upserts people chunk by chunk and replaces their import grants. Grants an admin made by hand
   * are kept; an import grant identical to one of them is not created a second time.
   */
  private void writePeople(List<PlannedChange<PersonEntry>> changes) {
    Set<String> adminGrants = new HashSet<>();
    for (Object[] r :
        em.createQuery(
                "SELECT p.account, g.role, g.scopeKind, g.scopeId FROM RoleGrant g JOIN g.person p"
                    + " WHERE g.source = :source",
                Object[].class)
            .setParameter("source", RoleGrant.Source.ADMIN)
            .getResultList()) {
      adminGrants.add(
          grantKey((String) r[0], (Role) r[1], (ScopeKind) r[2], ((Number) r[3]).longValue()));
    }
    List<PlannedChange<PersonEntry>> toWrite =
        changes.stream().filter(c -> c.change() != Change.UNCHANGED).toList();
    for (List<PlannedChange<PersonEntry>> chunk : chunks(toWrite)) {
      Map<String, Department> departments = departments();
      Map<String, SchoolClass> classes = classes();
      Map<String, List<Long>> counselled = new HashMap<>();
      for (SchoolClass sc : classes.values()) {
        if (sc.getCounsellorAccount() != null) {
          counselled
              .computeIfAbsent(sc.getCounsellorAccount(), a -> new ArrayList<>())
              .add(sc.getId());
        }
      }
      List<String> accounts =
          chunk.stream()
              .filter(c -> c.change() == Change.UPDATE)
              .map(c -> c.entry().account())
              .toList();
      Map<String, Person> existing = new HashMap<>();
      if (!accounts.isEmpty()) {
        em.createQuery("SELECT p FROM Person p WHERE p.account IN :accounts", Person.class)
            .setParameter("accounts", accounts)
            .getResultList()
            .forEach(p -> existing.put(p.getAccount(), p));
      }
      if (!existing.isEmpty()) {
        em.createQuery("DELETE FROM RoleGrant g WHERE g.source = :source AND g.person.id IN :ids")
            .setParameter("source", RoleGrant.Source.IMPORT)
            .setParameter("ids", existing.values().stream().map(Person::getId).toList())
            .executeUpdate();
      }
      for (PlannedChange<PersonEntry> c : chunk) {
        PersonEntry e = c.entry();
        Person person = existing.get(e.account());
        if (person == null) {
          person = new Person(e.account(), e.name(), e.kind());
          em.persist(person);
        }
        Department department = e.deptCode() == null ? null : departments.get(e.deptCode());
        person.updateFromDirectory(
            e.name(),
            e.kind(),
            e.gender(),
            e.mobile(),
            e.email(),
            department,
            e.classCode() == null ? null : classes.get(e.classCode()),
            e.position());
        for (Role role : e.roles()) {
          List<Long> scopes =
              switch (role.defaultScope()) {
                case CLASS -> counselled.getOrDefault(e.account(), List.of());
                case DEPARTMENT -> List.of(department.getId());
                case SCHOOL -> List.of(0L);
              };
          for (long scope : scopes) {
            if (!adminGrants.contains(grantKey(e.account(), role, role.defaultScope(), scope))) {
              em.persist(
                  new RoleGrant(person, role, role.defaultScope(), scope, RoleGrant.Source.IMPORT));
            }
          }
        }
      }
      em.flush();
      em.clear();
    }
  }

  private static String grantKey(String account, Role role, ScopeKind scope, long scopeId) {
    return account + '|' + role + '|' + scope + '|' + scopeId;
  }

  private static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return out;
  }
}
