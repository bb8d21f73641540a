package cn.edu.ntvu.workbench.wecom.domain;

/**
 * WeCom could not be reached or did not answer usefully: connect or read timeout, network error, an
 * HTTP error or a body that is not JSON, or {@code -1 系统繁忙} still after the retries the notes allow
 * (docs/wecom-api.md §2.4). The caller may try again later.
 *
 * <p>The underlying exception is deliberately not chained: transport exceptions can carry the full
 * URL, which contains the access_token or secret. Only its type is kept in the message.
 */
public class WeComUnavailableException extends WeComException {

  private final String path;

  public WeComUnavailableException(String path, String reason) {
    super("WeCom unavailable on " + path + ": " + reason);
    this.path = path;
  }

  /** The API path, without query string. */
  public String path() {
    return path;
  }
}
