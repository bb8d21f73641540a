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

/** 班级: a class of students in a department and grade, looked after by a counsellor (辅导员). */
@Entity
@Table(name = "school_class")
public class SchoolClass {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 32)
  private String code;

  @Column(nullable = false, length = 100)
  private String name;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "department_id", nullable = false)
  private Department department;

  @Column(nullable = false)
  private int grade;

  /** The counsellor's account id; the person may be imported after the class. */
  @Column(name = "counsellor_account", length = 32)
  private String counsellorAccount;

  @Version private int version;

  protected SchoolClass() {}

  public SchoolClass(
      String code, String name, Department department, int grade, String counsellor) {
    this.code = Department.requireText(code, "code");
    update(name, department, grade, counsellor);
  }

  public void update(String newName, Department newDepartment, int newGrade, String counsellor) {
    this.name = Department.requireText(newName, "name");
    this.department = Objects.requireNonNull(newDepartment, "department");
    this.grade = newGrade;
    this.counsellorAccount = counsellor == null || counsellor.isBlank() ? null : counsellor.trim();
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

  public Department getDepartment() {
    return department;
  }

  public int getGrade() {
    return grade;
  }

  public String getCounsellorAccount() {
    return counsellorAccount;
  }
}
