package cn.edu.ntvu.workbench.leave.domain;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A 续假 (extension) as the student asks it: the new end and why. {@link #problems} are what the page
 * shows beside the fields; whose leave it is and whether it may be extended at all are the
 * service's to check first.
 */
public record ExtensionForm(LocalDateTime newEnd, String reason) {
  public static final int REASON_MAX = 500;

  /**
   * @param start the leave's start
   * @param currentEnd the leave's end now (after any earlier extension)
   * @param pending whether an extension of this leave waits for its approval already
   * @param others the student's other pending and approved leave (for the overlap check)
   */
  public List<FieldProblem> problems(
      LocalDateTime start,
      LocalDateTime currentEnd,
      boolean pending,
      LeavePolicy policy,
      LocalDateTime now,
      List<LeaveForm.Existing> others) {
    List<FieldProblem> out = new ArrayList<>();
    if (pending) {
      out.add(FieldProblem.of("newEnd", "leave.ext.error.pending"));
      return out;
    }
    if (!currentEnd.isAfter(now)) {
      out.add(FieldProblem.of("newEnd", "leave.ext.error.ended"));
      return out;
    }
    if (newEnd == null) {
      out.add(FieldProblem.of("newEnd", "leave.ext.error.noEnd"));
    } else if (!newEnd.isAfter(currentEnd)) {
      out.add(
          FieldProblem.of(
              "newEnd",
              "leave.ext.error.notAfter",
              String.format(
                  "%02d-%02d %02d:%02d",
                  currentEnd.getMonthValue(),
                  currentEnd.getDayOfMonth(),
                  currentEnd.getHour(),
                  currentEnd.getMinute())));
    } else if (LeaveDuration.between(start, newEnd).days().intValue() > policy.maxDays()) {
      out.add(FieldProblem.of("newEnd", "leave.ext.error.tooLong", policy.maxDays()));
    } else if (others.stream()
        .anyMatch(o -> o.start().isBefore(newEnd) && o.end().isAfter(currentEnd))) {
      out.add(FieldProblem.of("newEnd", "leave.ext.error.overlap"));
    }
    if (reason == null || reason.isBlank()) {
      out.add(FieldProblem.of("extReason", "leave.ext.error.noReason"));
    } else if (reason.strip().length() > REASON_MAX) {
      out.add(FieldProblem.of("extReason", "leave.ext.error.reasonTooLong", REASON_MAX));
    }
    return out;
  }
}
