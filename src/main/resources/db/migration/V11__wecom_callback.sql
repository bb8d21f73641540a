-- WeCom callbacks already taken in (wecom-api-notes §4.1): WeCom retries a callback it got no 200 for within 5 s,
-- up to 3 times, and a replayed request looks the same. The primary key makes every server agree that a message or
-- event is handled once: the row is inserted in the transaction that hands the message to the micro-apps, so a
-- concurrent copy waits for that transaction and then finds the row (or, if it rolled back, handles it itself).
-- dedupe_key is the SHA-256 (hex) of 'msg:<MsgId>' or, for events, of FromUserName, CreateTime, Event, EventKey, TaskId.
CREATE TABLE wecom_callback_received (
  dedupe_key   CHAR(64)     NOT NULL,
  msg_type     VARCHAR(32)  NOT NULL,
  event        VARCHAR(64)  NULL,
  from_user    VARCHAR(64)  NULL,
  agent_id     VARCHAR(16)  NULL,
  create_time  BIGINT       NOT NULL,
  received_at  TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (dedupe_key),
  KEY wecom_callback_received_at (received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- WeCom's domain verification files (WW_verify_<random>.txt, §8), served at the site root by every server.
CREATE TABLE wecom_domain_verification (
  file_name    VARCHAR(64)  NOT NULL,
  content      VARCHAR(128) NOT NULL,
  uploaded_at  TIMESTAMP(3) NOT NULL,
  uploaded_by  VARCHAR(64)  NOT NULL,
  PRIMARY KEY (file_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Shared JS-SDK tickets live in wecom_credential (V2) under 'jsapi_ticket:…' and 'agent_ticket:…' keys.
