-- Issue 19: course teachers told of their students' leaves. A teacher's own choice between one
-- message per request (no row, the default) and the daily 07:30 digest of the day's excused students.
CREATE TABLE leave_teacher_pref (
  account     VARCHAR(32) NOT NULL,
  digest      BOOLEAN     NOT NULL,
  updated_at  DATETIME(3) NOT NULL,
  PRIMARY KEY (account)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per school day the digest ran: the server whose INSERT adds the row sends it (once across
-- servers; the outbox keys guard a retried transaction as well).
CREATE TABLE leave_teacher_digest_run (
  run_date  DATE        NOT NULL,
  ran_at    DATETIME(3) NOT NULL,
  PRIMARY KEY (run_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
