package cn.edu.ntvu.workbench.contacts.infrastructure;

import cn.edu.ntvu.workbench.contacts.application.Payloads;
import cn.edu.ntvu.workbench.contacts.application.SyncItem;
import cn.edu.ntvu.workbench.contacts.application.SyncRun;
import cn.edu.ntvu.workbench.contacts.application.SyncRuns;
import cn.edu.ntvu.workbench.contacts.domain.BatchJob;
import cn.edu.ntvu.workbench.contacts.domain.Change;
import cn.edu.ntvu.workbench.contacts.domain.Conflict;
import cn.edu.ntvu.workbench.contacts.domain.ContactsPlan;
import cn.edu.ntvu.workbench.contacts.domain.Target;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SyncRuns} in SQL; every method is one transaction (with its audit entry, where it makes
 * one).
 */
@ApplicationScoped
@Transactional
public class SqlSyncRuns implements SyncRuns {
  private static final String RUN_COLUMNS =
      "SELECT id, kind, status, planned_by, planned_at, confirmed_by, started_at, finished_at, resume_at, total, done,"
          + " failed, conflicts, note FROM contacts_sync_run ";

  @Inject Sql sql;
  @Inject AuditTrail audit;

  @Override
  public Optional<SyncRun> activeRun() {
    return runs("WHERE status IN ('CONFIRMED', 'RUNNING') ORDER BY id LIMIT 1").stream()
        .findFirst();
  }

  @Override
  public long createRun(
      String kind,
      AuditActor actor,
      ContactsPlan plan,
      Map<String, String> details,
      LocalDateTime now) {
    long runId =
        sql.onOneConnection(tx -> insertRun(tx, kind, actor.account(), plan, details, now));
    audit.record(
        actor,
        "CONTACTS_SYNC_PLAN",
        AuditObject.of("contacts_sync_run", runId, kind),
        AuditDiff.created(
            Map.of(
                "kind",
                kind,
                "changes",
                plan.changes().size(),
                "conflicts",
                plan.conflicts().size())));
    return runId;
  }

  private static long insertRun(
      Sql.Tx tx,
      String kind,
      String actor,
      ContactsPlan plan,
      Map<String, String> details,
      LocalDateTime now)
      throws SQLException {
    tx.update("UPDATE contacts_sync_run SET status = 'DISCARDED' WHERE status = 'PLANNED'");
    long runId =
        tx.insert(
            "INSERT INTO contacts_sync_run (kind, status, planned_by, planned_at, total, conflicts)"
                + " VALUES (?, 'PLANNED', ?, ?, ?, ?)",
            kind,
            actor,
            now,
            plan.changes().size(),
            plan.conflicts().size());
    List<Object[]> items = new ArrayList<>();
    int seq = 0;
    for (Change ch : plan.changes()) {
      items.add(
          new Object[] {
            runId,
            ++seq,
            ch.target().name(),
            ch.action().name(),
            ch.key(),
            cut(ch.label(), 100),
            ch.member() != null
                ? Payloads.of(ch.member())
                : ch.department() != null ? Payloads.of(ch.department()) : null,
            ch.fingerprint(),
            cut(String.join(",", ch.changedFields()), 255),
            cut(details.get(ch.key()), 255)
          });
    }
    String insertItem =
        "INSERT INTO contacts_sync_item (run_id, seq, target, action, item_key, label, payload, fingerprint, changed,"
            + " status, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)";
    for (int from = 0; from < items.size(); from += 500) {
      tx.batch(insertItem, items.subList(from, Math.min(items.size(), from + 500)));
    }
    tx.batch(
        "INSERT INTO contacts_sync_conflict (run_id, target, item_key, label, kind, detail) VALUES (?, ?, ?, ?, ?, ?)",
        plan.conflicts().stream()
            .map(
                k ->
                    new Object[] {
                      runId,
                      k.target().name(),
                      cut(k.key(), 64),
                      cut(k.label(), 100),
                      k.kind().name(),
                      cut(k.detail(), 255)
                    })
            .toList());
    return runId;
  }

  @Override
  public boolean confirm(long runId, AuditActor actor, LocalDateTime now) {
    boolean confirmed =
        sql.onOneConnection(
            tx -> {
              if (!tx.rows(
                      "SELECT id FROM contacts_sync_run WHERE status IN ('CONFIRMED', 'RUNNING') FOR UPDATE")
                  .isEmpty()) {
                return false;
              }
              return tx.update(
                      "UPDATE contacts_sync_run SET status = 'CONFIRMED', confirmed_by = ?, confirmed_at = ?"
                          + " WHERE id = ? AND status = 'PLANNED'",
                      actor.account(),
                      now,
                      runId)
                  == 1;
            });
    if (confirmed) {
      audit.record(
          actor,
          "CONTACTS_SYNC_CONFIRM",
          AuditObject.of("contacts_sync_run", runId, ""),
          AuditDiff.between(
              Map.of("status", SyncRun.PLANNED), Map.of("status", SyncRun.CONFIRMED)));
    }
    return confirmed;
  }

  @Override
  public Optional<Claim> claim(String owner, LocalDateTime now, LocalDateTime leaseUntil) {
    return sql.onOneConnection(
        tx -> {
          List<Object[]> free =
              tx.rows(
                  "SELECT id, kind FROM contacts_sync_run WHERE status IN ('CONFIRMED', 'RUNNING')"
                      + " AND (lease_until IS NULL OR lease_until < ?) AND (resume_at IS NULL OR resume_at <= ?)"
                      + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
                  now,
                  now);
          if (free.isEmpty()) {
            return Optional.empty();
          }
          long id = Sql.lng(free.get(0)[0]);
          tx.update(
              "UPDATE contacts_sync_run SET status = 'RUNNING', lease_owner = ?, lease_until = ?, resume_at = NULL,"
                  + " started_at = COALESCE(started_at, ?) WHERE id = ?",
              owner,
              leaseUntil,
              now,
              id);
          return Optional.of(new Claim(id, Sql.str(free.get(0)[1]), owner));
        });
  }

  @Override
  public List<Pending> pending(long runId, int limit) {
    return sql.query(
        "SELECT id, target, action, item_key, payload, fingerprint, attempts FROM contacts_sync_item"
            + " WHERE run_id = ? AND status = 'PENDING' ORDER BY seq LIMIT ?",
        rs ->
            new Pending(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7)),
        runId,
        limit);
  }

  @Override
  public boolean recordOutcome(
      Claim claim,
      Pending item,
      String status,
      Integer errcode,
      String reason,
      LocalDateTime now,
      LocalDateTime leaseUntil,
      Runnable remember) {
    boolean held =
        sql.onOneConnection(
            tx -> {
              if (!holdsLease(tx, claim, now, leaseUntil)) {
                return false;
              }
              tx.update(
                  "UPDATE contacts_sync_item SET status = ?, errcode = ?, reason = COALESCE(?, reason),"
                      + " attempts = attempts + 1, done_at = ? WHERE id = ?",
                  status,
                  errcode,
                  reason,
                  SyncItem.PENDING.equals(status) ? null : now,
                  item.id());
              if (!SyncItem.PENDING.equals(status)) {
                tx.update(
                    "UPDATE contacts_sync_run SET "
                        + (SyncItem.DONE.equals(status) ? "done = done + 1" : "failed = failed + 1")
                        + " WHERE id = ?",
                    claim.runId());
              }
              return true;
            });
    if (held && remember != null) {
      remember.run();
    }
    return held;
  }

  @Override
  public void setBatchPayload(long runId, int seq, String payload) {
    sql.update(
        "UPDATE contacts_sync_item SET payload = ? WHERE run_id = ? AND seq = ?",
        payload,
        runId,
        seq);
  }

  @Override
  public void addFailures(long runId, Target target, List<BatchJob.Entry> failures) {
    if (failures.isEmpty()) {
      return;
    }
    sql.onOneConnection(
        tx -> {
          int seq =
              Sql.num(
                  tx.rows(
                          "SELECT COALESCE(MAX(seq), 0) FROM contacts_sync_item WHERE run_id = ?",
                          runId)
                      .get(0)[0]);
          List<Object[]> lines = new ArrayList<>();
          for (BatchJob.Entry f : failures) {
            lines.add(
                new Object[] {
                  runId,
                  ++seq,
                  target.name(),
                  cut(f.id(), 64),
                  cut(f.id(), 100),
                  f.errcode(),
                  cut(f.errmsg(), 255)
                });
          }
          tx.batch(
              "INSERT INTO contacts_sync_item (run_id, seq, target, action, item_key, label, status, errcode, reason,"
                  + " attempts) VALUES (?, ?, ?, 'UPDATE', ?, ?, 'FAILED', ?, ?, 1)",
              lines);
          return tx.update(
              "UPDATE contacts_sync_run SET failed = failed + ?, total = total + ? WHERE id = ?",
              failures.size(),
              failures.size(),
              runId);
        });
  }

  @Override
  public boolean renewLease(Claim claim, LocalDateTime now, LocalDateTime leaseUntil) {
    return sql.onOneConnection(tx -> holdsLease(tx, claim, now, leaseUntil));
  }

  @Override
  public void pause(Claim claim, LocalDateTime resumeAt, String note) {
    sql.update(
        "UPDATE contacts_sync_run SET lease_owner = NULL, lease_until = NULL, resume_at = ?, note = ?"
            + " WHERE id = ? AND lease_owner = ?",
        resumeAt,
        cut(note, 255),
        claim.runId(),
        claim.owner());
  }

  @Override
  public boolean finish(Claim claim, LocalDateTime now, String note) {
    boolean finished =
        sql.update(
                "UPDATE contacts_sync_run SET status = 'DONE', finished_at = ?, lease_owner = NULL,"
                    + " lease_until = NULL, note = COALESCE(?, note) WHERE id = ? AND lease_owner = ?",
                now,
                note,
                claim.runId(),
                claim.owner())
            == 1;
    if (finished) {
      SyncRun r = run(claim.runId()).orElseThrow();
      audit.record(
          AuditActor.system("contacts-sync"),
          "CONTACTS_SYNC_DONE",
          AuditObject.of("contacts_sync_run", r.id(), r.kind()),
          AuditDiff.between(
              Map.of("status", SyncRun.RUNNING),
              Map.of("status", SyncRun.DONE, "done", r.done(), "failed", r.failed())));
    }
    return finished;
  }

  @Override
  public Optional<SyncRun> run(long id) {
    return runs("WHERE id = " + id).stream().findFirst();
  }

  @Override
  public List<SyncRun> recentRuns(int limit) {
    return runs("ORDER BY id DESC LIMIT " + Math.max(1, Math.min(limit, 200)));
  }

  @Override
  public List<SyncItem> items(long runId, String status, int limit) {
    String where = status == null ? "" : " AND status = ?";
    Object[] args =
        status == null ? new Object[] {runId, limit} : new Object[] {runId, status, limit};
    return sql.query(
        "SELECT id, seq, target, action, item_key, label, changed, status, errcode, reason FROM contacts_sync_item"
            + " WHERE run_id = ?"
            + where
            + " ORDER BY seq LIMIT ?",
        rs -> {
          String statusOf = rs.getString(8);
          String reason = rs.getString(10);
          boolean planned = SyncItem.PENDING.equals(statusOf);
          return new SyncItem(
              rs.getLong(1),
              rs.getInt(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7),
              statusOf,
              Sql.intOrNull(rs, 9),
              planned ? null : reason,
              planned ? reason : null);
        },
        args);
  }

  @Override
  public List<Conflict> conflicts(long runId) {
    return sql.query(
        "SELECT target, item_key, label, kind, detail FROM contacts_sync_conflict WHERE run_id = ?"
            + " ORDER BY kind, item_key",
        rs ->
            new Conflict(
                Target.valueOf(rs.getString(1)),
                rs.getString(2),
                rs.getString(3),
                Conflict.Kind.valueOf(rs.getString(4)),
                rs.getString(5)),
        runId);
  }

  private static boolean holdsLease(
      Sql.Tx tx, Claim claim, LocalDateTime now, LocalDateTime leaseUntil) throws SQLException {
    return tx.update(
            "UPDATE contacts_sync_run SET lease_until = ? WHERE id = ? AND lease_owner = ? AND lease_until >= ?",
            leaseUntil,
            claim.runId(),
            claim.owner(),
            now)
        == 1;
  }

  private List<SyncRun> runs(String where) {
    return sql.query(RUN_COLUMNS + where, SqlSyncRuns::run);
  }

  private static SyncRun run(ResultSet rs) throws SQLException {
    return new SyncRun(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        Sql.time(rs, 5),
        rs.getString(6),
        Sql.time(rs, 7),
        Sql.time(rs, 8),
        Sql.time(rs, 9),
        rs.getInt(10),
        rs.getInt(11),
        rs.getInt(12),
        rs.getInt(13),
        rs.getString(14));
  }

  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
