-- Issue 21: tile states (maintenance, 新, visible from/until), banners on the home page, launch figures.

-- A tile's state, beside the tile (one row per tile that has any); changes bump workbench_config.tiles_version.
CREATE TABLE workbench_tile_state (
  tile_id              BIGINT        NOT NULL,
  maintenance          BOOLEAN       NOT NULL DEFAULT FALSE,
  maintenance_message  VARCHAR(200)  NULL,
  maintenance_from     DATETIME      NULL,
  maintenance_until    DATETIME      NULL,
  new_since            DATETIME      NULL,
  visible_from         DATE          NULL,
  visible_until        DATE          NULL,
  PRIMARY KEY (tile_id),
  CONSTRAINT fk_tile_state_tile FOREIGN KEY (tile_id) REFERENCES workbench_tile (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who has opened a tile marked 新 since it was marked (rows only while the tile is new).
CREATE TABLE workbench_tile_seen (
  account   VARCHAR(64) NOT NULL,
  tile_id   BIGINT      NOT NULL,
  seen_at   DATETIME    NOT NULL,
  PRIMARY KEY (account, tile_id),
  KEY ix_tile_seen_tile (tile_id),
  CONSTRAINT fk_tile_seen_tile FOREIGN KEY (tile_id) REFERENCES workbench_tile (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A banner at the top of the home page for an audience (the same rules as a tile's 谁能看到).
CREATE TABLE workbench_banner (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  message              VARCHAR(200)  NOT NULL,
  starts_at            DATETIME      NOT NULL,
  ends_at              DATETIME      NOT NULL,
  visible_everyone     BOOLEAN       NOT NULL,
  visible_roles        VARCHAR(500)  NULL,
  visible_kinds        VARCHAR(100)  NULL,
  visible_departments  TEXT          NULL,
  visible_classes      TEXT          NULL,
  visible_people       TEXT          NULL,
  created_by           VARCHAR(64)   NOT NULL,
  created_at           DATETIME      NOT NULL,
  PRIMARY KEY (id),
  KEY ix_banner_ends (ends_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Launches of the current (and last) week, one row per tile, day and person: the person is a keyed hash
-- that changes every week (SHA-256 of the salt below, the week's Monday and the account, first 16 bytes).
-- Only there to count unique people per day and per week; rolled up and deleted once the week is over.
CREATE TABLE workbench_launch (
  tile_id   BIGINT       NOT NULL,
  day       DATE         NOT NULL,
  person    BINARY(16)   NOT NULL,
  kind      VARCHAR(16)  NOT NULL,
  opens     INT          NOT NULL,
  PRIMARY KEY (tile_id, day, person),
  KEY ix_launch_day (day)
) ENGINE=InnoDB;

-- The rolled-up figures of finished weeks, kept 400 days.
CREATE TABLE workbench_launch_day (
  tile_id   BIGINT       NOT NULL,
  day       DATE         NOT NULL,
  kind      VARCHAR(16)  NOT NULL,
  opens     INT          NOT NULL,
  people    INT          NOT NULL,
  PRIMARY KEY (tile_id, day, kind),
  KEY ix_launch_day_day (day)
) ENGINE=InnoDB;

CREATE TABLE workbench_launch_week (
  tile_id   BIGINT       NOT NULL,
  week      DATE         NOT NULL,
  kind      VARCHAR(16)  NOT NULL,
  opens     INT          NOT NULL,
  people    INT          NOT NULL,
  PRIMARY KEY (tile_id, week, kind),
  KEY ix_launch_week_week (week)
) ENGINE=InnoDB;

-- The secret of the launch hash: random per installation, never shown or exported.
CREATE TABLE workbench_launch_salt (
  id    TINYINT        NOT NULL,
  salt  VARBINARY(32)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;
INSERT INTO workbench_launch_salt (id, salt) VALUES (1, UNHEX(SHA2(CONCAT(UUID(), RAND(), NOW(6)), 256)));

-- One cleanup a day across servers (roll-up of finished weeks, figures older than 400 days).
CREATE TABLE workbench_launch_cleanup_run (
  run_date  DATE      NOT NULL,
  ran_at    DATETIME  NOT NULL,
  PRIMARY KEY (run_date)
) ENGINE=InnoDB;
