package cn.edu.ntvu.workbench.timetable.domain;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 节次: consecutive class periods, {@code 第1-2节} is first period 1, length 2. */
public record PeriodRange(int first, int length) {
  private static final Pattern TEXT = Pattern.compile("第?(\\d{1,2})(?:-(\\d{1,2}))?节?");

  public PeriodRange {
    if (first < 1) {
      throw new TimetableInputException("timetable.periods.zero", first);
    }
    if (length < 1) {
      throw new TimetableInputException("timetable.periods.reversed", first, first + length - 1);
    }
  }

  /**
   * Parses {@code 第1-2节}, {@code 第3节}, {@code 1-2} and full-width variants.
   *
   * @param periodsPerDay how many periods the period-time table has; later periods are an error
   */
  public static PeriodRange parse(String text, int periodsPerDay) {
    String original = text == null ? "" : text.strip();
    String s =
        Normalizer.normalize(original, Normalizer.Form.NFKC)
            .replaceAll("\\s+", "")
            .replaceAll("[\u2010-\u2015\u2212~\u301C至]", "-");
    if (s.isEmpty()) {
      throw new TimetableInputException("timetable.periods.blank");
    }
    Matcher m = TEXT.matcher(s);
    if (!m.matches()) {
      throw new TimetableInputException("timetable.periods.invalid", original);
    }
    int first = Integer.parseInt(m.group(1));
    int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
    return fromFirstLast(first, last, periodsPerDay);
  }

  /** From the 金智 columns {@code KSJC}/{@code JSJC} (first and last period). */
  public static PeriodRange fromFirstLast(int first, int last, int periodsPerDay) {
    if (first < 1 || last < 1) {
      throw new TimetableInputException("timetable.periods.zero", Math.min(first, last));
    }
    if (last < first) {
      throw new TimetableInputException("timetable.periods.reversed", first, last);
    }
    if (last > periodsPerDay) {
      throw new TimetableInputException("timetable.periods.beyondTable", last, periodsPerDay);
    }
    return new PeriodRange(first, last - first + 1);
  }

  public int last() {
    return first + length - 1;
  }

  public boolean overlaps(PeriodRange other) {
    return first <= other.last() && other.first <= last();
  }

  /** {@code 第1-2节} or {@code 第3节}. */
  @Override
  public String toString() {
    return length == 1 ? "第" + first + "节" : "第" + first + "-" + last() + "节";
  }
}
