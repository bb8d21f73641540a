package cn.edu.ntvu.workbench.leave.infrastructure;

import static cn.edu.ntvu.workbench.platform.persistence.Sql.bool;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.lng;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.num;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.str;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.time;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.ts;

import cn.edu.ntvu.workbench.leave.application.ChainStore;
import cn.edu.ntvu.workbench.leave.application.LeaveRequestRow;
import cn.edu.ntvu.workbench.leave.application.LeaveStore;
import cn.edu.ntvu.workbench.leave.domain.ApprovalChain;
import cn.edu.ntvu.workbench.leave.domain.ApproverRole;
import cn.edu.ntvu.workbench.leave.domain.DecisionVia;
import cn.edu.ntvu.workbench.leave.domain.SeatOrigin;
import cn.edu.ntvu.workbench.leave.domain.SeatState;
import cn.edu.ntvu.workbench.leave.domain.StepMode;
import cn.edu.ntvu.workbench.leave.domain.StepStatus;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ChainStore} in SQL, in the caller's transaction. */
@ApplicationScoped
public class SqlChainStore implements ChainStore {
  private static final String STEP_COLUMNS =
      "s.id, s.step_no, s.approver_role, s.mode, s.status, s.fallback, s.opened_at, s.decided_by,"
          + " s.decided_by_name, s.decided_at, s.decided_via, s.comment";

  private static final String SEAT_COLUMNS =
      "a.step_id, a.account, a.name, a.state, a.origin, a.origin_account, a.on_behalf_of,"
          + " a.decided_by, a.decided_by_name, a.decided_at, a.via, a.comment, a.note, a.position";

  @Inject Sql sql;
  @Inject LeaveStore store;

  @Override
  public Optional<LockedChain> lock(long requestId) {
    Optional<LeaveRequestRow> r = store.lockRequest(requestId);
    return r.map(row -> new LockedChain(row, load(row, true)));
  }

  @Override
  public Optional<ApprovalChain> read(long requestId) {
    return store.request(requestId).map(row -> load(row, false));
  }

  private ApprovalChain load(LeaveRequestRow r, boolean lock) {
    Map<Long, List<ApprovalChain.Seat>> seats = new HashMap<>();
    for (Object[] a :
        sql.rows(
            "SELECT "
                + SEAT_COLUMNS
                + " FROM leave_step_approver a WHERE a.request_id = ?"
                + " ORDER BY a.step_id, a.position, a.account"
                + (lock ? " FOR UPDATE" : ""),
            r.id())) {
      seats
          .computeIfAbsent(lng(a[0]), k -> new ArrayList<>())
          .add(
              ApprovalChain.Seat.load(
                  str(a[1]),
                  str(a[2]),
                  SeatState.valueOf(str(a[3])),
                  SeatOrigin.valueOf(str(a[4])),
                  str(a[5]),
                  str(a[6]),
                  str(a[7]),
                  str(a[8]),
                  time(a[9]),
                  a[10] == null ? null : DecisionVia.valueOf(str(a[10])),
                  str(a[11]),
                  str(a[12]),
                  num(a[13])));
    }
    List<ApprovalChain.Step> steps = new ArrayList<>();
    for (Object[] s :
        sql.rows(
            "SELECT "
                + STEP_COLUMNS
                + " FROM leave_step s WHERE s.request_id = ? ORDER BY s.step_no"
                + (lock ? " FOR UPDATE" : ""),
            r.id())) {
      long id = lng(s[0]);
      steps.add(
          ApprovalChain.Step.load(
              id,
              num(s[1]),
              ApproverRole.valueOf(str(s[2])),
              StepMode.valueOf(str(s[3])),
              StepStatus.valueOf(str(s[4])),
              bool(s[5]),
              time(s[6]),
              str(s[7]),
              str(s[8]),
              time(s[9]),
              s[10] == null ? null : DecisionVia.valueOf(str(s[10])),
              str(s[11]),
              seats.getOrDefault(id, List.of())));
    }
    return ApprovalChain.of(r.id(), r.studentAccount(), r.status(), r.currentStep(), steps);
  }

  @Override
  public void save(ApprovalChain chain) {
    long requestId = chain.requestId();
    // Steps moved up by an insertion (加签 after): from the highest down, so the unique
    // (request_id, step_no) never sees two steps on one number.
    List<ApprovalChain.Step> moved =
        chain.steps().stream()
            .filter(s -> !s.isNew() && s.stepNo() != s.loadedStepNo())
            .sorted(Comparator.comparingInt(ApprovalChain.Step::stepNo).reversed())
            .toList();
    for (ApprovalChain.Step s : moved) {
      sql.update("UPDATE leave_step SET step_no = ? WHERE id = ?", s.stepNo(), s.id());
    }
    Map<ApprovalChain.Step, Long> ids = new LinkedHashMap<>();
    for (ApprovalChain.Step s : chain.steps()) {
      if (s.isNew()) {
        ids.put(
            s,
            sql.insert(
                "INSERT INTO leave_step (request_id, step_no, approver_role, mode, status, fallback,"
                    + " opened_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                requestId,
                s.stepNo(),
                s.role().name(),
                s.mode().name(),
                s.status().name(),
                s.fallback(),
                s.openedAt() == null ? null : ts(s.openedAt())));
      } else {
        ids.put(s, s.id());
        if (s.dirty()) {
          sql.update(
              "UPDATE leave_step SET status = ?, fallback = ?, opened_at = ?, decided_by = ?,"
                  + " decided_by_name = ?, decided_at = ?, decided_via = ?, comment = ? WHERE id = ?",
              s.status().name(),
              s.fallback(),
              s.openedAt() == null ? null : ts(s.openedAt()),
              s.decidedBy(),
              cut(s.decidedByName(), 64),
              s.decidedAt() == null ? null : ts(s.decidedAt()),
              s.decidedVia() == null ? null : s.decidedVia().name(),
              cut(s.comment(), 500),
              s.id());
        }
      }
    }
    for (ApprovalChain.Step s : chain.steps()) {
      long stepId = ids.get(s);
      for (ApprovalChain.Seat a : s.seats()) {
        if (a.isNew()) {
          sql.update(
              "INSERT INTO leave_step_approver (step_id, account, request_id, position, state,"
                  + " origin, origin_account, on_behalf_of, name, decided_by, decided_by_name,"
                  + " decided_at, via, comment, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              stepId,
              a.account(),
              requestId,
              a.position(),
              a.state().name(),
              a.origin().name(),
              a.originAccount(),
              a.onBehalfOf(),
              cut(a.name(), 64),
              a.decidedBy(),
              cut(a.decidedByName(), 64),
              a.decidedAt() == null ? null : ts(a.decidedAt()),
              a.via() == null ? null : a.via().name(),
              cut(a.comment(), 500),
              cut(a.note(), 500));
        } else if (a.dirty()) {
          int n =
              sql.update(
                  "UPDATE leave_step_approver SET state = ?, decided_by = ?, decided_by_name = ?,"
                      + " decided_at = ?, via = ?, comment = ?"
                      + " WHERE step_id = ? AND account = ? AND state = ?",
                  a.state().name(),
                  a.decidedBy(),
                  cut(a.decidedByName(), 64),
                  a.decidedAt() == null ? null : ts(a.decidedAt()),
                  a.via() == null ? null : a.via().name(),
                  cut(a.comment(), 500),
                  stepId,
                  a.account(),
                  a.loadedState().name());
          if (n != 1) {
            // Not reachable under the request row lock; never overwrite a decision silently.
            throw new IllegalStateException(
                "seat of " + a.account() + " on step " + stepId + " changed meanwhile");
          }
        }
      }
    }
    if (chain.requestDirty()) {
      sql.update(
          "UPDATE leave_request SET status = ?, current_step = ?, step_count = ?,"
              + " closed_at = COALESCE(?, closed_at) WHERE id = ?",
          chain.status().name(),
          chain.currentStep(),
          chain.stepCount(),
          chain.closedAt() == null ? null : ts(chain.closedAt()),
          requestId);
    }
  }

  @Override
  public List<GoneSeat> goneSeats(int limit) {
    return sql
        .rows(
            "SELECT s.request_id, s.step_no, s.mode, a.account, a.name, r.student_name, s.opened_at"
                + " FROM leave_step s"
                + " JOIN leave_request r ON r.id = s.request_id AND r.status = 'PENDING'"
                + " JOIN leave_step_approver a ON a.step_id = s.id AND a.state IN ('PENDING', 'WAITING')"
                + " LEFT JOIN person p ON p.account = a.account"
                + " WHERE s.status = 'OPEN' AND (p.id IS NULL OR p.status <> 'ACTIVE')"
                + " ORDER BY s.opened_at, s.id, a.position LIMIT "
                + Math.max(1, Math.min(limit, 500)))
        .stream()
        .map(
            r ->
                new GoneSeat(
                    lng(r[0]), num(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]), time(r[6])))
        .toList();
  }

  @Override
  public long insertStep(long requestId, int stepNo, ApproverRole role, StepMode mode) {
    return sql.insert(
        "INSERT INTO leave_step (request_id, step_no, approver_role, mode, status)"
            + " VALUES (?, ?, ?, ?, 'WAITING')",
        requestId,
        stepNo,
        role.name(),
        (mode == null ? StepMode.ANY : mode).name());
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
