-- Issue 21: a person's 常用 row, the admins' default rows and 最近使用.
-- A person's own row (pinned tile ids in their order, comma separated, at most 12). A row, even an empty one, is the
-- person's own choice: from then on the defaults no longer apply to them.
CREATE TABLE workbench_favourite (
  account     VARCHAR(64)   NOT NULL,
  tile_ids    VARCHAR(400)  NOT NULL DEFAULT '',
  updated_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (account)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The admins' default 常用 row for an audience: KIND:STUDENT, KIND:STAFF or ROLE:<role> (portal.domain.Favourites).
CREATE TABLE workbench_favourite_default (
  audience    VARCHAR(40)   NOT NULL,
  tile_ids    VARCHAR(400)  NOT NULL DEFAULT '',
  updated_by  VARCHAR(64)   NOT NULL,
  updated_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (audience)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 最近使用: when a person last opened a tile from the home page, one row per person and tile (upserted).
CREATE TABLE workbench_recent (
  account     VARCHAR(64)   NOT NULL,
  tile_id     BIGINT        NOT NULL,
  opened_at   TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (account, tile_id),
  KEY ix_workbench_recent_tile (tile_id),
  CONSTRAINT fk_workbench_recent_tile FOREIGN KEY (tile_id) REFERENCES workbench_tile (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
