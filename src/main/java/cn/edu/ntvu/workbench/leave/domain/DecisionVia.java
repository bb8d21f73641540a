package cn.edu.ntvu.workbench.leave.domain;

/** How a state change was made, as the timeline and the audit record it. */
public enum DecisionVia {
  /** On a page of the app. */
  PAGE,
  /** With a button of the WeCom message card (template_card_event). */
  CARD_BUTTON,
  /** By the server on its own (auto-confirmed 销假, the overdue job). */
  AUTOMATIC
}
