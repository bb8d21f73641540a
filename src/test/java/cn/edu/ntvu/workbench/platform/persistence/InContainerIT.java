package cn.edu.ntvu.workbench.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.identity.application.AccessDenied;
import cn.edu.ntvu.workbench.identity.application.Callers;
import cn.edu.ntvu.workbench.identity.application.ClassRef;
import cn.edu.ntvu.workbench.identity.application.DirectoryImportService;
import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.identity.application.ImportKind;
import cn.edu.ntvu.workbench.identity.application.ImportPreview;
import cn.edu.ntvu.workbench.identity.application.ImportResult;
import cn.edu.ntvu.workbench.identity.application.SignInPath;
import cn.edu.ntvu.workbench.identity.application.SignInService;
import cn.edu.ntvu.workbench.identity.application.SignedInUser;
import cn.edu.ntvu.workbench.identity.domain.Role;
import cn.edu.ntvu.workbench.timetable.application.TermSchedule;
import cn.edu.ntvu.workbench.timetable.application.TimetableEntry;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportKind;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportService;
import cn.edu.ntvu.workbench.timetable.application.TimetablePreview;
import cn.edu.ntvu.workbench.timetable.application.TimetableOwner;
import cn.edu.ntvu.workbench.timetable.application.TimetableQueryService;
import cn.edu.ntvu.workbench.timetable.domain.DayResolution;
import cn.edu.ntvu.workbench.timetable.domain.PeriodRange;
import cn.edu.ntvu.workbench.wecom.application.Credential;
import cn.edu.ntvu.workbench.wecom.application.WeComClient;
import cn.edu.ntvu.workbench.wecom.domain.WeComIdentity;
import cn.edu.ntvu.workbench.wecom.domain.WeComInvalidCodeException;
import cn.edu.ntvu.workbench.wecom.infrastructure.JdbcCredentialStore;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.testsupport.StandIn;
import cn.edu.ntvu.workbench.wecom.callback.CallbackRecorder;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What needs the real container and the real MariaDB: Flyway's schema, the directory and timetable imports'
 * transactions, the cluster-wide WeCom token store and the WeCom client against the stand-in over HTTP. One class, so Arquillian
 * starts Payara Micro once (each deployment is a new Payara Micro process). The stand-in is its own web application
 * in the same Payara (arquillian.xml deploys target/wecom-standin.war beside this deployment): these tests reach it
 * only over HTTP, as the app does, and set its faults and state through its controls ({@link StandIn}).
 */
@ExtendWith(ArquillianExtension.class)
class InContainerIT {
  @Deployment
  static WebArchive deployment() {
    WebArchive war =
        ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("test.war")));
    war.addClass(InContainerIT.class);
    war.addClass(cn.edu.ntvu.workbench.platform.files.ImageBombs.class);
    war.addClass(StandIn.class);
    war.addClasses(StandIn.class.getDeclaredClasses());
    war.addClass(CallbackRecorder.class);
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

  @Resource(lookup = "java:app/jdbc/workbench")
  DataSource dataSource;

  @Inject DirectoryImportService imports;
  @Inject DirectoryQueries directory;
  @Inject SignInService signIn;
  @Inject JdbcCredentialStore credentials;
  @Inject WeComClient wecom;
  @Inject AppSettings settings;

  /** The stand-in beside this deployment, where the app's WeCom client calls it. */
  private StandIn standIn() {
    return new StandIn(settings.wecomApiBaseUrl());
  }
  @Inject TimetableImportService timetables;
  @Inject TimetableQueryService timetableQueries;
  @Inject Callers callers;
  @Inject cn.edu.ntvu.workbench.identity.application.DirectoryQueryService peopleDirectory;
  @Inject cn.edu.ntvu.workbench.leave.application.LeaveSettingsService leaveSettings;
  @Inject cn.edu.ntvu.workbench.wecom.setup.application.DomainVerification verificationFiles;

  /** The tests call admin services directly, as the server itself; the layer tests below step out of it. */
  private Callers.Scope asServer;

  @BeforeEach
  void callAsTheServer() {
    asServer = callers.enterSystem();
  }

  @AfterEach
  void stopCallingAsTheServer() {
    asServer.close();
  }

  private SignedInUser person(String account) {
    return ((SignInService.Outcome.SignedIn) signIn.resolve(account, SignInPath.DEV)).user();
  }

  private long countRows(String table) throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Inject cn.edu.ntvu.workbench.identity.application.Authorities authorities;

  private void importPeople(String line) {
    byte[] file =
        ("account,name,kind,gender,mobile,email,dept_code,class_code,position,roles\n" + line + "\n")
            .getBytes(StandardCharsets.UTF_8);
    ImportPreview preview = imports.preview(ImportKind.PEOPLE, "people.csv", file, "system");
    assertThat(preview.canApply()).as(preview.errors().toString()).isTrue();
    assertThat(imports.apply(preview.batchId(), "system").applied()).isTrue();
  }

  private boolean isAdminNow(SignedInUser signedIn) {
    var standing = authorities.current(signedIn);
    assertThat(standing).isInstanceOf(cn.edu.ntvu.workbench.identity.application.Authorities.Standing.Active.class);
    return ((cn.edu.ntvu.workbench.identity.application.Authorities.Standing.Active) standing).user().has(Role.ADMIN);
  }

  /** Fresh authority: an import made on this server reaches the person's very next request, not a second later. */
  @Test
  void anImportedGrantIsSeenAtOnce() {
    SignedInUser teacher = person("10004");
    String line = "10004,刘敏秀,staff,1,15876769863,t10004@ntvu.example,01,,教师,";
    assertThat(isAdminNow(teacher)).isFalse();
    importPeople(line + "teacher;admin");
    try {
      assertThat(isAdminNow(teacher)).isTrue();
    } finally {
      importPeople(line + "teacher");
    }
    assertThat(isAdminNow(teacher)).isFalse();
  }

  /**
   * The third layer: an admin service refuses a student, a teacher and nobody at all before it reads or writes
   * anything — so a page that forgot its route line and its bean check still changes nothing — and serves an admin.
   */
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
                  new cn.edu.ntvu.workbench.wecom.setup.domain.VerificationFile("WW_verify_abc.txt", "abc"),
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
    ImportPreview preview = callers.as(admin, () -> imports.preview(ImportKind.PEOPLE, "people.csv", people, "10857"));
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
            c.createStatement().executeQuery("select count(*) from flyway_schema_history where success = 0")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void theDemoDirectoryIsLoadedWithScopedRoles() {
    assertThat(directory.countPeople()).isGreaterThan(1000);
    SignInService.Outcome admin = signIn.resolve("10857", SignInPath.DEV);
    assertThat(admin).isInstanceOf(SignInService.Outcome.SignedIn.class);
    assertThat(((SignInService.Outcome.SignedIn) admin).user().roles()).contains(Role.ADMIN);
    assertThat(signIn.resolve("ghost01", SignInPath.CAS)).isInstanceOf(SignInService.Outcome.NotInDirectory.class);
  }

  @Test
  void aGbkPeopleFileIsPreviewedThenAppliedOnceAndReimportChangesNothing() {
    String csv =
        "account,name,kind,gender,mobile,email,dept_code,class_code,position,roles\n"
            + "T900001,测试教师甲,staff,1,13912340001,,01,,教师,teacher\n"
            + "T900002,测试教师乙,staff,2,13912340002,,01,,教师,teacher;counsellor\n";
    byte[] gbk = csv.getBytes(Charset.forName("GBK"));

    ImportPreview preview = imports.preview(ImportKind.PEOPLE, "people.csv", gbk, "10857");
    assertThat(preview.errors()).isEmpty();
    assertThat(preview.creates()).isEqualTo(2);
    ImportResult applied = imports.apply(preview.batchId(), "10857");
    assertThat(applied.applied()).isTrue();
    assertThat(directory.findByAccount("T900002")).get().extracting(p -> p.getName()).isEqualTo("测试教师乙");

    ImportResult twice = imports.apply(preview.batchId(), "10857");
    assertThat(twice.applied()).isFalse();

    ImportPreview again = imports.preview(ImportKind.PEOPLE, "people.csv", gbk, "10857");
    assertThat(again.creates()).isZero();
    assertThat(again.updates()).isZero();
    assertThat(again.unchanged()).isEqualTo(2);
  }

  @Test
  void aFileWithOneBadLineImportsNothing() {
    String csv =
        "account,name,kind,gender,mobile,email,dept_code,class_code,position,roles\n"
            + "T900101,好人,staff,1,13912341001,,01,,教师,teacher\n"
            + "T900101,重复的人,staff,1,13912341002,,01,,教师,teacher\n"
            + "T900103,坏手机,staff,1,12345,,01,,教师,teacher\n";
    ImportPreview preview =
        imports.preview(ImportKind.PEOPLE, "bad.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "10857");
    assertThat(preview.canApply()).isFalse();
    // The duplicate is reported on its second line, naming the first.
    assertThat(preview.errors()).extracting(p -> p.line()).contains(3, 4);
    assertThat(preview.errors()).filteredOn(p -> p.line() == 3).flatExtracting(p -> p.args()).contains("2");
    if (preview.batchId() != null) {
      assertThat(imports.apply(preview.batchId(), "10857").applied()).isFalse();
    }
    assertThat(directory.findByAccount("T900101")).isEmpty();
  }

  @Test
  void theTokenStoreLetsOneServerRefreshAtATimeAndDeletesOnlyTheFailedToken() throws Exception {
    String key = "it:" + System.nanoTime();
    AtomicInteger fetches = new AtomicInteger();
    Callable<Credential> refresh =
        () ->
            credentials.refresh(
                key,
                c -> c.usableAt(Instant.now()),
                () -> {
                  fetches.incrementAndGet();
                  sleep(300);
                  return new Credential("token-" + fetches.get(), Instant.now().plusSeconds(3600));
                });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Credential>> all = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        all.add(pool.submit(refresh));
      }
      for (Future<Credential> f : all) {
        assertThat(f.get().value()).isEqualTo("token-1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fetches).hasValue(1);

    assertThat(credentials.invalidate(key, "token-old")).isFalse();
    assertThat(credentials.read(key)).get().extracting(Credential::value).isEqualTo("token-1");
    assertThat(credentials.invalidate(key, "token-1")).isTrue();
    assertThat(credentials.read(key).map(Credential::value).orElse(null)).isNull();
  }

  @Test
  void theWeComClientSignsInThroughTheStandInAndCodesAreSingleUse() {
    String code = standIn().issueCode("20240100001");
    WeComIdentity identity = wecom.getUserInfo(code);
    assertThat(identity).isEqualTo(new WeComIdentity.Member("20240100001", java.util.Optional.empty()));
    assertThatThrownBy(() -> wecom.getUserInfo(code)).isInstanceOf(WeComInvalidCodeException.class);
    assertThat(wecom.getUserInfo(standIn().issueCode(null))).isInstanceOf(WeComIdentity.NonMember.class);
  }

  @Test
  void aTermsTimetableImportsWholeAndReimportChangesNothing() throws Exception {
    String[][] files = {
      {"TERM", "term.csv"},
      {"PERIOD_TIMES", "period-times.csv"},
      {"CALENDAR", "calendar.csv"},
      {"TIMETABLE_ZF", "timetable-zf.csv"},
      {"TIMETABLE_WISEDU", "timetable-wisedu.csv"}
    };
    for (String[] f : files) {
      importTimetable(TimetableImportKind.valueOf(f[0]), f[1]);
    }
    TermSchedule term = timetableQueries.term("2026-2027-1").orElseThrow();
    assertThat(term.calendar().currentWeek(java.time.LocalDate.parse("2026-09-07"))).hasValue(1);
    List<TimetableEntry> meetings = timetableQueries.meetingsOfClass(term.termId(), "2401000");
    assertThat(meetings).isNotEmpty();
    assertThat(meetings).extracting(TimetableEntry::source).contains("ZF", "WISEDU");

    importTimetable(TimetableImportKind.TIMETABLE_ZF, "timetable-zf.csv");
    assertThat(timetableQueries.meetingsOfClass(term.termId(), "2401000")).hasSameSizeAs(meetings);
  }

  @Test
  void theDemoTimetableIsLoadedAndItsScheduleIsReadAgainOnlyAfterAnImport() throws Exception {
    LocalDate sportsDay = LocalDate.parse("2026-11-25");
    // imported at start-up from the seed folder (composition.FirstData); kept while the term's version stays the same
    TermSchedule loaded = timetableQueries.termOn(sportsDay).orElseThrow();
    assertThat(timetableQueries.termOn(sportsDay).orElseThrow()).isSameAs(loaded);
    assertThat(loaded.calendar().resolve(sportsDay).kind()).isEqualTo(DayResolution.Kind.TEACHING);

    String calendar = demoText("calendar.csv");
    importCsv(TimetableImportKind.CALENDAR, calendar + "2026-11-25,holiday,,校运会\n");
    assertThat(timetableQueries.termOn(sportsDay).orElseThrow().calendar().resolve(sportsDay).kind())
        .isEqualTo(DayResolution.Kind.HOLIDAY);
    importCsv(TimetableImportKind.CALENDAR, calendar);
    assertThat(timetableQueries.termOn(sportsDay).orElseThrow().calendar().resolve(sportsDay).kind())
        .isEqualTo(DayResolution.Kind.TEACHING);

    String periods = demoText("period-times.csv");
    String winter = "冬季,2026-10-01,2027-01-31,1,";
    importCsv(TimetableImportKind.PERIOD_TIMES, periods.replace(winter + "08:00", winter + "08:10"));
    assertThat(firstPeriodStart(sportsDay)).isEqualTo(LocalTime.of(8, 10));
    importCsv(TimetableImportKind.PERIOD_TIMES, periods);
    assertThat(firstPeriodStart(sportsDay)).isEqualTo(LocalTime.of(8, 0));
  }

  @Test
  void meetingsAreCachedPerTermVersionAndAnImportReplacesThem() throws Exception {
    LocalDate day = LocalDate.parse("2026-11-25");
    TimetableOwner tianFen = new TimetableOwner.Student("20240100001", "2401000");
    TimetableOwner classmate = new TimetableOwner.Student("20240100002", "2401000");
    TermSchedule before = timetableQueries.termOn(day).orElseThrow();
    List<TimetableEntry> cached = timetableQueries.meetingsOf(before, tianFen);
    assertThat(timetableQueries.meetingsOf(timetableQueries.termOn(day).orElseThrow(), classmate)).isSameAs(cached);
    assertThat(cached).extracting(TimetableEntry::room).contains("3号教学楼507");

    // the same term re-imported with a room moved and an elective for one student only
    String zf = demoText("timetable-zf.csv");
    String changed =
        zf.replaceFirst("\n", ",students\n").replace("3号教学楼507,2401000", "实训楼101,2401000")
            + "2026-2027-1,K09999,书法鉴赏,10702,龙诺,星期三,第9-10节,1-16周,艺术楼201,,20240100001\n";
    importCsv(TimetableImportKind.TIMETABLE_ZF, changed);
    TermSchedule after = timetableQueries.termOn(day).orElseThrow();
    assertThat(after.version()).isGreaterThan(before.version());
    List<TimetableEntry> withElective = timetableQueries.meetingsOf(after, tianFen);
    assertThat(withElective).extracting(TimetableEntry::room).contains("实训楼101").doesNotContain("3号教学楼507");
    assertThat(withElective).extracting(TimetableEntry::courseName).contains("书法鉴赏");
    assertThat(timetableQueries.meetingsOf(after, classmate))
        .extracting(TimetableEntry::courseName)
        .doesNotContain("书法鉴赏");
    // the cached list equals what one query reads now
    assertThat(withElective)
        .containsExactlyElementsOf(timetableQueries.meetingsOfStudent(after.termId(), "20240100001", "2401000"));

    importCsv(TimetableImportKind.TIMETABLE_ZF, zf);
    assertThat(timetableQueries.meetingsOf(timetableQueries.termOn(day).orElseThrow(), tianFen))
        .extracting(TimetableEntry::room)
        .contains("3号教学楼507");
  }

  @Test
  void counsellorsAndDeansLookAfterTheirClasses() {
    long counsellor = directory.findByAccount("10001").orElseThrow().getId();
    long dean = directory.findByAccount("10065").orElseThrow().getId();
    long student = directory.findByAccount("20240100001").orElseThrow().getId();
    assertThat(directory.classesInCareOf(counsellor)).containsExactly(new ClassRef("2401000", "机械制造241班"));
    assertThat(directory.classesInCareOf(dean))
        .extracting(ClassRef::code)
        .containsExactly("2401000", "2501001", "2601002");
    assertThat(directory.classesInCareOf(student)).isEmpty();
    assertThat(directory.classNames(List.of("2401000", "9999999"))).containsExactly(Map.entry("2401000", "机械制造241班"));
    SignInService.Outcome signedIn = signIn.resolve("20240100001", SignInPath.DEV);
    assertThat(((SignInService.Outcome.SignedIn) signedIn).user().classCode()).isEqualTo("2401000");
  }

  // --- audit log (platform.audit): entries written in the change's transaction, append-only in the database ---

  @Inject AuditTrail auditTrail;
  @Resource UserTransaction userTransaction;

  private long auditRows(String where, Object arg) throws Exception {
    try (Connection c = dataSource.getConnection();
        java.sql.PreparedStatement ps = c.prepareStatement("select count(*) from audit_entry where " + where)) {
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
        imports.preview(ImportKind.PEOPLE, "audit-people.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "10857");
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
        assertThat(rs.getString(7)).contains("\"status\":\"APPLIED\"", "\"kind\":\"PEOPLE\"", "\"created\":1");
      }
    }

    String bad =
        "account,name,kind,gender,mobile,email,dept_code,class_code,position,roles\n"
            + "T900302,坏手机,staff,1,12345,,01,,教师,teacher\n";
    ImportPreview refused =
        imports.preview(ImportKind.PEOPLE, "audit-bad.csv", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8), "10857");
    assertThat(refused.batchId()).isNotNull();
    assertThat(imports.apply(refused.batchId(), admin).applied()).isFalse();
    assertThat(auditRows("object_type = 'import_batch' and object_id = ?", String.valueOf(refused.batchId())))
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
    assertThat(timetables.apply(preview.batchId(), new AuditActor("10857", "孟勇兰", "WECOM")).applied()).isTrue();

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
        assertThat(rs.getString(4)).contains("\"status\":\"APPLIED\"", "\"kind\":\"TERM\"", "\"file\":\"term.csv\"");
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
                    AuditActor.system("it"), "TEST_CHANGE", AuditObject.of("test", 1, label), AuditDiff.NONE))
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
              () -> c.createStatement().executeUpdate("update audit_entry set actor_account = 'mallory'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> c.createStatement().executeUpdate("delete from audit_entry"))
          .hasMessageContaining("append-only");
    }
    assertThat(auditRows("actor_account = ?", "mallory")).isZero();
    assertThat(auditRows("object_label = ?", "append-only")).isEqualTo(1);
  }

  // --- end of audit log ---

  // --- WeCom outbox sender (wecom.outbox): the worker against the stand-in over HTTP; several workers in one server
  // stand in for several servers (the claim goes through the database either way). The background worker runs too
  // and competes for the same rows, which the assertions allow for. ---

  @Inject cn.edu.ntvu.workbench.wecom.outbox.WeComOutbox outbox;
  @Inject cn.edu.ntvu.workbench.wecom.outbox.OutboxSender outboxSender;
  @Inject cn.edu.ntvu.workbench.wecom.outbox.OutboxAdmin outboxAdmin;

  @Test
  void theOutboxRidesOutAWeComOutageAndDeliversEveryMessageExactlyOnce() throws Exception {
    String run = "outage-" + System.nanoTime();
    List<String> users = outboxRecipients(0, 20);
    List<cn.edu.ntvu.workbench.wecom.outbox.OutgoingMessage> messages = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      messages.add(textMessage(run + ":" + i, users.get(i), run + " 第" + i + "条", run));
    }
    // WeCom down: first a proxy answering 503 for 3 s, then -1 系统繁忙 for the next 5 calls; then it recovers.
    standIn().failFor("/cgi-bin/message/send", 0, 503, 3_000);
    enqueue(messages);
    assertThat(enqueue(messages.subList(0, 1))).as("the same key is not queued twice").isZero();

    outboxSender.runOnce("it-outage");
    awaitNoClaims(run);
    List<Object[]> afterOutage = outboxRows(run);
    assertThat(afterOutage).allSatisfy(r -> assertThat(r[1]).isNotEqualTo("FAILED"));
    assertThat(afterOutage).anySatisfy(r -> {
      assertThat(r[1]).isEqualTo("PENDING");
      assertThat((Integer) r[2]).isPositive();
      assertThat(String.valueOf(r[3])).contains("503");
    });
    sleep(3_100);
    standIn().failNext("/cgi-bin/message/send", -1, 5, 0);
    drainOutbox(run, 120);

    assertThat(outboxRows(run)).hasSize(20).allSatisfy(r -> {
      assertThat(r[1]).isEqualTo("SENT");
      assertThat(r[4]).as("msgid kept").isNotNull();
    });
    assertThat(outboxRows(run)).anySatisfy(r -> assertThat((Integer) r[2]).isGreaterThan(1));
    // What WeCom received: one delivery per message, nothing a second time (not even as a suppressed duplicate).
    List<String[]> received = standInReceived(run);
    assertThat(received).hasSize(20).allSatisfy(r -> assertThat(r[1]).isEqualTo("DELIVERED"));
    assertThat(received.stream().map(r -> r[0]).distinct().count()).isEqualTo(20);
  }

  @Test
  void twoServersClaimingAtOnceSendEachMessageOnce() throws Exception {
    String run = "two-" + System.nanoTime();
    List<String> users = outboxRecipients(20, 100);
    List<cn.edu.ntvu.workbench.wecom.outbox.OutgoingMessage> messages = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      messages.add(textMessage(run + ":" + i, users.get(i % users.size()), run + " #" + i, run));
    }
    enqueue(messages);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Integer>> claims = new ArrayList<>();
    for (String server : List.of("server-a", "server-b")) {
      claims.add(pool.submit(() -> {
        int claimed = 0;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && countOutbox(run, "PENDING") > 0) {
          claimed += outboxSender.runOnce(server).claimed();
        }
        return claimed;
      }));
    }
    int a = claims.get(0).get();
    int b = claims.get(1).get();
    pool.shutdown();
    assertThat(a).as("server a claimed some").isPositive();
    assertThat(b).as("server b claimed some").isPositive();
    assertThat(a + b).isLessThanOrEqualTo(300);
    assertThat(countOutbox(run, "SENT")).isEqualTo(300);
    List<String[]> received = standInReceived(run);
    assertThat(received).hasSize(300).allSatisfy(r -> assertThat(r[1]).isEqualTo("DELIVERED"));
    assertThat(received.stream().map(r -> r[0]).distinct().count()).isEqualTo(300);
  }

  @Test
  void aMessageToSomeoneAtThePerMinuteLimitIsDeferredNotDroppedAndGoesOutLater() throws Exception {
    String run = "limit-" + System.nanoTime();
    String user = outboxRecipients(120, 1).get(0);
    List<cn.edu.ntvu.workbench.wecom.outbox.OutgoingMessage> messages = new ArrayList<>();
    for (int i = 0; i < 33; i++) {
      messages.add(textMessage(run + ":" + i, user, run + " 提醒" + i, run));
    }
    enqueue(messages);
    for (int i = 0; i < 10; i++) {
      outboxSender.runOnce("it-limit");
    }
    awaitNoClaims(run);
    assertThat(countOutbox(run, "SENT")).isEqualTo(30);
    List<Object[]> held = outboxRows(run).stream().filter(r -> "PENDING".equals(r[1])).toList();
    assertThat(held).hasSize(3).allSatisfy(r -> {
      assertThat((Integer) r[2]).as("a deferral is not an attempt").isZero();
      assertThat((Integer) r[5]).isPositive();
      assertThat(((java.sql.Timestamp) r[6]).toLocalDateTime())
          .isAfter(java.time.LocalDateTime.now(schoolClock).plusSeconds(30));
    });
    List<String[]> received = standInReceived(run);
    assertThat(received).hasSize(30).allSatisfy(r -> assertThat(r[1]).isEqualTo("DELIVERED"));

    // A minute passes (for our log, the stand-in's and the deferred rows alike): the rest go out, none dropped.
    standIn().ageMessages(user.toLowerCase(java.util.Locale.ROOT), 61);
    try (Connection c = dataSource.getConnection()) {
      try (var st = c.prepareStatement(
          "UPDATE wecom_recipient_send SET sent_at = sent_at - INTERVAL 61 SECOND WHERE userid = ?")) {
        st.setString(1, user.toLowerCase(java.util.Locale.ROOT));
        st.executeUpdate();
      }
      try (var st = c.prepareStatement(
          "UPDATE wecom_outbox SET next_attempt_at = ? WHERE topic = ? AND status = 'PENDING'")) {
        st.setTimestamp(1, java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(schoolClock)));
        st.setString(2, run);
        st.executeUpdate();
      }
    }
    drainOutbox(run, 60);
    assertThat(countOutbox(run, "SENT")).isEqualTo(33);
    assertThat(standInReceived(run)).hasSize(33).allSatisfy(r -> assertThat(r[1]).isEqualTo("DELIVERED"));
  }

  @Test
  void cardsKeepTheirResponseCodeAndPermanentErrorsFailWithTheReasonUntilAnAdminRetries() throws Exception {
    String run = "card-" + System.nanoTime();
    String approver = outboxRecipients(121, 1).get(0);
    String card = "{\"msgtype\":\"template_card\",\"template_card\":{\"card_type\":\"button_interaction\","
        + "\"main_title\":{\"title\":\"" + run + "\"},\"task_id\":\"" + run + "\",\"button_list\":["
        + "{\"text\":\"同意\",\"style\":1,\"key\":\"approve:" + run + "\"}]}}";
    enqueue(List.of(
        cn.edu.ntvu.workbench.wecom.outbox.OutgoingMessage.send(run + ":card", List.of(approver), card, run),
        textMessage(run + ":ghost", "ghost" + System.nanoTime(), run + " nobody", run)));
    drainOutbox(run, 60);
    String responseCode = outboxColumn(run + ":card", "response_code");
    assertThat(outboxColumn(run + ":card", "status")).isEqualTo("SENT");
    assertThat(responseCode).isNotBlank();
    assertThat(outboxColumn(run + ":ghost", "status")).isEqualTo("FAILED");
    assertThat(outboxColumn(run + ":ghost", "last_errcode")).isEqualTo("81013");
    assertThat(outboxColumn(run + ":ghost", "attempts")).as("a permanent error is not retried").isEqualTo("1");

    String update = "{\"response_code\":\"" + responseCode + "\",\"button\":{\"replace_name\":\"已同意\"}}";
    enqueue(List.of(
        new cn.edu.ntvu.workbench.wecom.outbox.OutgoingMessage(run + ":update",
            cn.edu.ntvu.workbench.wecom.outbox.OutgoingMessage.Kind.UPDATE_TEMPLATE_CARD, List.of(approver), update,
            run),
        new cn.edu.ntvu.workbench.wecom.outbox.OutgoingMessage(run + ":update-again",
            cn.edu.ntvu.workbench.wecom.outbox.OutgoingMessage.Kind.UPDATE_TEMPLATE_CARD, List.of(approver), update,
            run + ":again")));
    drainOutbox(run, 60);
    drainOutbox(run + ":again", 60);
    // The response_code is good for one update: whichever update came second failed with 40058, not retried.
    List<String> updates = List.of(outboxColumn(run + ":update", "status"),
        outboxColumn(run + ":update-again", "status"));
    assertThat(updates).containsExactlyInAnyOrder("SENT", "FAILED");

    // An admin retries the 81013 message: back to PENDING, recorded in the audit log; a second retry does nothing.
    long id = Long.parseLong(outboxColumn(run + ":ghost", "id"));
    AuditActor admin = new AuditActor("10857", "孟勇兰", "DEV");
    assertThat(outboxAdmin.retry(id, admin)).isTrue();
    assertThat(outboxColumn(run + ":ghost", "status")).isEqualTo("PENDING");
    assertThat(outboxColumn(run + ":ghost", "attempts")).isEqualTo("0");
    assertThat(auditRows("object_type = 'wecom_outbox' AND object_id = ?", String.valueOf(id))).isEqualTo(1);
    assertThat(outboxAdmin.retry(id, admin)).isFalse();
    assertThat(auditRows("object_type = 'wecom_outbox' AND object_id = ?", String.valueOf(id))).isEqualTo(1);
  }

  @Test
  void sentMessagesOlderThanTheKeepingTimeAreRemovedAndNothingElse() throws Exception {
    String run = "purge-" + System.nanoTime();
    java.time.LocalDateTime now = java.time.LocalDateTime.now(schoolClock);
    try (Connection c = dataSource.getConnection();
        var st = c.prepareStatement("INSERT INTO wecom_outbox (message_key, kind, to_users, body, topic, status,"
            + " attempts, created_at, next_attempt_at, sent_at) VALUES (?, 'SEND', '10001', '{}', ?, ?, 1, ?, ?, ?)")) {
      Object[][] rows = {
        {"old-sent", "SENT", now.minusDays(31)},
        {"recent-sent", "SENT", now.minusDays(29)},
        {"old-failed", "FAILED", now.minusDays(31)},
        {"old-pending", "PENDING", now.minusDays(31)},
      };
      for (Object[] r : rows) {
        java.time.LocalDateTime at = (java.time.LocalDateTime) r[2];
        st.setString(1, run + ":" + r[0]);
        st.setString(2, run);
        st.setString(3, (String) r[1]);
        st.setTimestamp(4, java.sql.Timestamp.valueOf(at));
        st.setTimestamp(5, java.sql.Timestamp.valueOf(at));
        st.setTimestamp(6, "SENT".equals(r[1]) ? java.sql.Timestamp.valueOf(at.plusSeconds(2)) : null);
        st.executeUpdate();
      }
    }
    assertThat(outboxSender.purgeSent()).isPositive();
    assertThat(outboxRows(run).stream().map(r -> (String) r[0]).toList())
        .containsExactlyInAnyOrder(run + ":recent-sent", run + ":old-failed", run + ":old-pending");
  }

  @Test
  void aCrashedServersLeaseRunsOutAndAnotherServerSendsItsMessagesOnce() throws Exception {
    String run = "lease-" + System.nanoTime();
    List<String> users = outboxRecipients(130, 2);
    enqueue(List.of(textMessage(run + ":dead", users.get(0), run + " 甲", run),
        textMessage(run + ":busy", users.get(1), run + " 乙", run + ":busy")));
    java.time.LocalDateTime now = java.time.LocalDateTime.now(schoolClock);
    try (Connection c = dataSource.getConnection();
        var st = c.prepareStatement("UPDATE wecom_outbox SET claimed_by = 'dead-server', claim_token = ?,"
            + " lease_until = ?, next_attempt_at = ?, attempts = 1 WHERE message_key = ?")) {
      // One claimed by a server that died 10 s after its lease ended; one by a live server, lease running.
      st.setString(1, "dead-token");
      st.setTimestamp(2, java.sql.Timestamp.valueOf(now.minusSeconds(10)));
      st.setTimestamp(3, java.sql.Timestamp.valueOf(now.minusSeconds(10)));
      st.setString(4, run + ":dead");
      st.executeUpdate();
      st.setString(1, "live-token");
      st.setTimestamp(2, java.sql.Timestamp.valueOf(now.plusMinutes(2)));
      st.setTimestamp(3, java.sql.Timestamp.valueOf(now.plusMinutes(2)));
      st.setString(4, run + ":busy");
      st.executeUpdate();
    }
    drainOutbox(run, 60);
    assertThat(outboxColumn(run + ":dead", "status")).isEqualTo("SENT");
    assertThat(outboxColumn(run + ":dead", "attempts")).isEqualTo("2");
    assertThat(standInReceived(run + " 甲")).hasSize(1);
    // The live claim is left alone: nobody else sends it while its lease runs.
    for (int i = 0; i < 3; i++) {
      outboxSender.runOnce("it-lease");
    }
    assertThat(outboxColumn(run + ":busy", "status")).isEqualTo("PENDING");
    assertThat(outboxColumn(run + ":busy", "claim_token")).isEqualTo("live-token");
    assertThat(standInReceived(run + " 乙")).isEmpty();
  }

  @Inject java.time.Clock schoolClock;

  /** Demo staff accounts nobody else's test writes to (10300…10799), a slice per test. */
  private List<String> outboxRecipients(int offset, int count) throws Exception {
    List<String> accounts = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        var st = c.prepareStatement("SELECT account FROM person WHERE account BETWEEN '10300' AND '10799'"
            + " ORDER BY account LIMIT ? OFFSET ?")) {
      st.setInt(1, count);
      st.setInt(2, offset);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          accounts.add(rs.getString(1));
        }
      }
    }
    assertThat(accounts).hasSize(count);
    return accounts;
  }

  private static cn.edu.ntvu.workbench.wecom.outbox.OutgoingMessage textMessage(String key, String user,
      String text, String topic) {
    return cn.edu.ntvu.workbench.wecom.outbox.OutgoingMessage.send(key, List.of(user),
        "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + text + "\"}}", topic);
  }

  private int enqueue(List<cn.edu.ntvu.workbench.wecom.outbox.OutgoingMessage> messages) throws Exception {
    userTransaction.begin();
    int queued = 0;
    for (var m : messages) {
      queued += outbox.enqueue(m) ? 1 : 0;
    }
    userTransaction.commit();
    return queued;
  }

  /** Runs the sender until no message of the topic is PENDING; back-off waits are skipped (time "passes"). */
  private void drainOutbox(String topic, int seconds) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
    while (countOutbox(topic, "PENDING") > 0) {
      assertThat(System.nanoTime()).as("outbox drained within " + seconds + " s").isLessThan(deadline);
      outboxSender.runOnce("it-drain");
      try (Connection c = dataSource.getConnection();
          var st = c.prepareStatement("UPDATE wecom_outbox SET next_attempt_at = ? WHERE topic = ?"
              + " AND status = 'PENDING' AND claim_token IS NULL AND attempts > 0")) {
        st.setTimestamp(1, java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(schoolClock)));
        st.setString(2, topic);
        st.executeUpdate();
      }
      sleep(50);
    }
  }

  /** Waits until no worker (the background one included) holds a claim on the topic's messages. */
  private void awaitNoClaims(String topic) throws Exception {
    for (int i = 0; i < 400; i++) {
      try (Connection c = dataSource.getConnection();
          var st = c.prepareStatement("SELECT COUNT(*) FROM wecom_outbox WHERE topic = ? AND claim_token IS NOT NULL")) {
        st.setString(1, topic);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          if (rs.getInt(1) == 0) {
            return;
          }
        }
      }
      sleep(50);
    }
    throw new AssertionError("messages of " + topic + " stayed claimed");
  }

  private int countOutbox(String topic, String status) throws Exception {
    try (Connection c = dataSource.getConnection();
        var st = c.prepareStatement("SELECT COUNT(*) FROM wecom_outbox WHERE topic = ? AND status = ?")) {
      st.setString(1, topic);
      st.setString(2, status);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** message_key, status, attempts, last_error, wecom_msgid, deferrals, next_attempt_at of a topic's messages. */
  private List<Object[]> outboxRows(String topic) throws Exception {
    List<Object[]> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        var st = c.prepareStatement("SELECT message_key, status, attempts, last_error, wecom_msgid, deferrals,"
            + " next_attempt_at FROM wecom_outbox WHERE topic = ? ORDER BY id")) {
      st.setString(1, topic);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
              rs.getInt(6), rs.getTimestamp(7)});
        }
      }
    }
    return rows;
  }

  private String outboxColumn(String key, String column) throws Exception {
    try (Connection c = dataSource.getConnection();
        var st = c.prepareStatement("SELECT " + column + " FROM wecom_outbox WHERE message_key = ?")) {
      st.setString(1, key);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).as(key).isTrue();
        return rs.getString(1);
      }
    }
  }

  /** content and outcome of every message the stand-in received (message/send) whose body mentions {@code run}. */
  private List<String[]> standInReceived(String run) {
    return standIn().messagesContaining(run).stream().filter(m -> "SEND".equals(m.api()))
        .map(m -> new String[] {m.body(), m.outcome()}).toList();
  }

  // --- end of WeCom outbox sender ---

  // --- 学生请假 (leave): the card button decision the WeCom callback calls, and the overdue job ---

  @Inject cn.edu.ntvu.workbench.leave.application.LeaveSubmissions leaveSubmissions;
  @Inject cn.edu.ntvu.workbench.leave.application.LeaveDecisions leaveDecisions;
  @Inject cn.edu.ntvu.workbench.leave.application.LeaveReturns leaveReturns;

  /** Submits a personal leave for {@code student} (demo class 2401000: counsellor 10001) and returns its id. */
  private long submitLeave(String student, java.time.LocalDateTime start, java.time.LocalDateTime end) {
    var user = ((SignInService.Outcome.SignedIn) signIn.resolve(student, SignInPath.DEV)).user();
    var form = new cn.edu.ntvu.workbench.leave.domain.LeaveForm("PERSONAL", start, end, "事由 " + System.nanoTime(),
        false, null, null, 0);
    var result = leaveSubmissions.submit(user, form, List.of(), java.util.UUID.randomUUID().toString());
    assertThat(result.problems()).isEmpty();
    assertThat(result.created()).isTrue();
    return result.requestId();
  }

  private long leaveRows(String sql, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void leaveCardButtonDecidesOnlyForAnApproverOfTheOpenStepAndOnlyOnce() throws Exception {
    var tomorrow = java.time.LocalDate.now(schoolClock).plusDays(1);
    long id = submitLeave("20240100007", tomorrow.atTime(8, 0), tomorrow.atTime(11, 0));
    String task = cn.edu.ntvu.workbench.leave.domain.CardAction.taskId(id, 1);
    String approve = cn.edu.ntvu.workbench.leave.domain.CardAction.approveKey(id, 1);
    assertThat(leaveRows("select count(*) from wecom_outbox where message_key = ? and to_users = '10001'"
        + " and body like ?", "leave:" + id + ":step:1:open", "%" + approve + "%")).isEqualTo(1);

    assertThat(leaveDecisions.decideFromCard("10002", task, approve).kind().name()).isEqualTo("NOT_YOUR_STEP");
    assertThat(leaveDecisions.decideFromCard("20240100007", task, approve).kind().name()).isEqualTo("NOT_YOUR_STEP");
    assertThat(leaveDecisions.decideFromCard("nobody", task, approve).kind().name()).isEqualTo("NOT_YOUR_STEP");
    // A forged request id in the key, a key that does not match the task, an unknown request.
    assertThat(leaveDecisions.decideFromCard("10001", task, "approve:" + (id + 1) + ":1").kind().name())
        .isEqualTo("UNKNOWN");
    assertThat(leaveDecisions.decideFromCard("10001", "leave-99999999-1", "approve:99999999:1").kind().name())
        .isEqualTo("UNKNOWN");
    assertThat(leaveRows("select count(*) from leave_event where request_id = ? and action in ('APPROVED',"
        + " 'REJECTED')", id)).isZero();

    var decided = leaveDecisions.decideFromCard("10001", task, approve);
    assertThat(decided.kind().name()).isEqualTo("DECIDED");
    // WeCom's retry of the same click, and a late 驳回 on the same card: answered, nothing applied twice.
    var replay = leaveDecisions.decideFromCard("10001", task, approve);
    assertThat(replay.kind().name()).isEqualTo("ALREADY_DECIDED");
    assertThat(replay.decidedByName()).isEqualTo("毛敏");
    assertThat(leaveDecisions.decideFromCard("10001", task,
        cn.edu.ntvu.workbench.leave.domain.CardAction.rejectKey(id, 1)).kind().name()).isEqualTo("ALREADY_DECIDED");

    assertThat(leaveRows("select count(*) from leave_request where id = ? and status = 'APPROVED'", id)).isEqualTo(1);
    assertThat(leaveRows("select count(*) from leave_event where request_id = ? and action = 'APPROVED'"
        + " and via = 'CARD_BUTTON' and actor_account = '10001'", id)).isEqualTo(1);
    assertThat(leaveRows("select count(*) from leave_step where request_id = ? and decided_via = 'CARD_BUTTON'", id))
        .isEqualTo(1);
    assertThat(leaveRows("select count(*) from wecom_outbox where message_key = ? and to_users = '20240100007'",
        "leave:" + id + ":step:1:decided")).isEqualTo(1);
    assertThat(leaveRows("select count(*) from audit_entry where object_type = 'leave_request' and object_id = ?"
        + " and action = 'LEAVE_APPROVE'", String.valueOf(id))).isEqualTo(1);
    // The only approver clicked: their own card is updated by the click's code, so no other card needs settling.
    assertThat(leaveRows("select count(*) from wecom_outbox where message_key = ?", "leave:" + id + ":step:1:card-settled"))
        .isZero();
  }

  @Test
  void leaveClicksReplayedConcurrentlyDecideExactlyOnce() throws Exception {
    var day = java.time.LocalDate.now(schoolClock).plusDays(2);
    long id = submitLeave("20240100008", day.atTime(8, 0), day.atTime(11, 0));
    String task = cn.edu.ntvu.workbench.leave.domain.CardAction.taskId(id, 1);
    String approve = cn.edu.ntvu.workbench.leave.domain.CardAction.approveKey(id, 1);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<Future<String>> clicks = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        clicks.add(pool.submit(() -> {
          go.await();
          return leaveDecisions.decideFromCard("10001", task, approve).kind().name();
        }));
      }
      go.countDown();
      List<String> kinds = new ArrayList<>();
      for (Future<String> f : clicks) {
        kinds.add(f.get());
      }
      assertThat(kinds).containsOnlyOnce("DECIDED");
      assertThat(kinds.stream().filter("ALREADY_DECIDED"::equals).count()).isEqualTo(5);
    } finally {
      pool.shutdown();
    }
    assertThat(leaveRows("select count(*) from leave_event where request_id = ? and action = 'APPROVED'", id))
        .isEqualTo(1);
  }

  @Test
  void leaveOverdueIsFlaggedAndRemindedOnceAndTheJobRunsOncePerPeriod() throws Exception {
    // Half a day two days ago (one step: the counsellor), approved, never reported back.
    var twoDaysAgo = java.time.LocalDate.now(schoolClock).minusDays(2);
    long id = submitLeave("20240100009", twoDaysAgo.atTime(8, 0), twoDaysAgo.atTime(11, 0));
    var counsellor = new cn.edu.ntvu.workbench.leave.application.LeaveActor("10001", "毛敏", "DEV");
    assertThat(leaveDecisions.decide(id, 1, true, null, counsellor,
        cn.edu.ntvu.workbench.leave.domain.DecisionVia.PAGE).decided()).isTrue();

    // (The 5-minute schedule may have flagged it a moment before this run: either way it is flagged once.)
    leaveReturns.flagOverdue(java.time.Duration.ZERO);
    // Another server's run a moment later finds the job already run; a later run finds nothing new.
    assertThat(leaveReturns.flagOverdue(java.time.Duration.ofMinutes(5))).isZero();
    assertThat(leaveReturns.flagOverdue(java.time.Duration.ZERO)).isZero();
    assertThat(leaveRows("select count(*) from leave_request where id = ? and overdue_at is not null", id))
        .isEqualTo(1);
    assertThat(leaveRows("select count(*) from leave_event where request_id = ? and action = 'OVERDUE'"
        + " and via = 'AUTOMATIC'", id)).isEqualTo(1);
    assertThat(leaveRows("select count(*) from wecom_outbox where message_key = ? and to_users = '20240100009|10001'",
        "leave:" + id + ":overdue")).isEqualTo(1);

    // 销假 afterwards; the counsellor confirms; another counsellor may not.
    var student = new cn.edu.ntvu.workbench.leave.application.LeaveActor("20240100009", "", "DEV");
    assertThat(leaveReturns.reportBack(id, student)).isTrue();
    assertThat(leaveReturns.reportBack(id, student)).isFalse();
    assertThat(leaveReturns.confirmReturn(id,
        new cn.edu.ntvu.workbench.leave.application.LeaveActor("10002", "", "DEV"))).isFalse();
    assertThat(leaveReturns.confirmReturn(id, counsellor)).isTrue();
    assertThat(leaveRows("select count(*) from leave_request where id = ? and return_confirmed_by = '10001'", id))
        .isEqualTo(1);
  }

  @Test
  void leaveEventsAreAppendOnly() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      assertThatThrownBy(() -> c.createStatement().executeUpdate("update leave_event set actor_account = 'mallory'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> c.createStatement().executeUpdate("delete from leave_event"))
          .hasMessageContaining("append-only");
    }
  }


  @Test
  void aCardClickThroughTheCallbackEndpointDecidesAndUpdatesTheClickersCard() throws Exception {
    java.time.LocalDateTime start = java.time.LocalDateTime.now(schoolClock).plusDays(9).withHour(8).withMinute(0);
    long id = submitLeave("20240100031", start, start.plusHours(4));
    String task = cn.edu.ntvu.workbench.leave.domain.CardAction.taskId(id, 1);
    String approve = cn.edu.ntvu.workbench.leave.domain.CardAction.approveKey(id, 1);
    long now = java.time.Instant.now().getEpochSecond();

    // WeCom posts the click (encrypted, signed) to /wecom/callback, as the counsellor of the student's class.
    assertThat(standIn().cardClick("10001", approve, task, now).getInt("status")).isEqualTo(200);
    assertThat(leaveRows("SELECT COUNT(*) FROM leave_request WHERE id = ? AND status = 'APPROVED'", id))
        .as("a one-step leave is approved by the counsellor's click").isEqualTo(1);
    assertThat(leaveRows("SELECT COUNT(*) FROM wecom_outbox WHERE topic = ? AND kind = 'UPDATE_TEMPLATE_CARD'"
        + " AND to_users = '10001' AND body LIKE '%已同意%'", "leave:" + id)).isEqualTo(1);

    // A second click (WeCom sends a new message for it): nothing is decided twice; the card says it is done.
    assertThat(standIn().cardClick("10001", approve, task, now + 1).getInt("status")).isEqualTo(200);
    assertThat(leaveRows("SELECT COUNT(*) FROM wecom_outbox WHERE topic = ? AND kind = 'UPDATE_TEMPLATE_CARD'"
        + " AND body LIKE '%已由%处理%'", "leave:" + id)).isEqualTo(1);
    // Someone who is not an approver of the step changes nothing.
    standIn().cardClick("10002", cn.edu.ntvu.workbench.leave.domain.CardAction.rejectKey(id, 1), task, now + 2);
    assertThat(leaveRows("SELECT COUNT(*) FROM leave_request WHERE id = ? AND status = 'APPROVED'", id)).isEqualTo(1);
  }

  // --- end of leave ---

  // --- the WeCom callback (wecom.callback): what it hands to the micro-apps, seen by a micro-app of this deployment
  // (CallbackRecorder); WeCom's servers are the stand-in, posting encrypted and signed to the callback URL ---

  @Inject CallbackRecorder recorder;
  @Inject cn.edu.ntvu.workbench.wecom.callback.infrastructure.WeComCallbackSettings callbackSettings;

  /** The stand-in posts {@code plainXml} to our callback as WeCom would; what the callback answered. */
  private jakarta.json.JsonObject weComPosts(String plainXml) {
    return standIn().post("/_callback", jakarta.json.Json.createObjectBuilder().add("xml", plainXml).build()
        .toString());
  }

  private static String textMessage(String from, String content, String msgId) {
    return "<xml><ToUserName><![CDATA[" + AppSettings.DEV_CORP_ID + "]]></ToUserName><FromUserName><![CDATA[" + from
        + "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]>"
        + "</MsgType><Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId><AgentID>"
        + AppSettings.DEV_AGENT_ID + "</AgentID></xml>";
  }

  private static String cardClick(String from, String eventKey) {
    return "<xml><ToUserName><![CDATA[" + AppSettings.DEV_CORP_ID + "]]></ToUserName><FromUserName><![CDATA[" + from
        + "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[event]]>"
        + "</MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[" + eventKey + "]]></EventKey>"
        + "<TaskId><![CDATA[leave-0]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode>"
        + "<![CDATA[rc-" + from + "]]></ResponseCode><AgentID>" + AppSettings.DEV_AGENT_ID + "</AgentID></xml>";
  }

  @Test
  void aCallbackMessageIsHandedToTheMicroAppsOnceWithItsFields() {
    String from = "cbin" + System.nanoTime() % 1_000_000;
    String msgId = "7001" + System.nanoTime();
    String xml = textMessage(from, "你好", msgId);
    assertThat(weComPosts(xml).getInt("status")).isEqualTo(200);
    // WeCom's retry is the same message again, sealed anew (signature, nonce).
    var retry = weComPosts(xml);
    assertThat(retry.getInt("status")).isEqualTo(200);
    assertThat(retry.getString("body")).isEmpty();
    assertThat(recorder.from(from)).singleElement().satisfies(m -> {
      assertThat(m.msgType()).isEqualTo("text");
      assertThat(m.msgId()).isEqualTo(msgId);
      assertThat(m.agentId()).isEqualTo(AppSettings.DEV_AGENT_ID);
      assertThat(m.fields()).containsEntry("Content", "你好");
    });
  }

  @Test
  void aFailingHandlerRollsTheReceiptBackAndWeComsRetryIsHandled() throws Exception {
    String from = "cbfail" + System.nanoTime() % 1_000_000;
    String click = cardClick(from, "reject:78");
    recorder.failNext(1);
    var failed = weComPosts(click);
    assertThat(failed.getInt("status")).isEqualTo(503);
    assertThat(failed.getString("body")).contains("retry").doesNotContain("Exception");
    assertThat(leaveRows("SELECT COUNT(*) FROM wecom_callback_received WHERE from_user = ?", from)).isZero();
    assertThat(weComPosts(click).getInt("status")).isEqualTo(200);
    assertThat(weComPosts(click).getInt("status")).isEqualTo(200);
    assertThat(recorder.from(from)).hasSize(1);
    assertThat(leaveRows("SELECT COUNT(*) FROM wecom_callback_received WHERE from_user = ?", from)).isEqualTo(1);
  }

  @Test
  void aPassiveReplyIsEncryptedAndSignedForWeCom() {
    String from = "cbreply" + System.nanoTime() % 1_000_000;
    String update = "<xml><ToUserName><![CDATA[" + from + "]]></ToUserName><MsgType><![CDATA[update_button]]>"
        + "</MsgType><Button><ReplaceName><![CDATA[已同意]]></ReplaceName></Button></xml>";
    recorder.replyNext(update);
    var answer = weComPosts(cardClick(from, "approve:80"));
    assertThat(answer.getInt("status")).isEqualTo(200);
    var fields = cn.edu.ntvu.workbench.wecom.callback.domain.CallbackXml.fields(answer.getString("body"));
    assertThat(callbackSettings.crypto().orElseThrow().verifyAndDecrypt(
            fields.get("MsgSignature"), fields.get("TimeStamp"), fields.get("Nonce"), fields.get("Encrypt")))
        .isEqualTo(update);
  }

  // --- end of the WeCom callback ---

  // --- contacts sync (issue 6): the real client against the stand-in's contacts store over HTTP ---

  @Inject cn.edu.ntvu.workbench.wecom.contacts.application.ContactsSync contactsSync;
  @Inject cn.edu.ntvu.workbench.wecom.contacts.infrastructure.SyncStore syncStore;
  @Inject cn.edu.ntvu.workbench.wecom.contacts.infrastructure.WeComContactsProvider contactsApi;

  private static final cn.edu.ntvu.workbench.platform.audit.AuditActor CONTACTS_ADMIN =
      new cn.edu.ntvu.workbench.platform.audit.AuditActor("10857", "管理员", "DEV");

  /** Empty WeCom contacts and no memory of earlier pushes, as before a school's first sync. */
  private void freshContacts() throws Exception {
    standIn().resetContacts();
    standIn().reset();
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().executeUpdate("UPDATE contacts_sync_run SET status = 'DONE' WHERE status <> 'DONE'");
      c.createStatement().executeUpdate("DELETE FROM wecom_contact");
      c.createStatement().executeUpdate("DELETE FROM wecom_department_map");
    }
  }

  /** Works the run (this server, or the background runner) until it is DONE. */
  private cn.edu.ntvu.workbench.wecom.contacts.application.SyncRun awaitRun(long runId) {
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      contactsSync.work("it-contacts");
      var run = syncStore.run(runId).orElseThrow();
      if ("DONE".equals(run.status())) {
        return run;
      }
      sleep(200);
    }
    throw new AssertionError("run " + runId + " did not finish: " + syncStore.run(runId));
  }

  private long contactsRows(String sql, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Adds people to the directory under a test department: each {account, name, mobile}. */
  private String contactsPeople(String[]... people) throws Exception {
    String dept = "itc" + (System.nanoTime() % 1_000_000_000L);
    try (Connection c = dataSource.getConnection()) {
      var d = c.prepareStatement("INSERT INTO department (code, name, parent_id) SELECT ?, ?, id FROM department"
          + " WHERE code = '000'");
      d.setString(1, dept);
      d.setString(2, "测试部门" + dept);
      d.executeUpdate();
      for (String[] p : people) {
        var s = c.prepareStatement("INSERT INTO person (account, name, kind, mobile, department_id, status)"
            + " SELECT ?, ?, 'STAFF', ?, id, 'ACTIVE' FROM department WHERE code = ?");
        s.setString(1, p[0]);
        s.setString(2, p[1]);
        s.setString(3, p[2]);
        s.setString(4, dept);
        s.executeUpdate();
      }
    }
    return dept;
  }

  private static String itMobile(int n) {
    return String.format("199%08d", n);
  }

  @Test
  void contactsIncrementalSyncPushesTheDirectoryWithConflictsLeftOutAndASecondDryRunFindsNothing() throws Exception {
    freshContacts();
    String tag = String.valueOf(System.nanoTime() % 100_000);
    contactsPeople(new String[] {"itcdup1" + tag, "重号甲", itMobile(1)},
        new String[] {"itcdup2" + tag, "重号乙", itMobile(1)},
        new String[] {"itcbad" + tag, "坏号", "12345"},
        new String[] {"itc.ok" + tag, "正常", itMobile(3)});

    long runId = contactsSync.plan(CONTACTS_ADMIN);
    var planned = syncStore.run(runId).orElseThrow();
    assertThat(planned.status()).isEqualTo("PLANNED");
    assertThat(planned.total()).isGreaterThan(1000);
    assertThat(syncStore.conflicts(runId)).extracting(c -> c.key() + " " + c.kind())
        .contains("itcdup1" + tag + " DUPLICATE_MOBILE", "itcdup2" + tag + " DUPLICATE_MOBILE",
            "itcbad" + tag + " INVALID_MOBILE");
    assertThat(standIn().memberCount()).as("a dry run sends nothing").isZero();
    assertThat(contactsRows("SELECT COUNT(*) FROM audit_entry WHERE action = 'CONTACTS_SYNC_PLAN' AND object_id = ?",
        String.valueOf(runId))).isEqualTo(1);

    assertThat(contactsSync.confirm(runId, CONTACTS_ADMIN)).isTrue();
    assertThat(contactsSync.confirm(runId, CONTACTS_ADMIN)).as("confirmed once").isFalse();
    var done = awaitRun(runId);

    assertThat(done.failed()).isZero();
    assertThat(done.done()).isEqualTo(done.total());
    long members = contactsRows("SELECT COUNT(*) FROM contacts_sync_item WHERE run_id = ? AND target = 'MEMBER'"
        + " AND action = 'CREATE'", runId);
    assertThat(standIn().memberCount()).isEqualTo((int) members);
    assertThat(contactsApi.get().orElseThrow().user("itc.ok" + tag).status())
        .isEqualTo(cn.edu.ntvu.workbench.wecom.contacts.domain.MemberStatus.NOT_ACTIVATED);
    assertThat(syncStore.state("itc.ok" + tag).status())
        .isEqualTo(cn.edu.ntvu.workbench.wecom.contacts.domain.MemberStatus.NOT_ACTIVATED);
    assertThatThrownBy(() -> contactsApi.get().orElseThrow().user("itcdup1" + tag))
        .isInstanceOf(cn.edu.ntvu.workbench.wecom.domain.WeComUserNotFoundException.class);
    assertThat(contactsRows("SELECT COUNT(*) FROM audit_entry WHERE action = 'CONTACTS_SYNC_DONE' AND object_id = ?",
        String.valueOf(runId))).isEqualTo(1);

    assertThat(contactsSync.computePlan().changes()).as("in sync now").isEmpty();

    // The person joins WeCom: change_contact (UserID and Department only) reaches the callback; we ask user/get.
    standIn().setStatus("itc.ok" + tag, 1);
    assertThat(syncStore.state("itc.ok" + tag).status())
        .isEqualTo(cn.edu.ntvu.workbench.wecom.contacts.domain.MemberStatus.ACTIVATED);
    sleep(1_100);
    standIn().setStatus("itc.ok" + tag, 2);
    assertThat(syncStore.state("itc.ok" + tag).status())
        .isEqualTo(cn.edu.ntvu.workbench.wecom.contacts.domain.MemberStatus.DISABLED);
  }

  @Test
  void contactsSyncErrorAnswersRateLimitBusyPermissionAndDataErrors() throws Exception {
    freshContacts();
    awaitRun(confirmedPlan());
    String tag = String.valueOf(System.nanoTime() % 100_000);
    contactsPeople(new String[] {"itce1" + tag, "甲", itMobile(11)}, new String[] {"itce2" + tag, "乙", itMobile(12)},
        new String[] {"itce3" + tag, "丙", itMobile(13)}, new String[] {"itce4" + tag, "丁", itMobile(14)});
    // Someone else in WeCom already has 乙's number: WeCom answers 60104 for that one person only.
    contactsApi.get().orElseThrow().createUser(new cn.edu.ntvu.workbench.wecom.contacts.domain.WeComMember(
        "itcother" + tag, "别人", itMobile(12), List.of(1L), "", true));

    // 45009 on the first user/create: the run pauses for the blocking window, nothing is lost.
    standIn().failNext("/cgi-bin/user/create", 45009, 1, 0);
    long runId = confirmedPlan();
    var paused = awaitNote(runId, "contacts.note.rate-limited");
    assertThat(paused.resumeAt()).isAfter(java.time.LocalDateTime.now(schoolClock).plusSeconds(50));
    assertThat(contactsSync.work("it-contacts")).as("waits the window out").isFalse();

    // The window has passed; WeCom now answers -1 three times (busy after the client's retries): paused again.
    endPause(runId);
    standIn().failNext("/cgi-bin/user/create", -1, 3, 0);
    awaitNote(runId, "contacts.note.unavailable");

    // 48002 (no permission): paused with the errcode shown.
    endPause(runId);
    standIn().failNext("/cgi-bin/user/create", 48002, 1, 0);
    awaitNote(runId, "contacts.note.errcode:48002");

    // 60020 (IP not trusted) likewise; then WeCom recovers and the run ends with one failure: 60104 for 乙.
    endPause(runId);
    standIn().failNext("/cgi-bin/user/create", 60020, 1, 0);
    awaitNote(runId, "contacts.note.errcode:60020");
    endPause(runId);
    var done = awaitRun(runId);

    assertThat(done.total()).as("a department, four people, the stranger deleted").isEqualTo(6);
    assertThat(done.failed()).isEqualTo(1);
    assertThat(syncStore.items(runId, "FAILED", 10)).singleElement().satisfies(i -> {
      assertThat(i.key()).isEqualTo("itce2" + tag);
      assertThat(i.errcode()).isEqualTo(60104);
    });
    assertThat(syncStore.state("itce2" + tag).lastErrcode()).isEqualTo(60104);
    assertThat(contactsRows("SELECT COUNT(*) FROM contacts_sync_item WHERE run_id = ? AND attempts > 1", runId))
        .as("the item WeCom refused for a while was tried again").isEqualTo(1);

    // 60111 on an update (the member was deleted in WeCom after the dry run) becomes a create.
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().executeUpdate("UPDATE person SET name = '甲改' WHERE account = 'itce1" + tag + "'");
    }
    long second = contactsSync.plan(CONTACTS_ADMIN);
    assertThat(syncStore.items(second, null, 10)).extracting(i -> i.action() + " " + i.key())
        .containsExactlyInAnyOrder("UPDATE itce1" + tag, "CREATE itce2" + tag);
    contactsApi.get().orElseThrow().deleteUser("itce1" + tag);
    assertThat(contactsSync.confirm(second, CONTACTS_ADMIN)).isTrue();
    assertThat(awaitRun(second).failed()).isZero();
    assertThat(contactsApi.get().orElseThrow().user("itce1" + tag).member().name()).isEqualTo("甲改");
  }

  @Test
  void contactsSyncInterruptedByACrashIsTakenOverAndMakesNoDuplicates() throws Exception {
    freshContacts();
    awaitRun(confirmedPlan());
    String tag = String.valueOf(System.nanoTime() % 100_000);
    String[][] people = new String[30][];
    for (int i = 0; i < people.length; i++) {
      people[i] = new String[] {"itcr" + i + "x" + tag, "重启" + i, itMobile(100 + i)};
    }
    contactsPeople(people);
    long runId = contactsSync.plan(CONTACTS_ADMIN);
    java.time.LocalDateTime now = java.time.LocalDateTime.now(schoolClock);
    // A server confirmed and claimed the run, sent the first 10 calls, then died before recording any outcome.
    try (Connection c = dataSource.getConnection(); var s = c.prepareStatement("UPDATE contacts_sync_run"
        + " SET status = 'RUNNING', lease_owner = 'crashed', lease_until = ? WHERE id = ?")) {
      s.setTimestamp(1, java.sql.Timestamp.valueOf(now.plusSeconds(120)));
      s.setLong(2, runId);
      s.executeUpdate();
    }
    var api = contactsApi.get().orElseThrow();
    for (var item : syncStore.pending(runId, 10)) {
      if ("DEPARTMENT".equals(item.target())) {
        api.createDepartment(cn.edu.ntvu.workbench.wecom.contacts.application.Payloads.department(item.payload()));
      } else {
        api.createUser(cn.edu.ntvu.workbench.wecom.contacts.application.Payloads.member(item.payload()));
      }
    }
    assertThat(contactsSync.work("it-other", now)).as("the lease is still held").isFalse();

    // The lease runs out: another server takes the run over from the first unrecorded item.
    assertThat(contactsSync.work("it-other", now.plusSeconds(121))).isTrue();
    var done = awaitRun(runId);
    assertThat(done.done()).as("the test department and 30 people").isEqualTo(31);
    assertThat(done.failed()).isZero();
    assertThat(standIn().memberCount()).as("no one twice")
        .isEqualTo((int) contactsRows("SELECT COUNT(*) FROM wecom_contact WHERE in_wecom"));
    Map<String, List<Long>> inWeCom = api.allUserDepartments();
    assertThat(inWeCom.keySet().stream().filter(u -> u.startsWith("itcr")).count()).isEqualTo(30);
    assertThat(contactsSync.computePlan().changes()).isEmpty();
  }

  @Test
  void contactsBatchReplaceHasTheDeletionSafetyStopAndReportsPartialFailure() throws Exception {
    freshContacts();
    var api = contactsApi.get().orElseThrow();
    api.createDepartment(new cn.edu.ntvu.workbench.wecom.contacts.domain.WeComDepartment(2, "院系", 1, 0));
    for (int i = 0; i < 5; i++) {
      api.createUser(new cn.edu.ntvu.workbench.wecom.contacts.domain.WeComMember("itcb" + i, "批" + i,
          itMobile(200 + i), List.of(2L), "", true));
    }
    String header = cn.edu.ntvu.workbench.wecom.contacts.domain.ReplaceFiles.USER_HEADER + "\n";
    // Every member missing from the file: replaceuser would delete 5 of 5 (fewer than 50 and over 80 %): stopped.
    String media = api.uploadFile("users.csv", (header + "新人,itcbnew," + itMobile(299) + ",2,,1\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String job = api.replaceUser(media);
    assertThatThrownBy(() -> awaitJob(api, job))
        .isInstanceOfSatisfying(cn.edu.ntvu.workbench.wecom.domain.WeComApiException.class,
            // The stand-in's errcode for WeCom's deletion safety stop (the notes name none; the app depends on none).
            e -> assertThat(e.errcode()).isEqualTo(60130));
    assertThat(standIn().memberCount()).as("nobody deleted, nobody added").isEqualTo(5);

    // A file with four of them, one bad mobile and one new: 1 deleted (20 %), one line fails, the rest applied.
    StringBuilder csv = new StringBuilder(header);
    for (int i = 0; i < 4; i++) {
      csv.append("批").append(i).append(",itcb").append(i).append(',').append(itMobile(200 + i)).append(",2,,1\n");
    }
    csv.append("坏号,itcbbad,12345,2,,1\n新人,itcbnew,").append(itMobile(299)).append(",2,,1\n");
    String partyMedia = api.uploadFile("party.csv", (cn.edu.ntvu.workbench.wecom.contacts.domain.ReplaceFiles
        .PARTY_HEADER + "\n院系,2,1,0\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(awaitJob(api, api.replaceParty(partyMedia)).failures()).isEmpty();
    var result = awaitJob(api, api.replaceUser(api.uploadFile("users.csv",
        csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    assertThat(result.finished()).isTrue();
    assertThat(result.type()).isEqualTo("replace_user");
    assertThat(result.failures()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo("itcbbad");
      assertThat(f.errcode()).isEqualTo(60103);
    });
    assertThat(api.allUserDepartments().keySet()).containsExactlyInAnyOrder("itcb0", "itcb1", "itcb2", "itcb3",
        "itcbnew");
  }

  @Test
  void contactsApiRefusesAnAgentTokenWith48002() {
    var client = wecom;
    assertThatThrownBy(() -> client.get(client.workbenchAgent(), "/cgi-bin/department/simplelist", Map.of()))
        .isInstanceOfSatisfying(cn.edu.ntvu.workbench.wecom.domain.WeComConfigurationException.class,
            e -> assertThat(e.errcode()).isEqualTo(48002));
  }

  @Test
  void contactsFullReconcileReplacesPartiesThenUsersAndRefusesWhatTheSafetyStopWouldAbort() throws Exception {
    freshContacts();
    var api = contactsApi.get().orElseThrow();
    // WeCom holds only a few strangers: replacing would delete all of them (fewer than 50, over 80 %).
    for (int i = 0; i < 3; i++) {
      api.createUser(new cn.edu.ntvu.workbench.wecom.contacts.domain.WeComMember("itcs" + i, "外人" + i,
          itMobile(400 + i), List.of(1L), "", true));
    }
    assertThatThrownBy(() -> contactsSync.planFull(CONTACTS_ADMIN))
        .isInstanceOfSatisfying(cn.edu.ntvu.workbench.wecom.contacts.application.SafetyStopException.class, e -> {
          assertThat(e.deleting()).isEqualTo(3);
          assertThat(e.members()).isEqualTo(3);
        });
    assertThat(standIn().memberCount()).as("nothing sent").isEqualTo(3);

    // After an incremental run the directory is in WeCom; one stranger remains (and holds a directory person's
    // number, so WeCom refuses that person's line: a partial failure). Replacing deletes 1 of ~1,000: allowed.
    standIn().resetContacts();
    awaitRun(confirmedPlan());
    String tag = String.valueOf(System.nanoTime() % 100_000);
    contactsPeople(new String[] {"itcf" + tag, "全量", itMobile(500)});
    api.createUser(new cn.edu.ntvu.workbench.wecom.contacts.domain.WeComMember("itcstranger" + tag, "外人",
        itMobile(500), List.of(1L), "", true));
    int before = standIn().memberCount();

    long runId = contactsSync.planFull(CONTACTS_ADMIN);
    assertThat(syncStore.run(runId).orElseThrow().kind()).isEqualTo("FULL");
    assertThat(syncStore.items(runId, null, 10)).extracting(i -> i.key()).containsExactly("replaceparty", "replaceuser");
    assertThat(contactsSync.confirm(runId, CONTACTS_ADMIN)).isTrue();
    var done = awaitRun(runId);

    assertThat(syncStore.items(runId, "FAILED", 10)).singleElement().satisfies(f -> {
      assertThat(f.key()).isEqualTo("itcf" + tag);
      assertThat(f.errcode()).isEqualTo(60104);
    });
    assertThat(done.done()).isEqualTo(2);
    assertThat(standIn().memberCount()).as("the stranger deleted, the refused line not added")
        .isEqualTo(before - 1);
    assertThatThrownBy(() -> api.user("itcstranger" + tag))
        .isInstanceOf(cn.edu.ntvu.workbench.wecom.domain.WeComUserNotFoundException.class);
    assertThat(syncStore.state("itcf" + tag).lastErrcode()).isEqualTo(60104);
    // The stranger is gone now, so the incremental sync adds the person the batch refused, and nothing else.
    assertThat(contactsSync.computePlan().changes()).extracting(c -> c.action() + " " + c.key())
        .containsExactly("CREATE itcf" + tag);
  }

  @Test
  void contactsRunWorkedByTwoServersAtOnceSendsEachCallOnce() throws Exception {
    freshContacts();
    awaitRun(confirmedPlan());
    String tag = String.valueOf(System.nanoTime() % 100_000);
    String[][] people = new String[40][];
    for (int i = 0; i < people.length; i++) {
      people[i] = new String[] {"itct" + i + "x" + tag, "双机" + i, itMobile(600 + i)};
    }
    contactsPeople(people);
    standIn().reset();
    long runId = confirmedPlan();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Boolean>> servers = new ArrayList<>();
    for (String server : List.of("server-a", "server-b")) {
      servers.add(pool.submit(() -> contactsSync.work(server)));
    }
    int working = 0;
    for (Future<Boolean> f : servers) {
      working += f.get() ? 1 : 0;
    }
    pool.shutdown();
    var done = awaitRun(runId);

    assertThat(working).as("one server worked the run, the other found it claimed").isLessThanOrEqualTo(1);
    assertThat(done.done()).isEqualTo(41);
    assertThat(contactsRows("SELECT COUNT(*) FROM contacts_sync_item WHERE run_id = ? AND attempts <> 1", runId))
        .as("every call made once").isZero();
    assertThat(standIn().calls("/cgi-bin/user/create")).isEqualTo(40);
  }

  /** Polls batch/getresult until the job finished, as the sync does. */
  private static cn.edu.ntvu.workbench.wecom.contacts.domain.BatchJob awaitJob(
      cn.edu.ntvu.workbench.wecom.contacts.application.WeComContacts api, String job) {
    for (int i = 0; i < 300; i++) {
      var result = api.batchResult(job);
      if (result.finished()) {
        return result;
      }
      sleep(100);
    }
    throw new AssertionError("job " + job + " did not finish");
  }

  private long confirmedPlan() {
    long runId = contactsSync.plan(CONTACTS_ADMIN);
    assertThat(contactsSync.confirm(runId, CONTACTS_ADMIN)).isTrue();
    return runId;
  }

  /** Works the run (here or in the background runner, whichever claims it) until it is paused with {@code note}. */
  private cn.edu.ntvu.workbench.wecom.contacts.application.SyncRun awaitNote(long runId, String note) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      contactsSync.work("it-contacts");
      var run = syncStore.run(runId).orElseThrow();
      if (note.equals(run.note()) && run.resumeAt() != null) {
        return run;
      }
      sleep(100);
    }
    throw new AssertionError("run " + runId + " not paused with " + note + ": " + syncStore.run(runId));
  }

  private void endPause(long runId) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().executeUpdate("UPDATE contacts_sync_run SET resume_at = NULL, note = NULL WHERE id = "
          + runId);
    }
  }

  // --- end of contacts sync ---

  private LocalTime firstPeriodStart(LocalDate date) {
    return timetableQueries.termOn(date).orElseThrow().periodTimes().clockTimes(date, new PeriodRange(1, 2))
        .orElseThrow()
        .start();
  }

  /** A file of the demo school: the folder the app seeded from ({@code APP_SEED_DIR}, failsafe's environment). */
  private static String demoText(String file) throws java.io.IOException {
    return new String(demoBytes(file), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static byte[] demoBytes(String file) throws java.io.IOException {
    return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(System.getenv("APP_SEED_DIR"), file));
  }

  private void importCsv(TimetableImportKind kind, String csv) {
    String file = kind.name().toLowerCase(java.util.Locale.ROOT) + ".csv";
    TimetablePreview preview =
        timetables.preview(kind, file, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "10857");
    assertThat(preview.errors()).as(file).isEmpty();
    assertThat(timetables.apply(preview.batchId(), "10857").applied()).as(file).isTrue();
  }

  private void importTimetable(TimetableImportKind kind, String file) throws java.io.IOException {
    TimetablePreview preview = timetables.preview(kind, file, demoBytes(file), "10857");
    assertThat(preview.errors()).as(file).isEmpty();
    assertThat(timetables.apply(preview.batchId(), "10857").applied()).as(file).isTrue();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- 收集表 (forms): publish and its outbox in one transaction, submits racing, the closing job claimed once ---

  @Inject cn.edu.ntvu.workbench.forms.application.FormBuilder formBuilder;
  @Inject cn.edu.ntvu.workbench.forms.application.FormFilling formFilling;
  @Inject cn.edu.ntvu.workbench.forms.application.FormResults formResults;

  private cn.edu.ntvu.workbench.identity.application.SignedInUser formsUser(String account) {
    return ((SignInService.Outcome.SignedIn) signIn.resolve(account, SignInPath.DEV)).user();
  }

  /** A draft by counsellor 10001 with one required number question (100–250) for the students of her class. */
  private long formsDraft(boolean withAudience) {
    var owner = formsUser("10001");
    long id = formBuilder.create(owner, "容器内测试 " + System.nanoTime());
    var q = new cn.edu.ntvu.workbench.forms.domain.Question(0, 0,
        cn.edu.ntvu.workbench.forms.domain.QuestionType.NUMBER, "身高", "", true, new java.math.BigDecimal("100"),
        new java.math.BigDecimal("250"), 1, null, null, null, List.of(), true, null);
    assertThat(formBuilder.saveQuestion(owner, id, q)).isEmpty();
    if (withAudience) {
      assertThat(formBuilder.addAudience(owner, id, new cn.edu.ntvu.workbench.forms.domain.AudienceRule(
          cn.edu.ntvu.workbench.forms.domain.AudienceRule.Kind.MY_CLASSES, null))).isEmpty();
    }
    return id;
  }

  @Test
  void formsPublishQueuesTheTextcardWithTheRecipientsOrNothingAtAll() throws Exception {
    var owner = formsUser("10001");
    long empty = formsDraft(false);
    assertThat(formBuilder.publish(owner, empty)).extracting(p -> p.key())
        .containsExactly("forms.builder.error.noAudience");
    assertThat(leaveRows("select count(*) from form where id = ? and status = 'DRAFT'", empty)).isEqualTo(1);
    assertThat(leaveRows("select count(*) from wecom_outbox where topic = ?", "forms:" + empty)).isZero();
    // Someone else's form: refused, not changed.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> formBuilder.publish(formsUser("10002"), empty))
        .isInstanceOf(cn.edu.ntvu.workbench.forms.application.FormAccessDenied.class);

    long id = formsDraft(true);
    assertThat(formBuilder.publish(owner, id)).isEmpty();
    assertThat(leaveRows("select count(*) from form_recipient where form_id = ?", id)).isEqualTo(40);
    assertThat(leaveRows("select count(*) from wecom_outbox where message_key = ? and to_users like ?",
        "forms:" + id + ":published:0", "%20240100001%")).isEqualTo(1);
    assertThat(leaveRows("select count(*) from audit_entry where object_type = 'form' and object_id = ?"
        + " and action = 'FORM_PUBLISH'", String.valueOf(id))).isEqualTo(1);
    // Published: the questions no longer change.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> formBuilder.deleteQuestion(owner, id,
        formBuilder.questions(id).get(0).id()))
        .isInstanceOf(cn.edu.ntvu.workbench.forms.application.FormBuilder.FormNotDraft.class);
  }

  @Test
  void formsSubmitsRacingFromOnePersonStoreOneAndANonMemberIsRefused() throws Exception {
    var owner = formsUser("10001");
    long id = formsDraft(true);
    assertThat(formBuilder.publish(owner, id)).isEmpty();
    long question = formBuilder.questions(id).get(0).id();
    var student = formsUser("20240100031");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<cn.edu.ntvu.workbench.forms.application.SubmitOutcome>> tabs =
          new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String token = java.util.UUID.randomUUID().toString();
        tabs.add(pool.submit(() -> {
          go.await();
          return formFilling.submit(student, id, Map.of(question, "１７０"), Map.of(), token, false);
        }));
      }
      go.countDown();
      long stored = 0;
      for (var f : tabs) {
        var out = f.get();
        if (!out.refused()) {
          stored++;
        } else {
          assertThat(out.formProblem().key()).isEqualTo("forms.fill.error.already");
        }
      }
      assertThat(stored).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(leaveRows("select count(*) from form_response where form_id = ?", id)).isEqualTo(1);
    assertThat(leaveRows("select count(*) from form_answer where form_id = ? and number_value = 170", id))
        .isEqualTo(1);
    // A student of another class posting directly: refused, nothing stored.
    var outsider = formsUser("20250100041");
    var refused = formFilling.submit(outsider, id, Map.of(question, "170"), Map.of(),
        java.util.UUID.randomUUID().toString(), false);
    assertThat(refused.formProblem().key()).isEqualTo("forms.fill.error.notMember");
    assertThat(leaveRows("select count(*) from form_response where form_id = ?", id)).isEqualTo(1);
    // Remind: exactly the 39 who have not filled, then not again within the hour.
    var reminded = formResults.remind(owner, id);
    assertThat(reminded.reminded()).isEqualTo(39);
    assertThat(formResults.remind(owner, id).refusalKey()).isEqualTo("forms.results.remind.tooSoon");
    assertThat(leaveRows("select count(*) from wecom_outbox where topic = ? and message_key like ?"
        + " and to_users not like '%20240100031%'", "forms:" + id, "forms:" + id + ":remind:%")).isEqualTo(1);
  }

  @Test
  void formsClosingJobRunsOnceWhenServersRaceForIt() throws Exception {
    var owner = formsUser("10001");
    long id = formsDraft(true);
    assertThat(formBuilder.publish(owner, id)).isEmpty();
    try (Connection c = dataSource.getConnection();
        var st = c.prepareStatement("update form set deadline = ? where id = ?")) {
      st.setTimestamp(1, java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(schoolClock).minusMinutes(1)));
      st.setLong(2, id);
      st.executeUpdate();
      // Let the next claim through whatever the scheduled job did a moment ago.
      c.createStatement().executeUpdate("update form_job set last_run_at = null");
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runs.add(pool.submit(() -> formResults.closeAtDeadline(java.time.Duration.ofSeconds(50))));
      }
      int closed = 0;
      for (var r : runs) {
        closed += r.get();
      }
      // The scheduled job of this server may have won the claim instead; either way the form closed once.
      assertThat(closed).isLessThanOrEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(leaveRows("select count(*) from form where id = ? and status = 'CLOSED' and closed_by = 'DEADLINE'",
        id)).isEqualTo(1);
    assertThat(leaveRows("select count(*) from audit_entry where object_type = 'form' and object_id = ?"
        + " and action = 'FORM_CLOSE'", String.valueOf(id))).isEqualTo(1);
  }

  /**
   * The per-person publishing limit holds when one person's publishes race (two tabs, two servers): the publisher's
   * directory row is locked while the last hour is counted, so with one publish left exactly one of three succeeds.
   */
  @Test
  void formsPublishesRacingAtThePublishingLimitLetExactlyOneThrough() throws Exception {
    var teacher = formsUser("10006");
    long[] drafts = new long[3];
    for (int i = 0; i < drafts.length; i++) {
      drafts[i] = formBuilder.create(teacher, "限额 " + i);
      assertThat(formBuilder.saveQuestion(teacher, drafts[i], new cn.edu.ntvu.workbench.forms.domain.Question(0, 0,
          cn.edu.ntvu.workbench.forms.domain.QuestionType.TEXT, "备注", "", false, null, null, null, null, null, null,
          List.of(), true, null))).isEmpty();
      assertThat(formBuilder.addAudience(teacher, drafts[i], new cn.edu.ntvu.workbench.forms.domain.AudienceRule(
          cn.edu.ntvu.workbench.forms.domain.AudienceRule.Kind.PERSON, "20240100012"))).isEmpty();
    }
    // Nine publishes in the last hour already: one left of the default ten.
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement("insert into form_publish (account, published_at, form_id) values (?, ?, ?)")) {
      for (int i = 1; i <= 9; i++) {
        ps.setString(1, "10006");
        ps.setTimestamp(2, java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(schoolClock).minusMinutes(i)));
        ps.setLong(3, drafts[0]);
        ps.executeUpdate();
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<List<cn.edu.ntvu.workbench.forms.domain.Problem>>> tabs =
          new java.util.ArrayList<>();
      for (long draft : drafts) {
        tabs.add(pool.submit(() -> {
          go.await();
          return formBuilder.publish(teacher, draft);
        }));
      }
      go.countDown();
      int published = 0;
      for (var tab : tabs) {
        List<cn.edu.ntvu.workbench.forms.domain.Problem> problems = tab.get();
        if (problems.isEmpty()) {
          published++;
        } else {
          assertThat(problems).extracting(p -> p.key()).containsExactly("forms.builder.error.publishLimit");
        }
      }
      assertThat(published).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(leaveRows("select count(*) from form where owner_account = '10006' and status = 'PUBLISHED'"))
        .isEqualTo(1);
    assertThat(leaveRows("select count(*) from form_publish where account = '10006'")).isEqualTo(10);
  }

  // --- uploads (issue 14): stored only with an accepted submit, staged ones cleaned up once, the daily quota ---

  @Inject cn.edu.ntvu.workbench.platform.files.UploadCleanup uploadCleanup;
  @Inject cn.edu.ntvu.workbench.platform.files.UploadQuota uploadQuota;
  @Inject cn.edu.ntvu.workbench.workbench.application.TileAdmin tileAdmin;

  private static byte[] pngOf(int w, int h) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png", out);
    return out.toByteArray();
  }

  /** Runs {@code sql} (an UPDATE or DELETE) on the in-container schema. */
  private void execSql(String sql, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  @Test
  void formFilesAreStoredOnlyWithAnAcceptedSubmitKeptForTheNextTryWhenOthersAreRefusedAndNeverWhenAllIs()
      throws Exception {
    var owner = formsUser("10001");
    long id = formsDraft(true);
    var photoQuestion = new cn.edu.ntvu.workbench.forms.domain.Question(0, 0,
        cn.edu.ntvu.workbench.forms.domain.QuestionType.FILE, "照片", "", true, null, null, null, null, null, null,
        List.of(), true, 1024);
    assertThat(formBuilder.saveQuestion(owner, id, photoQuestion)).isEmpty();
    var s = formBuilder.owned(owner, id).settings();
    assertThat(formBuilder.saveSettings(owner, id, new cn.edu.ntvu.workbench.forms.domain.FormSettings(s.title(),
        s.description(), null, false, true, false))).isEmpty();
    assertThat(formBuilder.publish(owner, id)).isEmpty();
    long height = formBuilder.questions(id).get(0).id();
    long photo = formBuilder.questions(id).get(1).id();
    var student = formsUser("20240100033");
    var file = List.of(new cn.edu.ntvu.workbench.forms.application.NewFile(photo, "照片.png", null, pngOf(60, 80)));

    // A lost token, a refusal of the whole post: nothing stored.
    var lost = formFilling.submit(student, id, Map.of(height, "170"), Map.of(), file, "expired", false);
    assertThat(lost.formProblem().key()).isEqualTo("forms.fill.error.expired");
    assertThat(leaveRows("select count(*) from form_file where form_id = ?", id)).isZero();

    // Refused for the other question: the photo is kept (staged) for the next try, and counted.
    var refused = formFilling.submit(student, id, Map.of(height, "999"), Map.of(), file,
        java.util.UUID.randomUUID().toString(), false);
    assertThat(refused.problems()).containsOnlyKeys(height);
    long staged = refused.stagedFiles().get(photo);
    assertThat(leaveRows("select count(*) from form_file where id = ? and staged_at is not null", staged))
        .isEqualTo(1);
    // A bomb sent with it is refused beside its question and not kept.
    var bomb = List.of(new cn.edu.ntvu.workbench.forms.application.NewFile(photo, "炸弹.png", null,
        cn.edu.ntvu.workbench.platform.files.ImageBombs.png(30_000, 30_000, 1)));
    var bombed = formFilling.submit(student, id, Map.of(height, "170"), Map.of(), bomb,
        java.util.UUID.randomUUID().toString(), false);
    assertThat(bombed.problems().get(photo).key()).isEqualTo("forms.error.tooManyPixels");
    assertThat(leaveRows("select count(*) from form_file where form_id = ?", id)).isEqualTo(1);

    // The next try names the kept file: accepted, the file claimed (no time kept with it).
    var accepted = formFilling.submit(student, id, Map.of(height, "170", photo, String.valueOf(staged)), Map.of(),
        java.util.UUID.randomUUID().toString(), false);
    assertThat(accepted.refused()).isFalse();
    assertThat(leaveRows("select count(*) from form_file where id = ? and staged_at is null", staged)).isEqualTo(1);
    assertThat(leaveRows("select file_id from form_answer where response_id = ? and question_id = ?",
        accepted.responseId(), photo)).isEqualTo(staged);

    // Changing the answer with another photo: the replaced one goes.
    var changed = formFilling.submit(student, id, Map.of(height, "171"), Map.of(),
        List.of(new cn.edu.ntvu.workbench.forms.application.NewFile(photo, "新照片.png", null, pngOf(61, 80))),
        java.util.UUID.randomUUID().toString(), true);
    assertThat(changed.refused()).isFalse();
    assertThat(leaveRows("select count(*) from form_file where id = ?", staged)).isZero();
    assertThat(leaveRows("select count(*) from form_file where form_id = ?", id)).isEqualTo(1);
    long files = leaveRows("select files from upload_quota where account = ? and day = ?", student.account(),
        java.time.LocalDate.now(schoolClock));
    assertThat(files).isEqualTo(2);

    // Someone who gives up after a refused submit: the kept photo is removed by the cleanup job; a fresh one stays.
    var quitter = formsUser("20240100034");
    long old = formFilling.submit(quitter, id, Map.of(height, "1"), Map.of(), file,
        java.util.UUID.randomUUID().toString(), false).stagedFiles().get(photo);
    var later = formsUser("20240100035");
    long fresh = formFilling.submit(later, id, Map.of(height, "1"), Map.of(), file,
        java.util.UUID.randomUUID().toString(), false).stagedFiles().get(photo);
    execSql("update form_file set staged_at = staged_at - interval 46 minute where id = ?", old);
    assertThat(formFilling.saveDraft(later, id, "{\"t\":{}}")).isTrue();

    // A closed form takes no file at all; its drafts can never become answers and go with the cleanup.
    assertThat(formBuilder.close(owner, id)).isTrue();
    var closed = formFilling.submit(formsUser("20240100036"), id, Map.of(height, "170"), Map.of(), file,
        java.util.UUID.randomUUID().toString(), false);
    assertThat(closed.formProblem().key()).isEqualTo("forms.fill.error.closed");
    assertThat(leaveRows("select count(*) from form_file where form_id = ?", id)).isEqualTo(3);

    execSql("update platform_job set last_run_at = null where name = 'upload-cleanup'");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runs.add(pool.submit(() -> uploadCleanup.run(java.time.Duration.ofMinutes(9))));
      }
      int claimed = 0;
      for (Future<Integer> r : runs) {
        claimed += r.get() >= 0 ? 1 : 0;
      }
      // Three servers at once: one run (or none, if this server's own schedule took it a moment before).
      assertThat(claimed).isLessThanOrEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(leaveRows("select count(*) from form_file where id = ?", old)).isZero();
    assertThat(leaveRows("select count(*) from form_file where id = ?", fresh)).isEqualTo(1);
    assertThat(leaveRows("select count(*) from form_draft where form_id = ?", id)).isZero();
    assertThat(leaveRows("select count(*) from form_file f join form_answer a on a.file_id = f.id"
        + " where f.form_id = ?", id)).isEqualTo(1);
  }

  @Test
  void anUploadedTileIconNoTileUsesIsRemovedAfterTheHourAnIconInUseStays() throws Exception {
    var admin = new AuditActor("10857", "王管理", "DEV");
    String unused = tileAdmin.uploadIcon(pngOf(97, 41), "未用.png", admin);
    String used = tileAdmin.uploadIcon(pngOf(40, 90), "在用.png", admin);
    assertThat(used).isNotEqualTo(unused);
    execSql("insert into workbench_tile (scene, position, name, icon, kind, target, enabled, visible_departments,"
        + " visible_classes, visible_people, updated_by) values ('LIFE', 999, 'icon-cleanup-it', ?, 'EXTERNAL',"
        + " 'https://example.edu/', false, '', '', '', 'it')", used);
    try {
      execSql("update workbench_icon set uploaded_at = uploaded_at - interval 2 hour where name in (?, ?)", unused,
          used);
      execSql("update platform_job set last_run_at = null where name = 'upload-cleanup'");
      uploadCleanup.run(java.time.Duration.ZERO);
      assertThat(leaveRows("select count(*) from workbench_icon where name = ?", unused)).isZero();
      assertThat(leaveRows("select count(*) from workbench_icon where name = ?", used)).isEqualTo(1);
    } finally {
      execSql("delete from workbench_tile where name = 'icon-cleanup-it'");
    }
  }

  @Test
  void theDailyUploadQuotaHoldsWhenOnePersonsUploadsRaceOnSeveralServers() throws Exception {
    String account = "q" + System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<Future<Boolean>> uploads = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        uploads.add(pool.submit(() -> {
          go.await();
          userTransaction.begin();
          try {
            return uploadQuota.take(account, 1, 1024 * 1024).isEmpty();
          } finally {
            userTransaction.commit();
          }
        }));
      }
      go.countDown();
      int taken = 0;
      for (Future<Boolean> u : uploads) {
        taken += u.get() ? 1 : 0;
      }
      // The default: 30 files (and 50 MB) a day.
      assertThat(taken).isEqualTo(30);
    } finally {
      pool.shutdown();
    }
    assertThat(leaveRows("select files from upload_quota where account = ?", account)).isEqualTo(30);
    assertThat(leaveRows("select bytes from upload_quota where account = ?", account)).isEqualTo(30L * 1024 * 1024);

    // By bytes: two 20 MB files fit in 50 MB, the third does not, and the refusal says what is used.
    String big = "b" + System.nanoTime();
    List<java.util.Optional<cn.edu.ntvu.workbench.platform.files.UploadQuota.Refusal>> outcomes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      userTransaction.begin();
      outcomes.add(uploadQuota.take(big, 1, 20L * 1024 * 1024));
      userTransaction.commit();
    }
    assertThat(outcomes.get(0)).isEmpty();
    assertThat(outcomes.get(1)).isEmpty();
    assertThat(outcomes.get(2).orElseThrow().args()).containsExactly(30, 50, 2, 40L);

    // A leave request with a photo from a student whose day is used up: refused beside the attachments, not stored.
    String who = "20240100039";
    execSql("insert into upload_quota (account, day, files, bytes) values (?, ?, 30, 0)"
        + " on duplicate key update files = 30", who, java.time.LocalDate.now(schoolClock));
    var user = ((SignInService.Outcome.SignedIn) signIn.resolve(who, SignInPath.DEV)).user();
    var day = java.time.LocalDate.now(schoolClock).plusDays(20);
    var form = new cn.edu.ntvu.workbench.leave.domain.LeaveForm("PERSONAL", day.atTime(8, 0), day.atTime(12, 0),
        "配额", false, null, null, 1);
    String token = java.util.UUID.randomUUID().toString();
    var result = leaveSubmissions.submit(user, form, List.of(new cn.edu.ntvu.workbench.leave.application.NewAttachment(
        "假条.png", cn.edu.ntvu.workbench.leave.domain.AttachmentKind.PNG, pngOf(100, 100))), token);
    assertThat(result.problems()).extracting(p -> p.field() + ":" + p.key())
        .containsExactly("attachments:leave.error.quota");
    assertThat(leaveRows("select count(*) from leave_request where student_account = ? and submit_token = ?", who,
        token)).isZero();
  }
}

