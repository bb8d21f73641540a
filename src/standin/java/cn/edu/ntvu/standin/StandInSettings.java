package cn.edu.ntvu.standin;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the stand-in must know, as WeCom's admin console and the school's CAS server know it: the
 * corp, the agent and its secret, the contacts-sync secret, the callback's Token and
 * EncodingAESKey, where the app is. It runs beside the app in the same environment, so it reads the
 * app's own keys, with the same development defaults as the app's {@code AppSettings} (the two must
 * agree, as a real corp and its app do). Its database is its own: {@code standin.db-url}, by
 * default the app's {@code db.url} with {@code _standin} appended to the database name.
 */
@ApplicationScoped
public class StandInSettings {
  /**
   * The development defaults; the app's AppSettings, WeComCallbackSettings and ContactsSettings use
   * the same.
   */
  public static final String DEV_CORP_ID = "wwdevcorp0000000001";

  public static final String DEV_AGENT_ID = "1000002";
  public static final String DEV_AGENT_SECRET = "standin-secret-not-for-production";
  public static final String DEV_CONTACTS_SECRET = "standin-contacts-secret-not-for-production";
  public static final String DEV_CALLBACK_TOKEN = "devCallbackToken2026";
  public static final String DEV_CALLBACK_AES_KEY = "DevCallbackAesKeyNotForProduction0123456789";

  private final String corpId;
  private final String agentId;
  private final String agentSecret;
  private final String contactsSecret;
  private final String callbackToken;
  private final String callbackAesKey;
  private final String appBaseUrl;
  private final Optional<Path> seedDir;
  private final String dbUrl;
  private final String dbUser;
  private final String dbPassword;

  public StandInSettings() {
    this(ConfigProvider.getConfig());
  }

  StandInSettings(Config config) {
    corpId = text(config, "wecom.corp-id").orElse(DEV_CORP_ID);
    agentId = text(config, "wecom.agent-id").orElse(DEV_AGENT_ID);
    agentSecret = text(config, "wecom.agent-secret").orElse(DEV_AGENT_SECRET);
    contactsSecret = text(config, "wecom.contacts-secret").orElse(DEV_CONTACTS_SECRET);
    callbackToken = text(config, "wecom.callback-token").orElse(DEV_CALLBACK_TOKEN);
    callbackAesKey = text(config, "wecom.callback-aes-key").orElse(DEV_CALLBACK_AES_KEY);
    String base = text(config, "app.public-base-url").orElse("http://localhost:8080");
    appBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    seedDir = text(config, "app.seed-dir").map(Path::of).filter(Files::isDirectory);
    dbUrl =
        text(config, "standin.db-url")
            .orElseGet(() -> besideTheApp(text(config, "db.url").orElse("")));
    dbUser = text(config, "standin.db-user").or(() -> text(config, "db.user")).orElse("");
    dbPassword =
        text(config, "standin.db-password").or(() -> text(config, "db.password")).orElse("");
  }

  /**
   * {@code jdbc:mariadb://host:port/workbench?x=y} becomes {@code
   * jdbc:mariadb://host:port/workbench_standin?x=y& createDatabaseIfNotExist=true}: a database of
   * the stand-in's own on the app's server, one per app database, so that the tests' several apps
   * never share a WeCom.
   */
  static String besideTheApp(String appUrl) {
    int hostStart = appUrl.indexOf("//");
    int path = hostStart < 0 ? -1 : appUrl.indexOf('/', hostStart + 2);
    if (path < 0) {
      throw new IllegalStateException(
          "the stand-in needs standin.db-url or db.url (a jdbc:mariadb:// URL)");
    }
    int query = appUrl.indexOf('?', path);
    String database = query < 0 ? appUrl.substring(path + 1) : appUrl.substring(path + 1, query);
    String options = query < 0 ? "" : appUrl.substring(query + 1) + "&";
    return appUrl.substring(0, path + 1)
        + database
        + "_standin?"
        + options
        + "createDatabaseIfNotExist=true";
  }

  private static Optional<String> text(Config config, String key) {
    return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
  }

  public String corpId() {
    return corpId;
  }

  public String agentId() {
    return agentId;
  }

  public String agentSecret() {
    return agentSecret;
  }

  public String contactsSecret() {
    return contactsSecret;
  }

  public String callbackToken() {
    return callbackToken;
  }

  public String callbackAesKey() {
    return callbackAesKey;
  }

  /**
   * The app's public base URL: its callback URL, its trusted domain, the CAS service it registered.
   */
  public String appBaseUrl() {
    return appBaseUrl;
  }

  /** The app's WeCom callback URL, where WeCom's servers post. */
  public String callbackUrl() {
    return appBaseUrl + "/wecom/callback";
  }

  /** host:port of the app, WeCom's "trusted domain" for OAuth redirects (§1.1). */
  public String appAuthority() {
    URI uri = URI.create(appBaseUrl);
    return uri.getHost()
        + ":"
        + (uri.getPort() < 0 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort());
  }

  /**
   * The folder the app seeds its first data from, where the stand-in finds who the school's people
   * are.
   */
  public Optional<Path> seedDir() {
    return seedDir;
  }

  public String dbUrl() {
    return dbUrl;
  }

  public String dbUser() {
    return dbUser;
  }

  public String dbPassword() {
    return dbPassword;
  }
}
