-- 通知 (notices): a notice with its audience lines and co-senders; the recipients as resolved when it was sent, one
-- row each, with the first read and the 我已知晓 (no counter row: counts are computed, and a read updates only the
-- reader's own row); the scheduled-send and retention jobs' claims; the archive of removed notices.
-- Times are school time (Asia/Shanghai).

CREATE TABLE notice (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  title              VARCHAR(100)  NOT NULL,
  -- sanitised on the server (p, br, b/strong, i/em, ul/ol/li, a[href http/https/mailto]) before it is stored
  body_html          MEDIUMTEXT    NOT NULL,
  -- what the sender typed, kept so the draft shows it again
  body_source        MEDIUMTEXT    NOT NULL,
  -- DRAFT, SCHEDULED, SENT, RECALLED
  status             VARCHAR(16)   NOT NULL,
  owner_account      VARCHAR(32)   NOT NULL,
  owner_name         VARCHAR(64)   NOT NULL,
  needs_confirm      BOOLEAN       NOT NULL DEFAULT FALSE,
  confirm_deadline   DATETIME      NULL,
  important          BOOLEAN       NOT NULL DEFAULT FALSE,
  send_at            DATETIME      NULL,
  created_at         DATETIME(3)   NOT NULL,
  saved_at           DATETIME(3)   NOT NULL,
  sent_at            DATETIME(3)   NULL,
  edited_at          DATETIME(3)   NULL,
  recalled_at        DATETIME(3)   NULL,
  -- 提醒未读 at most once an hour: a conditional update of this column decides (any server)
  last_reminded_at   DATETIME(3)   NULL,
  PRIMARY KEY (id),
  KEY ix_notice_owner (owner_account, status),
  KEY ix_notice_due (status, send_at),
  KEY ix_notice_sent (status, sent_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 共同发送人 (staff): they see the read lists and act as the sender does.
CREATE TABLE notice_co_sender (
  notice_id  BIGINT       NOT NULL,
  account    VARCHAR(32)  NOT NULL,
  PRIMARY KEY (notice_id, account),
  KEY ix_notice_co_sender_account (account),
  CONSTRAINT fk_notice_co_sender FOREIGN KEY (notice_id) REFERENCES notice (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who is told: the union of these lines, the same kinds as 收集表's (DEPARTMENT, CLASS, ROLE, PERSON, MY_CLASSES).
CREATE TABLE notice_audience (
  notice_id  BIGINT       NOT NULL,
  kind       VARCHAR(16)  NOT NULL,
  value      VARCHAR(64)  NOT NULL DEFAULT '',
  PRIMARY KEY (notice_id, kind, value),
  CONSTRAINT fk_notice_audience FOREIGN KEY (notice_id) REFERENCES notice (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per recipient, written when the notice is sent; the first read sets read_at once
-- (UPDATE … WHERE read_at IS NULL), so 5,000 readers at once touch 5,000 rows, never one shared row.
CREATE TABLE notice_recipient (
  notice_id     BIGINT        NOT NULL,
  account       VARCHAR(32)   NOT NULL,
  name          VARCHAR(64)   NOT NULL,
  unit_name     VARCHAR(100)  NULL,
  read_at       DATETIME(3)   NULL,
  confirmed_at  DATETIME(3)   NULL,
  -- set when an edit after sending was told to this reader
  told_edit_at  DATETIME(3)   NULL,
  PRIMARY KEY (notice_id, account),
  KEY ix_notice_recipient_account (account, read_at),
  KEY ix_notice_recipient_read (notice_id, read_at),
  CONSTRAINT fk_notice_recipient FOREIGN KEY (notice_id) REFERENCES notice (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Scheduled jobs claim their run here (SELECT … FOR UPDATE, then compare last_run_at): once across servers.
CREATE TABLE notice_job (
  name         VARCHAR(64)  NOT NULL,
  last_run_at  DATETIME(3)  NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO notice_job (name) VALUES ('send-scheduled'), ('retention');

-- What is left of a notice after notices.keep-days: its title, sender and counts; the notice, its recipients and
-- their read times are removed.
CREATE TABLE notice_archive (
  notice_id      BIGINT        NOT NULL,
  title          VARCHAR(100)  NOT NULL,
  owner_account  VARCHAR(32)   NOT NULL,
  owner_name     VARCHAR(64)   NOT NULL,
  sent_at        DATETIME(3)   NULL,
  recalled       BOOLEAN       NOT NULL DEFAULT FALSE,
  recipients     INT           NOT NULL,
  read_count     INT           NOT NULL,
  confirmed      INT           NOT NULL,
  archived_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (notice_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
