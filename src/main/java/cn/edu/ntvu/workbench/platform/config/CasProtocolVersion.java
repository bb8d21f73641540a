package cn.edu.ntvu.workbench.platform.config;

/**
 * Which CAS validation endpoint to use: CAS 3.0 {@code p3/serviceValidate} (default) or 2.0 {@code
 * serviceValidate}.
 */
public enum CasProtocolVersion {
  CAS20,
  CAS30;

  static CasProtocolVersion parse(String text, String key) {
    String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace(".", "").replace(" ", "");
    return switch (t) {
      case "CAS20", "CAS2", "20", "2" -> CAS20;
      case "CAS30", "CAS3", "30", "3" -> CAS30;
      default -> throw new InvalidSettingException(key, "CAS30 or CAS20");
    };
  }
}
