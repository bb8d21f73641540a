package cn.edu.ntvu.workbench.wecom.interfaces.web;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.config.InvalidSettingException;
import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.wecom.application.DomainVerification;
import cn.edu.ntvu.workbench.wecom.application.EntryPages;
import cn.edu.ntvu.workbench.wecom.application.WeComCallbackSettings;
import cn.edu.ntvu.workbench.wecom.domain.VerificationFile;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /admin/wecom/setup.xhtml}: what to paste into WeCom's admin console for each micro-app
 * (its home URL, which enters through WeCom OAuth), the trusted domain, the callback URL and
 * whether its Token and EncodingAESKey are set (never their values), and the upload of WeCom's
 * domain verification file. Admins only: the sign-in guard refuses {@code /admin/} to anyone else,
 * and the upload checks again.
 */
@Requires(roles = Role.ADMIN)
@Named("wecomSetup")
@RequestScoped
public class WeComSetupView {
  static final String BUNDLE = "i18n.wecom";
  private static final java.time.format.DateTimeFormatter WHEN =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject AppSettings settings;
  @Inject WeComCallbackSettings callback;
  @Inject EntryPages entryPages;
  @Inject DomainVerification files;
  @Inject CurrentUser me;

  private Part upload;
  private List<MicroApp> apps;
  private List<DomainVerification.Stored> stored;

  /** One row of the micro-app list. */
  public record MicroApp(String name, String path, String homeUrl) {}

  public List<MicroApp> getApps() {
    if (apps == null) {
      List<MicroApp> list = new ArrayList<>();
      list.add(
          new MicroApp(
              BundleText.format(
                  BUNDLE, BundleText.viewLocale(), "wecom.setup.apps.home", List.of()),
              "/",
              homeUrl("/")));
      for (EntryPages.EntryPage page : safePages()) {
        list.add(new MicroApp(page.name(), page.path(), homeUrl(page.path())));
      }
      apps = list;
    }
    return apps;
  }

  private List<EntryPages.EntryPage> safePages() {
    try {
      return entryPages.entryPages();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /** The URL that opens {@code path} after a silent WeCom sign-in (docs/wecom-api.md §1.1, §8). */
  String homeUrl(String path) {
    return settings.publicBaseUrl()
        + "/login/wecom?target="
        + URLEncoder.encode(path, StandardCharsets.UTF_8);
  }

  /**
   * The trusted domain: host and, if not the default, port, exactly (§1.1: no scheme, no path, no
   * wildcard).
   */
  public String getTrustedDomain() {
    URI base = URI.create(settings.publicBaseUrl());
    return base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort();
  }

  public String getCallbackUrl() {
    return settings.publicBaseUrl() + WeComCallbackServlet.PATH;
  }

  public boolean isCallbackConfigured() {
    return callback.configured();
  }

  public String getTokenVariable() {
    return InvalidSettingException.envName(WeComCallbackSettings.TOKEN);
  }

  public String getAesKeyVariable() {
    return InvalidSettingException.envName(WeComCallbackSettings.AES_KEY);
  }

  public String getCorpId() {
    return settings.wecomCorpId();
  }

  public String getAgentId() {
    return settings.wecomAgentId();
  }

  public boolean isHttps() {
    return settings.publicBaseUrl().startsWith("https:");
  }

  public List<DomainVerification.Stored> getFiles() {
    if (stored == null) {
      stored = files.all();
    }
    return stored;
  }

  /** When a file was uploaded, in school time to the minute. */
  public String when(DomainVerification.Stored file) {
    return file.uploadedAt() == null ? "" : file.uploadedAt().format(WHEN);
  }

  public String fileUrl(String name) {
    return settings.publicBaseUrl() + "/" + name;
  }

  public Part getUpload() {
    return upload;
  }

  public void setUpload(Part upload) {
    this.upload = upload;
  }

  public String uploadFile() throws IOException {
    if (!me.isAdmin()) {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .responseSendError(HttpServletResponse.SC_FORBIDDEN, null);
      FacesContext.getCurrentInstance().responseComplete();
      return null;
    }
    VerificationFile file;
    try {
      file =
          VerificationFile.of(
              upload == null ? null : upload.getSubmittedFileName(), bytesOf(upload));
    } catch (VerificationFile.Refused e) {
      message(FacesMessage.SEVERITY_ERROR, e.problem().key(), List.of());
      return null;
    }
    files.upload(file, me.auditActor());
    stored = null;
    message(
        FacesMessage.SEVERITY_INFO,
        "wecom.setup.verify.saved",
        List.of(file.name(), fileUrl(file.name())));
    return null;
  }

  /** At most one byte more than allowed, so a large file is refused without reading it all. */
  private static byte[] bytesOf(Part part) throws IOException {
    if (part == null || part.getSize() == 0) {
      return null;
    }
    if (part.getSize() > VerificationFile.MAX_BYTES) {
      return new byte[VerificationFile.MAX_BYTES + 1];
    }
    try (InputStream in = part.getInputStream()) {
      return in.readNBytes(VerificationFile.MAX_BYTES + 1);
    }
  }

  private static void message(FacesMessage.Severity severity, String key, List<String> args) {
    String text = BundleText.format(BUNDLE, BundleText.viewLocale(), key, args);
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }
}
