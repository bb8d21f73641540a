package cn.edu.ntvu.workbench.notices.application;

import cn.edu.ntvu.workbench.notices.domain.NoticeStatus;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What recipients do: open a notice (the first read is recorded once, on the reader's own row, so
 * thousands reading at once never wait on one another), tap 我已知晓, see their list (未读 first). A
 * recalled notice shows 已撤回 and nothing of its text; someone who is neither a recipient nor a
 * sender is refused.
 */
@ApplicationScoped
public class NoticeReading {
  @Inject NoticeStore store;
  @Inject Clock clock;
  @Inject UnreadNotices unread;

  /**
   * A notice as one person sees it.
   *
   * @param me the reader's row; empty for a sender who is not a recipient (preview)
   * @param sender whether the reader sends it (sender or co-sender)
   */
  public record Opened(NoticeRow notice, Optional<NoticeRecipient> me, boolean sender) {
    public boolean recalled() {
      return notice.status() == NoticeStatus.RECALLED;
    }
  }

  /** Opens the notice for {@code user}, recording their first read. */
  public Opened open(SignedInUser user, long id) {
    NoticeRow n = store.notice(id).orElseThrow(() -> new NoticeAccessDenied("no such notice"));
    boolean sender = Notices.maySend(user) && store.isSender(id, user.account());
    boolean delivered = n.status() == NoticeStatus.SENT || n.status() == NoticeStatus.RECALLED;
    Optional<NoticeRecipient> me =
        delivered ? store.recipient(id, user.account()) : Optional.empty();
    if (me.isEmpty() && !sender) {
      throw new NoticeAccessDenied("not a recipient");
    }
    if (me.isPresent() && n.status() == NoticeStatus.SENT && !me.get().read()) {
      store.markRead(id, user.account(), now());
      unread.forget(user.account());
      me = store.recipient(id, user.account());
    }
    return new Opened(n, me, sender);
  }

  /** 我已知晓; true when recorded now or before, false when refused (recalled, past the deadline). */
  public boolean confirm(SignedInUser user, long id) {
    NoticeRow n = store.notice(id).orElseThrow(() -> new NoticeAccessDenied("no such notice"));
    NoticeRecipient me =
        store
            .recipient(id, user.account())
            .orElseThrow(() -> new NoticeAccessDenied("not a recipient"));
    if (me.confirmed()) {
      return true;
    }
    LocalDateTime now = now();
    if (n.status() != NoticeStatus.SENT
        || !n.settings().needsConfirm()
        || n.settings().confirmDeadline() != null && now.isAfter(n.settings().confirmDeadline())) {
      return false;
    }
    store.confirm(id, user.account(), now);
    unread.forget(user.account());
    return true;
  }

  public List<ReceivedNotice> received(SignedInUser user) {
    return store.receivedBy(user.account(), 200);
  }

  public long unread(SignedInUser user) {
    return store.countUnread(user.account());
  }

  public List<ReceivedNotice> importantUnread(SignedInUser user) {
    return store.importantUnread(user.account(), 3);
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }
}
