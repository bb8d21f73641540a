package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.identity.application.PinyinName;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a person typed into the workbench search, made safe to match with: at most {@link #MAX}
 * characters (a longer query is cut, not refused), control characters dropped, white space
 * collapsed, lower case. It is only ever compared with texts in memory, never put into SQL or
 * markup as it is.
 *
 * @param text the query, lower case; empty: nothing to look for
 * @param pinyin the query as pinyin letters (spaces and apostrophes dropped: {@code qing jia},
 *     {@code xi'an}), or null when it is not pinyin (anything but ASCII letters and digits)
 */
public record SearchQuery(String text, String pinyin) {
  /** The longest query looked for; the rest is cut. */
  public static final int MAX = 40;

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern PINYIN = Pattern.compile("[a-z0-9]+");

  public static final SearchQuery EMPTY = new SearchQuery("", null);

  public static SearchQuery of(String raw) {
    if (raw == null) {
      return EMPTY;
    }
    String s = raw.length() > 4 * MAX ? raw.substring(0, 4 * MAX) : raw;
    s = CONTROL.matcher(s).replaceAll("");
    s = SPACES.matcher(s).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    if (s.length() > MAX) {
      s = s.substring(0, MAX).strip();
    }
    if (s.isEmpty()) {
      return EMPTY;
    }
    String letters = s.replace(" ", "").replace("'", "").replace("’", "");
    return new SearchQuery(s, PINYIN.matcher(letters).matches() ? letters : null);
  }

  public boolean isEmpty() {
    return text.isEmpty();
  }

  /**
   * Whether {@code title} contains the query, or (for a pinyin query of two letters or more) its
   * pinyin initials or full pinyin do: {@code qj} and {@code qingjia} find 请假条.
   */
  public boolean matches(String title) {
    if (title == null || isEmpty()) {
      return false;
    }
    if (title.toLowerCase(Locale.ROOT).contains(text)) {
      return true;
    }
    if (pinyin == null || pinyin.length() < 2) {
      return false;
    }
    PinyinName py = PinyinName.of(title);
    return py.initials().contains(pinyin) || py.full().contains(pinyin);
  }
}
