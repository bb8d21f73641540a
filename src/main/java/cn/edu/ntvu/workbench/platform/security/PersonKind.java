package cn.edu.ntvu.workbench.platform.security;

/** Whether a person studies (学生) or works (教职工) at the school. */
public enum PersonKind {
  STUDENT,
  STAFF;

  /** Parses the identity platform's export value ({@code student}/{@code staff}, also 学生/教职工). */
  public static PersonKind parse(String text) {
    if (text == null) {
      return null;
    }
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "student", "学生" -> STUDENT;
      case "staff", "teacher", "教职工", "教师" -> STAFF;
      default -> null;
    };
  }
}
