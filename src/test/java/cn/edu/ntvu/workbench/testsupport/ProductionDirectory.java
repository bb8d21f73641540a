package cn.edu.ntvu.workbench.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The people of {@link TestUsers} in the production-mode app's directory ({@link
 * TestServers#production()}), with the roles their names promise: a student of class 2401000, a
 * plain teacher, that class's counsellor, the dean of its department, student affairs, an admin.
 * Written once per run, in plain SQL, because production mode has no demo data and no admin yet to
 * import a file.
 */
public final class ProductionDirectory {
  private static boolean written;

  private ProductionDirectory() {}

  public static Connection db() throws SQLException {
    return TestServers.database().appConnection(TestServers.PRODUCTION_SCHEMA);
  }

  /** Makes sure the people are there (idempotent within a run). */
  public static synchronized void ensure() {
    if (written) {
      return;
    }
    try (Connection c = db();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT IGNORE INTO department (code, name) VALUES ('01', '机械工程学院'), ('90', '学生工作处'),"
              + " ('92', '图文信息中心')");
      s.executeUpdate(
          "INSERT IGNORE INTO school_class (code, name, department_id, grade)"
              + " SELECT '2401000', '机械制造241班', id, 2024 FROM department WHERE code = '01'");
      person(c, TestUsers.STUDENT, "STUDENT", "01", "2401000", "STUDENT", "SCHOOL");
      person(c, TestUsers.TEACHER, "STAFF", "01", null, "TEACHER", "SCHOOL");
      person(c, TestUsers.COUNSELLOR, "STAFF", "01", null, "TEACHER", "SCHOOL");
      grant(c, TestUsers.COUNSELLOR, "COUNSELLOR", "CLASS", classId(c, "2401000"));
      person(c, TestUsers.DEAN, "STAFF", "01", null, "DEAN", "DEPARTMENT");
      person(c, TestUsers.STUDENT_AFFAIRS, "STAFF", "90", null, "STUDENT_AFFAIRS", "SCHOOL");
      person(c, TestUsers.ADMIN, "STAFF", "92", null, "ADMIN", "SCHOOL");
    } catch (SQLException e) {
      throw new IllegalStateException("could not write the production test directory", e);
    }
    written = true;
  }

  private static void person(
      Connection c,
      TestUsers.TestUser u,
      String kind,
      String dept,
      String classCode,
      String role,
      String scope)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT IGNORE INTO person (account, name, kind, mobile, department_id, class_id, status)"
                + " VALUES (?, ?, ?, ?, (SELECT id FROM department WHERE code = ?),"
                + " (SELECT id FROM school_class WHERE code = ?), 'ACTIVE')")) {
      ps.setString(1, u.account());
      ps.setString(2, u.name());
      ps.setString(3, kind);
      ps.setString(4, u.attrs().get("mobile"));
      ps.setString(5, dept);
      ps.setString(6, classCode);
      ps.executeUpdate();
    }
    long scopeId = scope.equals("DEPARTMENT") ? departmentId(c, dept) : 0;
    grant(c, u, role, scope, scopeId);
  }

  /** Gives {@code u} a role (idempotent). */
  public static void grant(
      Connection c, TestUsers.TestUser u, String role, String scope, long scopeId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT IGNORE INTO role_grant (person_id, role, scope_kind, scope_id, source)"
                + " SELECT id, ?, ?, ?, 'ADMIN' FROM person WHERE account = ?")) {
      ps.setString(1, role);
      ps.setString(2, scope);
      ps.setLong(3, scopeId);
      ps.setString(4, u.account());
      ps.executeUpdate();
    }
  }

  private static long classId(Connection c, String code) throws SQLException {
    return id(c, "SELECT id FROM school_class WHERE code = '" + code + "'");
  }

  private static long departmentId(Connection c, String code) throws SQLException {
    return id(c, "SELECT id FROM department WHERE code = '" + code + "'");
  }

  private static long id(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
