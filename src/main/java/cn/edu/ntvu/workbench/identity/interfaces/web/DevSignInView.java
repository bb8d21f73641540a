package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.identity.application.SignInPath;
import cn.edu.ntvu.workbench.identity.application.SignInService;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ResourceBundle;

/** The development sign-in page that stands in for CAS (dev mode only; /dev/* is 404 in production). */
@Named
@RequestScoped
public class DevSignInView {
  @Inject SignInService signIn;
  @Inject SignInSupport support;
  @Inject AppSettings settings;

  private String target;
  private String account;
  public void signInAs(String chosen) throws IOException, ServletException {
    if (!settings.isDevMode()) {
      throw new IllegalStateException("development sign-in outside dev mode");
    }
    FacesContext fc = FacesContext.getCurrentInstance();
    SignInService.Outcome outcome = signIn.resolve(chosen, SignInPath.DEV);
    if (outcome instanceof SignInService.Outcome.NotInDirectory) {
      ResourceBundle msg = fc.getApplication().getResourceBundle(fc, "msg");
      fc.addMessage("account", new FacesMessage(FacesMessage.SEVERITY_ERROR, msg.getString("dev.signin.unknown"), null));
      return;
    }
    ExternalContext ec = fc.getExternalContext();
    support.finish(
        (HttpServletRequest) ec.getRequest(), (HttpServletResponse) ec.getResponse(), outcome, target);
    fc.responseComplete();
  }

  public void signInWithAccount() throws IOException, ServletException {
    signInAs(account == null ? "" : account.trim());
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getAccount() {
    return account;
  }

  public void setAccount(String account) {
    this.account = account;
  }
}
