package cn.edu.ntvu.workbench.forms.infrastructure;

import cn.edu.ntvu.workbench.forms.application.PublishScope;
import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a member of staff may publish a form to without {@code forms.publish-any}, read from the
 * directory as it is now (never from the session's copy): their own units and the people in them.
 *
 * <ul>
 *   <li>Their departments: the one they belong to and every one a role of theirs is scoped to (a
 *       dean's), each with its sub-departments — but never a top-level department (one without a
 *       parent), which is the whole school.
 *   <li>Their classes: the ones they are counsellor of (on the class, or through a grant scoped to
 *       it) and every class of their departments. "The students of my classes" is always theirs.
 *   <li>A named person in those departments or classes (students through their class), or
 *       themselves.
 *   <li>Never a role: a role line asks everybody holding it, school-wide.
 * </ul>
 *
 * Classes a teacher only teaches (the timetable) are not counted: their counsellor, or the grant,
 * reaches them.
 */
@ApplicationScoped
public class SqlPublishScope implements PublishScope {
  /**
   * Departments of the publisher (param 1 and 2: the account) with their sub-departments, as CTE
   * {@code own}.
   */
  private static final String OWN =
      "WITH RECURSIVE own (id, depth) AS ("
          + " SELECT d.id, 0 FROM department d WHERE d.parent_id IS NOT NULL AND d.id IN ("
          + "  SELECT p.department_id FROM person p WHERE p.account = ? AND p.status = 'ACTIVE'"
          + "   AND p.kind <> 'STUDENT' AND p.department_id IS NOT NULL"
          + "  UNION SELECT g.scope_id FROM role_grant g JOIN person p ON p.id = g.person_id"
          + "   WHERE p.account = ? AND p.status = 'ACTIVE' AND g.scope_kind = 'DEPARTMENT')"
          + " UNION ALL SELECT x.id, o.depth + 1 FROM department x JOIN own o ON x.parent_id = o.id WHERE o.depth < 20)";

  /**
   * Classes of the publisher (params 1 and 2: the account), given CTE {@code own}, as a sub-select.
   */
  private static final String MY_CLASSES =
      "SELECT c.id FROM school_class c WHERE c.counsellor_account = ?"
          + " UNION SELECT g.scope_id FROM role_grant g JOIN person p ON p.id = g.person_id"
          + "  WHERE p.account = ? AND p.status = 'ACTIVE' AND g.scope_kind = 'CLASS'"
          + " UNION SELECT c.id FROM school_class c WHERE c.department_id IN (SELECT id FROM own)";

  @Inject Sql sql;

  /**
   * Whether {@code rule} asks only people within {@code publisher}'s own departments and classes.
   */
  public boolean within(AudienceRule rule, String publisher) {
    return switch (rule.kind()) {
      case MY_CLASSES -> true;
      case ROLE -> false;
      case DEPARTMENT ->
          exists(
              OWN + " SELECT 1 FROM department d WHERE d.code = ? AND d.id IN (SELECT id FROM own)",
              publisher,
              publisher,
              rule.value());
      case CLASS ->
          exists(
              OWN
                  + " SELECT 1 FROM school_class c WHERE c.code = ? AND c.id IN ("
                  + MY_CLASSES
                  + ")",
              publisher,
              publisher,
              rule.value(),
              publisher,
              publisher);
      case PERSON ->
          publisher.equals(rule.value())
              || exists(
                  OWN
                      + " SELECT 1 FROM person p"
                      + " LEFT JOIN school_class c ON c.id = p.class_id WHERE p.account = ? AND (p.class_id IN ("
                      + MY_CLASSES
                      + ") OR COALESCE(c.department_id, p.department_id) IN (SELECT id FROM own))",
                  publisher,
                  publisher,
                  rule.value(),
                  publisher,
                  publisher);
    };
  }

  private boolean exists(String query, Object... args) {
    return !sql.rows(query, args).isEmpty();
  }
}
