-- 学生请假, issue 18: the approval chain as one aggregate (leave.domain.ApprovalChain). Each step has a mode — 或签
-- (ANY: any one approver decides, as before) or 会签 (ALL: every approver must approve, one rejection rejects) — and
-- each approver of a step has a seat with its own state, origin and decision. Routing rules keep their `steps`
-- text; a step may carry its mode there: 'COUNSELLOR:ALL,DEAN' (no suffix = ANY, so every existing rule reads as
-- before; parsed by RoutingRule.parseSteps/parseModes).

ALTER TABLE leave_step
  -- ANY (或签) or ALL (会签); copied from the rule at submit, ANY for a step added after (加签)
  ADD COLUMN mode VARCHAR(8) NOT NULL DEFAULT 'ANY' AFTER approver_role;

-- leave_step.approver_role may now also be ADDED: a step an approver added after their own (its one seat is stored
-- with it, not looked up in the directory).

ALTER TABLE leave_step_approver
  -- the order of the seats on the step (as asked, added, handed over)
  ADD COLUMN position        INT          NOT NULL DEFAULT 0 AFTER request_id,
  -- PENDING, WAITING (an adder waiting for the person added before them), APPROVED, REJECTED, HANDED_OVER,
  -- REMOVED (taken off by an admin), SETTLED (no decision of their own needed any more)
  ADD COLUMN state           VARCHAR(16)  NOT NULL DEFAULT 'PENDING' AFTER position,
  -- RULE, FALLBACK, HANDED_OVER, ADDED_BEFORE, ADDED_AFTER, DEPUTY, REPLACED
  ADD COLUMN origin          VARCHAR(16)  NOT NULL DEFAULT 'RULE' AFTER state,
  -- who handed over / added / was replaced / is deputised for (by origin)
  ADD COLUMN origin_account  VARCHAR(32)  NULL AFTER origin,
  -- a deputy's seat: the holder it decides for ("王老师 代 毛敏 同意")
  ADD COLUMN on_behalf_of    VARCHAR(32)  NULL AFTER origin_account,
  -- the seat holder's name when the seat was made (a person who left the directory still reads by name)
  ADD COLUMN name            VARCHAR(64)  NULL AFTER on_behalf_of,
  -- who decided the seat: the holder, or their deputy
  ADD COLUMN decided_by      VARCHAR(32)  NULL AFTER name,
  ADD COLUMN decided_by_name VARCHAR(64)  NULL AFTER decided_by,
  ADD COLUMN decided_at      DATETIME(3)  NULL AFTER decided_by_name,
  -- PAGE, CARD_BUTTON, AUTOMATIC
  ADD COLUMN via             VARCHAR(16)  NULL AFTER decided_at,
  -- the comment on 同意 or the reason of 驳回
  ADD COLUMN comment         VARCHAR(500) NULL AFTER via,
  -- the note of a 转审 / 加签
  ADD COLUMN note            VARCHAR(500) NULL AFTER comment,
  -- 待我审批: my PENDING seats (joined to the OPEN step); the existing (account, request_id) key stays
  ADD KEY ix_leave_step_approver_pending (account, state, step_id),
  -- 已处理 for seats of 会签 steps
  ADD KEY ix_leave_step_approver_decided (decided_by, decided_at);

-- Existing rows become valid seats: positions by account (as they were listed); the fallback's seats say so;
-- on a decided step the decider's seat holds the decision and the others are SETTLED; on a cancelled step every
-- seat is SETTLED; an open step's seats stay PENDING.
UPDATE leave_step_approver a
  JOIN (SELECT step_id, account, ROW_NUMBER() OVER (PARTITION BY step_id ORDER BY account) AS n
          FROM leave_step_approver) o ON o.step_id = a.step_id AND o.account = a.account
   SET a.position = o.n;

UPDATE leave_step_approver a JOIN leave_step s ON s.id = a.step_id
   SET a.origin = 'FALLBACK'
 WHERE s.fallback;

UPDATE leave_step_approver a JOIN leave_step s ON s.id = a.step_id
   SET a.state = s.status, a.decided_by = s.decided_by, a.decided_by_name = s.decided_by_name,
       a.name = s.decided_by_name, a.decided_at = s.decided_at, a.via = s.decided_via, a.comment = s.comment
 WHERE s.status IN ('APPROVED', 'REJECTED') AND a.account = s.decided_by;

UPDATE leave_step_approver a JOIN leave_step s ON s.id = a.step_id
   SET a.state = 'SETTLED'
 WHERE (s.status IN ('APPROVED', 'REJECTED') AND a.account <> COALESCE(s.decided_by, ''))
    OR s.status IN ('CANCELLED', 'WAITING');
