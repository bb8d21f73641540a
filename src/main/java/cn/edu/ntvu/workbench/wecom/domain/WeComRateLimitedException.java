package cn.edu.ntvu.workbench.wecom.domain;

/**
 * 45009 接口调用超过限制 (or 45033 concurrency). Not retried: WeCom blocks for 60 s (minute limit) or 60
 * min (hour limit), so an immediate retry only prolongs it (docs/wecom-api.md §2.3, §2.4).
 */
public class WeComRateLimitedException extends WeComApiException {

  public WeComRateLimitedException(String path, int errcode, String errmsg) {
    super(path, errcode, errmsg);
  }
}
