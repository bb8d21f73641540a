-- The audit log (审计日志): one row per admin change, written in the same transaction as the change.
-- Append-only: the application only ever INSERTs here (AuditTrail) and reads (AuditLog); the two triggers below make
-- the database itself refuse UPDATE and DELETE, whoever sends them. Creating a trigger needs the TRIGGER privilege
-- (and, with binary logging on, SUPER or log_bin_trust_function_creators=1). Removing rows (retention) is a
-- deliberate DBA act: drop the trigger, delete, re-create it.
CREATE TABLE audit_entry (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  -- school time (Asia/Shanghai), as the admin reads it
  occurred_at   DATETIME(3)   NOT NULL,
  actor_account VARCHAR(32)   NOT NULL,
  actor_name    VARCHAR(64)   NOT NULL,
  -- WECOM, CAS, DEV (SignInPath), or SYSTEM for start-up loaders
  sign_in_path  VARCHAR(16)   NOT NULL,
  action        VARCHAR(64)   NOT NULL,
  object_type   VARCHAR(32)   NOT NULL,
  object_id     VARCHAR(64)   NOT NULL,
  object_label  VARCHAR(255)  NOT NULL,
  -- JSON objects holding only the fields that changed: {"field": old} and {"field": new}
  before_values TEXT          NOT NULL,
  after_values  TEXT          NOT NULL,
  PRIMARY KEY (id),
  KEY ix_audit_entry_time (occurred_at),
  KEY ix_audit_entry_actor (actor_account, occurred_at),
  KEY ix_audit_entry_object (object_type, object_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only: UPDATE refused';

CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only: DELETE refused';

-- The imports applied before this migration were noted in audit_event (V1); carry them over so the log is whole.
-- audit_event is no longer written.
INSERT INTO audit_entry (occurred_at, actor_account, actor_name, sign_in_path, action, object_type, object_id,
                         object_label, before_values, after_values)
SELECT e.occurred_at, e.actor, COALESCE(p.name, ''), COALESCE(e.sign_in_path, 'SYSTEM'), e.action, e.object_type,
       COALESCE(e.object_id, ''), COALESCE(b.file_name, ''), '{}', COALESCE(e.detail, '{}')
FROM audit_event e
LEFT JOIN person p ON p.account = e.actor
LEFT JOIN import_batch b ON e.object_type = 'import_batch' AND b.id = e.object_id
ORDER BY e.id;
