-- Issue 18, item 5: 催办 and escalation. A student urges (催办) a step at most once: the primary key is the step.
CREATE TABLE leave_step_urge (
  step_id     BIGINT      NOT NULL,
  request_id  BIGINT      NOT NULL,
  urged_by    VARCHAR(32) NOT NULL,
  urged_at    DATETIME(3) NOT NULL,
  -- who was reminded (the approvers still to decide), '|'-separated
  reminded    VARCHAR(2000) NOT NULL,
  PRIMARY KEY (step_id),
  KEY ix_leave_step_urge_request (request_id),
  CONSTRAINT fk_leave_step_urge_step FOREIGN KEY (step_id) REFERENCES leave_step (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each escalation stage of a step fires once, across servers and repeated runs: the run whose INSERT adds the
-- (step, stage) row does the stage's work in the same transaction. Stage 1: the approvers and the fallback approver
-- are told; stage 2: the fallback approver may decide the step.
CREATE TABLE leave_step_escalation (
  step_id     BIGINT      NOT NULL,
  stage       TINYINT     NOT NULL,
  request_id  BIGINT      NOT NULL,
  fired_at    DATETIME(3) NOT NULL,
  -- the fallback approver(s) at the time, '|'-separated (admins when none is set)
  fallback    VARCHAR(2000) NOT NULL,
  PRIMARY KEY (step_id, stage),
  KEY ix_leave_step_escalation_request (request_id),
  CONSTRAINT fk_leave_step_escalation_step FOREIGN KEY (step_id) REFERENCES leave_step (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The escalation job finds open steps by their opening time.
CREATE INDEX ix_leave_step_open ON leave_step (status, opened_at);

INSERT INTO leave_job (name) VALUES ('escalation');
