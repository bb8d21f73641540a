package cn.edu.ntvu.workbench.attendance.domain;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One change of one student's mark, as a device made it: who, which mark, and when the tap was made
 * (which may be long before it reaches the server, when the phone was offline).
 */
public record MarkChange(String student, Mark mark, String by, LocalDateTime changedAt) {
  public MarkChange {
    Objects.requireNonNull(student, "student");
    Objects.requireNonNull(mark, "mark");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(changedAt, "changedAt");
  }
}
