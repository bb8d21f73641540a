-- Contacts sync (issue 6, wecom-api-notes §6): the directory pushed to WeCom contacts.

-- What we remember of each person in WeCom: the fingerprint of what WeCom last accepted from us (user/list_id gives
-- only userid and department, §6.3, so a changed name or mobile is found against it) and those fields (JSON, so the
-- dry run can say which changed), the member status WeCom
-- reported (user/get, change_contact) and the outcome of the last call about them.
CREATE TABLE wecom_contact (
  account        VARCHAR(64)  NOT NULL,
  in_wecom       BOOLEAN      NOT NULL DEFAULT FALSE,
  wecom_status   VARCHAR(16)  NOT NULL DEFAULT 'MISSING',
  pushed_hash    CHAR(32)     NULL,
  pushed_fields  TEXT         NULL,
  last_errcode   INT          NULL,
  last_reason    VARCHAR(255) NULL,
  synced_at      TIMESTAMP(3) NULL,
  status_at      TIMESTAMP(3) NULL,
  PRIMARY KEY (account),
  KEY ix_wecom_contact_status (wecom_status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Our department codes (院系, and classes as 'class:<code>') and the WeCom department id chosen for each.
CREATE TABLE wecom_department_map (
  code         VARCHAR(64)  NOT NULL,
  wecom_id     BIGINT       NOT NULL,
  pushed_hash  CHAR(32)     NULL,
  PRIMARY KEY (code),
  UNIQUE KEY uk_wecom_department_id (wecom_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A sync run: planned by a dry run, confirmed by an admin, then worked by whichever server holds its lease
-- (lease_until; a crashed server's run is taken over when the lease ran out). Items are the calls, in order.
CREATE TABLE contacts_sync_run (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  kind           VARCHAR(16)  NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  planned_by     VARCHAR(64)  NOT NULL,
  planned_at     TIMESTAMP(3) NOT NULL,
  confirmed_by   VARCHAR(64)  NULL,
  confirmed_at   TIMESTAMP(3) NULL,
  started_at     TIMESTAMP(3) NULL,
  finished_at    TIMESTAMP(3) NULL,
  lease_owner    VARCHAR(64)  NULL,
  lease_until    TIMESTAMP(3) NULL,
  resume_at      TIMESTAMP(3) NULL,
  total          INT          NOT NULL DEFAULT 0,
  done           INT          NOT NULL DEFAULT 0,
  failed         INT          NOT NULL DEFAULT 0,
  conflicts      INT          NOT NULL DEFAULT 0,
  note           VARCHAR(255) NULL,
  PRIMARY KEY (id),
  KEY ix_contacts_sync_run_status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE contacts_sync_item (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  run_id       BIGINT       NOT NULL,
  seq          INT          NOT NULL,
  target       VARCHAR(16)  NOT NULL,
  action       VARCHAR(16)  NOT NULL,
  item_key     VARCHAR(64)  NOT NULL,
  label        VARCHAR(100) NOT NULL,
  payload      MEDIUMTEXT   NULL,
  fingerprint  CHAR(32)     NULL,
  changed      VARCHAR(255) NULL,
  status       VARCHAR(16)  NOT NULL,
  errcode      INT          NULL,
  reason       VARCHAR(255) NULL,
  attempts     INT          NOT NULL DEFAULT 0,
  done_at      TIMESTAMP(3) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_contacts_sync_item (run_id, seq),
  KEY ix_contacts_sync_item_status (run_id, status),
  CONSTRAINT fk_contacts_sync_item_run FOREIGN KEY (run_id) REFERENCES contacts_sync_run (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Conflicts found by the dry run, shown with the plan and in the report.
CREATE TABLE contacts_sync_conflict (
  id       BIGINT       NOT NULL AUTO_INCREMENT,
  run_id   BIGINT       NOT NULL,
  target   VARCHAR(16)  NOT NULL,
  item_key VARCHAR(64)  NOT NULL,
  label    VARCHAR(100) NOT NULL,
  kind     VARCHAR(32)  NOT NULL,
  detail   VARCHAR(255) NULL,
  PRIMARY KEY (id),
  KEY ix_contacts_sync_conflict_run (run_id),
  CONSTRAINT fk_contacts_sync_conflict_run FOREIGN KEY (run_id) REFERENCES contacts_sync_run (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The WeCom stand-in's contacts (development mode only), shared by all servers like its other stores.
-- userid is compared case-insensitively, as WeCom does (§6.2): the _ci collation makes the primary key so.
CREATE TABLE standin_wecom_department (
  id        BIGINT       NOT NULL,
  name      VARCHAR(64)  NOT NULL,
  parentid  BIGINT       NOT NULL,
  ord       BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO standin_wecom_department (id, name, parentid, ord) VALUES (1, '企业', 0, 0);

CREATE TABLE standin_wecom_user (
  userid      VARCHAR(64)   NOT NULL,
  name        VARCHAR(64)   NOT NULL,
  mobile      VARCHAR(20)   NULL,
  department  VARCHAR(1000) NOT NULL,
  position    VARCHAR(128)  NOT NULL DEFAULT '',
  enable      BOOLEAN       NOT NULL DEFAULT TRUE,
  status      TINYINT       NOT NULL DEFAULT 4,
  updated_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (userid),
  UNIQUE KEY uk_standin_wecom_user_mobile (mobile)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE standin_wecom_media (
  media_id    VARCHAR(64)  NOT NULL,
  content     LONGBLOB     NOT NULL,
  created_at  TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (media_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE standin_wecom_job (
  jobid       VARCHAR(64)  NOT NULL,
  type        VARCHAR(16)  NOT NULL,
  status      TINYINT      NOT NULL,
  errcode     INT          NOT NULL DEFAULT 0,
  errmsg      VARCHAR(255) NOT NULL DEFAULT 'ok',
  total       INT          NOT NULL DEFAULT 0,
  result      MEDIUMTEXT   NOT NULL,
  created_at  TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (jobid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
