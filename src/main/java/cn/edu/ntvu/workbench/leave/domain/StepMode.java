package cn.edu.ntvu.workbench.leave.domain;

import java.util.Locale;

/**
 * How a step of the chain is decided: 或签 (any one approver decides — the behaviour before issue 18)
 * or 会签 (every approver must approve; one rejection rejects the step and the request).
 */
public enum StepMode {
  /** 或签: the first decision decides the step. */
  ANY,
  /** 会签: all must approve; one 驳回 rejects. */
  ALL;

  /** Parses {@code ANY}/{@code all}; null for anything else. */
  public static StepMode parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
