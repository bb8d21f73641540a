package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.identity.domain.Person;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The signed-in home page: greeting, roles, class or department. */
@Named
@RequestScoped
public class HomeView {
  @Inject CurrentUser me;
  @Inject DirectoryQueries directory;

  private Person person;

  @PostConstruct
  void load() {
    if (me.isSignedIn()) {
      person = directory.findByAccount(me.getAccount()).orElse(null);
    }
  }

  public String getClassName() {
    return person != null && person.getSchoolClass() != null ? person.getSchoolClass().getName() : null;
  }

  public String getDepartmentName() {
    return person != null && person.getDepartment() != null ? person.getDepartment().getName() : null;
  }

  public String getKind() {
    return person == null ? "" : person.getKind().name();
  }
}
