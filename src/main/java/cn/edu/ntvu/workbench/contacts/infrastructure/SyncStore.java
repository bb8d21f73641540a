package cn.edu.ntvu.workbench.contacts.infrastructure;

import cn.edu.ntvu.workbench.contacts.application.ContactState;
import cn.edu.ntvu.workbench.contacts.application.Payloads;
import cn.edu.ntvu.workbench.contacts.application.SyncItem;
import cn.edu.ntvu.workbench.contacts.application.SyncRun;
import cn.edu.ntvu.workbench.contacts.domain.Change;
import cn.edu.ntvu.workbench.contacts.domain.Conflict;
import cn.edu.ntvu.workbench.contacts.domain.ContactsDiff;
import cn.edu.ntvu.workbench.contacts.domain.ContactsPlan;
import cn.edu.ntvu.workbench.contacts.domain.MemberStatus;
import cn.edu.ntvu.workbench.contacts.domain.MobileNumbers;
import cn.edu.ntvu.workbench.contacts.domain.Target;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The sync's tables (V14): runs, their items and conflicts, each person's WeCom state ({@code wecom_contact}) and the
 * department id map. Every method is one transaction. Outcomes are written only while the caller's claim token still
 * holds the run's lease, so a server whose lease ran out (and whose run another server took over) writes nothing.
 */
@ApplicationScoped
@Transactional
public class SyncStore {

  /** A run claimed by one server until {@code leaseUntil}. */
  public record Claim(long runId, String kind, String owner) {}

  /** An item still to send. */
  public record Pending(long id, String target, String action, String key, String payload, String fingerprint,
      int attempts) {}

  @Resource(lookup = "java:app/jdbc/workbench")
  DataSource dataSource;

  @Inject AuditTrail audit;

  public ContactsDiff.Memory memory() {
    Map<String, Long> ids = new HashMap<>();
    Map<String, String> departmentPrints = new HashMap<>();
    Map<String, String> memberPrints = new HashMap<>();
    Map<String, cn.edu.ntvu.workbench.contacts.domain.WeComMember> pushed = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("SELECT code, wecom_id, pushed_hash FROM wecom_department_map");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.put(rs.getString(1), rs.getLong(2));
          if (rs.getString(3) != null) {
            departmentPrints.put(rs.getString(1), rs.getString(3));
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement(
          "SELECT account, pushed_hash, pushed_fields FROM wecom_contact WHERE pushed_hash IS NOT NULL");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          memberPrints.put(rs.getString(1), rs.getString(2));
          if (rs.getString(3) != null) {
            pushed.put(rs.getString(1), Payloads.member(rs.getString(3)));
          }
        }
      }
    } catch (SQLException e) {
      throw failed(e);
    }
    return new ContactsDiff.Memory(ids, departmentPrints, memberPrints, pushed);
  }

  public Optional<SyncRun> activeRun() {
    return runs("WHERE status IN ('CONFIRMED', 'RUNNING') ORDER BY id LIMIT 1").stream().findFirst();
  }

  /** Stores a dry run: earlier unconfirmed plans are discarded. */
  public long createRun(String kind, AuditActor actor, ContactsPlan plan, Map<String, String> details,
      LocalDateTime now) {
    long runId = insertRun(kind, actor.account(), plan, details, now);
    audit.record(actor, "CONTACTS_SYNC_PLAN", AuditObject.of("contacts_sync_run", runId, kind),
        AuditDiff.created(Map.of("kind", kind, "changes", plan.changes().size(), "conflicts",
            plan.conflicts().size())));
    return runId;
  }

  private long insertRun(String kind, String actor, ContactsPlan plan, Map<String, String> details,
      LocalDateTime now) {
    try (Connection c = dataSource.getConnection()) {
      update(c, "UPDATE contacts_sync_run SET status = 'DISCARDED' WHERE status = 'PLANNED'");
      long runId;
      try (PreparedStatement s = c.prepareStatement("INSERT INTO contacts_sync_run (kind, status, planned_by,"
          + " planned_at, total, conflicts) VALUES (?, 'PLANNED', ?, ?, ?, ?)", new String[] {"id"})) {
        s.setString(1, kind);
        s.setString(2, actor);
        s.setTimestamp(3, Timestamp.valueOf(now));
        s.setInt(4, plan.changes().size());
        s.setInt(5, plan.conflicts().size());
        s.executeUpdate();
        try (ResultSet keys = s.getGeneratedKeys()) {
          keys.next();
          runId = keys.getLong(1);
        }
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO contacts_sync_item (run_id, seq, target, action,"
          + " item_key, label, payload, fingerprint, changed, status, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " 'PENDING', ?)")) {
        int seq = 0;
        for (Change ch : plan.changes()) {
          s.setLong(1, runId);
          s.setInt(2, ++seq);
          s.setString(3, ch.target().name());
          s.setString(4, ch.action().name());
          s.setString(5, ch.key());
          s.setString(6, cut(ch.label(), 100));
          s.setString(7, ch.member() != null ? Payloads.of(ch.member())
              : ch.department() != null ? Payloads.of(ch.department()) : null);
          s.setString(8, ch.fingerprint());
          s.setString(9, cut(String.join(",", ch.changedFields()), 255));
          s.setString(10, cut(details.get(ch.key()), 255));
          s.addBatch();
          if (seq % 500 == 0) {
            s.executeBatch();
          }
        }
        s.executeBatch();
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO contacts_sync_conflict (run_id, target, item_key,"
          + " label, kind, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (Conflict k : plan.conflicts()) {
          s.setLong(1, runId);
          s.setString(2, k.target().name());
          s.setString(3, cut(k.key(), 64));
          s.setString(4, cut(k.label(), 100));
          s.setString(5, k.kind().name());
          s.setString(6, cut(k.detail(), 255));
          s.addBatch();
        }
        s.executeBatch();
      }
      return runId;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** PLANNED → CONFIRMED, unless another run is active or the plan was replaced. */
  public boolean confirm(long runId, AuditActor actor, LocalDateTime now) {
    boolean confirmed = confirmRun(runId, actor.account(), now);
    if (confirmed) {
      audit.record(actor, "CONTACTS_SYNC_CONFIRM", AuditObject.of("contacts_sync_run", runId, ""),
          AuditDiff.between(Map.of("status", SyncRun.PLANNED), Map.of("status", SyncRun.CONFIRMED)));
    }
    return confirmed;
  }

  private boolean confirmRun(long runId, String actor, LocalDateTime now) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT id FROM contacts_sync_run WHERE status IN ('CONFIRMED', 'RUNNING') FOR UPDATE")) {
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            return false;
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement("UPDATE contacts_sync_run SET status = 'CONFIRMED',"
          + " confirmed_by = ?, confirmed_at = ? WHERE id = ? AND status = 'PLANNED'")) {
        s.setString(1, actor);
        s.setTimestamp(2, Timestamp.valueOf(now));
        s.setLong(3, runId);
        return s.executeUpdate() == 1;
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /**
   * Takes the oldest confirmed or running run whose lease is free (never held, or run out: its server crashed or
   * restarted) and that is not waiting out a rate limit; the row lock makes one server win.
   */
  public Optional<Claim> claim(String owner, LocalDateTime now, LocalDateTime leaseUntil) {
    try (Connection c = dataSource.getConnection()) {
      long id;
      String kind;
      try (PreparedStatement s = c.prepareStatement("SELECT id, kind FROM contacts_sync_run"
          + " WHERE status IN ('CONFIRMED', 'RUNNING') AND (lease_until IS NULL OR lease_until < ?)"
          + " AND (resume_at IS NULL OR resume_at <= ?) ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
        s.setTimestamp(1, Timestamp.valueOf(now));
        s.setTimestamp(2, Timestamp.valueOf(now));
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          id = rs.getLong(1);
          kind = rs.getString(2);
        }
      }
      try (PreparedStatement s = c.prepareStatement("UPDATE contacts_sync_run SET status = 'RUNNING',"
          + " lease_owner = ?, lease_until = ?, resume_at = NULL, started_at = COALESCE(started_at, ?) WHERE id = ?")) {
        s.setString(1, owner);
        s.setTimestamp(2, Timestamp.valueOf(leaseUntil));
        s.setTimestamp(3, Timestamp.valueOf(now));
        s.setLong(4, id);
        s.executeUpdate();
      }
      return Optional.of(new Claim(id, kind, owner));
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  public List<Pending> pending(long runId, int limit) {
    List<Pending> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT id, target, action, item_key, payload, fingerprint, attempts"
            + " FROM contacts_sync_item WHERE run_id = ? AND status = 'PENDING' ORDER BY seq LIMIT ?")) {
      s.setLong(1, runId);
      s.setInt(2, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getInt(7)));
        }
      }
    } catch (SQLException e) {
      throw failed(e);
    }
    return out;
  }

  /**
   * Writes an item's outcome, what we now remember of its person or department, and renews the lease — all only if
   * {@code claim} still holds the run. Returns false when the lease was lost.
   */
  public boolean recordOutcome(Claim claim, Pending item, String status, Integer errcode, String reason,
      LocalDateTime now, LocalDateTime leaseUntil, Runnable remember) {
    try (Connection c = dataSource.getConnection()) {
      if (!holdsLease(c, claim, now, leaseUntil)) {
        return false;
      }
      try (PreparedStatement s = c.prepareStatement("UPDATE contacts_sync_item SET status = ?, errcode = ?,"
          + " reason = COALESCE(?, reason), attempts = attempts + 1, done_at = ? WHERE id = ?")) {
        s.setString(1, status);
        setInt(s, 2, errcode);
        s.setString(3, reason);
        s.setTimestamp(4, SyncItem.PENDING.equals(status) ? null : Timestamp.valueOf(now));
        s.setLong(5, item.id());
        s.executeUpdate();
      }
      if (!SyncItem.PENDING.equals(status)) {
        update(c, "UPDATE contacts_sync_run SET " + (SyncItem.DONE.equals(status) ? "done = done + 1"
            : "failed = failed + 1") + " WHERE id = " + claim.runId());
      }
      if (remember != null) {
        remember.run();
      }
      return true;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** The file of a full reconcile's batch step (too large for the plan's own columns to carry through the diff). */
  public void setBatchPayload(long runId, int seq, String payload) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("UPDATE contacts_sync_item SET payload = ? WHERE run_id = ? AND seq = ?")) {
      s.setString(1, payload);
      s.setLong(2, runId);
      s.setInt(3, seq);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Lines of a batch job WeCom refused, as failed items of the run (after its steps), so the page lists them. */
  public void addFailures(long runId, Target target, List<cn.edu.ntvu.workbench.contacts.domain.BatchJob.Entry> failures) {
    if (failures.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      int seq;
      try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM contacts_sync_item WHERE run_id = ?")) {
        s.setLong(1, runId);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          seq = rs.getInt(1);
        }
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO contacts_sync_item (run_id, seq, target, action,"
          + " item_key, label, status, errcode, reason, attempts) VALUES (?, ?, ?, 'UPDATE', ?, ?, 'FAILED', ?, ?, 1)")) {
        for (var f : failures) {
          s.setLong(1, runId);
          s.setInt(2, ++seq);
          s.setString(3, target.name());
          s.setString(4, cut(f.id(), 64));
          s.setString(5, cut(f.id(), 100));
          s.setInt(6, f.errcode());
          s.setString(7, cut(f.errmsg(), 255));
          s.addBatch();
        }
        s.executeBatch();
      }
      update(c, "UPDATE contacts_sync_run SET failed = failed + " + failures.size() + ", total = total + "
          + failures.size() + " WHERE id = " + runId);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** After replaceuser: whoever is not in the file is no longer in WeCom. */
  public void forgetMembersNotIn(java.util.Set<String> accounts, LocalDateTime now) {
    try (Connection c = dataSource.getConnection()) {
      List<String> inWeCom = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT account FROM wecom_contact WHERE in_wecom");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          inWeCom.add(rs.getString(1));
        }
      }
      for (String account : inWeCom) {
        if (!accounts.contains(account)) {
          rememberMember(account, false, null, 0, null, now);
        }
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Renews the lease while a long batch job runs; false when it was lost. */
  public boolean renewLease(Claim claim, LocalDateTime now, LocalDateTime leaseUntil) {
    try (Connection c = dataSource.getConnection()) {
      return holdsLease(c, claim, now, leaseUntil);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Remembers what WeCom accepted for a member (fingerprint null and inWeCom false for a deletion). */
  public void rememberMember(String account, boolean inWeCom, String fingerprint, Integer errcode, String reason,
      LocalDateTime now) {
    rememberMember(account, inWeCom, fingerprint, null, errcode, reason, now);
  }

  /** As above, with the fields sent (the item's payload), so a later dry run can name what changed. */
  public void rememberMember(String account, boolean inWeCom, String fingerprint, String fields, Integer errcode,
      String reason, LocalDateTime now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("INSERT INTO wecom_contact (account, in_wecom, wecom_status,"
            + " pushed_hash, last_errcode, last_reason, synced_at, pushed_fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE in_wecom = VALUES(in_wecom), pushed_hash = VALUES(pushed_hash),"
            + " pushed_fields = VALUES(pushed_fields),"
            + " wecom_status = IF(VALUES(in_wecom), IF(wecom_status = 'MISSING', 'NOT_ACTIVATED', wecom_status),"
            + " 'MISSING'), last_errcode = VALUES(last_errcode), last_reason = VALUES(last_reason),"
            + " synced_at = VALUES(synced_at)")) {
      s.setString(1, account);
      s.setBoolean(2, inWeCom);
      s.setString(3, inWeCom ? MemberStatus.NOT_ACTIVATED.name() : MemberStatus.MISSING.name());
      s.setString(4, fingerprint);
      setInt(s, 5, errcode);
      s.setString(6, reason);
      s.setTimestamp(7, Timestamp.valueOf(now));
      s.setString(8, inWeCom ? fields : null);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Records a failed call about a member without changing what we remember as pushed. */
  public void memberFailed(String account, int errcode, String reason, LocalDateTime now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("INSERT INTO wecom_contact (account, last_errcode, last_reason,"
            + " synced_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE last_errcode = VALUES(last_errcode),"
            + " last_reason = VALUES(last_reason), synced_at = VALUES(synced_at)")) {
      s.setString(1, account);
      s.setInt(2, errcode);
      s.setString(3, reason);
      s.setTimestamp(4, Timestamp.valueOf(now));
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  public void rememberDepartment(String code, long wecomId, String fingerprint) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("INSERT INTO wecom_department_map (code, wecom_id, pushed_hash)"
            + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE wecom_id = VALUES(wecom_id), pushed_hash = VALUES(pushed_hash)")) {
      s.setString(1, code);
      s.setLong(2, wecomId);
      s.setString(3, fingerprint);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  public void forgetDepartment(long wecomId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM wecom_department_map WHERE wecom_id = ?")) {
      s.setLong(1, wecomId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Lets the run go (releases the lease) until {@code resumeAt}: a rate limit or WeCom unreachable. */
  public void pause(Claim claim, LocalDateTime resumeAt, String note) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("UPDATE contacts_sync_run SET lease_owner = NULL, lease_until = NULL,"
            + " resume_at = ?, note = ? WHERE id = ? AND lease_owner = ?")) {
      s.setTimestamp(1, Timestamp.valueOf(resumeAt));
      s.setString(2, cut(note, 255));
      s.setLong(3, claim.runId());
      s.setString(4, claim.owner());
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  public boolean finish(Claim claim, LocalDateTime now, String note) {
    boolean finished = finishRun(claim, now, note);
    if (finished) {
      SyncRun r = run(claim.runId()).orElseThrow();
      audit.record(AuditActor.system("contacts-sync"), "CONTACTS_SYNC_DONE",
          AuditObject.of("contacts_sync_run", r.id(), r.kind()),
          AuditDiff.between(Map.of("status", SyncRun.RUNNING),
              Map.of("status", SyncRun.DONE, "done", r.done(), "failed", r.failed())));
    }
    return finished;
  }

  private boolean finishRun(Claim claim, LocalDateTime now, String note) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("UPDATE contacts_sync_run SET status = 'DONE', finished_at = ?,"
            + " lease_owner = NULL, lease_until = NULL, note = COALESCE(?, note) WHERE id = ? AND lease_owner = ?")) {
      s.setTimestamp(1, Timestamp.valueOf(now));
      s.setString(2, note);
      s.setLong(3, claim.runId());
      s.setString(4, claim.owner());
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  public Optional<SyncRun> run(long id) {
    return runs("WHERE id = " + id).stream().findFirst();
  }

  public List<SyncRun> recentRuns(int limit) {
    return runs("ORDER BY id DESC LIMIT " + Math.max(1, Math.min(limit, 200)));
  }

  /** Items of a run in order; {@code status} null for all. */
  public List<SyncItem> items(long runId, String status, int limit) {
    List<SyncItem> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT id, seq, target, action, item_key, label, changed, status,"
            + " errcode, reason FROM contacts_sync_item WHERE run_id = ?" + (status == null ? "" : " AND status = ?")
            + " ORDER BY seq LIMIT ?")) {
      s.setLong(1, runId);
      int i = 2;
      if (status != null) {
        s.setString(i++, status);
      }
      s.setInt(i, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String statusOf = rs.getString(8);
          String reason = rs.getString(10);
          boolean planned = SyncItem.PENDING.equals(statusOf);
          out.add(new SyncItem(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7), statusOf, (Integer) rs.getObject(9), planned ? null : reason,
              planned ? reason : null));
        }
      }
    } catch (SQLException e) {
      throw failed(e);
    }
    return out;
  }

  public List<Conflict> conflicts(long runId) {
    List<Conflict> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT target, item_key, label, kind, detail"
            + " FROM contacts_sync_conflict WHERE run_id = ? ORDER BY kind, item_key")) {
      s.setLong(1, runId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Conflict(Target.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
              Conflict.Kind.valueOf(rs.getString(4)), rs.getString(5)));
        }
      }
    } catch (SQLException e) {
      throw failed(e);
    }
    return out;
  }

  public ContactState state(String account) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT wecom_status, synced_at, last_errcode, last_reason"
            + " FROM wecom_contact WHERE account = ?")) {
      s.setString(1, account);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return ContactState.unknown(account);
        }
        Timestamp synced = rs.getTimestamp(2);
        return new ContactState(account, MemberStatus.valueOf(rs.getString(1)),
            synced == null ? null : synced.toLocalDateTime(), (Integer) rs.getObject(3), rs.getString(4));
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** WeCom told us a member's status (callback or user/get). */
  public void setStatus(String account, MemberStatus status, LocalDateTime now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("INSERT INTO wecom_contact (account, in_wecom, wecom_status,"
            + " status_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE in_wecom = VALUES(in_wecom),"
            + " wecom_status = VALUES(wecom_status), status_at = VALUES(status_at),"
            + " pushed_hash = IF(VALUES(in_wecom), pushed_hash, NULL)")) {
      s.setString(1, account);
      s.setBoolean(2, status != MemberStatus.MISSING);
      s.setString(3, status.name());
      s.setTimestamp(4, Timestamp.valueOf(now));
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** One line of the admin report. */
  public record ReportRow(String account, String name, String department, String mobileMasked, MemberStatus status,
      Integer lastErrcode, String lastReason) {}

  /**
   * Active people of the directory whose WeCom status is one of {@code statuses} (MISSING includes people never
   * synced), by account.
   */
  public List<ReportRow> report(List<MemberStatus> statuses, int limit) {
    List<ReportRow> out = new ArrayList<>();
    String in = String.join(",", statuses.stream().map(st -> "'" + st.name() + "'").toList());
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT p.account, p.name, COALESCE(sc.name, d.name), p.mobile,"
            + " COALESCE(w.wecom_status, 'MISSING'), w.last_errcode, w.last_reason FROM person p"
            + " LEFT JOIN wecom_contact w ON w.account = p.account LEFT JOIN department d ON d.id = p.department_id"
            + " LEFT JOIN school_class sc ON sc.id = p.class_id WHERE p.status = 'ACTIVE'"
            + " AND COALESCE(w.wecom_status, 'MISSING') IN (" + in + ") ORDER BY p.account LIMIT ?")) {
      s.setInt(1, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new ReportRow(rs.getString(1), rs.getString(2), rs.getString(3),
              MobileNumbers.mask(rs.getString(4)), MemberStatus.valueOf(rs.getString(5)), (Integer) rs.getObject(6),
              rs.getString(7)));
        }
      }
    } catch (SQLException e) {
      throw failed(e);
    }
    return out;
  }

  private boolean holdsLease(Connection c, Claim claim, LocalDateTime now, LocalDateTime leaseUntil)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE contacts_sync_run SET lease_until = ?"
        + " WHERE id = ? AND lease_owner = ? AND lease_until >= ?")) {
      s.setTimestamp(1, Timestamp.valueOf(leaseUntil));
      s.setLong(2, claim.runId());
      s.setString(3, claim.owner());
      s.setTimestamp(4, Timestamp.valueOf(now));
      return s.executeUpdate() == 1;
    }
  }

  private List<SyncRun> runs(String where) {
    List<SyncRun> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT id, kind, status, planned_by, planned_at, confirmed_by,"
            + " started_at, finished_at, resume_at, total, done, failed, conflicts, note FROM contacts_sync_run "
            + where);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(new SyncRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), time(rs, 5),
            rs.getString(6), time(rs, 7), time(rs, 8), time(rs, 9), rs.getInt(10), rs.getInt(11), rs.getInt(12),
            rs.getInt(13), rs.getString(14)));
      }
    } catch (SQLException e) {
      throw failed(e);
    }
    return out;
  }

  private static LocalDateTime time(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toLocalDateTime();
  }

  private static void update(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.executeUpdate();
    }
  }

  private static void setInt(PreparedStatement s, int i, Integer value) throws SQLException {
    if (value == null) {
      s.setNull(i, Types.INTEGER);
    } else {
      s.setInt(i, value);
    }
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static IllegalStateException failed(SQLException e) {
    return new IllegalStateException("contacts sync storage failed: " + e.getMessage(), e);
  }
}
