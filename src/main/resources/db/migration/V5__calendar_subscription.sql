-- 订阅到手机日历: one calendar subscription per person. The feed URL carries a random token; only its SHA-256
-- (lower-case hex) is kept, so the table alone cannot be turned into working URLs. Resetting replaces the hash
-- (the old URL stops working at once); turning the subscription off deletes the row.
CREATE TABLE calendar_subscription (
  person_account VARCHAR(32)  NOT NULL,
  token_sha256   CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  created_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  last_used_at   TIMESTAMP(3) NULL,
  PRIMARY KEY (person_account),
  UNIQUE KEY uk_calendar_subscription_token (token_sha256),
  CONSTRAINT fk_calendar_subscription_person FOREIGN KEY (person_account) REFERENCES person (account)
    ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- TIMETABLE_WISEDU filled import_batch.kind (16) exactly; room for longer import kinds.
ALTER TABLE import_batch MODIFY kind VARCHAR(32) NOT NULL;
