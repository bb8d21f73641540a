-- 学生请假, issue 16: an approver's 已处理 list reads the steps they decided, newest first; a request sent again after
-- 驳回 names the one it was resubmitted from (the earlier one stays 已驳回).

CREATE INDEX ix_leave_step_decided_by ON leave_step (decided_by, decided_at);

ALTER TABLE leave_request
  ADD COLUMN resubmitted_from BIGINT NULL AFTER rule_id,
  ADD KEY ix_leave_request_resubmitted_from (resubmitted_from);
