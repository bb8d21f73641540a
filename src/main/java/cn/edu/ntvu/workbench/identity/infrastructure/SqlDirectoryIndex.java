package cn.edu.ntvu.workbench.identity.infrastructure;

import cn.edu.ntvu.workbench.identity.application.DirectoryHit;
import cn.edu.ntvu.workbench.identity.application.DirectoryIndex;
import cn.edu.ntvu.workbench.identity.application.PickKind;
import cn.edu.ntvu.workbench.identity.application.PickScope;
import cn.edu.ntvu.workbench.identity.application.PinyinName;
import cn.edu.ntvu.workbench.identity.application.SearchText;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The picker's queries (V22's columns). Each match is a prefix {@code LIKE} on an indexed column
 * (name, initials, full pinyin, account or code), joined as a union so every branch uses its index;
 * classes and departments (a few hundred rows) also match inside the name ("241班"). A {@link
 * PickScope} bounded by a person is the 收集表 publishing rule, in SQL here and used by {@code forms}
 * for its check on publish: their departments below the top level with sub-departments ({@code
 * own}), the classes they counsel or of those departments, the people in them, themselves.
 */
@ApplicationScoped
public class SqlDirectoryIndex implements DirectoryIndex {
  /** Departments of the account (params 1 and 2) with their sub-departments, as CTE {@code own}. */
  static final String OWN =
      "WITH RECURSIVE own (id, depth) AS ("
          + " SELECT d.id, 0 FROM department d WHERE d.parent_id IS NOT NULL AND d.id IN ("
          + "  SELECT p.department_id FROM person p WHERE p.account = ? AND p.status = 'ACTIVE'"
          + "   AND p.kind <> 'STUDENT' AND p.department_id IS NOT NULL"
          + "  UNION SELECT g.scope_id FROM role_grant g JOIN person p ON p.id = g.person_id"
          + "   WHERE p.account = ? AND p.status = 'ACTIVE' AND g.scope_kind = 'DEPARTMENT')"
          + " UNION ALL SELECT x.id, o.depth + 1 FROM department x JOIN own o ON x.parent_id = o.id WHERE o.depth < 20) ";

  /** Classes of the account (params 1 and 2), given CTE {@code own}, as a sub-select. */
  static final String MY_CLASSES =
      "SELECT c.id FROM school_class c WHERE c.counsellor_account = ?"
          + " UNION SELECT g.scope_id FROM role_grant g JOIN person p ON p.id = g.person_id"
          + "  WHERE p.account = ? AND p.status = 'ACTIVE' AND g.scope_kind = 'CLASS'"
          + " UNION SELECT c.id FROM school_class c WHERE c.department_id IN (SELECT id FROM own)";

  private static final String PERSON_COLUMNS =
      "SELECT p.account, p.name, p.kind, c.name, d.name FROM ";
  private static final String PERSON_JOINS =
      " LEFT JOIN school_class c ON c.id = p.class_id"
          + " LEFT JOIN department d ON d.id = COALESCE(c.department_id, p.department_id)"
          + " WHERE p.status = 'ACTIVE'";
  private static final String CLASS_COLUMNS =
      "SELECT c.code, c.name, d.name FROM school_class c JOIN department d ON d.id = c.department_id WHERE ";
  private static final String DEPARTMENT_COLUMNS =
      "SELECT d.code, d.name, u.name FROM department d LEFT JOIN department u ON u.id = d.parent_id WHERE ";

  @Inject Sql sql;

  @Override
  public List<DirectoryHit> candidates(PickKind kind, SearchText q, PickScope scope, int limit) {
    List<Object> args = new ArrayList<>();
    StringBuilder s = new StringBuilder();
    if (!scope.wholeSchool()) {
      s.append(OWN);
      args.add(scope.account());
      args.add(scope.account());
    }
    switch (kind) {
      case PERSON -> {
        s.append(PERSON_COLUMNS).append("(SELECT id FROM person WHERE name LIKE ?");
        args.add(q.prefix());
        if (q.letters()) {
          s.append(" UNION SELECT id FROM person WHERE name_initials LIKE ?")
              .append(" UNION SELECT id FROM person WHERE name_pinyin LIKE ?")
              .append(" UNION SELECT id FROM person WHERE account LIKE ?");
          args.add(q.prefix());
          args.add(q.prefix());
          args.add(q.prefix());
        }
        s.append(") m JOIN person p ON p.id = m.id").append(PERSON_JOINS);
        personScope(s, args, scope);
        s.append(" ORDER BY p.account = ? DESC, CHAR_LENGTH(p.name), p.name, p.account LIMIT ?");
        args.add(q.text());
      }
      case CLASS -> {
        s.append(CLASS_COLUMNS).append("(c.name LIKE ?");
        args.add(q.anywhere());
        lettersMatch(s, args, q, "c");
        s.append(")");
        if (!scope.wholeSchool()) {
          s.append(" AND c.id IN (").append(MY_CLASSES).append(")");
          args.add(scope.account());
          args.add(scope.account());
        }
        s.append(" ORDER BY CHAR_LENGTH(c.name), c.name LIMIT ?");
      }
      case DEPARTMENT -> {
        s.append(DEPARTMENT_COLUMNS).append("(d.name LIKE ?");
        args.add(q.anywhere());
        lettersMatch(s, args, q, "d");
        s.append(")");
        if (!scope.wholeSchool()) {
          s.append(" AND d.id IN (SELECT id FROM own)");
        }
        s.append(" ORDER BY CHAR_LENGTH(d.name), d.name LIMIT ?");
      }
      default -> {
        return List.of();
      }
    }
    args.add(limit);
    return sql.rows(s.toString(), args.toArray()).stream().map(hit(kind)).toList();
  }

  private static void lettersMatch(StringBuilder s, List<Object> args, SearchText q, String t) {
    if (q.letters()) {
      s.append(" OR ")
          .append(t)
          .append(".name_initials LIKE ? OR ")
          .append(t)
          .append(".name_pinyin LIKE ? OR ")
          .append(t)
          .append(".code LIKE ?");
      args.add(q.prefix());
      args.add(q.prefix());
      args.add(q.prefix());
    }
  }

  private static void personScope(StringBuilder s, List<Object> args, PickScope scope) {
    if (scope.staffOnly()) {
      s.append(" AND p.kind <> 'STUDENT'");
    }
    if (!scope.wholeSchool()) {
      s.append(" AND (p.account = ? OR p.class_id IN (")
          .append(MY_CLASSES)
          .append(") OR COALESCE(c.department_id, p.department_id) IN (SELECT id FROM own))");
      args.add(scope.account());
      args.add(scope.account());
      args.add(scope.account());
    }
  }

  @Override
  public Optional<DirectoryHit> find(PickKind kind, String key, PickScope scope) {
    List<Object> args = new ArrayList<>();
    StringBuilder s = new StringBuilder();
    if (!scope.wholeSchool()) {
      s.append(OWN);
      args.add(scope.account());
      args.add(scope.account());
    }
    switch (kind) {
      case PERSON -> {
        s.append(PERSON_COLUMNS)
            .append("person p")
            .append(PERSON_JOINS)
            .append(" AND p.account = ?");
        args.add(key);
        personScope(s, args, scope);
      }
      case CLASS -> {
        s.append(CLASS_COLUMNS).append("c.code = ?");
        args.add(key);
        if (!scope.wholeSchool()) {
          s.append(" AND c.id IN (").append(MY_CLASSES).append(")");
          args.add(scope.account());
          args.add(scope.account());
        }
      }
      case DEPARTMENT -> {
        s.append(DEPARTMENT_COLUMNS).append("d.code = ?");
        args.add(key);
        if (!scope.wholeSchool()) {
          s.append(" AND d.id IN (SELECT id FROM own)");
        }
      }
      default -> {
        return Optional.empty();
      }
    }
    return sql.rows(s.toString(), args.toArray()).stream().map(hit(kind)).findFirst();
  }

  private static Function<Object[], DirectoryHit> hit(PickKind kind) {
    return r ->
        switch (kind) {
          case PERSON ->
              new DirectoryHit(
                  kind,
                  Sql.str(r[0]),
                  Sql.str(r[1]),
                  Sql.str(r[0])
                      + (r[3] != null
                          ? " · " + Sql.str(r[3])
                          : r[4] != null ? " · " + Sql.str(r[4]) : ""));
          default ->
              new DirectoryHit(
                  kind, Sql.str(r[0]), Sql.str(r[1]), r[2] == null ? "" : Sql.str(r[2]));
        };
  }

  @Override
  public int refreshPinyin() {
    return refresh("person", true) + refresh("school_class", false) + refresh("department", false);
  }

  private int refresh(String table, boolean person) {
    List<Object[]> stale =
        sql.rows(
            "SELECT id, name FROM "
                + table
                + " WHERE pinyin_of IS NULL OR CAST(pinyin_of AS BINARY) <> CAST(name AS BINARY)");
    if (stale.isEmpty()) {
      return 0;
    }
    List<Object[]> updates = new ArrayList<>(stale.size());
    for (Object[] r : stale) {
      String name = Sql.str(r[1]);
      PinyinName py = person ? PinyinName.ofPerson(name) : PinyinName.of(name);
      updates.add(new Object[] {py.initials(), py.full(), name, Sql.lng(r[0])});
    }
    for (int i = 0; i < updates.size(); i += 1000) {
      sql.batch(
          "UPDATE " + table + " SET name_initials = ?, name_pinyin = ?, pinyin_of = ? WHERE id = ?",
          updates.subList(i, Math.min(updates.size(), i + 1000)));
    }
    return updates.size();
  }
}
