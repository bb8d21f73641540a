package cn.edu.ntvu.workbench.platform.web;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The response headers every page carries, in one place. The Content-Security-Policy lets scripts,
 * styles, images and connections come from our own origin only (the WeCom JS-SDK is served by us),
 * inline scripts only with the response's nonce, no plugins, no framing by other sites, and forms
 * only to us and the CAS server (sign-out posts end there). Faces pages get it from PrimeFaces,
 * which adds the per-response nonce to the script-src directive and turns the handlers its
 * components render into nonce'd registrations ({@code primefaces.CSP} in web.xml, whose policy is
 * {@link #getPolicy}); every other response gets it from {@link SecurityHeadersFilter}.
 */
@Named("securityHeaders")
@ApplicationScoped
public class SecurityHeaders {
  /**
   * Browsers may use none of these for us; a file input with {@code capture} still opens the camera
   * app.
   */
  static final String PERMISSIONS =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(),"
          + " interest-cohort=()";

  @Inject AppSettings settings;

  private String policy;
  private boolean https;

  @PostConstruct
  void build() {
    https = settings.publicBaseUrl().startsWith("https:");
    Set<String> formTargets = new LinkedHashSet<>();
    formTargets.add("'self'");
    formTargets.add(origin(settings.casUrl()));
    policy = policy(String.join(" ", formTargets), https);
  }

  /**
   * The policy without a nonce. It ends with the script-src directive on purpose: PrimeFaces
   * appends the response's nonce to the end of the policy.
   */
  static String policy(String formTargets, boolean https) {
    return "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'self';"
        + " form-action "
        + formTargets
        + "; img-src 'self' data: blob:; font-src 'self'; connect-src 'self';"
        + " media-src 'self' blob:; worker-src 'self' blob:; style-src 'self'; style-src-attr 'unsafe-inline';"
        + (https ? " upgrade-insecure-requests;" : "")
        + " script-src 'self'";
  }

  /**
   * For PrimeFaces (web.xml {@code primefaces.CSP_POLICY}) and for every response that is not a
   * Faces page.
   */
  public String getPolicy() {
    return policy;
  }

  /**
   * Whether browsers are told to use https only ({@code Strict-Transport-Security}): the public URL
   * is https.
   */
  public boolean isHsts() {
    return https;
  }

  private static String origin(String url) {
    URI u = URI.create(url);
    return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
  }
}
