-- The stand-in's own tables, in its own database (<the app's database>_standin, or standin.db-url): what WeCom's
-- servers and the school's CAS would remember. Created when missing, at the stand-in's first use; the app never
-- reads them (it reaches the stand-in over HTTP only). Statements are separated by a line holding only ';'.

-- Issued access_tokens and OAuth codes (a code is single-use, §1.2).
CREATE TABLE IF NOT EXISTS wecom_grant (
  grant_value VARCHAR(128) NOT NULL,
  grant_type  VARCHAR(16)  NOT NULL,
  userid      VARCHAR(64)  NULL,
  expires_at  TIMESTAMP(3) NOT NULL,
  used        BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (grant_value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
;
-- Every message received, per recipient, with what WeCom would have done with it (DELIVERED, DUPLICATE = suppressed
-- by enable_duplicate_check, DROPPED = over the per-member limit, silently dropped; UPDATED = a card update).
CREATE TABLE IF NOT EXISTS wecom_message (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  received_at   DATETIME(3)  NOT NULL,
  api           VARCHAR(16)  NOT NULL COMMENT 'SEND or UPDATE_CARD',
  touser        VARCHAR(64)  NOT NULL,
  msgtype       VARCHAR(32)  NOT NULL,
  content_hash  CHAR(64)     NOT NULL COMMENT 'SHA-256 of the content, for the duplicate check',
  body          MEDIUMTEXT   NOT NULL,
  msgid         VARCHAR(64)  NOT NULL,
  outcome       VARCHAR(16)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_wecom_message_user (touser, received_at),
  KEY ix_wecom_message_hash (content_hash, touser, received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
;
CREATE INDEX IF NOT EXISTS ix_wecom_message_msgid ON wecom_message (msgid)
;
-- message/recall calls answered ok (§5.3, §10.3), each kept so that tests see a recall made twice.
CREATE TABLE IF NOT EXISTS wecom_recall (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  msgid        VARCHAR(64)  NOT NULL,
  recalled_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_wecom_recall_msgid (msgid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
;
-- response_code values handed out for interactive template cards; each usable once (§5.2).
CREATE TABLE IF NOT EXISTS wecom_response_code (
  code        VARCHAR(64)  NOT NULL,
  msgid       VARCHAR(64)  NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  used        BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
;
-- Contacts (§6). userid is compared case-insensitively, as WeCom does (§6.2): the _ci collation makes the key so.
CREATE TABLE IF NOT EXISTS wecom_department (
  id        BIGINT       NOT NULL,
  name      VARCHAR(64)  NOT NULL,
  parentid  BIGINT       NOT NULL,
  ord       BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
;
INSERT IGNORE INTO wecom_department (id, name, parentid, ord) VALUES (1, '企业', 0, 0)
;
CREATE TABLE IF NOT EXISTS wecom_user (
  userid      VARCHAR(64)   NOT NULL,
  name        VARCHAR(64)   NOT NULL,
  mobile      VARCHAR(20)   NULL,
  department  VARCHAR(1000) NOT NULL,
  position    VARCHAR(128)  NOT NULL DEFAULT '',
  enable      BOOLEAN       NOT NULL DEFAULT TRUE,
  status      TINYINT       NOT NULL DEFAULT 4,
  updated_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (userid),
  UNIQUE KEY uk_wecom_user_mobile (mobile)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
;
CREATE TABLE IF NOT EXISTS wecom_media (
  media_id    VARCHAR(64)  NOT NULL,
  content     LONGBLOB     NOT NULL,
  created_at  TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (media_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
;
CREATE TABLE IF NOT EXISTS wecom_job (
  jobid       VARCHAR(64)  NOT NULL,
  type        VARCHAR(16)  NOT NULL,
  status      TINYINT      NOT NULL,
  errcode     INT          NOT NULL DEFAULT 0,
  errmsg      VARCHAR(255) NOT NULL DEFAULT 'ok',
  total       INT          NOT NULL DEFAULT 0,
  result      MEDIUMTEXT   NOT NULL,
  created_at  TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (jobid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
;
-- CAS service tickets: single-use, short-lived, for the service they were issued to; the browser's sign-in cookie
-- (tgc) names the tickets a /cas/logout ends by back-channel logout requests.
CREATE TABLE IF NOT EXISTS cas_ticket (
  ticket      VARCHAR(64)   NOT NULL,
  service     VARCHAR(2000) NOT NULL,
  account     VARCHAR(64)   NOT NULL,
  tgc         VARCHAR(64)   NOT NULL,
  issued_at   TIMESTAMP(3)  NOT NULL,
  used        BOOLEAN       NOT NULL DEFAULT FALSE,
  logged_out  BOOLEAN       NOT NULL DEFAULT FALSE,
  PRIMARY KEY (ticket),
  KEY ix_cas_ticket_tgc (tgc)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
;
