package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.forms.domain.FormSettings;
import cn.edu.ntvu.workbench.forms.domain.FormStatus;
import java.io.Serializable;
import java.time.LocalDateTime;

/** A form as stored: its settings, where it is in its lifecycle and who owns it. */
public record FormRow(
    long id,
    FormSettings settings,
    FormStatus status,
    String ownerAccount,
    String ownerName,
    LocalDateTime createdAt,
    LocalDateTime publishedAt,
    LocalDateTime closedAt,
    LocalDateTime lastRemindedAt,
    int version)
    implements Serializable {

  public String title() {
    return settings.title();
  }

  public boolean open(LocalDateTime now) {
    return settings.open(status, now);
  }

  /**
   * Published, but the deadline passed and the closing job has not run yet: closed for everyone.
   */
  public FormStatus effectiveStatus(LocalDateTime now) {
    return status == FormStatus.PUBLISHED && !open(now) ? FormStatus.CLOSED : status;
  }
}
