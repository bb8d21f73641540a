package cn.edu.ntvu.workbench.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.leave.LeaveInContainer;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contacts sync in the container: the real client against the stand-in's contacts store over
 * HTTP.
 *
 * <p>An abstract part of {@code platform.persistence.InContainerIT}: the parts are stacked into
 * that one class so that Arquillian starts Payara Micro once for all of them (each deployment is a
 * new Payara Micro).
 */
public abstract class ContactsInContainer extends LeaveInContainer {
  // --- contacts sync (issue 6): the real client against the stand-in's contacts store over HTTP
  // ---

  @Inject protected cn.edu.ntvu.workbench.contacts.application.ContactsSync contactsSync;
  @Inject protected cn.edu.ntvu.workbench.contacts.application.SyncRuns syncRuns;
  @Inject protected cn.edu.ntvu.workbench.contacts.application.ContactStates contactStates;
  @Inject protected cn.edu.ntvu.workbench.contacts.application.WeComContactsProvider contactsApi;

  protected static final cn.edu.ntvu.workbench.platform.audit.AuditActor CONTACTS_ADMIN =
      new cn.edu.ntvu.workbench.platform.audit.AuditActor("10857", "管理员", "DEV");

  /** Empty WeCom contacts and no memory of earlier pushes, as before a school's first sync. */
  protected void freshContacts() throws Exception {
    standIn().resetContacts();
    standIn().reset();
    try (Connection c = dataSource.getConnection()) {
      c.createStatement()
          .executeUpdate("UPDATE contacts_sync_run SET status = 'DONE' WHERE status <> 'DONE'");
      c.createStatement().executeUpdate("DELETE FROM wecom_contact");
      c.createStatement().executeUpdate("DELETE FROM wecom_department_map");
    }
  }

  /** Works the run (this server, or the background runner) until it is DONE. */
  protected cn.edu.ntvu.workbench.contacts.application.SyncRun awaitRun(long runId) {
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      contactsSync.work("it-contacts");
      var run = syncRuns.run(runId).orElseThrow();
      if ("DONE".equals(run.status())) {
        return run;
      }
      sleep(200);
    }
    throw new AssertionError("run " + runId + " did not finish: " + syncRuns.run(runId));
  }

  protected long contactsRows(String sql, Object... args) throws Exception {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
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
  protected String contactsPeople(String[]... people) throws Exception {
    String dept = "itc" + (System.nanoTime() % 1_000_000_000L);
    try (Connection c = dataSource.getConnection()) {
      var d =
          c.prepareStatement(
              "INSERT INTO department (code, name, parent_id) SELECT ?, ?, id FROM department"
                  + " WHERE code = '000'");
      d.setString(1, dept);
      d.setString(2, "测试部门" + dept);
      d.executeUpdate();
      for (String[] p : people) {
        var s =
            c.prepareStatement(
                "INSERT INTO person (account, name, kind, mobile, department_id, status)"
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

  protected static String itMobile(int n) {
    return String.format("199%08d", n);
  }

  @Test
  void contactsIncrementalSyncPushesTheDirectoryWithConflictsLeftOutAndASecondDryRunFindsNothing()
      throws Exception {
    freshContacts();
    String tag = String.valueOf(System.nanoTime() % 100_000);
    contactsPeople(
        new String[] {"itcdup1" + tag, "重号甲", itMobile(1)},
        new String[] {"itcdup2" + tag, "重号乙", itMobile(1)},
        new String[] {"itcbad" + tag, "坏号", "12345"},
        new String[] {"itc.ok" + tag, "正常", itMobile(3)});

    long runId = contactsSync.plan(CONTACTS_ADMIN);
    var planned = syncRuns.run(runId).orElseThrow();
    assertThat(planned.status()).isEqualTo("PLANNED");
    assertThat(planned.total()).isGreaterThan(1000);
    assertThat(syncRuns.conflicts(runId))
        .extracting(c -> c.key() + " " + c.kind())
        .contains(
            "itcdup1" + tag + " DUPLICATE_MOBILE",
            "itcdup2" + tag + " DUPLICATE_MOBILE",
            "itcbad" + tag + " INVALID_MOBILE");
    assertThat(standIn().memberCount()).as("a dry run sends nothing").isZero();
    assertThat(
            contactsRows(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'CONTACTS_SYNC_PLAN' AND object_id = ?",
                String.valueOf(runId)))
        .isEqualTo(1);

    assertThat(contactsSync.confirm(runId, CONTACTS_ADMIN)).isTrue();
    assertThat(contactsSync.confirm(runId, CONTACTS_ADMIN)).as("confirmed once").isFalse();
    var done = awaitRun(runId);

    assertThat(done.failed()).isZero();
    assertThat(done.done()).isEqualTo(done.total());
    long members =
        contactsRows(
            "SELECT COUNT(*) FROM contacts_sync_item WHERE run_id = ? AND target = 'MEMBER'"
                + " AND action = 'CREATE'",
            runId);
    assertThat(standIn().memberCount()).isEqualTo((int) members);
    assertThat(contactsApi.get().orElseThrow().user("itc.ok" + tag).status())
        .isEqualTo(cn.edu.ntvu.workbench.contacts.domain.MemberStatus.NOT_ACTIVATED);
    assertThat(contactStates.state("itc.ok" + tag).status())
        .isEqualTo(cn.edu.ntvu.workbench.contacts.domain.MemberStatus.NOT_ACTIVATED);
    assertThatThrownBy(() -> contactsApi.get().orElseThrow().user("itcdup1" + tag))
        .isInstanceOf(cn.edu.ntvu.workbench.wecom.domain.WeComUserNotFoundException.class);
    assertThat(
            contactsRows(
                "SELECT COUNT(*) FROM audit_entry WHERE action = 'CONTACTS_SYNC_DONE' AND object_id = ?",
                String.valueOf(runId)))
        .isEqualTo(1);

    assertThat(contactsSync.computePlan().changes()).as("in sync now").isEmpty();

    // The person joins WeCom: change_contact (UserID and Department only) reaches the callback; we
    // ask user/get.
    standIn().setStatus("itc.ok" + tag, 1);
    assertThat(contactStates.state("itc.ok" + tag).status())
        .isEqualTo(cn.edu.ntvu.workbench.contacts.domain.MemberStatus.ACTIVATED);
    sleep(1_100);
    standIn().setStatus("itc.ok" + tag, 2);
    assertThat(contactStates.state("itc.ok" + tag).status())
        .isEqualTo(cn.edu.ntvu.workbench.contacts.domain.MemberStatus.DISABLED);
  }

  @Test
  void contactsSyncErrorAnswersRateLimitBusyPermissionAndDataErrors() throws Exception {
    freshContacts();
    awaitRun(confirmedPlan());
    String tag = String.valueOf(System.nanoTime() % 100_000);
    contactsPeople(
        new String[] {"itce1" + tag, "甲", itMobile(11)},
        new String[] {"itce2" + tag, "乙", itMobile(12)},
        new String[] {"itce3" + tag, "丙", itMobile(13)},
        new String[] {"itce4" + tag, "丁", itMobile(14)});
    // Someone else in WeCom already has 乙's number: WeCom answers 60104 for that one person only.
    contactsApi
        .get()
        .orElseThrow()
        .createUser(
            new cn.edu.ntvu.workbench.contacts.domain.WeComMember(
                "itcother" + tag, "别人", itMobile(12), List.of(1L), "", true));

    // 45009 on the first user/create: the run pauses for the blocking window, nothing is lost.
    standIn().failNext("/cgi-bin/user/create", 45009, 1, 0);
    long runId = confirmedPlan();
    var paused = awaitNote(runId, "contacts.note.rate-limited");
    assertThat(paused.resumeAt()).isAfter(java.time.LocalDateTime.now(schoolClock).plusSeconds(50));
    assertThat(contactsSync.work("it-contacts")).as("waits the window out").isFalse();

    // The window has passed; WeCom now answers -1 three times (busy after the client's retries):
    // paused again.
    endPause(runId);
    standIn().failNext("/cgi-bin/user/create", -1, 3, 0);
    awaitNote(runId, "contacts.note.unavailable");

    // 48002 (no permission): paused with the errcode shown.
    endPause(runId);
    standIn().failNext("/cgi-bin/user/create", 48002, 1, 0);
    awaitNote(runId, "contacts.note.errcode:48002");

    // 60020 (IP not trusted) likewise; then WeCom recovers and the run ends with one failure: 60104
    // for 乙.
    endPause(runId);
    standIn().failNext("/cgi-bin/user/create", 60020, 1, 0);
    awaitNote(runId, "contacts.note.errcode:60020");
    endPause(runId);
    var done = awaitRun(runId);

    assertThat(done.total()).as("a department, four people, the stranger deleted").isEqualTo(6);
    assertThat(done.failed()).isEqualTo(1);
    assertThat(syncRuns.items(runId, "FAILED", 10))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.key()).isEqualTo("itce2" + tag);
              assertThat(i.errcode()).isEqualTo(60104);
            });
    assertThat(contactStates.state("itce2" + tag).lastErrcode()).isEqualTo(60104);
    assertThat(
            contactsRows(
                "SELECT COUNT(*) FROM contacts_sync_item WHERE run_id = ? AND attempts > 1", runId))
        .as("the item WeCom refused for a while was tried again")
        .isEqualTo(1);

    // 60111 on an update (the member was deleted in WeCom after the dry run) becomes a create.
    try (Connection c = dataSource.getConnection()) {
      c.createStatement()
          .executeUpdate("UPDATE person SET name = '甲改' WHERE account = 'itce1" + tag + "'");
    }
    long second = contactsSync.plan(CONTACTS_ADMIN);
    assertThat(syncRuns.items(second, null, 10))
        .extracting(i -> i.action() + " " + i.key())
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
    // A server confirmed and claimed the run, sent the first 10 calls, then died before recording
    // any outcome.
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "UPDATE contacts_sync_run"
                    + " SET status = 'RUNNING', lease_owner = 'crashed', lease_until = ? WHERE id = ?")) {
      s.setTimestamp(1, java.sql.Timestamp.valueOf(now.plusSeconds(120)));
      s.setLong(2, runId);
      s.executeUpdate();
    }
    var api = contactsApi.get().orElseThrow();
    for (var item : syncRuns.pending(runId, 10)) {
      if ("DEPARTMENT".equals(item.target())) {
        api.createDepartment(
            cn.edu.ntvu.workbench.contacts.application.Payloads.department(item.payload()));
      } else {
        api.createUser(cn.edu.ntvu.workbench.contacts.application.Payloads.member(item.payload()));
      }
    }
    assertThat(contactsSync.work("it-other", now)).as("the lease is still held").isFalse();

    // The lease runs out: another server takes the run over from the first unrecorded item.
    assertThat(contactsSync.work("it-other", now.plusSeconds(121))).isTrue();
    var done = awaitRun(runId);
    assertThat(done.done()).as("the test department and 30 people").isEqualTo(31);
    assertThat(done.failed()).isZero();
    assertThat(standIn().memberCount())
        .as("no one twice")
        .isEqualTo((int) contactsRows("SELECT COUNT(*) FROM wecom_contact WHERE in_wecom"));
    Map<String, List<Long>> inWeCom = api.allUserDepartments();
    assertThat(inWeCom.keySet().stream().filter(u -> u.startsWith("itcr")).count()).isEqualTo(30);
    assertThat(contactsSync.computePlan().changes()).isEmpty();
  }

  @Test
  void contactsBatchReplaceHasTheDeletionSafetyStopAndReportsPartialFailure() throws Exception {
    freshContacts();
    var api = contactsApi.get().orElseThrow();
    api.createDepartment(new cn.edu.ntvu.workbench.contacts.domain.WeComDepartment(2, "院系", 1, 0));
    for (int i = 0; i < 5; i++) {
      api.createUser(
          new cn.edu.ntvu.workbench.contacts.domain.WeComMember(
              "itcb" + i, "批" + i, itMobile(200 + i), List.of(2L), "", true));
    }
    String header = cn.edu.ntvu.workbench.contacts.domain.ReplaceFiles.USER_HEADER + "\n";
    // Every member missing from the file: replaceuser would delete 5 of 5 (fewer than 50 and over
    // 80 %): stopped.
    String media =
        api.uploadFile(
            "users.csv",
            (header + "新人,itcbnew," + itMobile(299) + ",2,,1\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String job = api.replaceUser(media);
    assertThatThrownBy(() -> awaitJob(api, job))
        .isInstanceOfSatisfying(
            cn.edu.ntvu.workbench.wecom.domain.WeComApiException.class,
            // The stand-in's errcode for WeCom's deletion safety stop (the notes name none; the app
            // depends on none).
            e -> assertThat(e.errcode()).isEqualTo(60130));
    assertThat(standIn().memberCount()).as("nobody deleted, nobody added").isEqualTo(5);

    // A file with four of them, one bad mobile and one new: 1 deleted (20 %), one line fails, the
    // rest applied.
    StringBuilder csv = new StringBuilder(header);
    for (int i = 0; i < 4; i++) {
      csv.append("批")
          .append(i)
          .append(",itcb")
          .append(i)
          .append(',')
          .append(itMobile(200 + i))
          .append(",2,,1\n");
    }
    csv.append("坏号,itcbbad,12345,2,,1\n新人,itcbnew,").append(itMobile(299)).append(",2,,1\n");
    String partyMedia =
        api.uploadFile(
            "party.csv",
            (cn.edu.ntvu.workbench.contacts.domain.ReplaceFiles.PARTY_HEADER + "\n院系,2,1,0\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(awaitJob(api, api.replaceParty(partyMedia)).failures()).isEmpty();
    var result =
        awaitJob(
            api,
            api.replaceUser(
                api.uploadFile(
                    "users.csv",
                    csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    assertThat(result.finished()).isTrue();
    assertThat(result.type()).isEqualTo("replace_user");
    assertThat(result.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEqualTo("itcbbad");
              assertThat(f.errcode()).isEqualTo(60103);
            });
    assertThat(api.allUserDepartments().keySet())
        .containsExactlyInAnyOrder("itcb0", "itcb1", "itcb2", "itcb3", "itcbnew");
  }

  @Test
  void contactsApiRefusesAnAgentTokenWith48002() {
    var client = wecom;
    assertThatThrownBy(
            () -> client.get(client.workbenchAgent(), "/cgi-bin/department/simplelist", Map.of()))
        .isInstanceOfSatisfying(
            cn.edu.ntvu.workbench.wecom.domain.WeComConfigurationException.class,
            e -> assertThat(e.errcode()).isEqualTo(48002));
  }

  @Test
  void contactsFullReconcileReplacesPartiesThenUsersAndRefusesWhatTheSafetyStopWouldAbort()
      throws Exception {
    freshContacts();
    var api = contactsApi.get().orElseThrow();
    // WeCom holds only a few strangers: replacing would delete all of them (fewer than 50, over 80
    // %).
    for (int i = 0; i < 3; i++) {
      api.createUser(
          new cn.edu.ntvu.workbench.contacts.domain.WeComMember(
              "itcs" + i, "外人" + i, itMobile(400 + i), List.of(1L), "", true));
    }
    assertThatThrownBy(() -> contactsSync.planFull(CONTACTS_ADMIN))
        .isInstanceOfSatisfying(
            cn.edu.ntvu.workbench.contacts.application.SafetyStopException.class,
            e -> {
              assertThat(e.deleting()).isEqualTo(3);
              assertThat(e.members()).isEqualTo(3);
            });
    assertThat(standIn().memberCount()).as("nothing sent").isEqualTo(3);

    // After an incremental run the directory is in WeCom; one stranger remains (and holds a
    // directory person's
    // number, so WeCom refuses that person's line: a partial failure). Replacing deletes 1 of
    // ~1,000: allowed.
    standIn().resetContacts();
    awaitRun(confirmedPlan());
    String tag = String.valueOf(System.nanoTime() % 100_000);
    contactsPeople(new String[] {"itcf" + tag, "全量", itMobile(500)});
    api.createUser(
        new cn.edu.ntvu.workbench.contacts.domain.WeComMember(
            "itcstranger" + tag, "外人", itMobile(500), List.of(1L), "", true));
    int before = standIn().memberCount();

    long runId = contactsSync.planFull(CONTACTS_ADMIN);
    assertThat(syncRuns.run(runId).orElseThrow().kind()).isEqualTo("FULL");
    assertThat(syncRuns.items(runId, null, 10))
        .extracting(i -> i.key())
        .containsExactly("replaceparty", "replaceuser");
    assertThat(contactsSync.confirm(runId, CONTACTS_ADMIN)).isTrue();
    var done = awaitRun(runId);

    assertThat(syncRuns.items(runId, "FAILED", 10))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.key()).isEqualTo("itcf" + tag);
              assertThat(f.errcode()).isEqualTo(60104);
            });
    assertThat(done.done()).isEqualTo(2);
    assertThat(standIn().memberCount())
        .as("the stranger deleted, the refused line not added")
        .isEqualTo(before - 1);
    assertThatThrownBy(() -> api.user("itcstranger" + tag))
        .isInstanceOf(cn.edu.ntvu.workbench.wecom.domain.WeComUserNotFoundException.class);
    assertThat(contactStates.state("itcf" + tag).lastErrcode()).isEqualTo(60104);
    // The stranger is gone now, so the incremental sync adds the person the batch refused, and
    // nothing else.
    assertThat(contactsSync.computePlan().changes())
        .extracting(c -> c.action() + " " + c.key())
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

    assertThat(working)
        .as("one server worked the run, the other found it claimed")
        .isLessThanOrEqualTo(1);
    assertThat(done.done()).isEqualTo(41);
    assertThat(
            contactsRows(
                "SELECT COUNT(*) FROM contacts_sync_item WHERE run_id = ? AND attempts <> 1",
                runId))
        .as("every call made once")
        .isZero();
    assertThat(standIn().calls("/cgi-bin/user/create")).isEqualTo(40);
  }

  /** Polls batch/getresult until the job finished, as the sync does. */
  protected static cn.edu.ntvu.workbench.contacts.domain.BatchJob awaitJob(
      cn.edu.ntvu.workbench.contacts.application.WeComContacts api, String job) {
    for (int i = 0; i < 300; i++) {
      var result = api.batchResult(job);
      if (result.finished()) {
        return result;
      }
      sleep(100);
    }
    throw new AssertionError("job " + job + " did not finish");
  }

  protected long confirmedPlan() {
    long runId = contactsSync.plan(CONTACTS_ADMIN);
    assertThat(contactsSync.confirm(runId, CONTACTS_ADMIN)).isTrue();
    return runId;
  }

  /**
   * Works the run (here or in the background runner, whichever claims it) until it is paused with
   * {@code note}.
   */
  protected cn.edu.ntvu.workbench.contacts.application.SyncRun awaitNote(long runId, String note) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      contactsSync.work("it-contacts");
      var run = syncRuns.run(runId).orElseThrow();
      if (note.equals(run.note()) && run.resumeAt() != null) {
        return run;
      }
      sleep(100);
    }
    throw new AssertionError(
        "run " + runId + " not paused with " + note + ": " + syncRuns.run(runId));
  }

  protected void endPause(long runId) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.createStatement()
          .executeUpdate(
              "UPDATE contacts_sync_run SET resume_at = NULL, note = NULL WHERE id = " + runId);
    }
  }

  // --- end of contacts sync ---
}
