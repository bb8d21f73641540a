package cn.edu.ntvu.workbench.leave.application;

import java.util.Optional;

/**
 * The timeline lines of 转审 and 加签 ({@code leave_event}, append-only): action {@code HANDED_OVER}
 * with detail "陶博" or "陶博\n我出差三天" (the new approver's name, then the note), action {@code
 * APPROVER_ADDED} with detail "BEFORE:陶博" or "AFTER:陶博". Read back as "转审给 陶博" with the note under
 * it, "加签 陶博（先于本人审批）".
 */
public final class HandOverEvents {
  public static final String HANDED_OVER = "HANDED_OVER";
  public static final String APPROVER_ADDED = "APPROVER_ADDED";

  private HandOverEvents() {}

  public static String handedOverDetail(String name, String note) {
    return note == null || note.isBlank() ? name : name + "\n" + note.strip();
  }

  public static String addedDetail(String name, boolean before) {
    return (before ? "BEFORE:" : "AFTER:") + name;
  }

  /** The line of a 转审/加签 event in {@code t}'s language; empty for other events. */
  public static Optional<String> line(LeaveEvent e, LeaveTexts t) {
    String d = e.detail() == null ? "" : e.detail();
    if (HANDED_OVER.equals(e.action())) {
      int nl = d.indexOf('\n');
      return Optional.of(t.get("leave.event.HANDED_OVER", nl < 0 ? d : d.substring(0, nl)));
    }
    if (APPROVER_ADDED.equals(e.action())) {
      boolean before = d.startsWith("BEFORE:");
      String name = d.substring(d.indexOf(':') + 1);
      return Optional.of(
          t.get(
              before ? "leave.event.APPROVER_ADDED.BEFORE" : "leave.event.APPROVER_ADDED.AFTER",
              name));
    }
    return Optional.empty();
  }

  /** The note of a 转审, else "". */
  public static String note(LeaveEvent e) {
    if (!HANDED_OVER.equals(e.action()) || e.detail() == null) {
      return "";
    }
    int nl = e.detail().indexOf('\n');
    return nl < 0 ? "" : e.detail().substring(nl + 1);
  }
}
