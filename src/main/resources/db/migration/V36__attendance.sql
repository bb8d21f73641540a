-- 考勤 (attendance, issue 19): a teacher's roll call of one meeting occurrence = (term, source, meeting_no, date).
-- attendance_mark holds each student's current mark, attendance_change every change ever sent (the history:
-- both devices' taps when two marked the same meeting, whether they won or not), attendance_batch the client
-- batch ids already stored (a retried post changes nothing), attendance_session the occurrence as it was held.
-- Times are school time (Asia/Shanghai).

CREATE TABLE attendance_session (
  term_id       BIGINT       NOT NULL,
  source        VARCHAR(8)   NOT NULL,
  meeting_no    INT          NOT NULL,
  meeting_date  DATE         NOT NULL,
  course_code   VARCHAR(32)  NOT NULL,
  course_name   VARCHAR(100) NOT NULL,
  first_period  TINYINT      NOT NULL,
  period_count  TINYINT      NOT NULL,
  first_by      VARCHAR(32)  NOT NULL,
  first_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (term_id, source, meeting_no, meeting_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE attendance_change (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  term_id          BIGINT       NOT NULL,
  source           VARCHAR(8)   NOT NULL,
  meeting_no       INT          NOT NULL,
  meeting_date     DATE         NOT NULL,
  student_account  VARCHAR(32)  NOT NULL,
  mark             VARCHAR(16)  NOT NULL,
  marked_by        VARCHAR(32)  NOT NULL,
  -- when the tap was made (the device's time, never after saved_at); the last tap per student wins
  tapped_at        DATETIME(3)  NOT NULL,
  saved_at         DATETIME(3)  NOT NULL,
  batch_id         VARCHAR(64)  NOT NULL,
  applied          BOOLEAN      NOT NULL,
  PRIMARY KEY (id),
  KEY ix_attendance_change_occurrence (term_id, source, meeting_no, meeting_date, id),
  CONSTRAINT ck_attendance_change_mark CHECK (mark IN ('PRESENT', 'ABSENT', 'LATE', 'EARLY', 'EXCUSED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE attendance_mark (
  term_id           BIGINT       NOT NULL,
  source            VARCHAR(8)   NOT NULL,
  meeting_no        INT          NOT NULL,
  meeting_date      DATE         NOT NULL,
  student_account   VARCHAR(32)  NOT NULL,
  mark              VARCHAR(16)  NOT NULL,
  -- the approved leave that excuses a 请假 mark
  leave_request_id  BIGINT       NULL,
  marked_by         VARCHAR(32)  NOT NULL,
  tapped_at         DATETIME(3)  NOT NULL,
  change_id         BIGINT       NOT NULL,
  PRIMARY KEY (term_id, source, meeting_no, meeting_date, student_account),
  KEY ix_attendance_mark_student (student_account, term_id),
  CONSTRAINT ck_attendance_mark_mark CHECK (mark IN ('PRESENT', 'ABSENT', 'LATE', 'EARLY', 'EXCUSED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE attendance_batch (
  marker        VARCHAR(32)  NOT NULL,
  batch_id      VARCHAR(64)  NOT NULL,
  term_id       BIGINT       NOT NULL,
  source        VARCHAR(8)   NOT NULL,
  meeting_no    INT          NOT NULL,
  meeting_date  DATE         NOT NULL,
  saved_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (marker, batch_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
