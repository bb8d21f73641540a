-- Issue 18, item 6 (代理): an approver who will be away names a deputy for a range of days (both
-- ends included); an admin may set one for any approver. Steps that open on a day of the range get
-- the deputy as an extra seat who decides in the approver's name. A removed range keeps its row
-- (removed_at), so what was in force when a step opened can still be explained.
CREATE TABLE leave_deputy (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  approver     VARCHAR(32)  NOT NULL,
  deputy       VARCHAR(32)  NOT NULL,
  starts_on    DATE         NOT NULL,
  ends_on      DATE         NOT NULL,
  set_by       VARCHAR(32)  NOT NULL,
  set_at       DATETIME(3)  NOT NULL,
  removed_by   VARCHAR(32)  NULL,
  removed_at   DATETIME(3)  NULL,
  PRIMARY KEY (id),
  KEY ix_leave_deputy_approver (approver, ends_on),
  KEY ix_leave_deputy_deputy (deputy, ends_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
