-- WeCom access tokens (and later jsapi tickets), shared by every server so that a cluster refreshes once.
-- cache_key is e.g. 'access_token:<corpid>:<agentid>'. A row is never deleted: value NULL means "none"
-- (so SELECT ... FOR UPDATE always locks a real record). expires_at is the moment the servers stop using
-- the value (expires_in minus the refresh margin), not WeCom's own expiry.
CREATE TABLE wecom_credential (
  cache_key   VARCHAR(96)  NOT NULL,
  value       VARCHAR(1024) NULL,
  expires_at  TIMESTAMP(3) NULL,
  PRIMARY KEY (cache_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Development stand-in for WeCom: what its servers would remember (OAuth codes, issued tokens).
CREATE TABLE standin_wecom_grant (
  grant_value VARCHAR(128) NOT NULL,
  grant_type  VARCHAR(16)  NOT NULL,
  userid      VARCHAR(64)  NULL,
  expires_at  TIMESTAMP(3) NOT NULL,
  used        BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (grant_value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
