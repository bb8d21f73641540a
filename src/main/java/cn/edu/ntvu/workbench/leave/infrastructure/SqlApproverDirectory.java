package cn.edu.ntvu.workbench.leave.infrastructure;

import static cn.edu.ntvu.workbench.platform.persistence.Sql.num;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.str;

import cn.edu.ntvu.workbench.leave.application.ApproverDirectory;
import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Who decides a step, from the directory tables (read only): the class's counsellor and anyone
 * granted COUNSELLOR for the class; the deans of the student's department, or of the nearest
 * department above it that has one; everyone with the STUDENT_AFFAIRS role. Only active people.
 * Empty when the directory has nobody.
 */
@ApplicationScoped
public class SqlApproverDirectory implements ApproverDirectory {
  @Inject Sql sql;

  public List<String> approvers(ApproverRole role, String studentAccount) {
    return switch (role) {
      case COUNSELLOR ->
          accounts(
              "SELECT p.account FROM person p WHERE p.status = 'ACTIVE' AND ("
                  + " p.account = (SELECT c.counsellor_account FROM person s JOIN school_class c ON c.id = s.class_id"
                  + "               WHERE s.account = ?)"
                  + " OR p.id IN (SELECT g.person_id FROM person s JOIN role_grant g ON g.role = 'COUNSELLOR'"
                  + "              AND g.scope_kind = 'CLASS' AND g.scope_id = s.class_id WHERE s.account = ?))"
                  + " ORDER BY p.account",
              studentAccount,
              studentAccount);
      case DEAN -> nearestDeans(studentAccount);
      // 加签 steps carry their own approver (ApprovalChain); the directory names nobody.
      case ADDED -> List.of();
      case STUDENT_AFFAIRS ->
          accounts(
              "SELECT DISTINCT p.account FROM role_grant g JOIN person p ON p.id = g.person_id AND p.status = 'ACTIVE'"
                  + " WHERE g.role = 'STUDENT_AFFAIRS' ORDER BY p.account");
    };
  }

  private List<String> nearestDeans(String studentAccount) {
    List<Object[]> rows =
        sql.rows(
            "WITH RECURSIVE up (id, depth) AS ("
                + "  SELECT COALESCE(c.department_id, s.department_id), 0 FROM person s"
                + "    LEFT JOIN school_class c ON c.id = s.class_id WHERE s.account = ?"
                + "  UNION ALL SELECT d.parent_id, up.depth + 1 FROM department d JOIN up ON d.id = up.id"
                + "    WHERE d.parent_id IS NOT NULL AND up.depth < 20)"
                + " SELECT p.account, up.depth FROM up"
                + "  JOIN role_grant g ON g.role = 'DEAN' AND g.scope_kind = 'DEPARTMENT' AND g.scope_id = up.id"
                + "  JOIN person p ON p.id = g.person_id AND p.status = 'ACTIVE'"
                + " ORDER BY up.depth, p.account",
            studentAccount);
    if (rows.isEmpty()) {
      return List.of();
    }
    int nearest = num(rows.get(0)[1]);
    return rows.stream().filter(r -> num(r[1]) == nearest).map(r -> str(r[0])).distinct().toList();
  }

  /** The fallback: {@code account} when the directory knows them as active, else every admin. */
  public List<String> fallback(String account) {
    if (account != null && !account.isBlank()) {
      List<String> one =
          accounts(
              "SELECT account FROM person WHERE account = ? AND status = 'ACTIVE'",
              account.strip());
      if (!one.isEmpty()) {
        return one;
      }
    }
    return accounts(
        "SELECT DISTINCT p.account FROM role_grant g JOIN person p ON p.id = g.person_id AND p.status = 'ACTIVE'"
            + " WHERE g.role = 'ADMIN' ORDER BY p.account");
  }

  private List<String> accounts(String query, Object... args) {
    return sql.query(query, rs -> rs.getString(1), args);
  }
}
