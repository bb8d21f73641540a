package cn.edu.ntvu.workbench.identity.application;

import java.util.Locale;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * A name's pinyin as the picker searches it: {@code 机械制造241班} → initials {@code jxzz241b}, full
 * {@code jixiezhizao241ban}. Letters and digits are kept (lower case), everything else dropped; ü
 * is written {@code v} (as phone keyboards type it). A character with several readings takes its
 * first, except the common surnames read otherwise when they open a person's name (曾 zeng, 单 shan
 * …).
 */
public record PinyinName(String initials, String full) {
  private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

  static {
    FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
  }

  /** Surnames whose first pinyin4j reading is not the surname's. */
  private static final Map<Character, String> SURNAMES =
      Map.ofEntries(
          Map.entry('曾', "zeng"),
          Map.entry('单', "shan"),
          Map.entry('解', "xie"),
          Map.entry('仇', "qiu"),
          Map.entry('区', "ou"),
          Map.entry('查', "zha"),
          Map.entry('朴', "piao"),
          Map.entry('覃', "qin"),
          Map.entry('盖', "ge"),
          Map.entry('乐', "yue"),
          Map.entry('尉', "yu"),
          Map.entry('缪', "miao"),
          Map.entry('翟', "zhai"),
          Map.entry('祭', "zhai"),
          Map.entry('万', "wan"),
          Map.entry('柏', "bai"),
          Map.entry('长', "chang"),
          Map.entry('重', "chong"),
          Map.entry('沈', "shen"),
          Map.entry('秘', "bi"),
          Map.entry('召', "shao"));

  /** The pinyin of a place name (class, department): no surname readings. */
  public static PinyinName of(String name) {
    return of(name, false);
  }

  /** The pinyin of a person's name: its first character read as a surname. */
  public static PinyinName ofPerson(String name) {
    return of(name, true);
  }

  private static PinyinName of(String name, boolean person) {
    StringBuilder initials = new StringBuilder();
    StringBuilder full = new StringBuilder();
    if (name != null) {
      String s = name.strip();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        String py = null;
        if (i == 0 && person) {
          py = SURNAMES.get(c);
        }
        if (py == null && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
          py = reading(c);
        }
        if (py != null && !py.isEmpty()) {
          initials.append(py.charAt(0));
          full.append(py);
        } else if (Character.isLetterOrDigit(c) && c < 128) {
          char l = Character.toLowerCase(c);
          initials.append(l);
          full.append(l);
        } else if (c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'ｚ' && Character.isLetter(c)) {
          char l = Character.toLowerCase((char) (c - '０' + '0'));
          initials.append(l);
          full.append(l);
        }
      }
    }
    return new PinyinName(cut(initials, 64), cut(full, 255));
  }

  private static String reading(char c) {
    try {
      String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
      return all == null || all.length == 0 ? null : all[0].replace("u:", "v");
    } catch (BadHanyuPinyinOutputFormatCombination e) {
      return null;
    }
  }

  private static String cut(StringBuilder b, int max) {
    String s = b.toString().toLowerCase(Locale.ROOT);
    return s.length() <= max ? s : s.substring(0, max);
  }
}
