-- Issue 18, item 7: quick phrases for the 驳回 reason and the comment box. owner = the approver's own
-- phrase; owner NULL = one an admin set for everybody.
CREATE TABLE leave_phrase (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  owner       VARCHAR(32)   NULL,
  body        VARCHAR(200)  NOT NULL,
  created_at  DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_leave_phrase_owner (owner, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
