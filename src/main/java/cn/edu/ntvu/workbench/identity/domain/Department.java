package cn.edu.ntvu.workbench.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;

/** 院系 or office. Departments form a tree under the university (root code {@code 000}). */
@Entity
@Table(name = "department")
public class Department {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 32)
  private String code;

  @Column(nullable = false, length = 100)
  private String name;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  private Department parent;

  @Version private int version;

  protected Department() {}

  public Department(String code, String name) {
    this.code = requireText(code, "code");
    this.name = requireText(name, "name");
  }

  /**
   * Renames the department and moves it under {@code newParent}; refuses to make it its own
   * ancestor.
   */
  public void update(String newName, Department newParent) {
    this.name = requireText(newName, "name");
    for (Department d = newParent; d != null; d = d.parent) {
      if (d == this || (d.code.equals(code))) {
        throw new IllegalArgumentException("department cycle at " + code);
      }
    }
    this.parent = newParent;
  }

  static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value.trim();
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public Department getParent() {
    return parent;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Department d && Objects.equals(code, d.code);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(code);
  }
}
