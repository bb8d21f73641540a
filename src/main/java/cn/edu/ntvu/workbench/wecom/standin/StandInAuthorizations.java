package cn.edu.ntvu.workbench.wecom.standin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plays WeCom's OAuth consent for the stand-in "authorize" page: the page lists demo people ("以 张三
 * 身份继续") and asks for a code for the chosen one, then redirects to {@code
 * redirect_uri?code=CODE&state=STATE} as WeCom would (wecom-api-notes §1.1).
 */
@ApplicationScoped
public class StandInAuthorizations {

  @Inject StandInWeCom standIn;

  @Inject
  @ConfigProperty(name = "app.mode", defaultValue = "production")
  String appMode;

  /**
   * Issues a single-use OAuth code valid for five minutes.
   *
   * @param userid the member's WeCom userid (学工号), or {@code null} for a non-member, whose code
   *     {@code auth/getuserinfo} answers with an openid
   * @throws IllegalStateException outside development mode
   */
  public String issueCode(String userid) {
    if (!"dev".equals(appMode)) {
      throw new IllegalStateException("the WeCom stand-in exists only in development mode");
    }
    return standIn.issueCode(userid);
  }
}
