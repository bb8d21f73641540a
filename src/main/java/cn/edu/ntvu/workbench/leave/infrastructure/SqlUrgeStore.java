package cn.edu.ntvu.workbench.leave.infrastructure;

import static cn.edu.ntvu.workbench.platform.persistence.Sql.lng;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.num;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.str;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.ts;

import cn.edu.ntvu.workbench.leave.application.UrgeStore;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link UrgeStore} in SQL, in the caller's transaction. Reads over many steps go in chunks of
 * {@link #CHUNK} ids; writes over many steps as JDBC batches.
 */
@ApplicationScoped
public class SqlUrgeStore implements UrgeStore {
  static final int CHUNK = 1000;

  @Inject Sql sql;

  public Optional<Urge> urgeOf(long stepId) {
    return sql.one(
        "SELECT step_id, urged_by, urged_at FROM leave_step_urge WHERE step_id = ?",
        rs -> new Urge(rs.getLong(1), rs.getString(2), Sql.time(rs, 3)),
        stepId);
  }

  public boolean insertUrge(
      long stepId, long requestId, String by, LocalDateTime at, Collection<String> reminded) {
    return sql.update(
            "INSERT IGNORE INTO leave_step_urge (step_id, request_id, urged_by, urged_at, reminded)"
                + " VALUES (?, ?, ?, ?, ?)",
            stepId,
            requestId,
            by,
            ts(at),
            cut(String.join("|", reminded), 2000))
        == 1;
  }

  public List<DueStep> due(int stage, LocalDateTime openedBy, int limit) {
    return sql.query(
        "SELECT s.id, s.request_id, s.step_no, r.student_account, r.student_name, r.type_code,"
            + " r.starts_at, r.ends_at, s.opened_at"
            + " FROM leave_step s JOIN leave_request r ON r.id = s.request_id AND r.status = 'PENDING'"
            + " WHERE s.status = 'OPEN' AND s.opened_at <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM leave_step_escalation e WHERE e.step_id = s.id AND e.stage = ?)"
            + (stage > 1
                ? " AND EXISTS (SELECT 1 FROM leave_step_escalation e1 WHERE e1.step_id = s.id AND e1.stage = ?)"
                : " AND ? >= 0")
            + " ORDER BY s.opened_at, s.id LIMIT "
            + limit,
        rs ->
            new DueStep(
                rs.getLong(1),
                rs.getLong(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Sql.time(rs, 7),
                Sql.time(rs, 8),
                Sql.time(rs, 9)),
        ts(openedBy),
        stage,
        stage - 1);
  }

  public Map<Long, List<String>> approversOf(Collection<Long> stepIds) {
    Map<Long, List<String>> out = new HashMap<>();
    for (List<Long> chunk : chunks(stepIds)) {
      for (Object[] r :
          sql.rows(
              "SELECT step_id, account FROM leave_step_approver WHERE state = 'PENDING' AND step_id IN ("
                  + marks(chunk.size())
                  + ") ORDER BY step_id, position, account",
              chunk.toArray())) {
        out.computeIfAbsent(lng(r[0]), k -> new ArrayList<>()).add(str(r[1]));
      }
    }
    return out;
  }

  public void insertEscalations(int stage, List<DueStep> steps, String fallback, LocalDateTime at) {
    List<Object[]> rows = new ArrayList<>(steps.size());
    for (DueStep s : steps) {
      rows.add(new Object[] {s.stepId(), stage, s.requestId(), ts(at), cut(fallback, 2000)});
    }
    sql.insertRows(
        "INSERT IGNORE INTO leave_step_escalation (step_id, stage, request_id, fired_at, fallback)"
            + " VALUES",
        rows);
  }

  public Map<Long, Set<Integer>> stagesOf(Collection<Long> stepIds) {
    Map<Long, Set<Integer>> out = new HashMap<>();
    for (List<Long> chunk : chunks(stepIds)) {
      for (Object[] r :
          sql.rows(
              "SELECT step_id, stage FROM leave_step_escalation WHERE step_id IN ("
                  + marks(chunk.size())
                  + ")",
              chunk.toArray())) {
        out.computeIfAbsent(lng(r[0]), k -> new HashSet<>()).add(num(r[1]));
      }
    }
    return out;
  }

  public void events(List<Event> events) {
    List<Object[]> rows = new ArrayList<>(events.size());
    for (Event e : events) {
      rows.add(
          new Object[] {
            e.requestId(),
            ts(e.at()),
            e.actor(),
            e.actorName() == null ? "" : e.actorName(),
            e.action(),
            e.stepNo(),
            e.via(),
            e.detail() == null ? null : cut(e.detail(), 500)
          });
    }
    sql.insertRows(
        "INSERT INTO leave_event (request_id, occurred_at, actor_account, actor_name, action, step_no, via,"
            + " detail) VALUES",
        rows);
  }

  // ---- the approvers' digest

  public boolean wantsDigest(String account) {
    return !sql.rows("SELECT 1 FROM leave_approver_pref WHERE account = ? AND digest", account)
        .isEmpty();
  }

  public void chooseDigest(String account, boolean digest, LocalDateTime at) {
    sql.update(
        "INSERT INTO leave_approver_pref (account, digest, updated_at) VALUES (?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE digest = VALUES(digest), updated_at = VALUES(updated_at)",
        account,
        digest,
        ts(at));
  }

  public boolean claimDigestDay(LocalDate day, LocalDateTime at) {
    return sql.update(
            "INSERT IGNORE INTO leave_approver_digest_run (run_date, ran_at) VALUES (?, ?)",
            java.sql.Date.valueOf(day),
            ts(at))
        == 1;
  }

  public List<Waiting> waitingForDigestReaders() {
    return sql.query(
        "SELECT a.account, r.id, r.student_name, r.type_code, r.starts_at, r.ends_at, s.opened_at"
            + " FROM leave_approver_pref p"
            + " JOIN leave_step_approver a ON a.account = p.account AND a.state = 'PENDING'"
            + " JOIN leave_step s ON s.id = a.step_id AND s.status = 'OPEN'"
            + " JOIN leave_request r ON r.id = s.request_id AND r.status = 'PENDING'"
            + " WHERE p.digest ORDER BY a.account, s.opened_at, r.id",
        rs ->
            new Waiting(
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                Sql.time(rs, 5),
                Sql.time(rs, 6),
                Sql.time(rs, 7)));
  }

  // ---- helpers

  private static List<List<Long>> chunks(Collection<Long> ids) {
    List<Long> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
    List<List<Long>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return out;
  }

  private static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
