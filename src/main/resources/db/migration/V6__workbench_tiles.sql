-- The workbench home page: tiles grouped by scene (教学 TEACHING, 办公 OFFICE, 生活 LIFE), configured by admins.
-- Visibility rules are lists of codes (comma separated): roles, person kinds, department codes (sub-departments
-- included), class codes, person accounts. A rule naming a department the directory no longer has matches nobody.
CREATE TABLE workbench_tile (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  scene                VARCHAR(16)   NOT NULL,
  position             INT           NOT NULL,
  name                 VARCHAR(40)   NOT NULL,
  description          VARCHAR(80)   NULL,
  icon                 VARCHAR(32)   NOT NULL,
  kind                 VARCHAR(16)   NOT NULL,
  target               VARCHAR(500)  NOT NULL,
  enabled              BOOLEAN       NOT NULL DEFAULT TRUE,
  badge_key            VARCHAR(64)   NULL,
  visible_everyone     BOOLEAN       NOT NULL DEFAULT FALSE,
  visible_roles        VARCHAR(255)  NOT NULL DEFAULT '',
  visible_kinds        VARCHAR(64)   NOT NULL DEFAULT '',
  visible_departments  TEXT          NOT NULL,
  visible_classes      TEXT          NOT NULL,
  visible_people       TEXT          NOT NULL,
  version              INT           NOT NULL DEFAULT 0,
  updated_by           VARCHAR(32)   NOT NULL,
  updated_at           TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_workbench_tile_scene (scene, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row: bumped in the same transaction as every tile change, so each server can cache the tile list per version.
CREATE TABLE workbench_config (
  id             TINYINT NOT NULL,
  tiles_version  BIGINT  NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO workbench_config (id, tiles_version) VALUES (1, 0);
