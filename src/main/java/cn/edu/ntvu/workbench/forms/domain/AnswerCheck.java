package cn.edu.ntvu.workbench.forms.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one typed answer against its question and gives the value to store, or why it is refused.
 * Text is kept as typed (pages escape it, exports neutralise formula starters); full-width digits,
 * points and minus signs, which Chinese input methods produce, are read as their ASCII forms for
 * numbers, dates, times and mobile numbers.
 */
public final class AnswerCheck {
  private AnswerCheck() {}

  /** A checked answer: what to store (an empty answer to an optional question stores nothing). */
  public record Checked(String text, BigDecimal number, List<String> choices, Problem problem) {
    public boolean ok() {
      return problem == null;
    }

    public boolean empty() {
      return ok() && text == null && number == null && choices.isEmpty();
    }

    static Checked refused(String key, Object... args) {
      return new Checked(null, null, List.of(), Problem.of(key, args));
    }

    static Checked text(String t) {
      return new Checked(t, null, List.of(), null);
    }

    static final Checked NONE = new Checked(null, null, List.of(), null);
  }

  /**
   * @param typed the text typed (text, number, date, time, mobile, single choice and dropdown: the
   *     option id)
   * @param ticked the option ids ticked (multiple choice)
   */
  public static Checked check(Question q, String typed, List<String> ticked) {
    return switch (q.type()) {
      case TEXT, TEXTAREA -> text(q, typed);
      case NUMBER -> number(q, typed);
      case SINGLE, DROPDOWN -> single(q, typed);
      case MULTIPLE -> multiple(q, ticked);
      case DATE -> date(q, typed);
      case TIME -> time(q, typed);
      case MOBILE -> mobile(q, typed);
      // Files are checked where their bytes are read (FileKind); here only "given or not".
      case FILE -> blank(typed) ? missing(q) : Checked.text(typed.strip());
    };
  }

  private static Checked missing(Question q) {
    return q.required() ? Checked.refused("forms.error.required") : Checked.NONE;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Checked text(Question q, String typed) {
    if (blank(typed)) {
      return missing(q);
    }
    // Control characters other than line breaks and tabs have no place in an answer (and break
    // exports).
    String t = typed.strip().replaceAll("[\\p{Cc}&&[^\\n\\t]]", "");
    if (q.type() == QuestionType.TEXT) {
      t = t.replaceAll("[\\n\\t]+", " ");
    }
    int n = t.codePointCount(0, t.length());
    if (n > q.effectiveMaxLength()) {
      return Checked.refused("forms.error.tooLong", q.effectiveMaxLength(), n);
    }
    return Checked.text(t);
  }

  /** Full-width digits, point, minus, plus and colon as ASCII; spaces removed. */
  public static String halfWidth(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c >= '０' && c <= '９') {
        b.append((char) ('0' + (c - '０')));
      } else if (c == '．' || c == '。') {
        b.append('.');
      } else if (c == '－' || c == '—' || c == '−') {
        b.append('-');
      } else if (c == '＋') {
        b.append('+');
      } else if (c == '：') {
        b.append(':');
      } else if (!Character.isWhitespace(c) && c != '\u3000') {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static Checked number(Question q, String typed) {
    if (blank(typed)) {
      return missing(q);
    }
    String s = halfWidth(typed);
    if (!s.matches("[-+]?[0-9]{1,15}(\\.[0-9]{1,10})?")) {
      return Checked.refused("forms.error.notNumber");
    }
    BigDecimal v = new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
    int scale = Math.max(v.stripTrailingZeros().scale(), 0);
    if (q.decimals() != null && scale > q.decimals()) {
      return q.decimals() == 0
          ? Checked.refused("forms.error.wholeNumber")
          : Checked.refused("forms.error.decimals", q.decimals());
    }
    if (q.min() != null && v.compareTo(q.min()) < 0
        || q.max() != null && v.compareTo(q.max()) > 0) {
      if (q.min() != null && q.max() != null) {
        return Checked.refused("forms.error.range", plain(q.min()), plain(q.max()));
      }
      return q.min() != null
          ? Checked.refused("forms.error.atLeast", plain(q.min()))
          : Checked.refused("forms.error.atMost", plain(q.max()));
    }
    return new Checked(null, v, List.of(), null);
  }

  public static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  private static Checked single(Question q, String typed) {
    if (blank(typed)) {
      return missing(q);
    }
    String id = typed.strip();
    if (q.option(id).isEmpty()) {
      return Checked.refused("forms.error.noSuchOption");
    }
    return new Checked(null, null, List.of(id), null);
  }

  private static Checked multiple(Question q, List<String> ticked) {
    Set<String> ids = new LinkedHashSet<>();
    for (String t : ticked == null ? List.<String>of() : ticked) {
      if (t != null && !t.isBlank()) {
        ids.add(t.strip());
      }
    }
    if (ids.isEmpty()) {
      if (q.required()) {
        return Checked.refused("forms.error.required");
      }
      return Checked.NONE;
    }
    for (String id : ids) {
      if (q.option(id).isEmpty()) {
        return Checked.refused("forms.error.noSuchOption");
      }
    }
    if (q.minChoices() != null && ids.size() < q.minChoices()) {
      return Checked.refused("forms.error.fewChoices", q.minChoices());
    }
    if (q.maxChoices() != null && ids.size() > q.maxChoices()) {
      return Checked.refused("forms.error.manyChoices", q.maxChoices());
    }
    // Stored in the question's order, whatever order they came in.
    List<String> ordered = new ArrayList<>();
    q.options()
        .forEach(
            o -> {
              if (ids.contains(o.id())) {
                ordered.add(o.id());
              }
            });
    return new Checked(null, null, ordered, null);
  }

  private static Checked date(Question q, String typed) {
    if (blank(typed)) {
      return missing(q);
    }
    try {
      return Checked.text(LocalDate.parse(halfWidth(typed)).toString());
    } catch (DateTimeParseException e) {
      return Checked.refused("forms.error.badDate");
    }
  }

  private static Checked time(Question q, String typed) {
    if (blank(typed)) {
      return missing(q);
    }
    try {
      LocalTime t = LocalTime.parse(halfWidth(typed));
      return Checked.text(t.withSecond(0).withNano(0).toString());
    } catch (DateTimeParseException e) {
      return Checked.refused("forms.error.badTime");
    }
  }

  private static Checked mobile(Question q, String typed) {
    if (blank(typed)) {
      return missing(q);
    }
    String s = halfWidth(typed).replace("-", "");
    if (s.startsWith("+86")) {
      s = s.substring(3);
    }
    if (!s.matches("1[3-9][0-9]{9}")) {
      return Checked.refused("forms.error.badMobile");
    }
    return Checked.text(s);
  }
}
