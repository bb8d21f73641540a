package cn.edu.ntvu.workbench.notices.application;

import cn.edu.ntvu.workbench.forms.application.Recipient;
import cn.edu.ntvu.workbench.forms.domain.AudienceRule;
import cn.edu.ntvu.workbench.notices.domain.NoticeSettings;
import cn.edu.ntvu.workbench.notices.domain.NoticeStatus;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The notices' tables (port; SQL in infrastructure). */
public interface NoticeStore {
  long insert(NoticeSettings s, String bodyHtml, String owner, String ownerName, LocalDateTime now);

  void update(long id, NoticeSettings s, String bodyHtml, LocalDateTime now);

  /** After sending: the new text and the time of the edit (已修改). */
  void edit(long id, String title, String body, String bodyHtml, LocalDateTime now);

  Optional<NoticeRow> notice(long id);

  /** The notice's row, locked until the transaction ends. */
  Optional<NoticeRow> lock(long id);

  boolean isSender(long id, String account);

  List<AudienceRule> audience(long id);

  void addAudience(long id, AudienceRule rule);

  int removeAudience(long id, AudienceRule rule);

  List<String> coSenders(long id);

  void replaceCoSenders(long id, Collection<String> accounts);

  /**
   * Moves the status from {@code from} to {@code to}; 1 if it moved, 0 if it was not {@code from}.
   */
  int moveTo(long id, NoticeStatus from, NoticeStatus to, LocalDateTime now);

  void insertRecipients(long id, List<Recipient> people);

  Optional<NoticeRecipient> recipient(long id, String account);

  /** Records the first read; 1 if this was it. */
  int markRead(long id, String account, LocalDateTime now);

  /** Records 我已知晓 (and the read, if none yet); 1 if this was the first. */
  int confirm(long id, String account, LocalDateTime now);

  /** [recipients, read, confirmed]. */
  long[] counts(long id);

  List<UnitCount> perUnit(long id);

  /** Recipients, unread first (then unconfirmed), by unit and account. */
  List<NoticeRecipient> recipients(long id, int limit);

  List<String> unreadAccounts(long id);

  /**
   * Takes the reminder slot: sets the last reminder to {@code now} unless one was within {@code
   * gap}; true if taken (decided by the database, any server).
   */
  boolean claimRemind(long id, LocalDateTime now, Duration gap);

  /** Readers not yet told of an edit; marks them told. */
  List<String> readersToTellOfEdit(long id, LocalDateTime now);

  List<ReceivedNotice> receivedBy(String account, int limit);

  List<NoticeRow> sentBy(String account, int limit);

  long countUnread(String account);

  /** Important notices {@code account} has not read yet, newest first. */
  List<ReceivedNotice> importantUnread(String account, int limit);

  /**
   * How many notices {@code account} has not read, and the newest {@code limit} important ones
   * among them: what {@link #countUnread} and {@link #importantUnread} give, in one statement.
   */
  Unread unread(String account, int limit);

  /** The unread notices of one person: their count and the newest important ones. */
  record Unread(long count, List<ReceivedNotice> important) {
    public static final Unread NONE = new Unread(0, List.of());

    public Unread {
      important = List.copyOf(important);
    }
  }

  boolean claimJob(String name, LocalDateTime now, Duration minGap);

  List<Long> dueScheduled(LocalDateTime now, int limit);

  List<Long> sentBefore(LocalDateTime cutoff, int limit);

  /** Copies the notice's title, sender and counts to the archive and removes it with its reads. */
  void archiveAndRemove(long id, LocalDateTime now);
}
