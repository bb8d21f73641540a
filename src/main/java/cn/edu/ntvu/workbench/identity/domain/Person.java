package cn.edu.ntvu.workbench.identity.domain;

import cn.edu.ntvu.workbench.platform.security.PersonKind;
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
import jakarta.persistence.Version;

/**
 * A student or member of staff, identified by the account id (学工号) that the identity platform (CAS)
 * and WeCom (userid) both use. Personal data (mobile, email) is shown masked except where a role
 * needs it.
 */
@Entity
@Table(name = "person")
public class Person {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 32)
  private String account;

  @Column(nullable = false, length = 64)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PersonKind kind;

  private Integer gender;

  @Column(length = 20)
  private String mobile;

  @Column(length = 120)
  private String email;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "department_id")
  private Department department;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "class_id")
  private SchoolClass schoolClass;

  @Column(length = 64)
  private String position;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private PersonStatus status = PersonStatus.ACTIVE;

  @Version private int version;

  protected Person() {}

  public Person(String account, String name, PersonKind kind) {
    this.account = Department.requireText(account, "account");
    this.name = Department.requireText(name, "name");
    this.kind = java.util.Objects.requireNonNull(kind, "kind");
  }

  /** Takes the identity platform's current data for this person (a directory import). */
  public void updateFromDirectory(
      String newName,
      PersonKind newKind,
      Integer newGender,
      String newMobile,
      String newEmail,
      Department newDepartment,
      SchoolClass newClass,
      String newPosition) {
    this.name = Department.requireText(newName, "name");
    this.kind = java.util.Objects.requireNonNull(newKind, "kind");
    this.gender = newGender;
    this.mobile = blankToNull(newMobile);
    this.email = blankToNull(newEmail);
    this.department = newDepartment;
    this.schoolClass = newClass;
    this.position = blankToNull(newPosition);
  }

  public void changeStatus(PersonStatus newStatus) {
    this.status = java.util.Objects.requireNonNull(newStatus);
  }

  public boolean canSignIn() {
    return status == PersonStatus.ACTIVE;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public Long getId() {
    return id;
  }

  public String getAccount() {
    return account;
  }

  public String getName() {
    return name;
  }

  public PersonKind getKind() {
    return kind;
  }

  public Integer getGender() {
    return gender;
  }

  public String getMobile() {
    return mobile;
  }

  public String getEmail() {
    return email;
  }

  public Department getDepartment() {
    return department;
  }

  public SchoolClass getSchoolClass() {
    return schoolClass;
  }

  public String getPosition() {
    return position;
  }

  public PersonStatus getStatus() {
    return status;
  }
}
