package cn.edu.ntvu.workbench.identity.interfaces.web;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.wecom.standin.StandInAuthorizations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for WeCom's authorize screen in development mode (/dev/* is 404 in production): checks the request as
 * WeCom would (appid = corp id, redirect host = the trusted domain, snsapi scope, state charset) and lets the
 * developer continue as a demo person, issuing a single-use code through the WeCom stand-in.
 */
@Named
@RequestScoped
public class WeComAuthorizeStandInView {
  @Inject AppSettings settings;
  @Inject StandInAuthorizations authorizations;

  private String appid;
  private String redirectUri;
  private String responseType;
  private String scope;
  private String state;
  private String agentid;
  private String account;

  /** Why WeCom would refuse this request, or null when it is valid. */
  public String getProblem() {
    if (!settings.wecomCorpId().equals(appid)) {
      return "appid";
    }
    if (redirectUri == null || !sameOrigin(redirectUri, settings.publicBaseUrl())) {
      return "50001 redirect_url未登记可信域名";
    }
    if (!"code".equals(responseType)) {
      return "response_type";
    }
    if (!"snsapi_base".equals(scope) && !"snsapi_privateinfo".equals(scope)) {
      return "scope";
    }
    if (state != null && !state.matches("[A-Za-z0-9]{0,128}")) {
      return "state";
    }
    return null;
  }

  private static boolean sameOrigin(String a, String b) {
    try {
      URI x = URI.create(a);
      URI y = URI.create(b);
      return x.getHost() != null && x.getHost().equals(y.getHost()) && x.getPort() == y.getPort();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public void continueAs(String userid) throws IOException {
    if (!settings.isDevMode() || getProblem() != null) {
      return;
    }
    redirectWith(authorizations.issueCode(userid));
  }

  public void continueWithAccount() throws IOException {
    continueAs(account == null ? "" : account.trim());
  }

  public void continueAsNonMember() throws IOException {
    if (!settings.isDevMode() || getProblem() != null) {
      return;
    }
    redirectWith(authorizations.issueCode(null));
  }

  private void redirectWith(String code) throws IOException {
    String url =
        redirectUri
            + (redirectUri.contains("?") ? "&" : "?")
            + "code="
            + URLEncoder.encode(code, StandardCharsets.UTF_8)
            + "&state="
            + URLEncoder.encode(state == null ? "" : state, StandardCharsets.UTF_8);
    FacesContext.getCurrentInstance().getExternalContext().redirect(url);
  }

  public String getAppid() {
    return appid;
  }

  public void setAppid(String appid) {
    this.appid = appid;
  }

  public String getRedirectUri() {
    return redirectUri;
  }

  public void setRedirectUri(String redirectUri) {
    this.redirectUri = redirectUri;
  }

  public String getResponseType() {
    return responseType;
  }

  public void setResponseType(String responseType) {
    this.responseType = responseType;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getAgentid() {
    return agentid;
  }

  public void setAgentid(String agentid) {
    this.agentid = agentid;
  }

  public String getAccount() {
    return account;
  }

  public void setAccount(String account) {
    this.account = account;
  }
}
