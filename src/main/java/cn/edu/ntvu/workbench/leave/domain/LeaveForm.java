package cn.edu.ntvu.workbench.leave.domain;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a student filled in, and the checks that give each bad field its own message: type, start
 * and end (end after start, not 0 minutes, not longer than the configured days, not starting
 * further back than the configured limit, minimum notice), no overlap with the student's own
 * pending or approved leave, reason present and at most {@value #REASON_MAX} characters,
 * destination and emergency contact when leaving campus, a certificate when the type needs one for
 * this length.
 */
public record LeaveForm(
    String typeCode,
    LocalDateTime start,
    LocalDateTime end,
    String reason,
    boolean offCampus,
    String destination,
    String emergencyContact,
    int attachments) {
  public static final int REASON_MAX = 500;

  /** How an overlapping request is named in the message: by its dates and times, "12-10 08:00". */
  static final java.time.format.DateTimeFormatter OVERLAP_TIME =
      java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm");

  public static final int DESTINATION_MAX = 100;
  public static final int CONTACT_MAX = 60;

  /** A pending or approved leave of the same student. */
  public record Existing(long id, LocalDateTime start, LocalDateTime end) {}

  public LeaveDuration duration() {
    return LeaveDuration.between(start, end);
  }

  /** Every problem of the form; empty when it may be submitted. */
  public List<FieldProblem> problems(
      LeaveType type, LeavePolicy policy, LocalDateTime now, List<Existing> mine) {
    List<FieldProblem> out = new ArrayList<>();
    if (type == null || !type.enabled()) {
      out.add(FieldProblem.of("type", "leave.error.type"));
    }
    if (start == null) {
      out.add(FieldProblem.of("start", "leave.error.startMissing"));
    }
    if (end == null) {
      out.add(FieldProblem.of("end", "leave.error.endMissing"));
    }
    LeaveDuration d = duration();
    if (start != null && end != null) {
      if (end.isBefore(start)) {
        out.add(FieldProblem.of("end", "leave.error.endBeforeStart"));
      } else if (d.isZero()) {
        out.add(FieldProblem.of("end", "leave.error.zero"));
      } else if (d.days().compareTo(java.math.BigDecimal.valueOf(policy.maxDays())) > 0) {
        out.add(FieldProblem.of("end", "leave.error.tooLong", policy.maxDays(), d.daysText()));
      }
      if (start.isBefore(now.minusDays(policy.pastLimitDays()))) {
        out.add(FieldProblem.of("start", "leave.error.tooFarBack", policy.pastLimitDays()));
      } else if (policy.minNoticeHours() > 0
          && start.isBefore(now.plusHours(policy.minNoticeHours()))) {
        out.add(FieldProblem.of("start", "leave.error.notice", policy.minNoticeHours()));
      }
      if (end.isAfter(start)) {
        mine.stream()
            .filter(e -> e.start().isBefore(end) && e.end().isAfter(start))
            .findFirst()
            .ifPresent(
                e ->
                    out.add(
                        FieldProblem.of(
                            "start",
                            "leave.error.overlap",
                            OVERLAP_TIME.format(e.start()),
                            OVERLAP_TIME.format(e.end()))));
      }
    }
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty()) {
      out.add(FieldProblem.of("reason", "leave.error.reasonMissing"));
    } else if (r.length() > REASON_MAX) {
      out.add(FieldProblem.of("reason", "leave.error.reasonTooLong", REASON_MAX, r.length()));
    }
    if (offCampus) {
      if (blank(destination)) {
        out.add(FieldProblem.of("destination", "leave.error.destinationMissing"));
      } else if (destination.strip().length() > DESTINATION_MAX) {
        out.add(FieldProblem.of("destination", "leave.error.tooLongText", DESTINATION_MAX));
      }
      if (blank(emergencyContact)) {
        out.add(FieldProblem.of("contact", "leave.error.contactMissing"));
      } else if (emergencyContact.strip().length() > CONTACT_MAX) {
        out.add(FieldProblem.of("contact", "leave.error.tooLongText", CONTACT_MAX));
      }
    }
    if (type != null && !d.isZero() && type.needsCertificate(d.days()) && attachments == 0) {
      out.add(
          FieldProblem.of(
              "attachments",
              "leave.error.certificate",
              type.name(),
              type.certificateOverDays().stripTrailingZeros().toPlainString()));
    }
    return out;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
