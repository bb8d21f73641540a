package cn.edu.ntvu.workbench.attendance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How marks from several devices meet: per student, the last change wins (by the time the tap was
 * made, not the time it arrived), and every change is kept in the history whether it won or not.
 * Pure functions, so the rules are unit-tested without a server.
 */
public final class MarkMerge {
  private MarkMerge() {}

  /** Whether {@code incoming} replaces the stored change {@code current} (absent: none yet). */
  public static boolean wins(Optional<MarkChange> current, MarkChange incoming) {
    return current.isEmpty() || !incoming.changedAt().isBefore(current.get().changedAt());
  }

  /**
   * The time a device says a tap was made, made safe: never after the server's {@code now} (a phone
   * whose clock runs ahead would otherwise win every merge), never before the start of the
   * meeting's day; a missing or unreadable time is {@code now}.
   */
  public static LocalDateTime tapTime(
      Long epochMillis, ZoneId zone, LocalDateTime now, LocalDate meetingDate) {
    if (epochMillis == null) {
      return now;
    }
    LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
    if (t.isAfter(now)) {
      return now;
    }
    LocalDateTime earliest = meetingDate.atStartOfDay();
    return t.isBefore(earliest) ? earliest : t;
  }

  /**
   * The students whose marks someone else changed after the page was loaded: the changes saved
   * after {@code seenChange} (the last change id the page knew of), not by this submit.
   */
  public static Set<String> changedSince(Map<Long, String> studentByChangeId, long seenChange) {
    Set<String> out = new java.util.TreeSet<>();
    studentByChangeId.forEach(
        (id, student) -> {
          if (id > seenChange) {
            out.add(student);
          }
        });
    return out;
  }

  /** Whether marks of a meeting on {@code meetingDate} may still be changed on {@code today}. */
  public static boolean editable(LocalDate meetingDate, LocalDate today, int editDays) {
    return !today.isAfter(meetingDate.plusDays(editDays));
  }

  /** The roster's students among {@code marked} that are not on it (refused, all of them). */
  public static List<String> strangers(Collection<String> marked, Set<String> roster) {
    List<String> out = new ArrayList<>();
    for (String s : marked) {
      if (!roster.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }
}
