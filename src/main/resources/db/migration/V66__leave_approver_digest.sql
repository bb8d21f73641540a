-- Issue 18, item 5: an approver's own choice of a daily 08:00 digest of everything waiting for them (no row = none).
CREATE TABLE leave_approver_pref (
  account     VARCHAR(32) NOT NULL,
  digest      BOOLEAN     NOT NULL,
  updated_at  DATETIME(3) NOT NULL,
  PRIMARY KEY (account)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per day the approvers' digest ran: the server whose INSERT adds the row sends (once across servers).
CREATE TABLE leave_approver_digest_run (
  run_date  DATE        NOT NULL,
  ran_at    DATETIME(3) NOT NULL,
  PRIMARY KEY (run_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
