package cn.edu.ntvu.workbench.timetable.application;

import java.time.DayOfWeek;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The numbers a re-imported timetable gives its meetings. A meeting number is the key of every
 * occurrence other contexts keep (点名's marks), so a number must keep meaning the same meeting: a
 * meeting unchanged by the new file (same course, weekday, periods, weeks, classes, students and
 * teachers; room and names may change) keeps its number; every other meeting gets a number never
 * used before in the term for that system (above the highest loaded now and the highest with a roll
 * call). The first import of a term numbers by position in the file, as before. Pure, so it is
 * unit-tested.
 */
final class MeetingNumbers {
  private MeetingNumbers() {}

  /** A meeting as loaded now. */
  record Loaded(
      int no,
      String courseCode,
      String courseName,
      DayOfWeek weekday,
      int firstPeriod,
      int periodCount,
      long weeksMask,
      List<String> classCodes,
      List<String> studentAccounts,
      List<String> teacherAccounts) {
    Loaded {
      classCodes = List.copyOf(new TreeSet<>(classCodes));
      studentAccounts = List.copyOf(new TreeSet<>(studentAccounts));
      teacherAccounts = List.copyOf(new TreeSet<>(teacherAccounts));
    }

    String identity() {
      return String.join(
          "|",
          courseCode,
          String.valueOf(weekday.getValue()),
          String.valueOf(firstPeriod),
          String.valueOf(periodCount),
          String.valueOf(weeksMask),
          String.join(",", classCodes),
          String.join(",", studentAccounts),
          String.join(",", teacherAccounts));
    }

    /** Who attends: a moved meeting is the same course for the same audience. */
    String audience() {
      return courseCode
          + "|"
          + String.join(",", classCodes)
          + "|"
          + String.join(",", studentAccounts);
    }
  }

  static Loaded of(int no, PlannedMeeting p) {
    var m = p.meeting();
    return new Loaded(
        no,
        m.courseCode(),
        m.courseName(),
        m.weekday(),
        m.periods().first(),
        m.periods().length(),
        m.weeks().mask(),
        List.copyOf(m.classCodes()),
        List.copyOf(m.studentAccounts()),
        m.teacherAccounts());
  }

  /**
   * A loaded meeting the new file drops, with where it went: {@code movedTo} is the new file's
   * meeting of the same course and audience at another time, null when the course no longer meets
   * for them.
   */
  record Dropped(Loaded meeting, Loaded movedTo) {}

  /**
   * @param numbers the number of each planned meeting, in file order
   * @param dropped the loaded meetings whose number the new file does not keep
   */
  record Assignment(List<Integer> numbers, List<Dropped> dropped) {}

  /**
   * @param loaded the meetings of the term and system loaded now
   * @param planned the new file's meetings
   * @param highestHeld the highest number with a roll call (0: none)
   */
  static Assignment assign(List<Loaded> loaded, List<PlannedMeeting> planned, int highestHeld) {
    Map<String, Deque<Loaded>> byIdentity = new HashMap<>();
    int next = highestHeld;
    for (Loaded l : loaded) {
      byIdentity.computeIfAbsent(l.identity(), k -> new ArrayDeque<>()).add(l);
      next = Math.max(next, l.no());
    }
    List<Integer> numbers = new ArrayList<>();
    List<Loaded> fresh = new ArrayList<>();
    java.util.Set<Integer> kept = new java.util.HashSet<>();
    for (PlannedMeeting p : planned) {
      Loaded probe = of(0, p);
      Deque<Loaded> same = byIdentity.get(probe.identity());
      if (same != null && !same.isEmpty()) {
        int no = same.poll().no();
        numbers.add(no);
        kept.add(no);
      } else {
        int no = ++next;
        numbers.add(no);
        fresh.add(of(no, p));
      }
    }
    List<Dropped> dropped = new ArrayList<>();
    for (Loaded l : loaded) {
      if (!kept.contains(l.no())) {
        Loaded to =
            fresh.stream().filter(f -> f.audience().equals(l.audience())).findFirst().orElse(null);
        dropped.add(new Dropped(l, to));
      }
    }
    return new Assignment(List.copyOf(numbers), List.copyOf(dropped));
  }
}
