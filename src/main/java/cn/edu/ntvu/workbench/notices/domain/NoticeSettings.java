package cn.edu.ntvu.workbench.notices.domain;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What the sender writes besides the audience: the title, the body as typed (sanitised separately),
 * whether recipients must tap 我已知晓 and by when, whether it is important, and when to send it.
 *
 * @param confirmDeadline only with {@code needsConfirm}; null: no deadline
 * @param sendAt null: send when the sender taps 发送
 */
public record NoticeSettings(
    String title,
    String body,
    boolean needsConfirm,
    LocalDateTime confirmDeadline,
    boolean important,
    LocalDateTime sendAt)
    implements Serializable {
  public static final int TITLE_MAX = 100;
  public static final int BODY_MAX = 20_000;

  public NoticeSettings {
    title = title == null ? "" : title.strip();
    body = body == null ? "" : body;
    if (!needsConfirm) {
      confirmDeadline = null;
    }
  }

  /** What keeps the settings from being saved ({@code sending}: also what keeps it from going). */
  public List<Problem> problems(LocalDateTime now, boolean sending) {
    List<Problem> p = new ArrayList<>();
    if (title.length() > TITLE_MAX) {
      p.add(Problem.of("notices.error.titleLong", TITLE_MAX));
    }
    if (body.length() > BODY_MAX) {
      p.add(Problem.of("notices.error.bodyLong", BODY_MAX));
    }
    if (sendAt != null && !sendAt.isAfter(now)) {
      p.add(Problem.of("notices.error.sendAtPast"));
    }
    if (confirmDeadline != null && !confirmDeadline.isAfter(now)) {
      p.add(Problem.of("notices.error.deadlinePast"));
    }
    if (confirmDeadline != null && sendAt != null && !confirmDeadline.isAfter(sendAt)) {
      p.add(Problem.of("notices.error.deadlineBeforeSend"));
    }
    if (sending && title.isEmpty()) {
      p.add(Problem.of("notices.error.noTitle"));
    }
    if (sending && body.isBlank()) {
      p.add(Problem.of("notices.error.noBody"));
    }
    return p;
  }
}
