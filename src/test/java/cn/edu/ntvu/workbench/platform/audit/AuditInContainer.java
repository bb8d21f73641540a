package cn.edu.ntvu.workbench.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.identity.application.ImportKind;
import cn.edu.ntvu.workbench.identity.application.ImportPreview;
import cn.edu.ntvu.workbench.timetable.TimetableInContainer;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportKind;
import cn.edu.ntvu.workbench.timetable.application.TimetablePreview;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * The audit log in the container: entries written in the change's transaction, append-only in the
 * database.
 *
 * <p>An abstract part of {@code platform.persistence.InContainerIT}: the parts are stacked into
 * that one class so that Arquillian starts Payara Micro once for all of them (each deployment is a
 * new Payara Micro).
 */
public abstract class AuditInContainer extends TimetableInContainer {
  // --- audit log (platform.audit): entries written in the change's transaction, append-only in the
  // database ---

  @Inject protected AuditTrail auditTrail;
  @Resource protected UserTransaction userTransaction;

  protected long auditRows(String where, Object arg) throws Exception {
    try (Connection c = dataSource.getConnection();
        java.sql.PreparedStatement ps =
            c.prepareStatement("select count(*) from audit_entry where " + where)) {
      ps.setObject(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void anAppliedDirectoryImportWritesExactlyOneAuditEntryAndARefusedOneNone() throws Exception {
    String csv =
        "account,name,kind,gender,mobile,email,dept_code,class_code,position,roles\n"
            + "T900301,审计测试甲,staff,1,13912343001,,01,,教师,teacher\n";
    ImportPreview preview =
        imports.preview(
            ImportKind.PEOPLE,
            "audit-people.csv",
            csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "10857");
    AuditActor admin = new AuditActor("10857", "孟勇兰", "CAS");
    assertThat(imports.apply(preview.batchId(), admin).applied()).isTrue();
    assertThat(imports.apply(preview.batchId(), admin).applied()).isFalse();

    String batch = String.valueOf(preview.batchId());
    assertThat(auditRows("object_type = 'import_batch' and object_id = ?", batch)).isEqualTo(1);
    try (Connection c = dataSource.getConnection();
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "select actor_account, actor_name, sign_in_path, action, object_label, before_values, after_values"
                    + " from audit_entry where object_type = 'import_batch' and object_id = ?")) {
      ps.setString(1, batch);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("10857");
        assertThat(rs.getString(2)).isEqualTo("孟勇兰");
        assertThat(rs.getString(3)).isEqualTo("CAS");
        assertThat(rs.getString(4)).isEqualTo("DIRECTORY_IMPORT");
        assertThat(rs.getString(5)).isEqualTo("audit-people.csv");
        assertThat(rs.getString(6)).isEqualTo("{\"status\":\"PREVIEWED\"}");
        assertThat(rs.getString(7))
            .contains("\"status\":\"APPLIED\"", "\"kind\":\"PEOPLE\"", "\"created\":1");
      }
    }

    String bad =
        "account,name,kind,gender,mobile,email,dept_code,class_code,position,roles\n"
            + "T900302,坏手机,staff,1,12345,,01,,教师,teacher\n";
    ImportPreview refused =
        imports.preview(
            ImportKind.PEOPLE,
            "audit-bad.csv",
            bad.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "10857");
    assertThat(refused.batchId()).isNotNull();
    assertThat(imports.apply(refused.batchId(), admin).applied()).isFalse();
    assertThat(
            auditRows(
                "object_type = 'import_batch' and object_id = ?",
                String.valueOf(refused.batchId())))
        .isZero();
  }

  @Test
  void anAppliedTimetableImportWritesOneAuditEntryWithWhatItReplaced() throws Exception {
    // the demo term file again: nothing moves, but the import is still an admin change on record
    TimetablePreview preview =
        timetables.preview(
            TimetableImportKind.TERM,
            "term.csv",
            demoText("term.csv").getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "10857");
    assertThat(preview.errors()).isEmpty();
    assertThat(
            timetables.apply(preview.batchId(), new AuditActor("10857", "孟勇兰", "WECOM")).applied())
        .isTrue();

    try (Connection c = dataSource.getConnection();
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "select action, sign_in_path, before_values, after_values from audit_entry"
                    + " where object_type = 'import_batch' and object_id = ?")) {
      ps.setString(1, String.valueOf(preview.batchId()));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("TIMETABLE_IMPORT");
        assertThat(rs.getString(2)).isEqualTo("WECOM");
        assertThat(rs.getString(3)).isEqualTo("{\"status\":\"PREVIEWED\"}");
        assertThat(rs.getString(4))
            .contains("\"status\":\"APPLIED\"", "\"kind\":\"TERM\"", "\"file\":\"term.csv\"");
        assertThat(rs.next()).as("exactly one entry").isFalse();
      }
    }
  }

  @Test
  void anAuditEntryRollsBackWithItsTransactionAndNeedsOne() throws Exception {
    String label = "rollback-" + System.nanoTime();
    userTransaction.begin();
    auditTrail.record(
        AuditActor.system("it"), "TEST_CHANGE", AuditObject.of("test", 1, label), AuditDiff.NONE);
    userTransaction.rollback();
    assertThat(auditRows("object_label = ?", label)).isZero();

    assertThatThrownBy(
            () ->
                auditTrail.record(
                    AuditActor.system("it"),
                    "TEST_CHANGE",
                    AuditObject.of("test", 1, label),
                    AuditDiff.NONE))
        .isInstanceOf(jakarta.transaction.TransactionalException.class);
    assertThat(auditRows("object_label = ?", label)).isZero();

    userTransaction.begin();
    auditTrail.record(
        AuditActor.system("it"), "TEST_CHANGE", AuditObject.of("test", 1, label), AuditDiff.NONE);
    userTransaction.commit();
    assertThat(auditRows("object_label = ?", label)).isEqualTo(1);
  }

  @Test
  void theDatabaseRefusesToUpdateOrDeleteAuditEntries() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.createStatement()
          .executeUpdate(
              "insert into audit_entry (occurred_at, actor_account, actor_name, sign_in_path, action, object_type,"
                  + " object_id, object_label, before_values, after_values)"
                  + " values (now(3), 'it', '', 'SYSTEM', 'TEST_CHANGE', 'test', '2', 'append-only', '{}', '{}')");
      assertThatThrownBy(
              () ->
                  c.createStatement()
                      .executeUpdate("update audit_entry set actor_account = 'mallory'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> c.createStatement().executeUpdate("delete from audit_entry"))
          .hasMessageContaining("append-only");
    }
    assertThat(auditRows("actor_account = ?", "mallory")).isZero();
    assertThat(auditRows("object_label = ?", "append-only")).isEqualTo(1);
  }

  // --- end of audit log ---
}
