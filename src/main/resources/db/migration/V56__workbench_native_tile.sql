-- Issue 21 item 5: each person's numbers on WeCom's own workbench tile (工作台自定义展示, docs/wecom-api.md §10.1).

-- The keydata template an admin chose for a WeCom agent: up to four items, each a badge source (BadgeProvider key),
-- a label and where a tap goes. items is JSON: [{"badge":"leave:waiting-for-me","label":"待审批","url":"https://…"}].
CREATE TABLE workbench_native_template (
  agent_id    VARCHAR(32)   NOT NULL,
  items       VARCHAR(4000) NOT NULL,
  enabled     BOOLEAN       NOT NULL DEFAULT TRUE,
  version     INT           NOT NULL DEFAULT 0,
  updated_by  VARCHAR(64)   NOT NULL,
  updated_at  DATETIME(3)   NOT NULL COMMENT 'school time',
  PRIMARY KEY (agent_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- People one of whose numbers may have changed: pushed once due_at has come (the debounce: changes within the window
-- coalesce into one push). Kept in the database so that any server pushes them, once (FOR UPDATE SKIP LOCKED).
CREATE TABLE workbench_native_dirty (
  userid    VARCHAR(64)  NOT NULL,
  due_at    DATETIME(3)  NOT NULL COMMENT 'school time',
  PRIMARY KEY (userid),
  KEY ix_workbench_native_dirty_due (due_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What was last queued for each person (the values as shown, '|'-separated in template order) and the outbox message
-- that carries it: the reconcile pushes only differences, and what failed for good counts as a difference.
CREATE TABLE workbench_native_pushed (
  userid       VARCHAR(64)   NOT NULL,
  agent_id     VARCHAR(32)   NOT NULL,
  shown        VARCHAR(500)  NOT NULL,
  message_key  VARCHAR(191)  NOT NULL,
  pushed_at    DATETIME(3)   NOT NULL COMMENT 'school time the push was queued',
  PRIMARY KEY (userid),
  KEY ix_workbench_native_pushed_key (message_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The nightly reconcile claims its run here (SELECT … FOR UPDATE, then compare last_run_at): once across servers.
CREATE TABLE workbench_native_job (
  name         VARCHAR(64)  NOT NULL,
  last_run_at  DATETIME(3)  NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO workbench_native_job (name) VALUES ('reconcile');
