package cn.edu.ntvu.workbench.wecom.interfaces.web;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * What a page needs to use the WeCom JS-SDK ({@code #{wecomPage}}): whether it is open in WeCom's
 * in-app browser, and where the vendored SDK (tools/wecom-jssdk.lock) and our signature endpoint
 * are. Used by {@code WEB-INF/includes/wecom-close.xhtml}.
 */
@Named("wecomPage")
@RequestScoped
public class WeComPage {
  /**
   * The vendored {@code @wecom/jssdk} version; its path carries it, so it can be cached for a year.
   */
  public static final String SDK_VERSION = "2.4.4";

  @Inject HttpServletRequest request;
  @Inject AppSettings settings;

  /**
   * WeCom's browser says {@code wxwork/<version>} in its user agent (as the JS-SDK itself checks).
   */
  public boolean isInWeCom() {
    String ua = request.getHeader("User-Agent");
    return ua != null && ua.toLowerCase(Locale.ROOT).contains("wxwork/");
  }

  public String getSdkUrl() {
    return request.getContextPath()
        + "/resources/wecom/jssdk-"
        + SDK_VERSION
        + "/wecom.global.prod.js?v="
        + SDK_VERSION;
  }

  public String getSignatureUrl() {
    return request.getContextPath() + "/rest/wecom/jssdk/signature";
  }

  public String getCorpId() {
    return settings.wecomCorpId();
  }

  public String getAgentId() {
    return settings.wecomAgentId();
  }
}
