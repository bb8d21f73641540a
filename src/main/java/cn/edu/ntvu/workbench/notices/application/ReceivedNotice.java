package cn.edu.ntvu.workbench.notices.application;

import java.io.Serializable;
import java.time.LocalDateTime;

/** A notice in a recipient's list: unread first. */
public record ReceivedNotice(
    long id,
    String title,
    String ownerName,
    boolean important,
    boolean needsConfirm,
    boolean recalled,
    LocalDateTime sentAt,
    LocalDateTime readAt,
    LocalDateTime confirmedAt)
    implements Serializable {
  public boolean read() {
    return readAt != null;
  }

  public boolean confirmed() {
    return confirmedAt != null;
  }
}
