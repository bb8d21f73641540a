package cn.edu.ntvu.workbench.leave.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A half of a school day, as a student picks it on the form: 上午 08:00–12:00, 下午 12:00–18:00. A
 * leave from Monday afternoon to Tuesday morning runs from Monday 12:00 to Tuesday 12:00, which
 * {@link LeaveDuration} counts as 1 day.
 */
public enum HalfDay {
  AM(LocalTime.of(8, 0), LocalTime.NOON),
  PM(LocalTime.NOON, LocalTime.of(18, 0));

  private final LocalTime from;
  private final LocalTime to;

  HalfDay(LocalTime from, LocalTime to) {
    this.from = from;
    this.to = to;
  }

  /** When a leave that starts with this half of {@code day} starts. */
  public LocalDateTime startOn(LocalDate day) {
    return day.atTime(from);
  }

  /** When a leave that ends with this half of {@code day} ends. */
  public LocalDateTime endOn(LocalDate day) {
    return day.atTime(to);
  }

  /** AM or PM by name; null for anything else. */
  public static HalfDay of(String name) {
    if (name == null) {
      return null;
    }
    for (HalfDay h : values()) {
      if (h.name().equals(name.strip())) {
        return h;
      }
    }
    return null;
  }
}
