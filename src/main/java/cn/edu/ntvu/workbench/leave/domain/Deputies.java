package cn.edu.ntvu.workbench.leave.domain;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * 代理 (issue 18, item 6), the pure rules: an approver who will be away names a deputy for a range of
 * days (both ends included). A range is refused when the deputy is the approver, a student, unknown
 * or inactive; when it ends before it starts or lies wholly in the past; when it overlaps another
 * range of the same approver; and when it would close a loop (A→B while B→A, or longer, on
 * overlapping days). A step that opens on a day of a range gets the deputy as an extra seat; a
 * deputy who is away that day themselves passes it on to their own deputy — at most once.
 */
public final class Deputies {
  /** How many days ahead a range may end (a year): a typo of the year is refused. */
  public static final int MAX_DAYS_AHEAD = 366;

  private Deputies() {}

  /** One range in force (not removed): {@code approver} is away, {@code deputy} decides. */
  public record Range(long id, String approver, String deputy, LocalDate from, LocalDate to) {
    public Range {
      Objects.requireNonNull(approver);
      Objects.requireNonNull(deputy);
      Objects.requireNonNull(from);
      Objects.requireNonNull(to);
    }

    public boolean covers(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }

    public boolean overlaps(Range o) {
      return !o.to.isBefore(from) && !o.from.isAfter(to);
    }
  }

  /** The person named as deputy, as the directory knows them (null fields: not found). */
  public record Candidate(String account, boolean staff, boolean active) {}

  /** Why a range is refused; each has its message beside the field. */
  public enum Problem {
    APPROVER_NOT_STAFF,
    UNKNOWN,
    SELF,
    NOT_STAFF,
    INACTIVE,
    ENDS_BEFORE_START,
    IN_THE_PAST,
    TOO_FAR,
    OVERLAPS,
    LOOP
  }

  /**
   * Checks a proposed range against the deputy as the directory knows them ({@code null}: nobody by
   * that account), the ranges in force (of every approver) and today.
   */
  public static Optional<Problem> check(
      Range proposed, Candidate deputy, List<Range> inForce, LocalDate today) {
    if (deputy == null) {
      return Optional.of(Problem.UNKNOWN);
    }
    if (proposed.deputy().equals(proposed.approver())) {
      return Optional.of(Problem.SELF);
    }
    if (!deputy.staff()) {
      return Optional.of(Problem.NOT_STAFF);
    }
    if (!deputy.active()) {
      return Optional.of(Problem.INACTIVE);
    }
    if (proposed.to().isBefore(proposed.from())) {
      return Optional.of(Problem.ENDS_BEFORE_START);
    }
    if (proposed.to().isBefore(today)) {
      return Optional.of(Problem.IN_THE_PAST);
    }
    if (proposed.to().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
      return Optional.of(Problem.TOO_FAR);
    }
    for (Range r : inForce) {
      if (r.id() != proposed.id()
          && r.approver().equals(proposed.approver())
          && r.overlaps(proposed)) {
        return Optional.of(Problem.OVERLAPS);
      }
    }
    if (closesLoop(proposed, inForce)) {
      return Optional.of(Problem.LOOP);
    }
    return Optional.empty();
  }

  /**
   * Whether adding {@code proposed} makes a cycle among the ranges overlapping its days: from its
   * deputy, following "is away, covered by" edges, the approver is reached again.
   */
  static boolean closesLoop(Range proposed, List<Range> inForce) {
    Deque<String> todo = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    todo.push(proposed.deputy());
    while (!todo.isEmpty()) {
      String at = todo.pop();
      if (at.equals(proposed.approver())) {
        return true;
      }
      if (!seen.add(at)) {
        continue;
      }
      for (Range r : inForce) {
        if (r.id() != proposed.id() && r.approver().equals(at) && r.overlaps(proposed)) {
          todo.push(r.deputy());
        }
      }
    }
    return false;
  }

  /**
   * Who sits in for {@code approver} on {@code day}: their deputy; or, when that deputy is away
   * themselves that day, the deputy's own deputy (passed on once, never further). Empty when the
   * approver is not away, or when passing on would lead back to the approver.
   */
  public static Optional<Seat> resolve(String approver, LocalDate day, List<Range> inForce) {
    Optional<Range> first = covering(approver, day, inForce);
    if (first.isEmpty()) {
      return Optional.empty();
    }
    String deputy = first.get().deputy();
    Optional<Range> second = covering(deputy, day, inForce);
    if (second.isEmpty()) {
      return Optional.of(new Seat(deputy, null));
    }
    String next = second.get().deputy();
    if (next.equals(approver)) {
      // A loop the checks refused, made by data from before them: nobody sits in.
      return Optional.empty();
    }
    return Optional.of(new Seat(next, deputy));
  }

  private static Optional<Range> covering(String approver, LocalDate day, List<Range> inForce) {
    return inForce.stream().filter(r -> r.approver().equals(approver) && r.covers(day)).findFirst();
  }

  /**
   * The deputy seat for an away approver: {@code deputy} decides in the approver's name; {@code
   * passedOnBy} is the first deputy, away too, who passed it on (null when not passed on).
   */
  public record Seat(String deputy, String passedOnBy) {}
}
