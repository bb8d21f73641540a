package cn.edu.ntvu.workbench.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.notices.application.NoticeAccessDenied;
import cn.edu.ntvu.workbench.notices.application.NoticeReading;
import cn.edu.ntvu.workbench.notices.application.NoticeResults;
import cn.edu.ntvu.workbench.notices.application.Notices;
import cn.edu.ntvu.workbench.notices.domain.NoticeSettings;
import cn.edu.ntvu.workbench.notices.domain.Problem;
import cn.edu.ntvu.workbench.platform.files.UploadsInContainer;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * 通知 in the container: a scheduled notice sent once by two workers at once, the reminder limit
 * (once an hour, decided by the database), who may do what (forged calls change nothing).
 *
 * <p>An abstract part of {@code platform.persistence.InContainerIT}.
 */
public abstract class NoticesInContainer extends UploadsInContainer {
  @Inject protected Notices notices;
  @Inject protected NoticeReading noticeReading;
  @Inject protected NoticeResults noticeResults;
  @Inject protected Clock noticeClock;

  /** A draft by counsellor 10001 (毛敏) to the students of her class (40), 需确认. */
  protected long noticeDraft(LocalDateTime sendAt) {
    var owner = formsUser("10001");
    long id = notices.create(owner);
    assertThat(
            notices.save(
                owner,
                id,
                new NoticeSettings(
                    "容器内通知 " + System.nanoTime(), "明天<b>八点</b>集合", true, null, false, sendAt)))
        .isEmpty();
    assertThat(notices.addAudience(owner, id, new AudienceRule(AudienceRule.Kind.MY_CLASSES, null)))
        .isEmpty();
    return id;
  }

  @Test
  void noticesScheduledSendGoesOnceWithTwoWorkersAtOnce() throws Exception {
    var owner = formsUser("10001");
    LocalDateTime now = LocalDateTime.now(noticeClock);
    // A schedule in the past is refused, and nothing is saved.
    long id = noticeDraft(null);
    assertThat(
            notices.save(
                owner, id, new NoticeSettings("t", "b", false, null, false, now.minusMinutes(5))))
        .extracting(Problem::key)
        .containsExactly("notices.error.sendAtPast");
    assertThat(
            notices.save(
                owner, id, new NoticeSettings("t", "b", true, null, false, now.plusHours(1))))
        .isEmpty();
    assertThat(notices.send(owner, id)).isEmpty();
    assertThat(leaveRows("select count(*) from notice where id = ? and status = 'SCHEDULED'", id))
        .isEqualTo(1);
    assertThat(leaveRows("select count(*) from notice_recipient where notice_id = ?", id)).isZero();
    try (Connection c = dataSource.getConnection()) {
      var ps = c.prepareStatement("update notice set send_at = ? where id = ?");
      ps.setObject(1, java.sql.Timestamp.valueOf(now.minusMinutes(1)));
      ps.setLong(2, id);
      ps.executeUpdate();
      c.createStatement().executeUpdate("update notice_job set last_run_at = null");
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(
            pool.submit(
                () -> {
                  go.await();
                  return notices.sendDue(Duration.ofSeconds(50));
                }));
      }
      go.countDown();
      int total = 0;
      for (Future<Integer> f : runs) {
        total += f.get();
      }
      // This server's own timer may have sent it a moment before; either way exactly once.
      assertThat(total).isLessThanOrEqualTo(1);
    } finally {
      pool.shutdown();
    }
    for (int i = 0;
        i < 50
            && leaveRows("select count(*) from notice where id = ? and status = 'SENT'", id) == 0;
        i++) {
      sleep(200);
    }
    assertThat(leaveRows("select count(*) from notice where id = ? and status = 'SENT'", id))
        .isEqualTo(1);
    assertThat(leaveRows("select count(*) from notice_recipient where notice_id = ?", id))
        .isEqualTo(40);
    assertThat(leaveRows("select count(*) from wecom_outbox where topic = ?", "notices:" + id))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from audit_entry where object_type = 'notice' and object_id = ?"
                    + " and action = 'NOTICE_SEND'",
                String.valueOf(id)))
        .isEqualTo(1);
  }

  @Test
  void noticesRemindReachesExactlyTheUnreadOnceAnHour() throws Exception {
    var owner = formsUser("10001");
    long id = noticeDraft(null);
    assertThat(notices.send(owner, id)).isEmpty();
    var reader = formsUser("20240100001");
    var confirmer = formsUser("20240100002");
    noticeReading.open(reader, id);
    noticeReading.open(reader, id); // the first read stays the first
    assertThat(noticeReading.confirm(confirmer, id)).isTrue();
    var o = noticeResults.overview(owner, id);
    assertThat(o.recipients()).isEqualTo(40);
    assertThat(o.read()).isEqualTo(2);
    assertThat(o.confirmed()).isEqualTo(1);

    // Two taps at once: one reminder.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<NoticeResults.RemindOutcome> outs = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<NoticeResults.RemindOutcome>> taps = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        taps.add(
            pool.submit(
                () -> {
                  go.await();
                  return noticeResults.remind(owner, id);
                }));
      }
      go.countDown();
      for (var f : taps) {
        outs.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
    assertThat(outs)
        .extracting(NoticeResults.RemindOutcome::reminded)
        .containsExactlyInAnyOrder(38, 0);
    assertThat(outs)
        .extracting(NoticeResults.RemindOutcome::refusalKey)
        .containsExactlyInAnyOrder(null, "notices.results.remind.tooSoon");
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where topic = ? and message_key like ?",
                "notices:" + id,
                "notices:" + id + ":remind:%"))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where message_key like ? and (to_users like ?"
                    + " or to_users like ?)",
                "notices:" + id + ":remind:%",
                "%20240100001%",
                "%20240100002%"))
        .isZero();
    // Within the hour: refused.
    assertThat(noticeResults.remind(owner, id).refusalKey())
        .isEqualTo("notices.results.remind.tooSoon");
  }

  @Test
  void noticesForgedCallsByStudentsAndOutsidersChangeNothing() throws Exception {
    var owner = formsUser("10001");
    long id = noticeDraft(null);
    var student = formsUser("20240100001");
    long notices0 = countRows("notice");
    assertThatThrownBy(() -> notices.create(student)).isInstanceOf(NoticeAccessDenied.class);
    assertThatThrownBy(() -> notices.send(student, id)).isInstanceOf(NoticeAccessDenied.class);
    assertThatThrownBy(
            () -> notices.save(student, id, new NoticeSettings("x", "x", false, null, false, null)))
        .isInstanceOf(NoticeAccessDenied.class);
    // Another teacher: not a sender.
    var other = formsUser("10002");
    assertThatThrownBy(() -> notices.send(other, id)).isInstanceOf(NoticeAccessDenied.class);
    assertThatThrownBy(() -> noticeResults.overview(other, id))
        .isInstanceOf(NoticeAccessDenied.class);
    assertThat(countRows("notice")).isEqualTo(notices0);
    // A draft is nobody's to read but its senders'.
    assertThatThrownBy(() -> noticeReading.open(student, id))
        .isInstanceOf(NoticeAccessDenied.class);
    assertThat(notices.send(owner, id)).isEmpty();
    // Sent: a recipient student still cannot see the read list; a non-recipient cannot open it.
    assertThatThrownBy(() -> noticeResults.overview(student, id))
        .isInstanceOf(NoticeAccessDenied.class);
    assertThatThrownBy(() -> noticeResults.remind(student, id))
        .isInstanceOf(NoticeAccessDenied.class);
    var outsider = formsUser("20250100041"); // a student of another class
    assertThatThrownBy(() -> noticeReading.open(outsider, id))
        .isInstanceOf(NoticeAccessDenied.class);
    // Co-senders must be staff; an audience outside her scope is refused.
    assertThat(notices.setCoSenders(owner, id, "20240100002"))
        .extracting(Problem::key)
        .containsExactly("notices.error.coSenderStudent");
    long draft = notices.create(owner);
    assertThat(
            notices.addAudience(owner, draft, new AudienceRule(AudienceRule.Kind.ROLE, "STUDENT")))
        .extracting(Problem::key)
        .containsExactly("notices.audience.error.OUT_OF_SCOPE");
    // Recall: the recipient then sees it recalled; a second recall is refused.
    assertThat(notices.recall(owner, id)).isEmpty();
    assertThat(noticeReading.open(student, id).recalled()).isTrue();
    assertThat(notices.recall(owner, id))
        .extracting(Problem::key)
        .containsExactly("notices.error.notSent");
  }

  @Test
  void noticesRecallReachesWeComForEveryCardOnceThroughAnOutage() throws Exception {
    var owner = formsUser("10001");
    long id = noticeDraft(null);
    String topic = "notices:" + id;
    assertThat(notices.send(owner, id)).isEmpty();
    noticeReading.open(formsUser("20240100001"), id);
    assertThat(noticeResults.remind(owner, id).reminded()).isEqualTo(39);
    drainOutbox(topic, 60);
    List<String> msgids = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        var ps =
            c.prepareStatement(
                "select wecom_msgid from wecom_outbox where topic = ? and kind = 'SEND'"
                    + " and status = 'SENT'")) {
      ps.setString(1, topic);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          msgids.add(rs.getString(1));
        }
      }
    }
    assertThat(msgids).as("the card and the reminder, each with WeCom's msgid").hasSize(2);
    assertThat(msgids).allSatisfy(m -> assertThat(m).isNotBlank());

    // WeCom away while the sender recalls: the recall waits in the outbox, then goes, once each.
    standIn().failFor("/cgi-bin/message/recall", 0, 503, 1_500);
    assertThat(notices.recall(owner, id)).isEmpty();
    assertThat(notices.recall(owner, id))
        .extracting(Problem::key)
        .containsExactly("notices.error.notSent");
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where topic = ? and kind = 'RECALL'", topic))
        .isEqualTo(2);
    outboxSender.runOnce("it-recall-outage");
    assertThat(countOutbox(topic, "PENDING")).isEqualTo(2);
    for (String m : msgids) {
      assertThat(standIn().recalls(m)).isZero();
    }
    sleep(1_600);
    drainOutbox(topic, 60);
    for (String m : msgids) {
      assertThat(standIn().recalls(m)).as("recalls of " + m).isEqualTo(1);
    }
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where topic = ? and kind = 'RECALL'"
                    + " and status = 'SENT'",
                topic))
        .isEqualTo(2);
    assertThat(noticeReading.open(formsUser("20240100002"), id).recalled()).isTrue();
  }

  @Test
  void noticesRecallAfter24HoursIsRefusedAndWeComsOwnLimitIs42052() throws Exception {
    var owner = formsUser("10001");
    long id = noticeDraft(null);
    String topic = "notices:" + id;
    assertThat(notices.send(owner, id)).isEmpty();
    drainOutbox(topic, 60);
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement("update notice set sent_at = ? where id = ?")) {
      ps.setObject(
          1,
          java.sql.Timestamp.valueOf(
              LocalDateTime.now(noticeClock).minusHours(24).minusMinutes(1)));
      ps.setLong(2, id);
      ps.executeUpdate();
    }
    assertThat(notices.recall(owner, id))
        .extracting(Problem::key)
        .containsExactly("notices.error.recallLate");
    assertThat(leaveRows("select count(*) from notice where id = ? and status = 'SENT'", id))
        .isEqualTo(1);
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where topic = ? and kind = 'RECALL'", topic))
        .isZero();

    // WeCom's own 24 hours run on its clock: a card it got 25 hours ago answers 42052 and the
    // recall fails for good (no retry loop).
    long other = noticeDraft(null);
    String otherTopic = "notices:" + other;
    assertThat(notices.send(owner, other)).isEmpty();
    drainOutbox(otherTopic, 60);
    try (Connection c = dataSource.getConnection();
        var ps = c.prepareStatement("select to_users from wecom_outbox where topic = ?")) {
      ps.setString(1, otherTopic);
      try (var rs = ps.executeQuery()) {
        rs.next();
        for (String u : rs.getString(1).split("\\|")) {
          standIn().ageMessages(u.toLowerCase(java.util.Locale.ROOT), 25 * 3600);
        }
      }
    }
    assertThat(notices.recall(owner, other)).isEmpty();
    drainOutbox(otherTopic, 60);
    assertThat(
            leaveRows(
                "select count(*) from wecom_outbox where topic = ? and kind = 'RECALL'"
                    + " and status = 'FAILED' and last_errcode = 42052",
                otherTopic))
        .isEqualTo(1);
  }
}
