package cn.edu.ntvu.workbench.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One row of the audit log. Immutable: built once by {@link AuditTrail}, every column {@code
 * updatable = false} and no setter, so the application cannot change a row; the database's triggers
 * (V7) refuse UPDATE and DELETE too.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private LocalDateTime occurredAt;

  @Column(name = "actor_account", nullable = false, updatable = false, length = 32)
  private String actorAccount;

  @Column(name = "actor_name", nullable = false, updatable = false, length = 64)
  private String actorName;

  @Column(name = "sign_in_path", nullable = false, updatable = false, length = 16)
  private String signInPath;

  @Column(nullable = false, updatable = false, length = 64)
  private String action;

  @Column(name = "object_type", nullable = false, updatable = false, length = 32)
  private String objectType;

  @Column(name = "object_id", nullable = false, updatable = false, length = 64)
  private String objectId;

  @Column(name = "object_label", nullable = false, updatable = false, length = 255)
  private String objectLabel;

  @Column(name = "before_values", nullable = false, updatable = false)
  private String beforeValues;

  @Column(name = "after_values", nullable = false, updatable = false)
  private String afterValues;

  protected AuditEntry() {}

  AuditEntry(
      LocalDateTime occurredAt,
      AuditActor actor,
      String action,
      AuditObject object,
      AuditDiff diff) {
    this.occurredAt = occurredAt;
    this.actorAccount = actor.account();
    this.actorName = actor.name();
    this.signInPath = actor.signInPath();
    this.action = AuditObject.cut(action, 64);
    this.objectType = object.type();
    this.objectId = object.id();
    this.objectLabel = object.label();
    this.beforeValues = diff.before().toString();
    this.afterValues = diff.after().toString();
  }

  public Long getId() {
    return id;
  }

  public LocalDateTime getOccurredAt() {
    return occurredAt;
  }

  public String getActorAccount() {
    return actorAccount;
  }

  public String getActorName() {
    return actorName;
  }

  public String getSignInPath() {
    return signInPath;
  }

  public String getAction() {
    return action;
  }

  public String getObjectType() {
    return objectType;
  }

  public String getObjectId() {
    return objectId;
  }

  public String getObjectLabel() {
    return objectLabel;
  }

  String beforeValues() {
    return beforeValues;
  }

  String afterValues() {
    return afterValues;
  }

  /** The changed fields, old and new value each. */
  public List<FieldChange> getChanges() {
    return AuditDiff.parse(beforeValues, afterValues).changes();
  }
}
