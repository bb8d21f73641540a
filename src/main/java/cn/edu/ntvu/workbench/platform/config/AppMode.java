package cn.edu.ntvu.workbench.platform.config;

/** Production, or development with the WeCom and CAS stand-ins and demo data. */
public enum AppMode {
  PRODUCTION,
  DEV;

  static AppMode parse(String text) {
    if (text == null || text.isBlank()) {
      return PRODUCTION;
    }
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "dev", "development" -> DEV;
      case "production", "prod" -> PRODUCTION;
      default -> throw new InvalidSettingException("app.mode", "production or dev");
    };
  }
}
