package cn.edu.ntvu.workbench.platform.security;

import java.util.Locale;

/**
 * What a person may do. Scoped roles (counsellor, dean) carry the classes or department they cover.
 */
public enum Role {
  STUDENT,
  TEACHER,
  /** 辅导员: counsellor of one or more classes. */
  COUNSELLOR,
  /** 院系领导: dean of a department. */
  DEAN,
  /** 学生工作处: the student affairs office. */
  STUDENT_AFFAIRS,
  /** 图文信息中心: configures the workbench and the directory. */
  ADMIN;

  /** Parses the export value, e.g. {@code counsellor}; unknown values give null. */
  public static Role parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The scope a grant of this role has when the directory import creates it. */
  public ScopeKind defaultScope() {
    return switch (this) {
      case COUNSELLOR -> ScopeKind.CLASS;
      case DEAN -> ScopeKind.DEPARTMENT;
      default -> ScopeKind.SCHOOL;
    };
  }
}
