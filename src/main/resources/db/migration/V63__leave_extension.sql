-- 续假 (extension, issue 18 item 8): a student extends an approved leave before it ends; the extension goes through
-- the chain the extension rules pick (or, when none matches, the routing rules' chain for the whole, longer leave)
-- and, once approved, moves the leave's end.

-- Extension rules: the first enabled one (lowest priority, then id) whose type and length hold gives the steps; an
-- admin may make an extension's chain shorter than a new request's. max_days bounds the extension's own length.
CREATE TABLE leave_extension_rule (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  priority   INT          NOT NULL,
  -- NULL = any type
  type_code  VARCHAR(32)  NULL,
  -- the extension (not the whole leave) is at most this many days; NULL = any length
  max_days   DECIMAL(5,1) NULL,
  -- the approver roles in order, comma-separated: COUNSELLOR, DEAN, STUDENT_AFFAIRS
  steps      VARCHAR(200) NOT NULL,
  enabled    BOOLEAN      NOT NULL DEFAULT TRUE,
  PRIMARY KEY (id),
  KEY ix_leave_extension_rule_priority (priority)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One extension of a request: the end before and after, why, and where its approval stands. Its steps are rows of
-- leave_step (extension_id set), numbered after the request's own, so they are decided as every step is.
CREATE TABLE leave_extension (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  request_id        BIGINT        NOT NULL,
  -- 1 for the first extension of the request, 2 for the next …
  seq               INT           NOT NULL,
  old_end           DATETIME      NOT NULL,
  new_end           DATETIME      NOT NULL,
  -- the extension's own length (new_end - old_end), as LeaveDuration counts it
  duration_minutes  INT           NOT NULL,
  duration_days     DECIMAL(6,1)  NOT NULL,
  reason            VARCHAR(500)  NOT NULL,
  -- PENDING, APPROVED, REJECTED, WITHDRAWN
  status            VARCHAR(16)   NOT NULL,
  -- the extension rule that chose the chain; NULL = the routing rules' chain for the whole leave
  rule_id           BIGINT        NULL,
  -- its steps are leave_step.step_no first_step … first_step + step_count - 1
  first_step        INT           NOT NULL,
  step_count        INT           NOT NULL,
  -- the form's one-time token: a double tap or a retried post makes one extension
  submit_token      VARCHAR(64)   NOT NULL,
  submitted_at      DATETIME(3)   NOT NULL,
  closed_at         DATETIME(3)   NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_leave_extension_seq (request_id, seq),
  UNIQUE KEY uk_leave_extension_token (request_id, submit_token),
  CONSTRAINT fk_leave_extension_request FOREIGN KEY (request_id) REFERENCES leave_request (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The original leave's end, kept when an approved extension moves leave_request.ends_at (原假期 on the page).
ALTER TABLE leave_request ADD COLUMN original_end DATETIME NULL;

-- A step that belongs to an extension (NULL: the request's own chain).
ALTER TABLE leave_step ADD COLUMN extension_id BIGINT NULL;
