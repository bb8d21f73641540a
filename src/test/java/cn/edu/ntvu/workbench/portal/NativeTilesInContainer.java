package cn.edu.ntvu.workbench.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.attendance.AttendanceInContainer;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.security.AccessDenied;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.application.NativeTilePush;
import cn.edu.ntvu.workbench.portal.application.NativeTileStore;
import cn.edu.ntvu.workbench.portal.application.NativeTiles;
import cn.edu.ntvu.workbench.portal.domain.NativeTileItem;
import cn.edu.ntvu.workbench.portal.domain.TileInputException;
import cn.edu.ntvu.workbench.wecom.application.WorkbenchDisplay;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The numbers on WeCom's own workbench tile (issue 21 item 5) in the container, against the WeCom
 * stand-in over HTTP: the admin's template, the debounce, the limits, an outage and the nightly
 * reconcile. Time "passes" by handing the push a later {@code now}.
 *
 * <p>An abstract part of {@code platform.persistence.InContainerIT}: the parts are stacked into
 * that one class so that Arquillian starts Payara Micro once for all of them. Each test switches
 * the template on for itself and off again, so that the other parts' messages mark nobody.
 */
public abstract class NativeTilesInContainer extends AttendanceInContainer {
  @Inject protected NativeTilePush nativePush;
  @Inject protected NativeTiles nativeTiles;
  @Inject protected NativeTileStore nativeStore;

  static final String ITEMS =
      "[{\"badge\":\"leave:waiting-for-me\",\"label\":\"待审批\",\"url\":\"https://wb.example.edu.cn/leave/\"},"
          + "{\"badge\":\"forms:to-fill\",\"label\":\"待填写\",\"url\":\"\"},"
          + "{\"badge\":\"notices:unread\",\"label\":\"未读通知\",\"url\":\"\"}]";

  @Test
  void threeChangesInARowMakeOnePushAndTheNativeTileShowsThePersonsNumbers() throws Exception {
    try {
      nativeTemplateOn();
      String who = outboxRecipients(200, 1).get(0);
      LocalDateTime now = LocalDateTime.now(schoolClock).truncatedTo(ChronoUnit.MILLIS);
      // 1: the person's own request under a micro-app; 2 and 3: messages queued to them.
      nativePush.touched(who);
      String run = "native-" + System.nanoTime();
      enqueue(List.of(textMessage(run + ":1", who, "一", run)));
      enqueue(List.of(textMessage(run + ":2", who, "二", run)));
      assertThat(dirty(who)).as("one mark, due after the debounce").hasSize(1);
      assertThat(dirty(who).get(0)).isAfter(now.plusSeconds(25));

      assertThat(nativePush.pushDue(now.plusSeconds(5), Duration.ofSeconds(30)).calls())
          .as("nothing before the debounce has passed")
          .isZero();
      NativeTilePush.Run run1 = nativePush.pushDue(now.plusSeconds(31), Duration.ofSeconds(30));
      assertThat(run1.calls()).isEqualTo(1);
      assertThat(countOutbox("wbdata:" + who, "PENDING")).isEqualTo(1);
      dueNow();
      drainOutbox("wbdata:" + who, 60);
      assertThat(countOutbox("wbdata:" + who, "SENT")).isEqualTo(1);

      JsonObject shown = standIn().get("/_control/workbench?userid=" + who).getJsonObject("shown");
      assertThat(shown.getString("type")).isEqualTo("keydata");
      assertThat(shown.getJsonObject("keydata").getJsonArray("items"))
          .hasSize(3)
          .allSatisfy(i -> assertThat(i.asJsonObject().getString("data")).matches("\\d+"));
      assertThat(
              shown
                  .getJsonObject("keydata")
                  .getJsonArray("items")
                  .getJsonObject(0)
                  .getString("key"))
          .isEqualTo("待审批");

      // Marked again at once: not due before another debounce (≤ 2 pushes a minute; WeCom allows
      // 10), and pushed then only if a number changed.
      LocalDateTime marked = LocalDateTime.now(schoolClock);
      nativePush.mark(List.of(who));
      LocalDateTime due = dirty(who).get(0);
      assertThat(due).isAfterOrEqualTo(marked.plusSeconds(29));
      assertThat(nativePush.pushDue(due.minusSeconds(1), Duration.ofSeconds(30)).counted())
          .isZero();
      NativeTilePush.Run again = nativePush.pushDue(due.plusSeconds(1), Duration.ofSeconds(30));
      assertThat(again.counted()).isEqualTo(1);
      assertThat(again.calls()).as("nothing changed: nothing pushed").isZero();
      assertThat(dirty(who)).isEmpty();
    } finally {
      nativeTemplateOff();
    }
  }

  @Test
  void aWeComOutageDelaysThePushAndLosesNothing() throws Exception {
    try {
      nativeTemplateOn();
      List<String> people = outboxRecipients(210, 3);
      LocalDateTime now = LocalDateTime.now(schoolClock).truncatedTo(ChronoUnit.MILLIS);
      nativePush.mark(people);
      NativeTilePush.Run run = nativePush.pushDue(now.plusSeconds(31), Duration.ofSeconds(30));
      assertThat(run.counted()).isEqualTo(3);
      // WeCom goes away once the calls are queued: a proxy's 503, then -1 系统繁忙, for 8 s.
      standIn().failFor("/cgi-bin/agent/batch_set_workbench_data", 0, 503, 8_000);
      standIn().failFor("/cgi-bin/agent/set_workbench_data", -1, 0, 8_000);
      long outageEnds = System.nanoTime() + 8_000_000_000L;
      String topic = "wbdata:*";
      List<String> topics = new ArrayList<>();
      people.forEach(p -> topics.add("wbdata:" + p));
      topics.add(topic);
      dueNow();
      outboxSender.runOnce("it-native-outage");
      for (String t : topics) {
        awaitNoClaims(t);
        assertThat(countOutbox(t, "FAILED")).isZero();
      }
      assertThat(pendingWithAttempts(topics)).as("tried and waiting").isPositive();
      sleep(Math.max(0, (outageEnds - System.nanoTime()) / 1_000_000) + 200);
      for (String t : topics) {
        drainOutbox(t, 60);
      }
      for (String p : people) {
        JsonObject shown = standIn().get("/_control/workbench?userid=" + p).getJsonObject("shown");
        assertThat(shown.getString("type")).as(p).isEqualTo("keydata");
      }
    } finally {
      nativeTemplateOff();
    }
  }

  @Test
  void theReconcilePushesEveryoneOnceThenOnlyWhatDriftedOrFailed() throws Exception {
    try {
      nativeTemplateOn();
      NativeTileStore.Template template = nativeStore.template().orElseThrow();
      LocalDateTime now = LocalDateTime.now(schoolClock).truncatedTo(ChronoUnit.MILLIS);
      long everyone = countActive();
      NativeTilePush.Run first = nativePush.reconcileNow(template, now);
      assertThat(first.counted()).isEqualTo(everyone);
      assertThat(first.changed()).isEqualTo(everyone);
      // Within the limits: ≤ 1000 people a call, the calls spread ≥ 60 s / calls-per-minute apart.
      List<Object[]> calls = nativeCalls();
      assertThat(calls).hasSize(first.calls());
      assertThat(first.calls())
          .as("people with the same numbers share a call")
          .isLessThan((int) everyone);
      for (Object[] c : calls) {
        assertThat(((String) c[1]).split("\\|")).hasSizeLessThanOrEqualTo(1000);
      }
      for (int i = 1; i < calls.size(); i++) {
        assertThat(
                Duration.between(
                    (LocalDateTime) calls.get(i - 1)[2], (LocalDateTime) calls.get(i)[2]))
            .isGreaterThanOrEqualTo(Duration.ofMillis(9));
      }
      drainAllNative(180);
      // People our directory has and WeCom does not (other tests add some) are refused by WeCom
      // (60011): their batch is split until they stand alone, everyone else gets the numbers.
      long outside = 0;
      try (Connection c = dataSource.getConnection();
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT invalid_users FROM wecom_outbox WHERE kind = 'WORKBENCH_DATA'"
                          + " AND invalid_users IS NOT NULL")) {
        while (rs.next()) {
          outside += rs.getString(1).split("\\|").length;
        }
      }
      assertThat(outside).as("people outside WeCom").isLessThan(everyone / 4);
      assertThat(standIn().get("/_control/workbench?limit=1").getInt("peopleWithData"))
          .isGreaterThanOrEqualTo((int) (everyone - outside));

      // Nothing drifted: nothing pushed.
      NativeTilePush.Run quiet = nativePush.reconcileNow(template, now.plusMinutes(1));
      assertThat(quiet.counted()).isEqualTo(everyone);
      assertThat(quiet.calls()).isZero();

      // One number changed without a trigger (a form closed at its deadline): only that person.
      List<String> two = outboxRecipients(220, 2);
      execute(
          "UPDATE workbench_native_pushed SET shown = 'drifted' WHERE userid = '"
              + two.get(0)
              + "'");
      // Another's last push failed for good (its own call): pushed again.
      execute(
          "UPDATE workbench_native_pushed SET message_key = 'wbdata:failed-one' WHERE userid = '"
              + two.get(1)
              + "'");
      execute(
          "INSERT INTO wecom_outbox (message_key, kind, to_users, body, topic, status, attempts,"
              + " created_at, next_attempt_at) VALUES ('wbdata:failed-one', 'WORKBENCH_DATA', '"
              + two.get(1)
              + "', '{}', 'wbdata:it', 'FAILED', 15, NOW(3), NOW(3))");
      NativeTilePush.Run fix = nativePush.reconcileNow(template, now.plusMinutes(2));
      assertThat(fix.changed()).isEqualTo(2);
      assertThat(fix.calls()).isBetween(1, 2);
      drainAllNative(60);
      assertThat(nativePush.reconcileNow(template, now.plusMinutes(3)).calls()).isZero();
    } finally {
      execute("DELETE FROM wecom_outbox WHERE message_key = 'wbdata:failed-one'");
      nativeTemplateOff();
    }
  }

  @Test
  void onlyAdminsSetTheTemplateAndWeComsRefusalOrBadInputSavesNothing() throws Exception {
    try {
      execute("DELETE FROM workbench_native_template");
      nativePush.templateChanged();
      List<NativeTileItem> items =
          List.of(
              new NativeTileItem("leave:waiting-for-me", "待审批", "https://wb.example.edu.cn/leave/"),
              new NativeTileItem("forms:to-fill", "待填写", ""));
      long audit = countRows("audit_entry");
      SignedInUser student = person("20240100001");
      asServer.close();
      try {
        assertThatThrownBy(
                () ->
                    callers.as(
                        student,
                        () -> {
                          nativeTiles.save(items, 0, AuditActor.system("x"));
                          return null;
                        }))
            .isInstanceOf(AccessDenied.class);
      } finally {
        asServer = callers.enterSystem();
      }
      assertThat(countRows("workbench_native_template")).isZero();

      // WeCom refuses (API not enabled for the app): said in Chinese, nothing saved.
      standIn().failNext("/cgi-bin/agent/set_workbench_template", 48002, 1, 0);
      assertThatThrownBy(() -> nativeTiles.save(items, 0, AuditActor.system("it")))
          .isInstanceOfSatisfying(
              WorkbenchDisplay.Refused.class,
              e -> assertThat(e.explain("zh")).contains("无权").contains("48002"));
      // Five items, a label missing, a foreign address scheme: refused beside the field.
      List<NativeTileItem> five = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        five.add(new NativeTileItem("forms:to-fill", "项" + i, ""));
      }
      assertThatThrownBy(() -> nativeTiles.save(five, 0, AuditActor.system("it")))
          .isInstanceOfSatisfying(
              TileInputException.class,
              e -> assertThat(e.key()).isEqualTo("workbench.native.tooMany"));
      assertThatThrownBy(
              () ->
                  nativeTiles.save(
                      List.of(new NativeTileItem("forms:to-fill", "", "")),
                      0,
                      AuditActor.system("it")))
          .isInstanceOfSatisfying(
              TileInputException.class,
              e -> assertThat(e.key()).isEqualTo("workbench.native.labelRequired"));
      assertThatThrownBy(
              () ->
                  nativeTiles.save(
                      List.of(new NativeTileItem("forms:to-fill", "x", "javascript:alert(1)")),
                      0,
                      AuditActor.system("it")))
          .isInstanceOfSatisfying(
              TileInputException.class,
              e -> assertThat(e.key()).isEqualTo("workbench.native.urlInvalid"));
      assertThat(countRows("workbench_native_template")).isZero();
      assertThat(countRows("audit_entry")).isEqualTo(audit);

      nativeTiles.save(items, 0, AuditActor.system("it"));
      assertThat(countRows("workbench_native_template")).isEqualTo(1);
      assertThat(countRows("audit_entry")).isEqualTo(audit + 1);
      JsonObject template = standIn().get("/_control/workbench?limit=1").getJsonObject("template");
      assertThat(template.getString("type")).isEqualTo("keydata");
      assertThat(template.getJsonObject("keydata").getJsonArray("items")).hasSize(2);
      assertThat(template.getBoolean("replace_user_data")).isFalse();
      assertThat(countRows("workbench_native_dirty"))
          .as("everyone waits for their numbers")
          .isEqualTo(countActive());
      assertThatThrownBy(() -> nativeTiles.save(items, 0, AuditActor.system("it")))
          .isInstanceOfSatisfying(
              TileInputException.class,
              e -> assertThat(e.key()).isEqualTo("workbench.native.stale"));
    } finally {
      nativeTemplateOff();
    }
  }

  // ---- helpers

  protected void nativeTemplateOn() throws Exception {
    execute("DELETE FROM workbench_native_dirty");
    execute("DELETE FROM workbench_native_pushed");
    execute("DELETE FROM wecom_outbox WHERE kind = 'WORKBENCH_DATA'");
    execute("DELETE FROM workbench_native_template");
    try (Connection c = dataSource.getConnection();
        var st =
            c.prepareStatement(
                "INSERT INTO workbench_native_template (agent_id, items, enabled, version, updated_by,"
                    + " updated_at) VALUES (?, ?, TRUE, 1, 'it', NOW(3))")) {
      st.setString(1, wecom.workbenchAgent().agentId());
      st.setString(2, ITEMS);
      st.executeUpdate();
    }
    nativePush.templateChanged();
    standIn().control("{\"resetWorkbench\":true}");
  }

  protected void nativeTemplateOff() throws Exception {
    execute("DELETE FROM workbench_native_template");
    execute("DELETE FROM workbench_native_dirty");
    nativePush.templateChanged();
    standIn().control("{\"resetWorkbench\":true}");
  }

  /** The spread-out workbench data calls due now. */
  private void dueNow() throws Exception {
    execute(
        "UPDATE wecom_outbox SET next_attempt_at = '2000-01-01' WHERE kind = 'WORKBENCH_DATA'"
            + " AND status = 'PENDING' AND claim_token IS NULL");
  }

  private List<LocalDateTime> dirty(String userid) throws Exception {
    List<LocalDateTime> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        var st = c.prepareStatement("SELECT due_at FROM workbench_native_dirty WHERE userid = ?")) {
      st.setString(1, userid);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getTimestamp(1).toLocalDateTime());
        }
      }
    }
    return out;
  }

  private long countActive() throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM person WHERE status = 'ACTIVE'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Queued workbench data calls: key, recipients, first due time; by due time. */
  private List<Object[]> nativeCalls() throws Exception {
    List<Object[]> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT message_key, to_users, next_attempt_at FROM wecom_outbox"
                        + " WHERE kind = 'WORKBENCH_DATA' ORDER BY next_attempt_at, id")) {
      while (rs.next()) {
        out.add(
            new Object[] {rs.getString(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime()});
      }
    }
    return out;
  }

  private long pendingWithAttempts(List<String> topics) throws Exception {
    long n = 0;
    for (String t : topics) {
      try (Connection c = dataSource.getConnection();
          var st =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM wecom_outbox WHERE topic = ? AND status = 'PENDING'"
                      + " AND attempts > 0")) {
        st.setString(1, t);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          n += rs.getLong(1);
        }
      }
    }
    return n;
  }

  /** Runs the sender until no workbench data call is pending (their spread due times skipped). */
  private void drainAllNative(int seconds) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (true) {
      execute(
          "UPDATE wecom_outbox SET next_attempt_at = '2000-01-01' WHERE kind = 'WORKBENCH_DATA'"
              + " AND status = 'PENDING' AND claim_token IS NULL");
      Set<String> pending = new TreeSet<>();
      try (Connection c = dataSource.getConnection();
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT message_key FROM wecom_outbox WHERE kind = 'WORKBENCH_DATA'"
                          + " AND status = 'PENDING'")) {
        while (rs.next()) {
          pending.add(rs.getString(1));
        }
      }
      if (pending.isEmpty()) {
        return;
      }
      assertThat(System.nanoTime()).as("drained within " + seconds + " s").isLessThan(deadline);
      outboxSender.runOnce("it-native");
    }
  }

  private void execute(String sql) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().executeUpdate(sql);
    }
  }

  @SuppressWarnings("unused")
  private static Timestamp ts(LocalDateTime t) {
    return Timestamp.valueOf(t);
  }
}
