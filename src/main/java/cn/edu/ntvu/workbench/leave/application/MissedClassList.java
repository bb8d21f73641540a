package cn.edu.ntvu.workbench.leave.application;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The classes a leave misses: "将缺 3 门课 6 节", then day by day. */
public record MissedClassList(List<MissedClass> classes) implements Serializable {
  public static final MissedClassList NONE = new MissedClassList(List.of());

  public MissedClassList {
    classes = List.copyOf(classes);
  }

  public boolean isEmpty() {
    return classes.isEmpty();
  }

  public int periods() {
    return classes.stream().mapToInt(MissedClass::periodCount).sum();
  }

  public int courses() {
    Set<String> codes = new HashSet<>();
    classes.forEach(c -> codes.add(c.courseCode()));
    return codes.size();
  }

  /** One day's missed classes. */
  public record Day(LocalDate date, List<MissedClass> classes) implements Serializable {}

  /** The classes grouped by date, in order. */
  public List<Day> days() {
    Map<LocalDate, List<MissedClass>> by = new LinkedHashMap<>();
    classes.forEach(c -> by.computeIfAbsent(c.date(), d -> new ArrayList<>()).add(c));
    List<Day> out = new ArrayList<>();
    by.forEach((d, cs) -> out.add(new Day(d, List.copyOf(cs))));
    return out;
  }
}
