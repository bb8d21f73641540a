package cn.edu.ntvu.workbench.attendance.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alert threshold of absences (issue 19, item 5): a student is past it in a course when the
 * periods they were 缺勤 are at least {@code numerator/denominator} of the course's periods held so
 * far (those with a roll call that listed them). Exact rational arithmetic: no rounding decides
 * whether 2 of 6 periods is "1/3".
 *
 * @param numerator ≥ 0
 * @param denominator ≥ 1, numerator ≤ denominator
 */
public record AbsenceThreshold(int numerator, int denominator) {
  /** The default: one third. */
  public static final AbsenceThreshold DEFAULT = new AbsenceThreshold(1, 3);

  private static final Pattern FRACTION = Pattern.compile("\\s*(\\d{1,4})\\s*/\\s*(\\d{1,4})\\s*");
  private static final Pattern DECIMAL =
      Pattern.compile("\\s*(0?\\.(\\d{1,4})|0|1(\\.0{0,4})?)\\s*");
  private static final Pattern PERCENT = Pattern.compile("\\s*(\\d{1,3})\\s*%\\s*");

  public AbsenceThreshold {
    if (denominator < 1 || numerator < 0 || numerator > denominator) {
      throw new IllegalArgumentException("threshold " + numerator + "/" + denominator);
    }
  }

  /**
   * Parses the setting: {@code 1/3}, {@code 0.25}, {@code 30%}; a ratio between 0 (exclusive) and 1
   * (inclusive). Empty for anything else (the caller falls back to {@link #DEFAULT}).
   */
  public static Optional<AbsenceThreshold> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FRACTION.matcher(text);
    if (m.matches()) {
      return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    m = PERCENT.matcher(text);
    if (m.matches()) {
      return of(Integer.parseInt(m.group(1)), 100);
    }
    m = DECIMAL.matcher(text);
    if (m.matches()) {
      if (m.group(2) == null) {
        return text.strip().startsWith("1") ? of(1, 1) : Optional.empty();
      }
      String digits = m.group(2);
      return of(Integer.parseInt(digits), (int) Math.pow(10, digits.length()));
    }
    return Optional.empty();
  }

  private static Optional<AbsenceThreshold> of(int num, int den) {
    if (den < 1 || num < 1 || num > den) {
      return Optional.empty();
    }
    int g = gcd(num, den);
    return Optional.of(new AbsenceThreshold(num / g, den / g));
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** Whether {@code absent} of {@code held} periods is at or past the threshold (none held: no). */
  public boolean reached(int absent, int held) {
    if (held <= 0 || absent <= 0) {
      return false;
    }
    return (long) absent * denominator >= (long) numerator * held;
  }

  /**
   * Whether this roll call made the student cross it: past it now, not before (a student already
   * past it is not alerted again; one who fell below and comes back is, but the message key sends
   * at most one per term and course).
   */
  public boolean crossed(int absentBefore, int heldBefore, int absentNow, int heldNow) {
    return reached(absentNow, heldNow) && !reached(absentBefore, heldBefore);
  }

  /** As shown: "1/3". */
  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
