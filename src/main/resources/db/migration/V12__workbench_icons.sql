-- Tile icons uploaded by admins, re-encoded as 96×96 PNG (never stored or served as uploaded). A tile refers to one
-- by name 'up-' + the first 24 hex digits of the PNG's SHA-256, so a name never changes meaning and can be cached
-- for ever. Kept in the database so that every server can serve them.
CREATE TABLE workbench_icon (
  name         VARCHAR(32)   NOT NULL,
  png          MEDIUMBLOB    NOT NULL,
  uploaded_by  VARCHAR(32)   NOT NULL,
  uploaded_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
