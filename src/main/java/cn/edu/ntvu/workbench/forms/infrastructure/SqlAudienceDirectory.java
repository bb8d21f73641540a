package cn.edu.ntvu.workbench.forms.infrastructure;

import static cn.edu.ntvu.workbench.platform.persistence.Sql.str;

import cn.edu.ntvu.workbench.forms.application.AudienceDirectory;
import cn.edu.ntvu.workbench.forms.application.Recipient;
import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a form's audience lines to people, from the directory tables (read only; active people
 * only): a department with its sub-departments (staff by their department, students by their
 * class's), the students of a class, the holders of a role (students also by being students), a
 * named person, and for a counsellor the students of the classes they look after (as class
 * counsellor or through a COUNSELLOR grant on the class).
 */
@ApplicationScoped
public class SqlAudienceDirectory implements AudienceDirectory {
  @Inject Sql sql;

  /**
   * Everyone the lines name, once each, ordered by unit and account; {@code owner} is the one "my
   * classes" means.
   */
  public List<Recipient> resolve(List<AudienceRule> rules, String owner) {
    if (rules.isEmpty()) {
      return List.of();
    }
    // A department line is a recursive sub-tree of its own (CTE sub0, sub1, …); its code binds
    // before the others.
    List<String> ctes = new ArrayList<>();
    List<Object> cteArgs = new ArrayList<>();
    List<String> unions = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    for (AudienceRule r : rules) {
      switch (r.kind()) {
        case DEPARTMENT -> {
          String cte = "sub" + ctes.size();
          ctes.add(
              cte
                  + " (id, depth) AS (SELECT id, 0 FROM department WHERE code = ?"
                  + " UNION ALL SELECT x.id, s.depth + 1 FROM department x JOIN "
                  + cte
                  + " s ON x.parent_id = s.id"
                  + " WHERE s.depth < 20)");
          cteArgs.add(r.value());
          unions.add(
              "SELECT p.id FROM person p LEFT JOIN school_class c ON c.id = p.class_id"
                  + " WHERE COALESCE(c.department_id, p.department_id) IN (SELECT id FROM "
                  + cte
                  + ")");
        }
        case CLASS -> {
          unions.add(
              "SELECT p.id FROM person p JOIN school_class c ON c.id = p.class_id WHERE c.code = ?");
          args.add(r.value());
        }
        case ROLE -> {
          unions.add(
              "SELECT g.person_id FROM role_grant g WHERE g.role = ?"
                  + " UNION SELECT p.id FROM person p WHERE ? = 'STUDENT' AND p.kind = 'STUDENT'");
          args.add(r.value());
          args.add(r.value());
        }
        case PERSON -> {
          unions.add("SELECT p.id FROM person p WHERE p.account = ?");
          args.add(r.value());
        }
        case MY_CLASSES -> {
          unions.add(
              "SELECT p.id FROM person p WHERE p.kind = 'STUDENT' AND p.class_id IN ("
                  + " SELECT c.id FROM school_class c WHERE c.counsellor_account = ?"
                  + " UNION SELECT g.scope_id FROM role_grant g JOIN person me ON me.id = g.person_id"
                  + "  WHERE me.account = ? AND g.role = 'COUNSELLOR' AND g.scope_kind = 'CLASS')");
          args.add(owner);
          args.add(owner);
        }
        default -> throw new IllegalStateException(r.kind().name());
      }
    }
    String query =
        (ctes.isEmpty() ? "" : "WITH RECURSIVE " + String.join(", ", ctes) + " ")
            + "SELECT p.account, p.name, COALESCE(c.name, dp.name) FROM person p"
            + " LEFT JOIN school_class c ON c.id = p.class_id LEFT JOIN department dp ON dp.id = p.department_id"
            + " WHERE p.status = 'ACTIVE' AND p.id IN ("
            + String.join(" UNION ", unions)
            + ")"
            + " ORDER BY 3, p.account";
    List<Object> all = new ArrayList<>(cteArgs);
    all.addAll(args);
    return sql.rows(query, all.toArray()).stream()
        .map(r -> new Recipient(str(r[0]), str(r[1]), str(r[2]), false))
        .toList();
  }

  /** The name of what a line points at, or empty when the directory does not know it (a typo). */
  public Optional<String> describe(AudienceRule r) {
    String query =
        switch (r.kind()) {
          case DEPARTMENT -> "SELECT name FROM department WHERE code = ?";
          case CLASS -> "SELECT name FROM school_class WHERE code = ?";
          case PERSON -> "SELECT name FROM person WHERE account = ? AND status = 'ACTIVE'";
          case ROLE, MY_CLASSES -> null;
        };
    if (query == null) {
      return Optional.of(r.value());
    }
    return sql.rows(query, r.value()).stream().findFirst().map(x -> str(x[0]));
  }

  /**
   * Whether {@code account} is a student (co-owners must be staff: they see every answer and the
   * not-filled list).
   */
  public boolean isStudent(String account) {
    return !sql.rows("SELECT 1 FROM person WHERE account = ? AND kind = 'STUDENT'", account)
        .isEmpty();
  }

  /**
   * Active people by account (for co-owners): the accounts the directory knows, with their names.
   */
  public Optional<String> activeName(String account) {
    return sql
        .rows("SELECT name FROM person WHERE account = ? AND status = 'ACTIVE'", account)
        .stream()
        .findFirst()
        .map(x -> str(x[0]));
  }
}
