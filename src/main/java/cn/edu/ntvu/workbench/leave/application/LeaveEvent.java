package cn.edu.ntvu.workbench.leave.application;

import java.io.Serializable;
import java.time.LocalDateTime;

/** One line of a request's timeline (table {@code leave_event}, append-only). */
public record LeaveEvent(
    LocalDateTime at,
    String actorAccount,
    String actorName,
    String action,
    Integer stepNo,
    String via,
    String detail)
    implements Serializable {}
