package cn.edu.ntvu.workbench.notices.application;

import java.io.Serializable;
import java.time.LocalDateTime;

/** One recipient of a sent notice, with their first read and 我已知晓. */
public record NoticeRecipient(
    String account, String name, String unitName, LocalDateTime readAt, LocalDateTime confirmedAt)
    implements Serializable {
  public boolean read() {
    return readAt != null;
  }

  public boolean confirmed() {
    return confirmedAt != null;
  }
}
