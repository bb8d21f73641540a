package cn.edu.ntvu.workbench.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's settings, read once through MicroProfile Config (environment variables, system
 * properties, Payara password aliases). Every key is listed in the README's configuration table. In
 * development mode the WeCom and CAS settings default to the development stand-in deployed beside
 * the app ({@value #STANDIN_PATH} on the same host, a web application of its own that the app
 * reaches over HTTP like the real services); in production a missing key stops start-up.
 */
@ApplicationScoped
public class AppSettings {
  public static final String MODE = "app.mode";
  public static final String PUBLIC_BASE_URL = "app.public-base-url";
  public static final String DB_URL = "db.url";
  public static final String DB_USER = "db.user";
  public static final String DB_PASSWORD = "db.password";
  public static final String DB_STARTUP_WAIT = "db.startup-wait-seconds";
  public static final String CAS_URL = "cas.url";
  public static final String CAS_PROTOCOL = "cas.protocol";
  public static final String WECOM_CORP_ID = "wecom.corp-id";
  public static final String WECOM_AGENT_ID = "wecom.agent-id";
  public static final String WECOM_AGENT_SECRET = "wecom.agent-secret";
  public static final String WECOM_API_BASE_URL = "wecom.api-base-url";
  public static final String WECOM_AUTHORIZE_URL = "wecom.authorize-url";
  public static final String SESSION_IDLE_MINUTES = "session.idle-minutes";
  public static final String SESSION_MAX_HOURS = "session.max-hours";
  public static final String BADGE_CACHE_SECONDS = "workbench.badge-cache-seconds";
  public static final String PASSWORD_RESET_URL = "identity.password-reset-url";
  public static final String SUPPORT_CONTACT = "app.support-contact";

  /**
   * A folder of first data imported when the directory is empty at start-up (see
   * composition.FirstData).
   */
  public static final String SEED_DIR = "app.seed-dir";

  /** Development only: the school clock's local time at start-up, e.g. {@code 2026-11-25T10:20}. */
  public static final String DEV_CLOCK = "dev.clock";

  /** Dev-mode corp id of the WeCom stand-in; never a real corp. */
  public static final String DEV_CORP_ID = "wwdevcorp0000000001";

  public static final String DEV_AGENT_ID = "1000002";

  /**
   * Where the run command and the tests deploy the development stand-in (target/wecom-standin.war),
   * on the app's own host and port: the development defaults of the CAS and WeCom URLs point there.
   */
  public static final String STANDIN_PATH = "/wecom-standin";

  private final AppMode mode;
  private final String publicBaseUrl;
  private final String casUrl;
  private final CasProtocolVersion casProtocol;
  private final String wecomCorpId;
  private final String wecomAgentId;
  private final String wecomAgentSecret;
  private final String wecomApiBaseUrl;
  private final String wecomAuthorizeUrl;
  private final Duration sessionIdle;
  private final Duration sessionMax;
  private final Duration badgeCache;
  private final Duration databaseStartupWait;
  private final Optional<String> passwordResetUrl;
  private final Optional<String> supportContact;
  private final Optional<LocalDateTime> devClock;
  private final Optional<Path> seedDir;

  public AppSettings() {
    this(ConfigProvider.getConfig());
  }

  /**
   * Reads and validates every setting; throws {@link InvalidSettingException} naming the first bad
   * key.
   */
  public AppSettings(Config config) {
    this.mode = AppMode.parse(text(config, MODE).orElse(null));
    boolean dev = mode == AppMode.DEV;
    this.publicBaseUrl =
        stripSlash(
            url(config, PUBLIC_BASE_URL)
                .orElseGet(() -> dev ? "http://localhost:8080" : missing(PUBLIC_BASE_URL)));
    required(config, DB_URL, "a JDBC URL such as jdbc:mariadb://db:3306/workbench");
    if (!text(config, DB_URL).orElse("").startsWith("jdbc:mariadb:")
        && !text(config, DB_URL).orElse("").startsWith("jdbc:mysql:")) {
      throw new InvalidSettingException(DB_URL, "a jdbc:mariadb:// URL");
    }
    // The data source reads these itself; an empty value counts as missing in MicroProfile Config.
    required(config, DB_USER, "the database user");
    required(config, DB_PASSWORD, "the database password (environment or a Payara password alias)");
    this.databaseStartupWait =
        Duration.ofSeconds(
            integer(config, DB_STARTUP_WAIT, 60, 0, 600, "seconds between 0 and 600"));
    String standIn = origin(publicBaseUrl) + STANDIN_PATH;
    this.casUrl =
        stripSlash(url(config, CAS_URL).orElseGet(() -> dev ? standIn + "/cas" : missing(CAS_URL)));
    this.casProtocol =
        CasProtocolVersion.parse(text(config, CAS_PROTOCOL).orElse("CAS30"), CAS_PROTOCOL);
    this.wecomCorpId =
        text(config, WECOM_CORP_ID).orElseGet(() -> dev ? DEV_CORP_ID : missing(WECOM_CORP_ID));
    this.wecomAgentId =
        text(config, WECOM_AGENT_ID).orElseGet(() -> dev ? DEV_AGENT_ID : missing(WECOM_AGENT_ID));
    if (!wecomAgentId.matches("\\d{1,10}")) {
      throw new InvalidSettingException(WECOM_AGENT_ID, "the numeric AgentId of the workbench app");
    }
    this.wecomAgentSecret =
        text(config, WECOM_AGENT_SECRET)
            .orElseGet(() -> dev ? devSecret() : missing(WECOM_AGENT_SECRET));
    this.wecomApiBaseUrl =
        stripSlash(
            url(config, WECOM_API_BASE_URL).orElse(dev ? standIn : "https://qyapi.weixin.qq.com"));
    this.wecomAuthorizeUrl =
        url(config, WECOM_AUTHORIZE_URL)
            .orElse(
                dev
                    ? standIn + "/connect/oauth2/authorize"
                    : "https://open.weixin.qq.com/connect/oauth2/authorize");
    this.sessionIdle =
        Duration.ofMinutes(
            integer(config, SESSION_IDLE_MINUTES, 30, 5, 24 * 60, "minutes between 5 and 1440"));
    this.sessionMax =
        Duration.ofHours(
            integer(config, SESSION_MAX_HOURS, 12, 1, 7 * 24, "hours between 1 and 168"));
    this.badgeCache =
        Duration.ofSeconds(
            integer(config, BADGE_CACHE_SECONDS, 10, 0, 300, "seconds between 0 and 300"));
    this.passwordResetUrl = url(config, PASSWORD_RESET_URL);
    this.supportContact = text(config, SUPPORT_CONTACT);
    this.devClock = devClock(config, dev);
    this.seedDir = seedDir(config);
  }

  /**
   * The seed folder, if set, must be there: a typo would otherwise start a new school without its
   * first admin.
   */
  private static Optional<Path> seedDir(Config config) {
    Optional<String> value = text(config, SEED_DIR);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path dir = Path.of(value.get());
      if (!Files.isDirectory(dir)) {
        throw new InvalidSettingException(
            SEED_DIR, "a folder that exists (departments.csv, classes.csv, people.csv …)");
      }
      return Optional.of(dir);
    } catch (InvalidPathException e) {
      throw new InvalidSettingException(
          SEED_DIR, "a folder that exists (departments.csv, classes.csv, people.csv …)");
    }
  }

  /**
   * scheme://host[:port] of an absolute URL: the development stand-in is on the app's own host and
   * port.
   */
  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  /** A production server never runs on a made-up date: the key is refused there, not ignored. */
  private static Optional<LocalDateTime> devClock(Config config, boolean dev) {
    Optional<String> value = text(config, DEV_CLOCK);
    if (value.isPresent() && !dev) {
      throw new InvalidSettingException(
          DEV_CLOCK, "no value in production (it exists for development mode only)");
    }
    try {
      return value.map(LocalDateTime::parse);
    } catch (DateTimeParseException e) {
      throw new InvalidSettingException(
          DEV_CLOCK, "a local date and time such as 2026-11-25T10:20");
    }
  }

  /**
   * The WeCom stand-in's secret in development: not a real secret; the stand-in's own default is
   * the same.
   */
  private static String devSecret() {
    return "standin-secret-not-for-production";
  }

  private static Optional<String> text(Config config, String key) {
    return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
  }

  private static void required(Config config, String key, String expected) {
    if (text(config, key).isEmpty()) {
      throw new InvalidSettingException(key, expected);
    }
  }

  private static Optional<String> url(Config config, String key) {
    Optional<String> value = text(config, key);
    value.ifPresent(
        v -> {
          try {
            URI uri = URI.create(v);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null) {
              throw new InvalidSettingException(key, "an absolute http(s) URL");
            }
          } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, "an absolute http(s) URL");
          }
        });
    return value;
  }

  private static int integer(
      Config config, String key, int dflt, int min, int max, String expected) {
    Optional<String> value = text(config, key);
    if (value.isEmpty()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(value.get());
      if (n < min || n > max) {
        throw new InvalidSettingException(key, expected);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(key, expected);
    }
  }

  private static <T> T missing(String key) {
    throw new InvalidSettingException(key, "a value (required in production)");
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public AppMode mode() {
    return mode;
  }

  public boolean isDevMode() {
    return mode == AppMode.DEV;
  }

  public String publicBaseUrl() {
    return publicBaseUrl;
  }

  /**
   * The CAS server prefix (login is {@code <prefix>/login}); in development the stand-in's by
   * default.
   */
  public String casUrl() {
    return casUrl;
  }

  public CasProtocolVersion casProtocol() {
    return casProtocol;
  }

  public String wecomCorpId() {
    return wecomCorpId;
  }

  public String wecomAgentId() {
    return wecomAgentId;
  }

  /** The agent secret: pass it to the WeCom client only; never log it or show it on a page. */
  public String wecomAgentSecret() {
    return wecomAgentSecret;
  }

  /**
   * How long start-up waits for an unreachable database (it may still be starting) before it gives
   * up.
   */
  public Duration databaseStartupWait() {
    return databaseStartupWait;
  }

  public String wecomApiBaseUrl() {
    return wecomApiBaseUrl;
  }

  public String wecomAuthorizeUrl() {
    return wecomAuthorizeUrl;
  }

  public Duration sessionIdle() {
    return sessionIdle;
  }

  /** How long a sign-in lasts at most, however active the person is; then they sign in again. */
  public Duration sessionMax() {
    return sessionMax;
  }

  /**
   * How long this server reuses a person's tile badge numbers (0: never); the person's own changes
   * show at once.
   */
  public Duration badgeCache() {
    return badgeCache;
  }

  public Optional<String> passwordResetUrl() {
    return passwordResetUrl;
  }

  public Optional<String> supportContact() {
    return supportContact;
  }

  /** The folder of first data to import when the directory is empty at start-up; empty: none. */
  public Optional<Path> seedDir() {
    return seedDir;
  }

  /** Development mode: the school clock's local time at start-up; empty means the real time. */
  public Optional<LocalDateTime> devClock() {
    return devClock;
  }
}
