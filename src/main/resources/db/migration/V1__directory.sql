-- The school directory: departments (院系, a tree), classes (班级), people and their role grants.
-- utf8mb4 everywhere: names carry rare CJK characters and the occasional emoji.

CREATE TABLE department (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  code         VARCHAR(32)  NOT NULL,
  name         VARCHAR(100) NOT NULL,
  parent_id    BIGINT       NULL,
  version      INT          NOT NULL DEFAULT 0,
  updated_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_department_code (code),
  CONSTRAINT fk_department_parent FOREIGN KEY (parent_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE school_class (
  id                 BIGINT       NOT NULL AUTO_INCREMENT,
  code               VARCHAR(32)  NOT NULL,
  name               VARCHAR(100) NOT NULL,
  department_id      BIGINT       NOT NULL,
  grade              SMALLINT     NOT NULL,
  counsellor_account VARCHAR(32)  NULL,
  version            INT          NOT NULL DEFAULT 0,
  updated_at         TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_class_code (code),
  KEY ix_class_counsellor (counsellor_account),
  CONSTRAINT fk_class_department FOREIGN KEY (department_id) REFERENCES department (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE person (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  account        VARCHAR(32)  NOT NULL,
  name           VARCHAR(64)  NOT NULL,
  kind           VARCHAR(16)  NOT NULL,
  gender         TINYINT      NULL,
  mobile         VARCHAR(20)  NULL,
  email          VARCHAR(120) NULL,
  department_id  BIGINT       NULL,
  class_id       BIGINT       NULL,
  position       VARCHAR(64)  NULL,
  status         VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE',
  version        INT          NOT NULL DEFAULT 0,
  updated_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_person_account (account),
  KEY ix_person_mobile (mobile),
  KEY ix_person_class (class_id),
  KEY ix_person_department (department_id),
  CONSTRAINT fk_person_department FOREIGN KEY (department_id) REFERENCES department (id),
  CONSTRAINT fk_person_class FOREIGN KEY (class_id) REFERENCES school_class (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A role with its scope: SCHOOL (scope_id 0), DEPARTMENT (department id) or CLASS (class id).
CREATE TABLE role_grant (
  id          BIGINT      NOT NULL AUTO_INCREMENT,
  person_id   BIGINT      NOT NULL,
  role        VARCHAR(32) NOT NULL,
  scope_kind  VARCHAR(16) NOT NULL,
  scope_id    BIGINT      NOT NULL DEFAULT 0,
  source      VARCHAR(16) NOT NULL DEFAULT 'IMPORT',
  PRIMARY KEY (id),
  UNIQUE KEY uk_role_grant (person_id, role, scope_kind, scope_id),
  KEY ix_role_grant_scope (role, scope_kind, scope_id),
  CONSTRAINT fk_role_grant_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An uploaded directory file: kept so that "confirm" applies exactly what the preview showed, on any server.
CREATE TABLE import_batch (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  kind         VARCHAR(16)  NOT NULL,
  file_name    VARCHAR(255) NOT NULL,
  content      LONGBLOB     NOT NULL,
  sha256       CHAR(64)     NOT NULL,
  uploaded_by  VARCHAR(32)  NOT NULL,
  uploaded_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  status       VARCHAR(16)  NOT NULL,
  summary      TEXT         NULL,
  applied_at   TIMESTAMP(3) NULL,
  version      INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only record of admin changes.
CREATE TABLE audit_event (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  occurred_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  actor        VARCHAR(32)  NOT NULL,
  sign_in_path VARCHAR(16)  NULL,
  action       VARCHAR(64)  NOT NULL,
  object_type  VARCHAR(32)  NOT NULL,
  object_id    VARCHAR(64)  NULL,
  detail       TEXT         NULL,
  PRIMARY KEY (id),
  KEY ix_audit_time (occurred_at),
  KEY ix_audit_actor (actor)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
