-- 通知 attachments (issue 20): up to 9 images (JPEG/PNG, downscaled for phones in the browser, at most 5 MB and
-- 50 megapixels by their header) and 5 files (PDF by their bytes, at most 10 MB) per notice, added to a draft.
-- Removed with their notice (retention, or a deleted draft).
CREATE TABLE notice_file (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  notice_id    BIGINT        NOT NULL,
  -- IMAGE or FILE
  kind         VARCHAR(8)    NOT NULL,
  -- the name it was uploaded with, for the download's name only (what it is comes from its bytes)
  file_name    VARCHAR(255)  NOT NULL,
  size_bytes   INT           NOT NULL,
  -- an image's size from its header
  width        INT           NULL,
  height       INT           NULL,
  content      MEDIUMBLOB    NOT NULL,
  added_by     VARCHAR(32)   NOT NULL,
  added_at     DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_notice_file_notice (notice_id, kind, id),
  CONSTRAINT fk_notice_file_notice FOREIGN KEY (notice_id) REFERENCES notice (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
