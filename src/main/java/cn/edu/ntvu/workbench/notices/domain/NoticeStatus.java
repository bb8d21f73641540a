package cn.edu.ntvu.workbench.notices.domain;

/** Where a notice is in its life. */
public enum NoticeStatus {
  /** Being written; only its senders see it. */
  DRAFT,
  /** Waiting for its send time (the scheduled-send job sends it once across servers). */
  SCHEDULED,
  /** Sent: its recipients were resolved and told. */
  SENT,
  /** Recalled (撤回) within 24 hours of sending: recipients see 已撤回. */
  RECALLED
}
