package cn.edu.ntvu.workbench.portal.domain;

/**
 * A tile's texts beside its Chinese name and description: the English name and description (the
 * English home page), a description for students when theirs differs from staff's, and the search
 * keywords an admin adds (issue 21: words people may type that are not in the name, e.g. 病假 for
 * 学生请假). Each null when not set: the page falls back to the Chinese name, the general description.
 */
public record TileTexts(
    String nameEn,
    String descriptionEn,
    String studentDescription,
    String studentDescriptionEn,
    String keywords) {
  public static final TileTexts NONE = new TileTexts(null, null, null, null, null);

  /** At most this many characters of keywords. */
  public static final int KEYWORDS_MAX = 200;

  /** Texts without keywords. */
  public TileTexts(
      String nameEn, String descriptionEn, String studentDescription, String studentDescriptionEn) {
    this(nameEn, descriptionEn, studentDescription, studentDescriptionEn, null);
  }

  /** Blank as null, stripped, lengths checked (throws {@link TileInputException}). */
  public TileTexts checked() {
    return new TileTexts(
        clean(nameEn, 40, "workbench.error.nameTooLong"),
        clean(descriptionEn, 80, "workbench.error.descriptionTooLong"),
        clean(studentDescription, 80, "workbench.error.descriptionTooLong"),
        clean(studentDescriptionEn, 80, "workbench.error.descriptionTooLong"),
        clean(keywords, KEYWORDS_MAX, "workbench.error.keywordsTooLong"));
  }

  /** The same texts with these keywords. */
  public TileTexts withKeywords(String newKeywords) {
    return new TileTexts(
        nameEn, descriptionEn, studentDescription, studentDescriptionEn, newKeywords);
  }

  private static String clean(String s, int max, String key) {
    String v = s == null || s.isBlank() ? null : s.strip();
    if (v != null && v.length() > max) {
      throw new TileInputException(key);
    }
    return v;
  }

  /** The name in English, or the Chinese name when none is set. */
  public String name(String chinese, boolean english) {
    return english && nameEn != null ? nameEn : chinese;
  }

  /**
   * The description for a student or staff in Chinese or English: the students' own when set, else
   * the general one; the English one when set, else the Chinese.
   */
  public String description(String chinese, boolean student, boolean english) {
    String zh = student && studentDescription != null ? studentDescription : chinese;
    if (!english) {
      return zh;
    }
    String en = student && studentDescriptionEn != null ? studentDescriptionEn : descriptionEn;
    return en != null ? en : zh;
  }
}
