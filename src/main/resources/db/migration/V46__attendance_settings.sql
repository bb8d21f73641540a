-- 考勤设置 (issue 19, item 5): the school's attendance settings, set by an admin on /admin/attendance.xhtml. One row
-- (id = 1) shared by every server; a NULL column means "the MicroProfile Config default" (attendance.alert-ratio,
-- attendance.edit-days). version grows with every save, so a server's cached copy knows it is stale.

CREATE TABLE attendance_settings (
  id           TINYINT      NOT NULL,
  alert_ratio  VARCHAR(16)  NULL,
  edit_days    INT          NULL,
  version      BIGINT       NOT NULL,
  changed_by   VARCHAR(32)  NOT NULL,
  changed_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT ck_attendance_settings_one CHECK (id = 1),
  CONSTRAINT ck_attendance_settings_days CHECK (edit_days IS NULL OR edit_days BETWEEN 1 AND 60)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
