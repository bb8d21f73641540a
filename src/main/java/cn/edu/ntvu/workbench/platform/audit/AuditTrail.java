package cn.edu.ntvu.workbench.platform.audit;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records admin changes in the audit log. Call {@link #record} from the application service that
 * makes the change, inside its {@code @Transactional} method, after the change itself:
 *
 * <pre>{@code
 * @Inject AuditTrail audit;
 *
 * @Transactional
 * public void rename(long tileId, String title, AuditActor actor) {
 *   Tile tile = em.find(Tile.class, tileId);
 *   Map<String, Object> before = tile.auditFields();   // e.g. Map.of("title", ..., "scene", ..., "enabled", ...)
 *   tile.rename(title);
 *   audit.record(actor, "TILE_UPDATE", AuditObject.of("tile", tileId, title),
 *       AuditDiff.between(before, tile.auditFields()));
 * }
 * }</pre>
 *
 * The page bean passes {@code me.auditActor()} ({@code CurrentUser}) down as the actor. The entry
 * is written in the caller's transaction ({@link TxType#MANDATORY}: calling it without one fails),
 * so a change that rolls back leaves no entry and a change never commits without its entry. Entries
 * are never updated or deleted.
 */
@ApplicationScoped
public class AuditTrail {
  @PersistenceContext(unitName = "workbench")
  EntityManager em;

  /** The school clock (Asia/Shanghai): entries are dated as the admin reads dates. */
  @Inject Clock clock;

  @Inject Sql sql;

  /**
   * Appends one entry for a change being made in the current transaction.
   *
   * @param action what was done, an upper-case verb phrase such as {@code DIRECTORY_IMPORT} or
   *     {@code TILE_UPDATE}
   * @param object what it was done to
   * @param diff the fields that changed, from {@link AuditDiff#between} ({@link AuditDiff#NONE} for
   *     none)
   */
  @Transactional(TxType.MANDATORY)
  public void record(AuditActor actor, String action, AuditObject object, AuditDiff diff) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(object, "object");
    if (action == null || action.isBlank()) {
      throw new IllegalArgumentException("an audit entry needs an action");
    }
    em.persist(
        new AuditEntry(now(), actor, action.strip(), object, diff == null ? AuditDiff.NONE : diff));
  }

  /** One entry of {@link #recordAll}: what was changed and how. */
  public record Item(AuditObject object, AuditDiff diff) {}

  /**
   * As {@link #record} for many entries of one action at once (a roll call's changed marks),
   * written as multi-row INSERTs in the caller's transaction: the same rows {@link #record} writes.
   */
  @Transactional(TxType.MANDATORY)
  public void recordAll(AuditActor actor, String action, List<Item> items) {
    Objects.requireNonNull(actor, "actor");
    if (action == null || action.isBlank()) {
      throw new IllegalArgumentException("an audit entry needs an action");
    }
    if (items.isEmpty()) {
      return;
    }
    LocalDateTime at = now();
    List<Object[]> rows = new ArrayList<>(items.size());
    for (Item i : items) {
      Objects.requireNonNull(i.object(), "object");
      AuditEntry e =
          new AuditEntry(
              at, actor, action.strip(), i.object(), i.diff() == null ? AuditDiff.NONE : i.diff());
      rows.add(
          new Object[] {
            e.getOccurredAt(),
            e.getActorAccount(),
            e.getActorName(),
            e.getSignInPath(),
            e.getAction(),
            e.getObjectType(),
            e.getObjectId(),
            e.getObjectLabel(),
            e.beforeValues(),
            e.afterValues()
          });
    }
    // Multi-row INSERTs (Sql.insertRows): 20,000 entries of one job run are 40 statements, not
    // 20,000 (issue 18's escalation bench).
    sql.insertRows(
        "INSERT INTO audit_entry (occurred_at, actor_account, actor_name, sign_in_path, action,"
            + " object_type, object_id, object_label, before_values, after_values) VALUES",
        rows);
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
  }
}
