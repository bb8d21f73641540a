-- 请假 meets the timetable (issue 19): what a request missed, stored at submit so the lists, cards and the request
-- page show what was true then (no recomputation per row), and a routing condition on it.

-- "缺课超过 N 节": the rule holds when the request misses more than N class periods (NULL = any).
ALTER TABLE leave_rule ADD COLUMN missed_periods_over INT NULL;

-- The totals of the missed classes at submit (NULL: submitted before this existed).
ALTER TABLE leave_request
  ADD COLUMN missed_periods INT NULL,
  ADD COLUMN missed_courses INT NULL;

-- Each missed meeting (consecutive periods of one course on one date), in date and time order.
CREATE TABLE leave_missed_class (
  request_id     BIGINT        NOT NULL,
  seq            INT           NOT NULL,
  class_date     DATE          NOT NULL,
  first_period   INT           NOT NULL,
  last_period    INT           NOT NULL,
  starts_at      TIME          NOT NULL,
  ends_at        TIME          NOT NULL,
  course_code    VARCHAR(64)   NOT NULL,
  course_name    VARCHAR(200)  NOT NULL,
  teacher_names  VARCHAR(200)  NULL,
  room           VARCHAR(100)  NULL,
  PRIMARY KEY (request_id, seq),
  CONSTRAINT fk_leave_missed_request FOREIGN KEY (request_id) REFERENCES leave_request (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
