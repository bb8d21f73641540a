package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.QuickPhrases;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.audit.AuditDiff;
import cn.edu.ntvu.workbench.platform.audit.AuditObject;
import cn.edu.ntvu.workbench.platform.audit.AuditTrail;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Quick phrases (issue 18, item 7; table {@code leave_phrase}): an approver's own (owner = their
 * account, at most {@link QuickPhrases#OWN_MAX}) and the ones an admin set for everybody (owner
 * NULL). The owner is always the caller, never a parameter: nobody adds to or removes from
 * another's list. Audited ({@code LEAVE_PHRASE_ADD}, {@code LEAVE_PHRASE_REMOVE}).
 */
@ApplicationScoped
public class LeavePhrases {
  @Inject Sql sql;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  public record Phrase(long id, String text, boolean shared) implements Serializable {}

  /** The signed-in approver's own phrases, oldest first. */
  public List<Phrase> own(String account) {
    return list("owner = ?", account);
  }

  /** The phrases an admin set for everybody. */
  public List<Phrase> shared() {
    return list("owner IS NULL");
  }

  /** What an approver may insert: everybody's first, then their own. */
  public List<Phrase> offeredTo(String account) {
    List<Phrase> out = new ArrayList<>(shared());
    out.addAll(own(account));
    return out;
  }

  private List<Phrase> list(String where, Object... args) {
    return sql.query(
        "SELECT id, body, owner FROM leave_phrase WHERE " + where + " ORDER BY id",
        rs -> new Phrase(rs.getLong(1), rs.getString(2), rs.getString(3) == null),
        args);
  }

  @Requires(kind = PersonKind.STAFF)
  @Transactional
  public Optional<QuickPhrases.Problem> addOwn(SignedInUser by, String text) {
    sql.rows("SELECT id FROM leave_phrase WHERE owner = ? FOR UPDATE", by.account());
    return add(by, by.account(), text, own(by.account()), QuickPhrases.OWN_MAX);
  }

  @Requires(roles = Role.ADMIN)
  @Transactional
  public Optional<QuickPhrases.Problem> addShared(SignedInUser by, String text) {
    sql.rows("SELECT id FROM leave_phrase WHERE owner IS NULL FOR UPDATE");
    return add(by, null, text, shared(), QuickPhrases.SHARED_MAX);
  }

  private Optional<QuickPhrases.Problem> add(
      SignedInUser by, String owner, String text, List<Phrase> existing, int max) {
    Optional<QuickPhrases.Problem> problem =
        QuickPhrases.check(text, existing.stream().map(Phrase::text).toList(), max);
    if (problem.isPresent()) {
      return problem;
    }
    String body = text.strip();
    long id =
        sql.insert(
            "INSERT INTO leave_phrase (owner, body, created_at) VALUES (?, ?, ?)",
            owner,
            body,
            Sql.ts(LocalDateTime.now(clock)));
    audit.record(
        actor(by),
        "LEAVE_PHRASE_ADD",
        AuditObject.of("leave_phrase", id, body),
        AuditDiff.created(Map.of("phrase", body, "shared", owner == null)));
    return Optional.empty();
  }

  /** Removes one of the caller's own phrases; another's id changes nothing. */
  @Requires(kind = PersonKind.STAFF)
  @Transactional
  public boolean removeOwn(SignedInUser by, long id) {
    return remove(by, id, "owner = ?", by.account());
  }

  @Requires(roles = Role.ADMIN)
  @Transactional
  public boolean removeShared(SignedInUser by, long id) {
    return remove(by, id, "owner IS NULL");
  }

  private boolean remove(SignedInUser by, long id, String whose, Object... args) {
    List<Object> a = new ArrayList<>();
    a.add(id);
    a.addAll(List.of(args));
    Optional<Object[]> row =
        sql.rows("SELECT body FROM leave_phrase WHERE id = ? AND " + whose, a.toArray()).stream()
            .findFirst();
    if (row.isEmpty()) {
      return false;
    }
    sql.update("DELETE FROM leave_phrase WHERE id = ? AND " + whose, a.toArray());
    String body = (String) row.get()[0];
    audit.record(
        actor(by),
        "LEAVE_PHRASE_REMOVE",
        AuditObject.of("leave_phrase", id, body),
        AuditDiff.between(Map.of("phrase", body), Map.of()));
    return true;
  }

  private static AuditActor actor(SignedInUser by) {
    return new AuditActor(by.account(), by.name(), by.path().name());
  }
}
