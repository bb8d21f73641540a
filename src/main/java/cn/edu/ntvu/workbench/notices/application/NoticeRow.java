package cn.edu.ntvu.workbench.notices.application;

import cn.edu.ntvu.workbench.notices.domain.NoticeSettings;
import cn.edu.ntvu.workbench.notices.domain.NoticeStatus;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDateTime;

/** A notice as stored. */
public record NoticeRow(
    long id,
    NoticeSettings settings,
    String bodyHtml,
    NoticeStatus status,
    String ownerAccount,
    String ownerName,
    LocalDateTime createdAt,
    LocalDateTime sentAt,
    LocalDateTime editedAt,
    LocalDateTime recalledAt,
    LocalDateTime lastRemindedAt)
    implements Serializable {
  /** How long after sending a notice may be recalled (WeCom recalls messages for 24 hours). */
  public static final Duration RECALL_WINDOW = Duration.ofHours(24);

  public String title() {
    return settings.title();
  }

  public boolean draft() {
    return status == NoticeStatus.DRAFT || status == NoticeStatus.SCHEDULED;
  }

  public boolean recallable(LocalDateTime now) {
    return status == NoticeStatus.SENT
        && sentAt != null
        && now.isBefore(sentAt.plus(RECALL_WINDOW));
  }
}
