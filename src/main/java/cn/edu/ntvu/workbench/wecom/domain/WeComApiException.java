package cn.edu.ntvu.workbench.wecom.domain;

import java.util.Optional;

/**
 * WeCom answered with a non-zero errcode that the client does not handle itself (docs/wecom-api.md
 * §2.4). Carries the errcode, WeCom's errmsg, the API path (never the query) and, for known codes,
 * a hint.
 */
public class WeComApiException extends WeComException {

  private final String path;
  private final int errcode;
  private final String errmsg;

  public WeComApiException(String path, int errcode, String errmsg) {
    super(describe(path, errcode, errmsg));
    this.path = path;
    this.errcode = errcode;
    this.errmsg = errmsg;
  }

  /**
   * The typed exception for an errcode: rate limits, configuration errors and invalid OAuth codes
   * get their own types so that callers can react without comparing numbers.
   */
  public static WeComApiException of(String path, int errcode, String errmsg) {
    return switch (errcode) {
      case 45009, 45033 -> new WeComRateLimitedException(path, errcode, errmsg);
      case 40001, 40013, 48002, 50001, 60020, 301002 ->
          new WeComConfigurationException(path, errcode, errmsg);
      case 40029 -> new WeComInvalidCodeException(path, errcode, errmsg);
      case 60111 -> new WeComUserNotFoundException(path, errcode, errmsg);
      default -> new WeComApiException(path, errcode, errmsg);
    };
  }

  private static String describe(String path, int errcode, String errmsg) {
    StringBuilder message =
        new StringBuilder("WeCom ").append(path).append(" errcode=").append(errcode);
    message.append(" errmsg=").append(errmsg);
    WeComErrorHint.of(errcode).ifPresent(h -> message.append(" (").append(h.english()).append(')'));
    return message.toString();
  }

  /** The API path, for example {@code /cgi-bin/auth/getuserinfo}. */
  public String path() {
    return path;
  }

  public int errcode() {
    return errcode;
  }

  /** WeCom's own errmsg (it may include a hint id and the caller's IP, never our secrets). */
  public String errmsg() {
    return errmsg;
  }

  public Optional<WeComErrorHint> hint() {
    return WeComErrorHint.of(errcode);
  }

  /**
   * A message-bundle key such as {@code wecom.error.invalid-code}, or {@code wecom.error.other}.
   */
  public String hintKey() {
    return hint().map(WeComErrorHint::key).orElse("wecom.error.other");
  }
}
