-- The sender side of the WeCom outbox (V8): leases so that several servers never send one message twice, the
-- per-recipient accounting behind WeCom's per-member limits (wecom-api-notes §5.1: ≤30/min and ≤1000/hour per
-- member, the excess silently dropped), and the dev stand-in's store of the messages it received.

-- A worker claims due PENDING rows in a short transaction (SELECT … FOR UPDATE SKIP LOCKED), writes its claim and
-- moves next_attempt_at to the end of the lease, commits, and only then calls WeCom. A server that dies mid-batch
-- leaves rows whose lease simply runs out: next_attempt_at passes and another server claims them. The outcome is
-- written only if claim_token is still ours.
ALTER TABLE wecom_outbox
  ADD COLUMN claimed_by    VARCHAR(64)   NULL COMMENT 'worker holding the lease (server name and thread)',
  ADD COLUMN claim_token   VARCHAR(40)   NULL COMMENT 'random per claim; the outcome is written only with it',
  ADD COLUMN lease_until   DATETIME(3)   NULL COMMENT 'school time; after it the row can be claimed again',
  ADD COLUMN last_errcode  INT           NULL COMMENT 'WeCom errcode of the last failed attempt; NULL = unreachable',
  ADD COLUMN invalid_users VARCHAR(1000) NULL COMMENT 'invaliduser of a successful send (lower-cased by WeCom)',
  ADD COLUMN deferrals     INT           NOT NULL DEFAULT 0 COMMENT 'times held back by a per-member limit';

-- One row per WeCom userid that ever got a message: locked (FOR UPDATE, in userid order) while its sends are counted
-- and a new one reserved, so that two servers cannot both take the 30th place of the same minute.
CREATE TABLE wecom_recipient_lock (
  userid VARCHAR(64) NOT NULL,
  PRIMARY KEY (userid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The sliding log of sends per recipient (message/send only), written when a send is claimed; rows older than an
-- hour are pruned by the worker.
CREATE TABLE wecom_recipient_send (
  id        BIGINT      NOT NULL AUTO_INCREMENT,
  userid    VARCHAR(64) NOT NULL,
  sent_at   DATETIME(3) NOT NULL COMMENT 'school time of the claim',
  outbox_id BIGINT      NOT NULL,
  PRIMARY KEY (id),
  KEY ix_wecom_recipient_send_user (userid, sent_at),
  KEY ix_wecom_recipient_send_at (sent_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Development stand-in only: every message/send and update_template_card the stand-in received, one row per
-- recipient, with what WeCom would have done with it (DELIVERED, DUPLICATE = suppressed by enable_duplicate_check,
-- DROPPED = over the per-member limit, silently dropped as WeCom does; UPDATED = a card update).
CREATE TABLE standin_wecom_message (
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
  KEY ix_standin_wecom_message_user (touser, received_at),
  KEY ix_standin_wecom_message_hash (content_hash, touser, received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Development stand-in only: response_code values handed out for interactive template cards; each usable once.
CREATE TABLE standin_wecom_response_code (
  code        VARCHAR(64)  NOT NULL,
  msgid       VARCHAR(64)  NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  used        BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
