package cn.edu.ntvu.workbench.platform.web;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * The problems an import page lists: at most {@link #SHOWN} of them, so that a bad 15,000-line file
 * keeps the page and the session light, and how many there are in all.
 */
public record ProblemList(List<ProblemLine> lines, int total) implements Serializable {
  /** The page lists this many problems of each severity; the total is shown beside. */
  public static final int SHOWN = 500;

  public static final ProblemList NONE = new ProblemList(List.of(), 0);

  public ProblemList {
    lines = List.copyOf(lines);
  }

  /** The first {@link #SHOWN} of {@code problems}, each turned into a line by {@code line}. */
  public static <P> ProblemList of(List<P> problems, Function<P, ProblemLine> line) {
    return new ProblemList(problems.stream().limit(SHOWN).map(line).toList(), problems.size());
  }

  public List<ProblemLine> getLines() {
    return lines;
  }

  public int getTotal() {
    return total;
  }

  public boolean isEmpty() {
    return total == 0;
  }
}
