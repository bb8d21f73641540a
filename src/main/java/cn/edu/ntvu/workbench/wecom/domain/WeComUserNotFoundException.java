package cn.edu.ntvu.workbench.wecom.domain;

/**
 * 60111 UserID不存在: the member is not (or no longer) in WeCom; a data problem to reconcile, not to
 * retry (§2.4).
 */
public class WeComUserNotFoundException extends WeComApiException {

  public WeComUserNotFoundException(String path, int errcode, String errmsg) {
    super(path, errcode, errmsg);
  }
}
