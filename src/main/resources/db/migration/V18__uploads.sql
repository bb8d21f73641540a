-- Uploads (issue 14): a daily quota per person, staged 收集表 files, and the job that removes what no submit claimed.

-- What each person uploaded on each school day. Every stored upload (leave attachment, 收集表 file, tile icon) adds to
-- the person's row in the transaction that stores it; the row is locked while it is checked, so two servers cannot
-- both let the last upload through. Rows older than a week are removed by the cleanup job.
CREATE TABLE upload_quota (
  account   VARCHAR(32)  NOT NULL,
  day       DATE         NOT NULL,
  files     INT          NOT NULL DEFAULT 0,
  bytes     BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (account, day),
  KEY ix_upload_quota_day (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Jobs of the shared platform claim their run here (SELECT … FOR UPDATE, then compare last_run_at, as form_job and
-- leave_job do): once across servers.
CREATE TABLE platform_job (
  name         VARCHAR(64)  NOT NULL,
  last_run_at  DATETIME(3)  NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO platform_job (name) VALUES ('upload-cleanup');

-- A 收集表 file sent with a submit that was refused for another question is kept for the person's next try (staged,
-- with the time it was staged); the accepted submit claims it (staged_at back to NULL: an answer's file carries no
-- time, as responses do not). What stays staged is removed by the cleanup job within an hour.
ALTER TABLE form_file
  ADD COLUMN staged_at DATETIME(3) NULL,
  ADD KEY ix_form_file_staged (staged_at),
  ADD KEY ix_form_file_respondent (form_id, respondent_key);

-- Files no answer refers to were left behind until now (refused submits, replaced answers): staged, so the job
-- removes them. One pass over the answers (the subquery is materialised), not one per file.
UPDATE form_file SET staged_at = NOW(3)
 WHERE id NOT IN (SELECT file_id FROM form_answer WHERE file_id IS NOT NULL);
