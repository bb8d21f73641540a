package cn.edu.ntvu.workbench.leave.domain;

import java.util.Locale;

/**
 * Who decides a step of the approval chain; the people are looked up in the directory when the step
 * opens.
 */
public enum ApproverRole {
  /** 辅导员: the counsellor(s) of the student's class. */
  COUNSELLOR,
  /**
   * 院系领导: the dean(s) of the student's department (or the nearest department above it with one).
   */
  DEAN,
  /** 学生工作处: the student affairs office. */
  STUDENT_AFFAIRS,
  /**
   * 加签: a step an approver added after their own (issue 18); its one approver is stored with it,
   * not looked up. Never a routing rule's step ({@link #parse} refuses it).
   */
  ADDED;

  /** Parses {@code counsellor} / {@code COUNSELLOR}; null for anything else. */
  public static ApproverRole parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      ApproverRole r = valueOf(text.strip().toUpperCase(Locale.ROOT));
      return r == ADDED ? null : r;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
