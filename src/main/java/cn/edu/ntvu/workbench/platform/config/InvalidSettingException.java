package cn.edu.ntvu.workbench.platform.config;

/**
 * A missing or malformed setting; stops start-up with a message that names the key and its env
 * variable.
 */
public class InvalidSettingException extends RuntimeException {
  private final String key;

  public InvalidSettingException(String key, String expected) {
    super(
        "Configuration setting '"
            + key
            + "' (environment variable "
            + envName(key)
            + ") is missing or invalid: expected "
            + expected);
    this.key = key;
  }

  public String key() {
    return key;
  }

  /**
   * MicroProfile Config's environment-variable form of a key: {@code wecom.corp-id} → {@code
   * WECOM_CORP_ID}.
   */
  public static String envName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
  }
}
