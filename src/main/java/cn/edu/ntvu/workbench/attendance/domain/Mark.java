package cn.edu.ntvu.workbench.attendance.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A student's attendance at one meeting occurrence. One tap on the roster moves a student to the
 * next mark of {@link #cycle}: 缺勤 → 迟到 → 早退 → 出勤 → 缺勤…; a student on approved leave also passes 请假,
 * so a teacher who tapped by mistake can come back to it.
 */
public enum Mark {
  PRESENT,
  ABSENT,
  LATE,
  EARLY,
  EXCUSED;

  /** The marks one tap goes through, in order. */
  public static List<Mark> cycle(boolean onLeave) {
    List<Mark> out = new ArrayList<>(List.of(ABSENT, LATE, EARLY, PRESENT));
    if (onLeave) {
      out.add(EXCUSED);
    }
    return List.copyOf(out);
  }

  /** The mark after this one tap. */
  public Mark next(boolean onLeave) {
    List<Mark> c = cycle(onLeave);
    int i = c.indexOf(this);
    return i < 0 ? ABSENT : c.get((i + 1) % c.size());
  }

  /** The mark a roster starts with: 请假 for a student on approved leave, else 出勤. */
  public static Mark initial(boolean onLeave) {
    return onLeave ? EXCUSED : PRESENT;
  }

  /** Whether a teacher may set this mark (请假 only for a student on approved leave). */
  public boolean allowedFor(boolean onLeave) {
    return this != EXCUSED || onLeave;
  }

  /** The mark of its name ({@code ABSENT}); empty for anything else. */
  public static Optional<Mark> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
