package cn.edu.ntvu.workbench.platform.web;

import cn.edu.ntvu.workbench.platform.config.AppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts pages need about the running application ({@code #{app}}): mode, asset version, links. */
@Named("app")
@ApplicationScoped
public class AppInfo {
  @Inject AppSettings settings;

  private final String assetVersion = readAssetVersion();

  private static String readAssetVersion() {
    try (InputStream in = AppInfo.class.getResourceAsStream("/build.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("build.version", "dev").replaceAll("[^A-Za-z0-9._-]", "");
    } catch (IOException e) {
      return "dev";
    }
  }

  public boolean isDevMode() {
    return settings.isDevMode();
  }

  /**
   * Appended to our asset URLs as {@code ?v=}: a new build means new URLs, so assets can be cached
   * for a year.
   */
  public String getAssetVersion() {
    return assetVersion;
  }

  public String getPasswordResetUrl() {
    return settings.passwordResetUrl().orElse(null);
  }

  public String getSupportContact() {
    return settings.supportContact().orElse(null);
  }
}
