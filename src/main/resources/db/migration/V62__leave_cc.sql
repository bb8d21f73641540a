-- 抄送 (CC, issue 18 item 4): routing rules may copy people or roles on submit, on final approval, or both.

-- One CC line of a routing rule (rule_id NULL = of every request, whichever rule routed it). Kept beside
-- leave_rule, not in it, so a rule's steps and its copies change independently.
CREATE TABLE leave_cc_rule (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  -- the routing rule whose requests are copied (leave_request.rule_id); NULL = every request
  rule_id      BIGINT       NULL,
  -- CLASS_TEACHER (班主任), DORM_MANAGER (宿管), COURSE_TEACHERS (任课老师 of the classes the leave misses),
  -- PERSON (a named person or office account)
  target       VARCHAR(32)  NOT NULL,
  -- for PERSON: the account
  account      VARCHAR(32)  NULL,
  on_submit    BOOLEAN      NOT NULL,
  on_approval  BOOLEAN      NOT NULL,
  PRIMARY KEY (id),
  KEY ix_leave_cc_rule_rule (rule_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The directory knows no 班主任 and no 宿管: the leave admin names them here (class_code '' = school-wide, the
-- dormitory manager's case). A CC role with nobody named copies nobody.
CREATE TABLE leave_cc_contact (
  role        VARCHAR(32)  NOT NULL,
  class_code  VARCHAR(32)  NOT NULL DEFAULT '',
  account     VARCHAR(32)  NOT NULL,
  PRIMARY KEY (role, class_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who was copied on a request, why (the CC line and its target) and when: one row per person and request, so a
-- person is told once however many lines name them and whichever phase named them first.
CREATE TABLE leave_cc (
  request_id  BIGINT       NOT NULL,
  account     VARCHAR(32)  NOT NULL,
  cc_rule_id  BIGINT       NULL,
  target      VARCHAR(32)  NOT NULL,
  -- SUBMITTED or APPROVED: when they were copied
  phase       VARCHAR(16)  NOT NULL,
  copied_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (request_id, account),
  KEY ix_leave_cc_account (account, copied_at),
  CONSTRAINT fk_leave_cc_request FOREIGN KEY (request_id) REFERENCES leave_request (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
