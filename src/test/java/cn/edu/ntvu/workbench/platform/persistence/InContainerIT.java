package cn.edu.ntvu.workbench.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.identity.application.ImportKind;
import cn.edu.ntvu.workbench.identity.application.ImportPreview;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.security.AccessDenied;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What needs the real container and the real MariaDB, in one Arquillian class so that Payara Micro
 * starts once (each deployment is a new Payara Micro process). The tests live per context, each in
 * an abstract part in that context's test package ({@code IdentityInContainer}, {@code
 * WeComInContainer}, {@code TimetableInContainer}, {@code AuditInContainer}, {@code
 * MessagingInContainer}, {@code LeaveInContainer}, {@code ContactsInContainer}, {@code
 * FormsInContainer}, {@code UploadsInContainer}, {@code NativeTilesInContainer}, {@code
 * PortalInContainer}), stacked one on another down to {@link InContainerBase}; this class adds the
 * deployment and what crosses contexts: Flyway's schema and every admin service refusing everyone
 * but admins and the server. A new context's tests go into a part of its own, put on the stack
 * here.
 */
@ExtendWith(ArquillianExtension.class)
class InContainerIT extends cn.edu.ntvu.workbench.leave.HandOverInContainer {
  @Deployment
  static WebArchive deployment() {
    WebArchive war =
        ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("test.war")));
    war.addClass(InContainerIT.class);
    war.addClass(cn.edu.ntvu.workbench.leave.LeaveDeputyInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.leave.HandOverInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.leave.LeaveChainInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.leave.LeaveUrgeInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.portal.PortalInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.portal.NativeTilesInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.attendance.AttendanceInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.leave.LeaveTeachersInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.notices.NoticesInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.platform.files.UploadsInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.forms.FormsInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.contacts.ContactsInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.leave.LeaveInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.messaging.MessagingInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.platform.audit.AuditInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.timetable.TimetableInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.wecom.WeComInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.identity.IdentityInContainer.class);
    war.addClass(cn.edu.ntvu.workbench.platform.persistence.InContainerBase.class);
    war.addClass(cn.edu.ntvu.workbench.platform.files.ImageBombs.class);
    war.addClass(cn.edu.ntvu.workbench.testsupport.StandIn.class);
    war.addClasses(cn.edu.ntvu.workbench.testsupport.StandIn.class.getDeclaredClasses());
    war.addClass(cn.edu.ntvu.workbench.wecom.CallbackRecorder.class);
    war.addAsLibraries(jarOf(Assertions.class));
    return war;
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void adminServicesRefuseEveryoneButAdminsAndTheServer() throws Exception {
    asServer.close();
    byte[] people =
        ("account,name,kind,gender,mobile,email,dept_code,class_code,position,roles\n"
                + "99990001,冒名,staff,1,13900000001,,92,,职员,admin\n")
            .getBytes(StandardCharsets.UTF_8);
    long batches = countRows("import_batch");
    long audit = countRows("audit_entry");
    long tilesBefore = countRows("workbench_tile");
    List<Callable<?>> adminOnly =
        List.of(
            () -> imports.preview(ImportKind.PEOPLE, "people.csv", people, "x"),
            () -> imports.apply(1L, AuditActor.system("x")),
            () -> timetables.overview(),
            () -> peopleDirectory.findPeople("", 0, 10, null, true),
            () -> outboxAdmin.retryAllFailed(AuditActor.system("x")),
            () -> {
              verificationFiles.upload(
                  new cn.edu.ntvu.workbench.wecom.domain.VerificationFile(
                      "WW_verify_abc.txt", "abc"),
                  AuditActor.system("x"));
              return null;
            },
            () -> leaveSettings.withFallbackSteps(),
            () -> contactsSync.plan(AuditActor.system("x")));
    SignedInUser student = person("20240100001");
    SignedInUser counsellor = person("10001");
    for (Callable<?> call : adminOnly) {
      assertThatThrownBy(call::call).isInstanceOf(AccessDenied.class);
      assertThatThrownBy(() -> callers.as(student, call)).isInstanceOf(AccessDenied.class);
      assertThatThrownBy(() -> callers.as(counsellor, call)).isInstanceOf(AccessDenied.class);
    }
    assertThat(countRows("import_batch")).isEqualTo(batches);
    assertThat(countRows("audit_entry")).isEqualTo(audit);
    assertThat(countRows("workbench_tile")).isEqualTo(tilesBefore);

    SignedInUser admin = person("10857");
    ImportPreview preview =
        callers.as(admin, () -> imports.preview(ImportKind.PEOPLE, "people.csv", people, "10857"));
    assertThat(preview.batchId()).isPositive();
    assertThat(countRows("import_batch")).isEqualTo(batches + 1);
    asServer = callers.enterSystem();
  }

  @Test
  void everyTableIsUtf8mb4AndFlywayRanEveryMigration() throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select table_name, table_collation from information_schema.tables"
                        + " where table_schema = database() and table_name <> 'flyway_schema_history'")) {
      int tables = 0;
      while (rs.next()) {
        tables++;
        assertThat(rs.getString(2)).as(rs.getString(1)).startsWith("utf8mb4");
      }
      assertThat(tables).isGreaterThanOrEqualTo(7);
    }
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery("select count(*) from flyway_schema_history where success = 0")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }
}
