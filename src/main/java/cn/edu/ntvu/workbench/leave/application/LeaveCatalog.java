package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.leave.domain.LeaveType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The admin-configured leave types, read where a name is needed. */
@ApplicationScoped
public class LeaveCatalog {
  @Inject LeaveStore store;

  public List<LeaveType> types() {
    return store.types();
  }

  /** The Chinese name of a type (the code itself for a type an admin removed). */
  public String typeName(String code) {
    return store.types().stream()
        .filter(t -> t.code().equals(code))
        .map(LeaveType::name)
        .findFirst()
        .orElse(code);
  }
}
