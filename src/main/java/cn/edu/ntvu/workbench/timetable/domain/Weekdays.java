package cn.edu.ntvu.workbench.timetable.domain;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.util.Map;

/** 星期: the weekday names of timetable exports, 星期一..星期日, 周一..周日, or 1..7 (Monday = 1). */
public final class Weekdays {
  private static final String NAMES = "一二三四五六日";
  private static final Map<String, DayOfWeek> ALIASES =
      Map.of("天", DayOfWeek.SUNDAY, "七", DayOfWeek.SUNDAY);

  private Weekdays() {}

  /**
   * Parses a weekday cell.
   *
   * @throws TimetableInputException {@code timetable.weekday.invalid} for anything else, e.g.
   *     {@code 星期八}
   */
  public static DayOfWeek parse(String text) {
    String original = text == null ? "" : text.strip();
    String s = Normalizer.normalize(original, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    if (s.isEmpty()) {
      throw new TimetableInputException("timetable.weekday.blank");
    }
    if (s.matches("[1-7]")) {
      return DayOfWeek.of(Integer.parseInt(s));
    }
    String name = s.replaceFirst("^(星期|周|礼拜)", "");
    if (name.length() == 1) {
      int i = NAMES.indexOf(name);
      if (i >= 0) {
        return DayOfWeek.of(i + 1);
      }
      DayOfWeek alias = ALIASES.get(name);
      if (alias != null) {
        return alias;
      }
    }
    throw new TimetableInputException("timetable.weekday.invalid", original);
  }

  /** 星期一 … 星期日. */
  public static String chineseName(DayOfWeek day) {
    return "星期" + NAMES.charAt(day.getValue() - 1);
  }
}
