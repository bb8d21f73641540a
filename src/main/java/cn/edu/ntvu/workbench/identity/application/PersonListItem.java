package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.identity.domain.PersonStatus;
import cn.edu.ntvu.workbench.platform.security.PersonKind;
import java.io.Serializable;

/**
 * One line of the admin people list. The mobile is already masked here, so the full number never
 * reaches a page that does not need it.
 */
public record PersonListItem(
    String account,
    String name,
    PersonKind kind,
    String departmentName,
    String className,
    String maskedMobile,
    PersonStatus status)
    implements Serializable {
  // Jakarta EE 10 expression language resolves JavaBean getters, not record accessors.

  public String getAccount() {
    return account;
  }

  public String getName() {
    return name;
  }

  public PersonKind getKind() {
    return kind;
  }

  public String getDepartmentName() {
    return departmentName;
  }

  public String getClassName() {
    return className;
  }

  public String getMaskedMobile() {
    return maskedMobile;
  }

  public PersonStatus getStatus() {
    return status;
  }
}
