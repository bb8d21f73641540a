package cn.edu.ntvu.workbench.wecom.domain;

/**
 * Anything that went wrong talking to WeCom. Messages never contain a secret, an access_token or a
 * query string, so these exceptions are safe to log.
 */
public abstract class WeComException extends RuntimeException {

  protected WeComException(String message) {
    super(message);
  }
}
