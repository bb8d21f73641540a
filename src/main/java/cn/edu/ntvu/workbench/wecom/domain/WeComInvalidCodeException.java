package cn.edu.ntvu.workbench.wecom.domain;

/**
 * 40029 不合法的oauth_code: the code was used already or is older than five minutes. Never retry the
 * same code; send the person through OAuth again (docs/wecom-api.md §1.2, §2.4).
 */
public class WeComInvalidCodeException extends WeComApiException {

  public WeComInvalidCodeException(String path, int errcode, String errmsg) {
    super(path, errcode, errmsg);
  }
}
