package cn.edu.ntvu.workbench.platform.files;

import cn.edu.ntvu.workbench.platform.config.InvalidSettingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The daily upload quota per person (MicroProfile Config; listed in the README's configuration
 * table). The defaults leave room for a few leave requests with their three photos and the photos
 * of several 收集表 on one day, and stop a person (or a script with their session) from filling the
 * database: 30 files and 50 MB per school day.
 */
@ApplicationScoped
public class UploadSettings {
  public static final String DAILY_FILES = "uploads.daily-files-per-person";
  public static final String DAILY_MEGABYTES = "uploads.daily-megabytes-per-person";

  @Inject
  @ConfigProperty(name = DAILY_FILES, defaultValue = "30")
  int dailyFiles;

  @Inject
  @ConfigProperty(name = DAILY_MEGABYTES, defaultValue = "50")
  int dailyMegabytes;

  /**
   * Checked once the schema is ready ({@code composition.StartUp}), so a wrong value stops start-up
   * naming its key, as the other settings do.
   */
  public void validate() {
    if (dailyFiles < 1 || dailyFiles > 10_000) {
      throw new InvalidSettingException(DAILY_FILES, "1 to 10000");
    }
    if (dailyMegabytes < 1 || dailyMegabytes > 100_000) {
      throw new InvalidSettingException(DAILY_MEGABYTES, "1 to 100000");
    }
  }

  /** How many files one person may upload per school day. */
  public int dailyFiles() {
    return dailyFiles;
  }

  /** How many bytes one person may upload per school day. */
  public long dailyBytes() {
    return dailyMegabytes * 1024L * 1024L;
  }

  public int dailyMegabytes() {
    return dailyMegabytes;
  }
}
