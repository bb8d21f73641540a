package cn.edu.ntvu.workbench.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.identity.application.DirectoryImportService;
import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.identity.application.ImportKind;
import cn.edu.ntvu.workbench.identity.application.ImportPreview;
import cn.edu.ntvu.workbench.identity.application.SignInService;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.security.Callers;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignInPath;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.testsupport.StandIn;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportKind;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportService;
import cn.edu.ntvu.workbench.timetable.application.TimetablePreview;
import cn.edu.ntvu.workbench.timetable.application.TimetableQueryService;
import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import cn.edu.ntvu.workbench.wecom.application.WeComClient;
import cn.edu.ntvu.workbench.wecom.infrastructure.JdbcCredentialStore;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalTime;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every in-container test part shares: the beans and the data source they use, calling as the
 * server itself around each test, and the helpers for people, rows and demo files.
 *
 * <p>An abstract part of {@code platform.persistence.InContainerIT}: the parts are stacked into
 * that one class so that Arquillian starts Payara Micro once for all of them (each deployment is a
 * new Payara Micro).
 */
public abstract class InContainerBase {
  @Resource(lookup = "java:app/jdbc/workbench")
  protected DataSource dataSource;

  @Inject protected DirectoryImportService imports;
  @Inject protected DirectoryQueries directory;
  @Inject protected SignInService signIn;
  @Inject protected JdbcCredentialStore credentials;
  @Inject protected WeComClient wecom;
  @Inject protected AppSettings settings;

  /**
   * The stand-in beside this deployment (arquillian.xml deploys target/wecom-standin.war in the
   * same Payara): the tests reach it only over HTTP, as the app does, and set its faults and state
   * through its controls.
   */
  protected StandIn standIn() {
    return new StandIn(settings.wecomApiBaseUrl());
  }

  @Inject protected TimetableImportService timetables;
  @Inject protected TimetableQueryService timetableQueries;
  @Inject protected Callers callers;

  @Inject
  protected cn.edu.ntvu.workbench.identity.application.DirectoryQueryService peopleDirectory;

  @Inject protected cn.edu.ntvu.workbench.leave.application.LeaveSettingsService leaveSettings;
  @Inject protected cn.edu.ntvu.workbench.wecom.application.DomainVerification verificationFiles;

  /**
   * The tests call admin services directly, as the server itself; the layer tests below step out of
   * it.
   */
  protected Callers.Scope asServer;

  @BeforeEach
  void callAsTheServer() {
    asServer = callers.enterSystem();
  }

  @AfterEach
  void stopCallingAsTheServer() {
    asServer.close();
  }

  protected SignedInUser person(String account) {
    return ((SignInService.Outcome.SignedIn) signIn.resolve(account, SignInPath.DEV)).user();
  }

  protected long countRows(String table) throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Inject protected cn.edu.ntvu.workbench.identity.application.Authorities authorities;

  protected void importPeople(String line) {
    byte[] file =
        ("account,name,kind,gender,mobile,email,dept_code,class_code,position,roles\n"
                + line
                + "\n")
            .getBytes(StandardCharsets.UTF_8);
    ImportPreview preview = imports.preview(ImportKind.PEOPLE, "people.csv", file, "system");
    assertThat(preview.canApply()).as(preview.errors().toString()).isTrue();
    assertThat(imports.apply(preview.batchId(), "system").applied()).isTrue();
  }

  protected boolean isAdminNow(SignedInUser signedIn) {
    var standing = authorities.current(signedIn);
    assertThat(standing)
        .isInstanceOf(cn.edu.ntvu.workbench.identity.application.Authorities.Standing.Active.class);
    return ((cn.edu.ntvu.workbench.identity.application.Authorities.Standing.Active) standing)
        .user()
        .has(Role.ADMIN);
  }

  /**
   * Fresh authority: an import made on this server reaches the person's very next request, not a
   * second later.
   */
  protected LocalTime firstPeriodStart(LocalDate date) {
    return timetableQueries
        .termOn(date)
        .orElseThrow()
        .periodTimes()
        .clockTimes(date, new PeriodRange(1, 2))
        .orElseThrow()
        .start();
  }

  /**
   * A file of the demo school: the folder the app seeded from ({@code APP_SEED_DIR}, failsafe's
   * environment).
   */
  protected static String demoText(String file) throws java.io.IOException {
    return new String(demoBytes(file), java.nio.charset.StandardCharsets.UTF_8);
  }

  protected static byte[] demoBytes(String file) throws java.io.IOException {
    return java.nio.file.Files.readAllBytes(
        java.nio.file.Path.of(System.getenv("APP_SEED_DIR"), file));
  }

  protected void importCsv(TimetableImportKind kind, String csv) {
    String file = kind.name().toLowerCase(java.util.Locale.ROOT) + ".csv";
    TimetablePreview preview =
        timetables.preview(
            kind, file, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "10857");
    assertThat(preview.errors()).as(file).isEmpty();
    assertThat(timetables.apply(preview.batchId(), "10857").applied()).as(file).isTrue();
  }

  protected void importTimetable(TimetableImportKind kind, String file) throws java.io.IOException {
    TimetablePreview preview = timetables.preview(kind, file, demoBytes(file), "10857");
    assertThat(preview.errors()).as(file).isEmpty();
    assertThat(timetables.apply(preview.batchId(), "10857").applied()).as(file).isTrue();
  }

  protected static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
