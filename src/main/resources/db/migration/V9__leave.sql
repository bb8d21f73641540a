-- 学生请假 (student leave): leave types, admin-configured routing rules and settings, requests with the approval
-- chain snapshotted at submit, who may decide each step, the append-only timeline/audit of every state change,
-- attachments (kept in the database, so any server can serve them) and the claim row of the scheduled job.
-- Times are school time (Asia/Shanghai).

CREATE TABLE leave_type (
  code                      VARCHAR(32)  NOT NULL,
  name                      VARCHAR(32)  NOT NULL,
  name_en                   VARCHAR(64)  NOT NULL,
  -- a certificate (attachment) is required when the leave is longer than this many days; NULL = never
  certificate_over_days     DECIMAL(5,1) NULL,
  enabled                   BOOLEAN      NOT NULL DEFAULT TRUE,
  sort_order                INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO leave_type (code, name, name_en, certificate_over_days, sort_order) VALUES
  ('PERSONAL', '事假', 'Personal leave', NULL, 1),
  ('SICK', '病假', 'Sick leave', 2.0, 2),
  ('OFFICIAL', '公假', 'Official leave', NULL, 3);

-- One row (id = 1): the limits of the form, the fallback approver and whether 销假 is confirmed automatically.
CREATE TABLE leave_settings (
  id                   INT          NOT NULL,
  -- a leave may start at most this many days before now
  past_limit_days      INT          NOT NULL DEFAULT 3,
  -- a leave may be at most this long
  max_days             INT          NOT NULL DEFAULT 60,
  -- a leave must be asked for at least this many hours ahead; 0 = no minimum notice
  min_notice_hours     INT          NOT NULL DEFAULT 0,
  -- who decides a step when the directory has nobody for it (account); NULL = the admins
  fallback_account     VARCHAR(32)  NULL,
  -- 销假 is confirmed at once instead of by the counsellor
  auto_confirm_return  BOOLEAN      NOT NULL DEFAULT FALSE,
  version              INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO leave_settings (id) VALUES (1);

-- Routing: the first enabled rule (lowest priority number) whose conditions all hold gives the ordered steps.
CREATE TABLE leave_rule (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  priority     INT          NOT NULL,
  -- NULL = any type
  type_code    VARCHAR(32)  NULL,
  -- the leave is at most this many days (inclusive); NULL = no upper bound
  max_days     DECIMAL(5,1) NULL,
  -- NULL = either; TRUE = only when leaving campus; FALSE = only when staying
  off_campus   BOOLEAN      NULL,
  -- the approver roles in order, comma-separated: COUNSELLOR, DEAN, STUDENT_AFFAIRS
  steps        VARCHAR(200) NOT NULL,
  enabled      BOOLEAN      NOT NULL DEFAULT TRUE,
  PRIMARY KEY (id),
  KEY ix_leave_rule_priority (priority)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO leave_rule (priority, type_code, max_days, off_campus, steps) VALUES
  (10, NULL, 1.0, NULL, 'COUNSELLOR'),
  (20, NULL, 3.0, NULL, 'COUNSELLOR,DEAN'),
  (30, NULL, NULL, NULL, 'COUNSELLOR,DEAN,STUDENT_AFFAIRS');

CREATE TABLE leave_request (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  student_account      VARCHAR(32)   NOT NULL,
  student_name         VARCHAR(64)   NOT NULL,
  class_code           VARCHAR(32)   NULL,
  type_code            VARCHAR(32)   NOT NULL,
  starts_at            DATETIME      NOT NULL,
  ends_at              DATETIME      NOT NULL,
  duration_minutes     INT           NOT NULL,
  -- counted in half days (LeaveDuration)
  duration_days        DECIMAL(6,1)  NOT NULL,
  reason               VARCHAR(2000) NOT NULL,
  off_campus           BOOLEAN       NOT NULL,
  destination          VARCHAR(200)  NULL,
  emergency_contact    VARCHAR(100)  NULL,
  -- PENDING, APPROVED, REJECTED, WITHDRAWN
  status               VARCHAR(16)   NOT NULL,
  -- the step being decided (1-based); the last decided one once closed
  current_step         INT           NOT NULL DEFAULT 1,
  step_count           INT           NOT NULL,
  -- which rule routed it (rules may change or go; the steps below are the snapshot)
  rule_id              BIGINT        NULL,
  -- the form's one-time token: a double tap or a retried post finds the request already there
  submit_token         VARCHAR(64)   NOT NULL,
  submitted_at         DATETIME(3)   NOT NULL,
  closed_at            DATETIME(3)   NULL,
  -- 销假: reported back by the student, confirmed by the counsellor (or automatically)
  returned_at          DATETIME(3)   NULL,
  return_confirmed_at  DATETIME(3)   NULL,
  return_confirmed_by  VARCHAR(32)   NULL,
  -- the end passed without 销假: flagged and reminded once by the scheduled job
  overdue_at           DATETIME(3)   NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_leave_request_token (student_account, submit_token),
  KEY ix_leave_request_student (student_account, status, starts_at),
  KEY ix_leave_request_class (class_code, starts_at),
  KEY ix_leave_request_overdue (status, ends_at, returned_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The approval chain of one request, fixed at submit. Approvers are resolved from the directory when a step opens.
CREATE TABLE leave_step (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  request_id      BIGINT       NOT NULL,
  step_no         INT          NOT NULL,
  -- COUNSELLOR, DEAN, STUDENT_AFFAIRS
  approver_role   VARCHAR(32)  NOT NULL,
  -- WAITING, OPEN, APPROVED, REJECTED, CANCELLED (withdrawn or an earlier step rejected)
  status          VARCHAR(16)  NOT NULL,
  -- the directory had nobody: the fallback approver decides, and admins see it
  fallback        BOOLEAN      NOT NULL DEFAULT FALSE,
  opened_at       DATETIME(3)  NULL,
  decided_by      VARCHAR(32)  NULL,
  decided_by_name VARCHAR(64)  NULL,
  decided_at      DATETIME(3)  NULL,
  decided_via     VARCHAR(16)  NULL,
  comment         VARCHAR(500) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_leave_step (request_id, step_no),
  KEY ix_leave_step_status (status),
  CONSTRAINT fk_leave_step_request FOREIGN KEY (request_id) REFERENCES leave_request (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who may decide an open step (any one of them decides).
CREATE TABLE leave_step_approver (
  step_id     BIGINT       NOT NULL,
  account     VARCHAR(32)  NOT NULL,
  request_id  BIGINT       NOT NULL,
  PRIMARY KEY (step_id, account),
  KEY ix_leave_step_approver_account (account, request_id),
  CONSTRAINT fk_leave_step_approver_step FOREIGN KEY (step_id) REFERENCES leave_step (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every state change of a request: who, when, how (PAGE, CARD_BUTTON, AUTOMATIC). The timeline the student sees and
-- the audit of the workflow. Append-only, enforced by the triggers below (as audit_entry, V7).
CREATE TABLE leave_event (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  request_id    BIGINT        NOT NULL,
  occurred_at   DATETIME(3)   NOT NULL,
  actor_account VARCHAR(32)   NOT NULL,
  actor_name    VARCHAR(64)   NOT NULL,
  -- SUBMITTED, STEP_OPENED, FALLBACK, APPROVED, REJECTED, WITHDRAWN, RETURNED, RETURN_CONFIRMED, OVERDUE
  action        VARCHAR(32)   NOT NULL,
  step_no       INT           NULL,
  via           VARCHAR(16)   NOT NULL,
  detail        VARCHAR(500)  NULL,
  PRIMARY KEY (id),
  KEY ix_leave_event_request (request_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER leave_event_no_update BEFORE UPDATE ON leave_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'leave_event is append-only: UPDATE refused';

CREATE TRIGGER leave_event_no_delete BEFORE DELETE ON leave_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'leave_event is append-only: DELETE refused';

-- A sick note or other file of a request (photo or PDF), checked by content.
CREATE TABLE leave_attachment (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  request_id    BIGINT        NOT NULL,
  file_name     VARCHAR(255)  NOT NULL,
  content_type  VARCHAR(64)   NOT NULL,
  size_bytes    INT           NOT NULL,
  content       MEDIUMBLOB    NOT NULL,
  -- a downscaled JPEG for photos (display on the phone); NULL for PDFs
  preview       MEDIUMBLOB    NULL,
  PRIMARY KEY (id),
  KEY ix_leave_attachment_request (request_id),
  CONSTRAINT fk_leave_attachment_request FOREIGN KEY (request_id) REFERENCES leave_request (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Scheduled jobs claim their run here (SELECT … FOR UPDATE, then compare last_run_at): once even with several servers.
CREATE TABLE leave_job (
  name         VARCHAR(64)  NOT NULL,
  last_run_at  DATETIME(3)  NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO leave_job (name) VALUES ('overdue');
