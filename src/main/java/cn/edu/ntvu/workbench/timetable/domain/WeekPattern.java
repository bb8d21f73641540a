package cn.edu.ntvu.workbench.timetable.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 上课周次: the set of teaching weeks (1..{@value #MAX_WEEKS}) in which a course meeting takes place.
 * Immutable; kept as a bit mask (bit {@code w} = week {@code w}) because that is how it is stored
 * and compared.
 *
 * <p>Reads the text of 正方-style exports ({@code 1-16周}, {@code 1-15周(单)}, {@code 1-8,10,12-16周},
 * with 第, full-width characters and spaces as people type them) and the bitmaps of 金智-style exports
 * ({@code SKZC}: character {@code i} is week {@code i+1}). {@link #toString()} writes the compact
 * 正方 form back.
 */
public final class WeekPattern {
  /** No Chinese term runs longer; it also keeps the mask in a signed 32-bit range. */
  public static final int MAX_WEEKS = 30;

  private static final WeekPattern EMPTY = new WeekPattern(0L);
  private static final Pattern SEGMENT = Pattern.compile("(\\d{1,3})(?:-(\\d{1,3}))?");
  private static final Pattern PARITY = Pattern.compile("\\((单|双)\\)|(单|双)周?");

  private final long mask;

  private WeekPattern(long mask) {
    this.mask = mask;
  }

  /** The weeks given, each within 1..{@value #MAX_WEEKS}. */
  public static WeekPattern of(int... weeks) {
    long mask = 0;
    for (int w : weeks) {
      checkWeek(w, MAX_WEEKS);
      mask |= 1L << w;
    }
    return new WeekPattern(mask);
  }

  /** Weeks {@code from} to {@code to}, both included. */
  public static WeekPattern range(int from, int to) {
    checkRange(from, to, MAX_WEEKS);
    long mask = 0;
    for (int w = from; w <= to; w++) {
      mask |= 1L << w;
    }
    return new WeekPattern(mask);
  }

  /** The pattern stored as {@link #mask()}. */
  public static WeekPattern fromMask(long mask) {
    if ((mask & ~allWeeksMask(MAX_WEEKS)) != 0) {
      throw new IllegalArgumentException(
          "week mask " + Long.toBinaryString(mask) + " outside 1.." + MAX_WEEKS);
    }
    return mask == 0 ? EMPTY : new WeekPattern(mask);
  }

  /**
   * Parses 正方-style text. Commas separate segments; a segment is a week or a range. {@code 周}
   * closes a group of segments, and 单/双 (odd/even weeks) applies to the group it follows: {@code
   * 1-8,10-16周(单)} is odd weeks of both ranges, {@code 1-8周,10-16周(单)} odd weeks of the second
   * only.
   *
   * @param termWeeks the number of weeks of the term; later weeks are an error
   * @throws TimetableInputException with a {@code timetable.weeks.*} key
   */
  public static WeekPattern parse(String text, int termWeeks) {
    String original = text == null ? "" : text.strip();
    String s = normalize(original);
    if (s.isEmpty()) {
      throw new TimetableInputException("timetable.weeks.blank");
    }
    long mask = 0;
    List<String> group = new ArrayList<>();
    int i = 0;
    for (String part : s.split(",", -1)) {
      i++;
      if (part.isEmpty()) {
        throw new TimetableInputException("timetable.weeks.invalid", original);
      }
      group.add(part);
      boolean closesGroup = part.contains("周") || part.contains("单") || part.contains("双");
      if (closesGroup || i == s.split(",", -1).length) {
        mask |= parseGroup(group, termWeeks, original);
        group.clear();
      }
    }
    if (mask == 0) {
      throw new TimetableInputException("timetable.weeks.empty", original);
    }
    return new WeekPattern(mask);
  }

  private static long parseGroup(List<String> parts, int termWeeks, String original) {
    String last = parts.get(parts.size() - 1);
    Matcher parity = PARITY.matcher(last);
    int keep = 0; // 0 all, 1 odd, 2 even
    if (parity.find()) {
      String p = parity.group(1) != null ? parity.group(1) : parity.group(2);
      keep = p.equals("单") ? 1 : 2;
      last = last.substring(0, parity.start()) + last.substring(parity.end());
      if (PARITY.matcher(last).find()) {
        throw new TimetableInputException("timetable.weeks.invalid", original);
      }
    }
    long mask = 0;
    for (int k = 0; k < parts.size(); k++) {
      String part = k == parts.size() - 1 ? last : parts.get(k);
      part = part.startsWith("第") ? part.substring(1) : part;
      part = part.endsWith("周") ? part.substring(0, part.length() - 1) : part;
      Matcher m = SEGMENT.matcher(part);
      if (!m.matches()) {
        throw new TimetableInputException("timetable.weeks.invalid", original);
      }
      int from = Integer.parseInt(m.group(1));
      int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
      checkRange(from, to, termWeeks);
      for (int w = from; w <= to; w++) {
        if (keep == 0 || (keep == 1) == (w % 2 == 1)) {
          mask |= 1L << w;
        }
      }
    }
    return mask;
  }

  /**
   * Full-width digits, commas and brackets become ASCII (NFKC), the many dashes and 至/~ become
   * {@code -}, list separators become {@code ,} and spaces go; 单周/双周 written before the numbers
   * move behind them.
   */
  private static String normalize(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\u2010',
            '\u2011',
            '\u2012',
            '\u2013',
            '\u2014',
            '\u2015',
            '\u2212',
            '~',
            '\u301C',
            '至' ->
            out.append('-');
        case '、', ';', '\uFF1B' -> out.append(',');
        case '[', '【', '〔' -> out.append('(');
        case ']', '】', '〕' -> out.append(')');
        default -> {
          if (!Character.isWhitespace(c)) {
            out.append(c);
          }
        }
      }
    }
    String r = out.toString();
    Matcher leading = Pattern.compile("^\\(?(单|双)周?\\)?(?=第?\\d)").matcher(r);
    if (leading.find()) {
      r = r.substring(leading.end()) + "(" + leading.group(1) + ")";
    }
    return r;
  }

  /**
   * Reads a 金智 {@code SKZC} bitmap: character {@code i} is week {@code i+1}. Trailing zeros beyond
   * the term are tolerated (exports pad to a fixed length); a 1 beyond it is not.
   *
   * @throws TimetableInputException with a {@code timetable.weeks.*} key
   */
  public static WeekPattern fromBitmap(String bitmap, int termWeeks) {
    String s = bitmap == null ? "" : bitmap.strip();
    if (s.isEmpty()) {
      throw new TimetableInputException("timetable.weeks.blank");
    }
    if (!s.matches("[01]+")) {
      throw new TimetableInputException("timetable.weeks.badBitmap", s);
    }
    long mask = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '1') {
        int week = i + 1;
        if (week > termWeeks || week > MAX_WEEKS) {
          throw new TimetableInputException(
              "timetable.weeks.beyondTerm", week, Math.min(termWeeks, MAX_WEEKS));
        }
        mask |= 1L << week;
      }
    }
    if (mask == 0) {
      throw new TimetableInputException("timetable.weeks.empty", s);
    }
    return new WeekPattern(mask);
  }

  private static void checkRange(int from, int to, int termWeeks) {
    checkWeek(from, termWeeks);
    checkWeek(to, termWeeks);
    if (from > to) {
      throw new TimetableInputException("timetable.weeks.reversed", from, to);
    }
  }

  private static void checkWeek(int week, int termWeeks) {
    if (week < 1) {
      throw new TimetableInputException("timetable.weeks.zero", week);
    }
    int limit = Math.min(termWeeks, MAX_WEEKS);
    if (week > limit) {
      throw new TimetableInputException("timetable.weeks.beyondTerm", week, limit);
    }
  }

  private static long allWeeksMask(int n) {
    return ((1L << (n + 1)) - 1) & ~1L;
  }

  public boolean contains(int week) {
    return week >= 1 && week <= MAX_WEEKS && (mask & (1L << week)) != 0;
  }

  /** The weeks in ascending order. */
  public List<Integer> weeks() {
    List<Integer> out = new ArrayList<>(Long.bitCount(mask));
    for (int w = 1; w <= MAX_WEEKS; w++) {
      if (contains(w)) {
        out.add(w);
      }
    }
    return List.copyOf(out);
  }

  public boolean isEmpty() {
    return mask == 0;
  }

  public int size() {
    return Long.bitCount(mask);
  }

  /** The first week, or 0 when empty. */
  public int first() {
    return mask == 0 ? 0 : Long.numberOfTrailingZeros(mask);
  }

  /** The last week, or 0 when empty. */
  public int last() {
    return mask == 0 ? 0 : 63 - Long.numberOfLeadingZeros(mask);
  }

  /** Whether both patterns share a week. */
  public boolean overlaps(WeekPattern other) {
    return (mask & other.mask) != 0;
  }

  /** Bit {@code w} set for week {@code w}; what the database stores. */
  public long mask() {
    return mask;
  }

  /** The 金智 form over {@code n} weeks: character {@code i} is week {@code i+1}. */
  public String toBitmap(int n) {
    if (n < last() || n > MAX_WEEKS) {
      throw new IllegalArgumentException("bitmap of " + n + " weeks cannot hold " + this);
    }
    StringBuilder out = new StringBuilder(n);
    for (int w = 1; w <= n; w++) {
      out.append(contains(w) ? '1' : '0');
    }
    return out.toString();
  }

  /**
   * The compact 正方 form: {@code 1-16周}, {@code 1-15周(单)} when the weeks are exactly every other
   * week of a range, otherwise ranges and single weeks such as {@code 1-8,10,12-16周}. Empty gives
   * an empty string.
   */
  @Override
  public String toString() {
    if (mask == 0) {
      return "";
    }
    int first = first();
    int last = last();
    int n = size();
    if (n >= 2 && last - first == 2 * (n - 1) && everyOther(first, last)) {
      return first + "-" + last + "周(" + (first % 2 == 1 ? "单" : "双") + ")";
    }
    StringBuilder out = new StringBuilder();
    int w = first;
    while (w <= last) {
      if (!contains(w)) {
        w++;
        continue;
      }
      int end = w;
      while (contains(end + 1)) {
        end++;
      }
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(w);
      if (end > w) {
        out.append('-').append(end);
      }
      w = end + 1;
    }
    return out.append('周').toString();
  }

  private boolean everyOther(int first, int last) {
    for (int w = first; w <= last; w += 2) {
      if (!contains(w)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeekPattern other && other.mask == mask;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(mask);
  }
}
