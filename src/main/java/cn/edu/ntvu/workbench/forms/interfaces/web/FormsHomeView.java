package cn.edu.ntvu.workbench.forms.interfaces.web;

import cn.edu.ntvu.workbench.forms.application.AskedForm;
import cn.edu.ntvu.workbench.forms.application.FormAccessDenied;
import cn.edu.ntvu.workbench.forms.application.FormBuilder;
import cn.edu.ntvu.workbench.forms.application.FormFilling;
import cn.edu.ntvu.workbench.forms.application.FormRow;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * {@code /forms/}: the forms that ask me (to fill first), and for staff the forms they own or
 * co-own with a button for a new one.
 */
@Named("formsHome")
@RequestScoped
public class FormsHomeView {
  @Inject CurrentUser me;
  @Inject FormFilling filling;
  @Inject FormBuilder builder;

  private List<AskedForm> asked = List.of();
  private List<FormRow> mine = List.of();

  public void load() {
    asked = filling.askedOf(me.get());
    mine = FormBuilder.mayCreate(me.get()) ? builder.mine(me.get()) : List.of();
  }

  /**
   * A new draft; a post of the button by someone who may not build forms is answered 403 (the page
   * has none).
   */
  public String create() {
    try {
      long id = builder.create(me.get(), null);
      return "edit.xhtml?faces-redirect=true&id=" + id;
    } catch (FormAccessDenied e) {
      Pages.status(jakarta.servlet.http.HttpServletResponse.SC_FORBIDDEN);
      return null;
    }
  }

  public List<AskedForm> getAsked() {
    return asked;
  }

  public List<FormRow> getMine() {
    return mine;
  }

  public boolean isBuilder() {
    return FormBuilder.mayCreate(me.get());
  }
}
