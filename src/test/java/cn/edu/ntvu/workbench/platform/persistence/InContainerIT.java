package cn.edu.ntvu.workbench.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.identity.application.ClassRef;
import cn.edu.ntvu.workbench.identity.application.DirectoryImportService;
import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.identity.application.ImportKind;
import cn.edu.ntvu.workbench.identity.application.ImportPreview;
import cn.edu.ntvu.workbench.identity.application.ImportResult;
import cn.edu.ntvu.workbench.identity.application.SignInPath;
import cn.edu.ntvu.workbench.identity.application.SignInService;
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
import cn.edu.ntvu.workbench.wecom.standin.StandInAuthorizations;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.nio.charset.Charset;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What needs the real container and the real MariaDB: Flyway's schema, the directory and timetable imports'
 * transactions, the cluster-wide WeCom token store and the WeCom client against the stand-in over HTTP. One class, so Arquillian
 * starts Payara Micro once (each deployment is a new Payara Micro process).
 */
@ExtendWith(ArquillianExtension.class)
class InContainerIT {
  @Deployment
  static WebArchive deployment() {
    WebArchive war =
        ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("test.war")));
    war.addClass(InContainerIT.class);
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
  @Inject StandInAuthorizations standIn;
  @Inject TimetableImportService timetables;
  @Inject TimetableQueryService timetableQueries;

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
    String code = standIn.issueCode("20240100001");
    WeComIdentity identity = wecom.getUserInfo(code);
    assertThat(identity).isEqualTo(new WeComIdentity.Member("20240100001", java.util.Optional.empty()));
    assertThatThrownBy(() -> wecom.getUserInfo(code)).isInstanceOf(WeComInvalidCodeException.class);
    assertThat(wecom.getUserInfo(standIn.issueCode(null))).isInstanceOf(WeComIdentity.NonMember.class);
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
    // loaded at start-up by DemoTimetable (dev mode); kept while the term's version stays the same
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

  // --- 学生请假 (leave): the card button decision the WeCom callback calls, and the overdue job ---

  @Inject cn.edu.ntvu.workbench.leave.application.LeaveSubmissions leaveSubmissions;
  @Inject cn.edu.ntvu.workbench.leave.application.LeaveDecisions leaveDecisions;
  @Inject cn.edu.ntvu.workbench.leave.application.LeaveReturns leaveReturns;
  @Inject java.time.Clock schoolClock;

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

  // --- end of leave ---

  private LocalTime firstPeriodStart(LocalDate date) {
    return timetableQueries.termOn(date).orElseThrow().periodTimes().clockTimes(date, new PeriodRange(1, 2))
        .orElseThrow()
        .start();
  }

  private static String demoText(String file) throws java.io.IOException {
    try (var in = InContainerIT.class.getResourceAsStream("/demo/" + file)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private void importCsv(TimetableImportKind kind, String csv) {
    String file = kind.name().toLowerCase(java.util.Locale.ROOT) + ".csv";
    TimetablePreview preview =
        timetables.preview(kind, file, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "10857");
    assertThat(preview.errors()).as(file).isEmpty();
    assertThat(timetables.apply(preview.batchId(), "10857").applied()).as(file).isTrue();
  }

  private void importTimetable(TimetableImportKind kind, String file) throws java.io.IOException {
    byte[] bytes;
    try (var in = InContainerIT.class.getResourceAsStream("/demo/" + file)) {
      bytes = in.readAllBytes();
    }
    TimetablePreview preview = timetables.preview(kind, file, bytes, "10857");
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
}
