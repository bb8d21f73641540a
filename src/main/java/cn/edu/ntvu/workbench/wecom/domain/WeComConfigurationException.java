package cn.edu.ntvu.workbench.wecom.domain;

/**
 * WeCom rejected our configuration: in WeCom 40001 means a wrong or disabled secret (not an expired
 * token as in WeChat MP), 40013 a wrong corp id, 48002 an API not enabled for the agent, 50001 an
 * untrusted redirect domain, 60020 an egress IP not in 企业可信IP, 301002 another agent's token.
 * Retrying cannot help; an admin must fix the setting (docs/wecom-api.md §2.4, §8).
 */
public class WeComConfigurationException extends WeComApiException {

  public WeComConfigurationException(String path, int errcode, String errmsg) {
    super(path, errcode, errmsg);
  }
}
