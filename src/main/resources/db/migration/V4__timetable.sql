-- 查课表: terms, their calendar (holidays, make-up days), period times and course meetings with who attends.
-- Week numbers are never stored: they follow from term.week1_monday. A meeting's weeks are a bit mask
-- (bit w = teaching week w, weeks 1..30), so "meets in week N" is (weeks_mask & (1 << N)) <> 0.

CREATE TABLE term (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  code          VARCHAR(16)  NOT NULL,
  week1_monday  DATE         NOT NULL,
  weeks         TINYINT      NOT NULL,
  version       INT          NOT NULL DEFAULT 0,
  updated_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_term_code (code),
  KEY ix_term_start (week1_monday)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A holiday (放假) or a make-up day (调休) teaching the classes of follows_date. Replaced per term by the import.
CREATE TABLE term_calendar_day (
  day           DATE         NOT NULL,
  term_id       BIGINT       NOT NULL,
  kind          VARCHAR(16)  NOT NULL,
  follows_date  DATE         NULL,
  note          VARCHAR(100) NOT NULL DEFAULT '',
  PRIMARY KEY (day),
  KEY ix_calendar_term (term_id),
  CONSTRAINT fk_calendar_term FOREIGN KEY (term_id) REFERENCES term (id) ON DELETE CASCADE,
  CONSTRAINT ck_calendar_kind CHECK (kind IN ('HOLIDAY', 'MAKE_UP')),
  CONSTRAINT ck_calendar_follows CHECK ((kind = 'MAKE_UP') = (follows_date IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 作息时间: periods 1..N of each set (夏季, 冬季), each set valid for a date range. The whole table is one import.
CREATE TABLE period_time (
  set_name      VARCHAR(32)  NOT NULL,
  period        TINYINT      NOT NULL,
  valid_from    DATE         NOT NULL,
  valid_to      DATE         NOT NULL,
  start_time    TIME         NOT NULL,
  end_time      TIME         NOT NULL,
  PRIMARY KEY (set_name, period),
  CONSTRAINT ck_period_time_order CHECK (end_time > start_time AND valid_to >= valid_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One weekly meeting of a course. A term's timetable may come from two systems (source ZF = 正方 text,
-- WISEDU = 金智 bitmaps); importing a file replaces exactly (term, source), so meeting_no is the meeting's
-- position in its file and the same file always gives the same rows.
CREATE TABLE course_meeting (
  term_id       BIGINT       NOT NULL,
  source        VARCHAR(8)   NOT NULL,
  meeting_no    INT          NOT NULL,
  source_line   INT          NOT NULL,
  course_code   VARCHAR(32)  NOT NULL,
  course_name   VARCHAR(100) NOT NULL,
  teacher_names VARCHAR(200) NOT NULL DEFAULT '',
  room          VARCHAR(64)  NOT NULL DEFAULT '',
  weekday       TINYINT      NOT NULL,
  first_period  TINYINT      NOT NULL,
  period_count  TINYINT      NOT NULL,
  weeks_mask    BIGINT       NOT NULL,
  PRIMARY KEY (term_id, source, meeting_no),
  KEY ix_meeting_course (term_id, course_code),
  CONSTRAINT fk_meeting_term FOREIGN KEY (term_id) REFERENCES term (id),
  CONSTRAINT ck_meeting_weekday CHECK (weekday BETWEEN 1 AND 7),
  CONSTRAINT ck_meeting_periods CHECK (first_period >= 1 AND period_count >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who attends and who teaches. The primary keys start with (term_id, class_code | account), which is exactly the
-- lookup of "my meetings this term"; the second key serves the per-meeting joins and the cascade on re-import.
-- Class codes and accounts are not foreign keys: the timetable may arrive before the directory knows everyone.
CREATE TABLE course_meeting_class (
  term_id       BIGINT       NOT NULL,
  class_code    VARCHAR(32)  NOT NULL,
  source        VARCHAR(8)   NOT NULL,
  meeting_no    INT          NOT NULL,
  PRIMARY KEY (term_id, class_code, source, meeting_no),
  KEY ix_meeting_class_meeting (term_id, source, meeting_no),
  CONSTRAINT fk_meeting_class_meeting FOREIGN KEY (term_id, source, meeting_no)
    REFERENCES course_meeting (term_id, source, meeting_no) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE course_meeting_student (
  term_id         BIGINT       NOT NULL,
  student_account VARCHAR(32)  NOT NULL,
  source          VARCHAR(8)   NOT NULL,
  meeting_no      INT          NOT NULL,
  PRIMARY KEY (term_id, student_account, source, meeting_no),
  KEY ix_meeting_student_meeting (term_id, source, meeting_no),
  CONSTRAINT fk_meeting_student_meeting FOREIGN KEY (term_id, source, meeting_no)
    REFERENCES course_meeting (term_id, source, meeting_no) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE course_meeting_teacher (
  term_id         BIGINT       NOT NULL,
  teacher_account VARCHAR(32)  NOT NULL,
  source          VARCHAR(8)   NOT NULL,
  meeting_no      INT          NOT NULL,
  PRIMARY KEY (term_id, teacher_account, source, meeting_no),
  KEY ix_meeting_teacher_meeting (term_id, source, meeting_no),
  CONSTRAINT fk_meeting_teacher_meeting FOREIGN KEY (term_id, source, meeting_no)
    REFERENCES course_meeting (term_id, source, meeting_no) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
