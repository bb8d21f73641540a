package cn.edu.ntvu.workbench.identity.domain;

import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.security.ScopeKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A role a person holds, with its scope: "counsellor of class 2601001", "dean of department 02",
 * "admin". Grants from a directory import are replaced by the next import; grants an admin made are
 * kept.
 */
@Entity
@Table(name = "role_grant")
public class RoleGrant {
  /** Where a grant came from. */
  public enum Source {
    IMPORT,
    ADMIN
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "person_id", nullable = false)
  private Person person;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private Role role;

  @Enumerated(EnumType.STRING)
  @Column(name = "scope_kind", nullable = false, length = 16)
  private ScopeKind scopeKind;

  /** Department or class id; 0 for the whole school. */
  @Column(name = "scope_id", nullable = false)
  private long scopeId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Source source;

  protected RoleGrant() {}

  public RoleGrant(Person person, Role role, ScopeKind scopeKind, long scopeId, Source source) {
    this.person = Objects.requireNonNull(person);
    this.role = Objects.requireNonNull(role);
    this.scopeKind = Objects.requireNonNull(scopeKind);
    if (scopeKind == ScopeKind.SCHOOL && scopeId != 0) {
      throw new IllegalArgumentException("a school-wide grant has no scope id");
    }
    this.scopeId = scopeId;
    this.source = Objects.requireNonNull(source);
  }

  public Long getId() {
    return id;
  }

  public Person getPerson() {
    return person;
  }

  public Role getRole() {
    return role;
  }

  public ScopeKind getScopeKind() {
    return scopeKind;
  }

  public long getScopeId() {
    return scopeId;
  }

  public Source getSource() {
    return source;
  }
}
