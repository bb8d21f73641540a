-- The WeCom message outbox (transactional outbox): a micro-app writes the message here in the same transaction as
-- the state change that causes it (WeComOutbox.enqueue); a background worker sends it later, with retry and
-- back-off, once even with several servers. message_key is our own message id: the same key is never queued twice.
CREATE TABLE wecom_outbox (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  -- our message id, e.g. 'leave:42:step:1:approver:t001'; unique so a retried transaction cannot queue twice
  message_key     VARCHAR(191)  NOT NULL,
  -- SEND (POST /cgi-bin/message/send) or UPDATE_TEMPLATE_CARD (POST /cgi-bin/message/update_template_card)
  kind            VARCHAR(32)   NOT NULL,
  -- recipients' WeCom userids (= account ids), '|'-separated as message/send wants them
  to_users        TEXT          NOT NULL,
  -- the JSON body without touser/userids and agentid, e.g. {"msgtype":"textcard","textcard":{...}}
  body            MEDIUMTEXT    NOT NULL,
  -- what the message is about, for the admin page and for finding a card again, e.g. 'leave:42'
  topic           VARCHAR(191)  NOT NULL,
  -- PENDING → SENT, or FAILED after the last attempt (an admin can put it back to PENDING)
  status          VARCHAR(16)   NOT NULL DEFAULT 'PENDING',
  attempts        INT           NOT NULL DEFAULT 0,
  -- school time (Asia/Shanghai)
  created_at      DATETIME(3)   NOT NULL,
  next_attempt_at DATETIME(3)   NOT NULL,
  sent_at         DATETIME(3)   NULL,
  last_error      VARCHAR(500)  NULL,
  -- what WeCom answered: msgid (for recall) and response_code (for update_template_card)
  wecom_msgid     VARCHAR(128)  NULL,
  response_code   VARCHAR(255)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_wecom_outbox_key (message_key),
  KEY ix_wecom_outbox_due (status, next_attempt_at),
  KEY ix_wecom_outbox_topic (topic)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
