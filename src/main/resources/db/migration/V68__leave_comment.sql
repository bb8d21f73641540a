-- Issue 18, item 7: comments on a request by its student and its approvers, at any time (also after
-- the decision). The timeline line is in leave_event (action COMMENTED, the text in detail); this
-- table numbers each comment (the outbox key leave:<id>:comment:<n>) and counts a person's comments
-- of the last hour (the storm limit, the same on every server).
CREATE TABLE leave_comment (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  request_id     BIGINT        NOT NULL,
  author_account VARCHAR(32)   NOT NULL,
  author_name    VARCHAR(64)   NOT NULL,
  body           VARCHAR(500)  NOT NULL,
  created_at     DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_leave_comment_request (request_id, id),
  KEY ix_leave_comment_author (author_account, created_at),
  CONSTRAINT fk_leave_comment_request FOREIGN KEY (request_id) REFERENCES leave_request (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
