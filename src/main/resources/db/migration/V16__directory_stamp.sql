-- Fresh authority (issue 14): roles, scopes, person kind and status are read per request from a per-server cache
-- that is dropped whenever this number changes. The triggers bump it on every write to the directory, whoever
-- makes it (an import, an admin's grant, a DBA's UPDATE), so no code path can forget to.
CREATE TABLE directory_stamp (
  id       TINYINT NOT NULL,
  version  BIGINT  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO directory_stamp (id, version) VALUES (1, 0);

CREATE TRIGGER directory_stamp_person_insert AFTER INSERT ON person FOR EACH ROW
  UPDATE directory_stamp SET version = version + 1 WHERE id = 1;
CREATE TRIGGER directory_stamp_person_update AFTER UPDATE ON person FOR EACH ROW
  UPDATE directory_stamp SET version = version + 1 WHERE id = 1;
CREATE TRIGGER directory_stamp_person_delete AFTER DELETE ON person FOR EACH ROW
  UPDATE directory_stamp SET version = version + 1 WHERE id = 1;
CREATE TRIGGER directory_stamp_grant_insert AFTER INSERT ON role_grant FOR EACH ROW
  UPDATE directory_stamp SET version = version + 1 WHERE id = 1;
CREATE TRIGGER directory_stamp_grant_update AFTER UPDATE ON role_grant FOR EACH ROW
  UPDATE directory_stamp SET version = version + 1 WHERE id = 1;
CREATE TRIGGER directory_stamp_grant_delete AFTER DELETE ON role_grant FOR EACH ROW
  UPDATE directory_stamp SET version = version + 1 WHERE id = 1;
CREATE TRIGGER directory_stamp_class_update AFTER UPDATE ON school_class FOR EACH ROW
  UPDATE directory_stamp SET version = version + 1 WHERE id = 1;
CREATE TRIGGER directory_stamp_department_update AFTER UPDATE ON department FOR EACH ROW
  UPDATE directory_stamp SET version = version + 1 WHERE id = 1;
