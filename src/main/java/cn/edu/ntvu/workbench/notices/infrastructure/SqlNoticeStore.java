package cn.edu.ntvu.workbench.notices.infrastructure;

import static cn.edu.ntvu.workbench.platform.persistence.Sql.bool;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.lng;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.str;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.time;

import cn.edu.ntvu.workbench.forms.application.Recipient;
import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.notices.application.NoticeRecipient;
import cn.edu.ntvu.workbench.notices.application.NoticeRow;
import cn.edu.ntvu.workbench.notices.application.NoticeStore;
import cn.edu.ntvu.workbench.notices.application.ReceivedNotice;
import cn.edu.ntvu.workbench.notices.application.UnitCount;
import cn.edu.ntvu.workbench.notices.domain.NoticeSettings;
import cn.edu.ntvu.workbench.notices.domain.NoticeStatus;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.platform.time.RecentRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The notices' tables through {@link Sql}. */
@ApplicationScoped
public class SqlNoticeStore implements NoticeStore {
  private static final String COLUMNS =
      "n.id, n.title, n.body_source, n.needs_confirm, n.confirm_deadline, n.important, n.send_at,"
          + " n.body_html, n.status, n.owner_account, n.owner_name, n.created_at, n.sent_at,"
          + " n.edited_at, n.recalled_at, n.last_reminded_at";

  @Inject Sql sql;

  static NoticeRow row(Object[] r) {
    return new NoticeRow(
        lng(r[0]),
        new NoticeSettings(str(r[1]), str(r[2]), bool(r[3]), time(r[4]), bool(r[5]), time(r[6])),
        str(r[7]),
        NoticeStatus.valueOf(str(r[8])),
        str(r[9]),
        str(r[10]),
        time(r[11]),
        time(r[12]),
        time(r[13]),
        time(r[14]),
        time(r[15]));
  }

  @Override
  public long insert(
      NoticeSettings s, String bodyHtml, String owner, String ownerName, LocalDateTime now) {
    return sql.insert(
        "INSERT INTO notice (title, body_html, body_source, status, owner_account, owner_name,"
            + " needs_confirm, confirm_deadline, important, send_at, created_at, saved_at)"
            + " VALUES (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?)",
        s.title(),
        bodyHtml,
        s.body(),
        owner,
        ownerName,
        s.needsConfirm(),
        s.confirmDeadline(),
        s.important(),
        s.sendAt(),
        now,
        now);
  }

  @Override
  public void update(long id, NoticeSettings s, String bodyHtml, LocalDateTime now) {
    sql.update(
        "UPDATE notice SET title = ?, body_html = ?, body_source = ?, needs_confirm = ?,"
            + " confirm_deadline = ?, important = ?, send_at = ?, saved_at = ? WHERE id = ?",
        s.title(),
        bodyHtml,
        s.body(),
        s.needsConfirm(),
        s.confirmDeadline(),
        s.important(),
        s.sendAt(),
        now,
        id);
  }

  @Override
  public void edit(long id, String title, String body, String bodyHtml, LocalDateTime now) {
    sql.update(
        "UPDATE notice SET title = ?, body_source = ?, body_html = ?, edited_at = ?, saved_at = ?"
            + " WHERE id = ?",
        title,
        body,
        bodyHtml,
        now,
        now,
        id);
  }

  @Override
  public Optional<NoticeRow> notice(long id) {
    return sql.rows("SELECT " + COLUMNS + " FROM notice n WHERE n.id = ?", id).stream()
        .findFirst()
        .map(SqlNoticeStore::row);
  }

  @Override
  public Optional<NoticeRow> lock(long id) {
    return sql.rows("SELECT " + COLUMNS + " FROM notice n WHERE n.id = ? FOR UPDATE", id).stream()
        .findFirst()
        .map(SqlNoticeStore::row);
  }

  @Override
  public boolean isSender(long id, String account) {
    return !sql.rows(
            "SELECT 1 FROM notice WHERE id = ? AND owner_account = ?"
                + " UNION ALL SELECT 1 FROM notice_co_sender WHERE notice_id = ? AND account = ?",
            id,
            account,
            id,
            account)
        .isEmpty();
  }

  @Override
  public List<AudienceRule> audience(long id) {
    return sql
        .rows(
            "SELECT kind, value FROM notice_audience WHERE notice_id = ? ORDER BY kind, value", id)
        .stream()
        .map(r -> new AudienceRule(AudienceRule.Kind.valueOf(str(r[0])), str(r[1])))
        .toList();
  }

  @Override
  public void addAudience(long id, AudienceRule rule) {
    sql.update(
        "INSERT IGNORE INTO notice_audience (notice_id, kind, value) VALUES (?, ?, ?)",
        id,
        rule.kind().name(),
        rule.value());
  }

  @Override
  public int removeAudience(long id, AudienceRule rule) {
    return sql.update(
        "DELETE FROM notice_audience WHERE notice_id = ? AND kind = ? AND value = ?",
        id,
        rule.kind().name(),
        rule.value());
  }

  @Override
  public List<String> coSenders(long id) {
    return sql
        .rows("SELECT account FROM notice_co_sender WHERE notice_id = ? ORDER BY account", id)
        .stream()
        .map(r -> str(r[0]))
        .toList();
  }

  @Override
  public void replaceCoSenders(long id, Collection<String> accounts) {
    sql.update("DELETE FROM notice_co_sender WHERE notice_id = ?", id);
    for (String a : accounts) {
      sql.update("INSERT INTO notice_co_sender (notice_id, account) VALUES (?, ?)", id, a);
    }
  }

  @Override
  public int moveTo(long id, NoticeStatus from, NoticeStatus to, LocalDateTime now) {
    String stamp =
        switch (to) {
          case SENT -> ", sent_at = ?";
          case RECALLED -> ", recalled_at = ?";
          default -> ", saved_at = ?";
        };
    return sql.update(
        "UPDATE notice SET status = ?" + stamp + " WHERE id = ? AND status = ?",
        to.name(),
        now,
        id,
        from.name());
  }

  @Override
  public void insertRecipients(long id, List<Recipient> people) {
    for (int i = 0; i < people.size(); i += 500) {
      List<Recipient> part = people.subList(i, Math.min(people.size(), i + 500));
      StringBuilder insert =
          new StringBuilder(
              "INSERT IGNORE INTO notice_recipient (notice_id, account, name, unit_name) VALUES ");
      List<Object> args = new ArrayList<>();
      for (Recipient r : part) {
        insert.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?)");
        args.addAll(Arrays.asList(id, r.account(), r.name(), r.unitName()));
      }
      sql.update(insert.toString(), args.toArray());
    }
  }

  static NoticeRecipient recipientRow(Object[] r) {
    return new NoticeRecipient(str(r[0]), str(r[1]), str(r[2]), time(r[3]), time(r[4]));
  }

  @Override
  public Optional<NoticeRecipient> recipient(long id, String account) {
    return sql
        .rows(
            "SELECT account, name, unit_name, read_at, confirmed_at FROM notice_recipient"
                + " WHERE notice_id = ? AND account = ?",
            id,
            account)
        .stream()
        .findFirst()
        .map(SqlNoticeStore::recipientRow);
  }

  @Override
  public int markRead(long id, String account, LocalDateTime now) {
    return sql.update(
        "UPDATE notice_recipient SET read_at = ?"
            + " WHERE notice_id = ? AND account = ? AND read_at IS NULL",
        now,
        id,
        account);
  }

  @Override
  public int confirm(long id, String account, LocalDateTime now) {
    return sql.update(
        "UPDATE notice_recipient SET confirmed_at = ?, read_at = COALESCE(read_at, ?)"
            + " WHERE notice_id = ? AND account = ? AND confirmed_at IS NULL",
        now,
        now,
        id,
        account);
  }

  @Override
  public long[] counts(long id) {
    Object[] r =
        sql.rows(
                "SELECT COUNT(*), COUNT(read_at), COUNT(confirmed_at) FROM notice_recipient"
                    + " WHERE notice_id = ?",
                id)
            .get(0);
    return new long[] {lng(r[0]), lng(r[1]), lng(r[2])};
  }

  @Override
  public List<UnitCount> perUnit(long id) {
    return sql
        .rows(
            "SELECT COALESCE(unit_name, ''), COUNT(*), COUNT(read_at), COUNT(confirmed_at)"
                + " FROM notice_recipient WHERE notice_id = ? GROUP BY unit_name"
                + " ORDER BY COUNT(*) - COUNT(read_at) DESC, unit_name LIMIT 500",
            id)
        .stream()
        .map(r -> new UnitCount(str(r[0]), lng(r[1]), lng(r[2]), lng(r[3])))
        .toList();
  }

  @Override
  public List<NoticeRecipient> recipients(long id, int limit) {
    return sql
        .rows(
            "SELECT account, name, unit_name, read_at, confirmed_at FROM notice_recipient"
                + " WHERE notice_id = ? ORDER BY read_at IS NOT NULL, confirmed_at IS NOT NULL,"
                + " unit_name, account LIMIT "
                + Math.max(1, limit),
            id)
        .stream()
        .map(SqlNoticeStore::recipientRow)
        .toList();
  }

  @Override
  public List<String> unreadAccounts(long id) {
    return sql
        .rows(
            "SELECT account FROM notice_recipient WHERE notice_id = ? AND read_at IS NULL"
                + " ORDER BY account",
            id)
        .stream()
        .map(r -> str(r[0]))
        .toList();
  }

  @Override
  public boolean claimRemind(long id, LocalDateTime now, Duration gap) {
    return sql.update(
            "UPDATE notice SET last_reminded_at = ? WHERE id = ?"
                + " AND (last_reminded_at IS NULL OR last_reminded_at <= ?)",
            now,
            id,
            now.minus(gap))
        == 1;
  }

  @Override
  public List<String> readersToTellOfEdit(long id, LocalDateTime now) {
    List<String> readers =
        sql
            .rows(
                "SELECT account FROM notice_recipient WHERE notice_id = ? AND read_at IS NOT NULL"
                    + " AND told_edit_at IS NULL ORDER BY account FOR UPDATE",
                id)
            .stream()
            .map(r -> str(r[0]))
            .toList();
    sql.update(
        "UPDATE notice_recipient SET told_edit_at = ? WHERE notice_id = ? AND read_at IS NOT NULL"
            + " AND told_edit_at IS NULL",
        now,
        id);
    return readers;
  }

  private static final String RECEIVED =
      "SELECT n.id, n.title, n.owner_name, n.important, n.needs_confirm, n.status = 'RECALLED',"
          + " n.sent_at, r.read_at, r.confirmed_at FROM notice_recipient r"
          + " JOIN notice n ON n.id = r.notice_id WHERE r.account = ?"
          + " AND n.status IN ('SENT', 'RECALLED')";

  static ReceivedNotice received(Object[] r) {
    return new ReceivedNotice(
        lng(r[0]),
        str(r[1]),
        str(r[2]),
        bool(r[3]),
        bool(r[4]),
        bool(r[5]),
        time(r[6]),
        time(r[7]),
        time(r[8]));
  }

  @Override
  public List<ReceivedNotice> receivedBy(String account, int limit) {
    return sql
        .rows(
            RECEIVED
                + " ORDER BY r.read_at IS NOT NULL, n.sent_at DESC, n.id DESC LIMIT "
                + Math.max(1, limit),
            account)
        .stream()
        .map(SqlNoticeStore::received)
        .toList();
  }

  @Override
  public List<NoticeRow> sentBy(String account, int limit) {
    return sql
        .rows(
            "SELECT "
                + COLUMNS
                + " FROM notice n WHERE n.owner_account = ?"
                + " OR n.id IN (SELECT notice_id FROM notice_co_sender WHERE account = ?)"
                + " ORDER BY n.id DESC LIMIT "
                + Math.max(1, limit),
            account,
            account)
        .stream()
        .map(SqlNoticeStore::row)
        .toList();
  }

  @Override
  public long countUnread(String account) {
    return lng(
        sql.value(
            "SELECT COUNT(*) FROM notice_recipient r JOIN notice n ON n.id = r.notice_id"
                + " WHERE r.account = ? AND r.read_at IS NULL AND n.status = 'SENT'",
            account));
  }

  @Override
  public List<ReceivedNotice> importantUnread(String account, int limit) {
    return sql
        .rows(
            RECEIVED
                + " AND n.important AND n.status = 'SENT' AND r.read_at IS NULL"
                + " ORDER BY n.sent_at DESC LIMIT "
                + Math.max(1, limit),
            account)
        .stream()
        .map(SqlNoticeStore::received)
        .toList();
  }

  @Override
  public Unread unread(String account, int limit) {
    // Every unread notice of the person counted (the window runs before LIMIT); the important
    // ones sort first, so the rows kept are the newest important ones if there are any.
    List<Object[]> rows =
        sql.rows(
            "SELECT n.id, n.title, n.owner_name, n.important, n.needs_confirm, FALSE, n.sent_at,"
                + " r.read_at, r.confirmed_at, COUNT(*) OVER () FROM notice_recipient r"
                + " JOIN notice n ON n.id = r.notice_id"
                + " WHERE r.account = ? AND r.read_at IS NULL AND n.status = 'SENT'"
                + " ORDER BY n.important DESC, n.sent_at DESC LIMIT "
                + Math.max(1, limit),
            account);
    if (rows.isEmpty()) {
      return Unread.NONE;
    }
    List<ReceivedNotice> important =
        rows.stream().filter(r -> bool(r[3])).map(SqlNoticeStore::received).toList();
    return new Unread(lng(rows.get(0)[9]), important);
  }

  @Override
  public boolean claimJob(String name, LocalDateTime now, Duration minGap) {
    List<Object[]> r =
        sql.rows("SELECT name, last_run_at FROM notice_job WHERE name = ? FOR UPDATE", name);
    if (r.isEmpty() || RecentRun.holdsOff(time(r.get(0)[1]), now, minGap)) {
      return false;
    }
    sql.update("UPDATE notice_job SET last_run_at = ? WHERE name = ?", now, name);
    return true;
  }

  @Override
  public List<Long> dueScheduled(LocalDateTime now, int limit) {
    return sql
        .rows(
            "SELECT id FROM notice WHERE status = 'SCHEDULED' AND send_at <= ?"
                + " ORDER BY send_at, id LIMIT "
                + Math.max(1, limit),
            now)
        .stream()
        .map(r -> lng(r[0]))
        .toList();
  }

  @Override
  public List<Long> sentBefore(LocalDateTime cutoff, int limit) {
    return sql
        .rows(
            "SELECT id FROM notice WHERE COALESCE(sent_at, saved_at) < ?"
                + " ORDER BY id LIMIT "
                + Math.max(1, limit),
            cutoff)
        .stream()
        .map(r -> lng(r[0]))
        .toList();
  }

  @Override
  public void archiveAndRemove(long id, LocalDateTime now) {
    sql.update(
        "INSERT IGNORE INTO notice_archive (notice_id, title, owner_account, owner_name, sent_at,"
            + " recalled, recipients, read_count, confirmed, archived_at)"
            + " SELECT n.id, n.title, n.owner_account, n.owner_name, n.sent_at,"
            + " n.status = 'RECALLED', COUNT(r.account), COUNT(r.read_at), COUNT(r.confirmed_at), ?"
            + " FROM notice n LEFT JOIN notice_recipient r ON r.notice_id = n.id WHERE n.id = ?"
            + " GROUP BY n.id",
        now,
        id);
    sql.update("DELETE FROM notice WHERE id = ?", id);
  }
}
