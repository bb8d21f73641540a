package cn.edu.ntvu.workbench.wecom.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a known WeCom errcode means and what to do about it, for logs, alerts and admin pages. The
 * meanings are the official ones collected in docs/wecom-api.md §2.4; {@link #key()} can be used as
 * a message-bundle key.
 */
public enum WeComErrorHint {
  SYSTEM_BUSY(-1, "wecom.error.system-busy", "企业微信系统繁忙，请稍后重试", "WeCom is busy; try again later"),
  INVALID_SECRET(
      40001,
      "wecom.error.invalid-secret",
      "应用 Secret 不正确或已停用，请检查 wecom.agent-secret",
      "The agent secret is wrong or disabled; check wecom.agent-secret"),
  INVALID_CORPID(
      40013,
      "wecom.error.invalid-corpid",
      "企业 ID 不正确，请检查 wecom.corp-id",
      "The corp id is wrong; check wecom.corp-id"),
  INVALID_ACCESS_TOKEN(
      40014, "wecom.error.invalid-access-token", "access_token 无效", "The access_token is invalid"),
  INVALID_CODE(
      40029,
      "wecom.error.invalid-code",
      "登录授权码无效或已使用，请重新进入应用",
      "The OAuth code is invalid, used or expired; sign in again"),
  MISSING_ACCESS_TOKEN(
      41001, "wecom.error.missing-access-token", "缺少 access_token 参数", "access_token is missing"),
  ACCESS_TOKEN_EXPIRED(
      42001,
      "wecom.error.access-token-expired",
      "access_token 已过期",
      "The access_token has expired"),
  RATE_LIMITED(
      45009,
      "wecom.error.rate-limited",
      "接口调用超过频率限制，请稍后再试",
      "API call frequency limit reached; wait for the blocking window"),
  TOO_MANY_CONCURRENT_CALLS(
      45033,
      "wecom.error.too-many-concurrent-calls",
      "接口并发调用超过限制",
      "Too many concurrent calls to this API"),
  NO_API_PERMISSION(
      48002,
      "wecom.error.no-api-permission",
      "应用无权调用该接口，请在管理后台开通",
      "The agent may not call this API; enable it in the admin console"),
  UNTRUSTED_REDIRECT_DOMAIN(
      50001,
      "wecom.error.untrusted-redirect-domain",
      "回调域名未登记为可信域名",
      "The redirect domain is not a trusted domain of the agent"),
  OUT_OF_VISIBLE_RANGE(
      60011,
      "wecom.error.out-of-visible-range",
      "成员或部门不在应用可见范围内",
      "The member or department is outside the agent's visible range"),
  IP_NOT_TRUSTED(
      60020,
      "wecom.error.ip-not-trusted",
      "服务器 IP 不在企业可信 IP 中",
      "The server's egress IP is not a trusted IP of the agent"),
  USERID_NOT_FOUND(
      60111, "wecom.error.userid-not-found", "UserID 不存在", "No member has this userid"),
  RECALL_EXPIRED(
      42052,
      "wecom.error.recall-expired",
      "消息已超过 24 小时，无法撤回",
      "The message is older than 24 hours and can no longer be recalled"),
  RECALL_OTHER_APP(
      40058,
      "wecom.error.recall-other-app",
      "参数不合法（撤回时：发消息和撤回消息不是同一个应用）",
      "Invalid parameter (on recall: not the app that sent the message)"),
  AGENT_MISMATCH(
      301002,
      "wecom.error.agent-mismatch",
      "无权限操作指定的应用（用了别的应用的 access_token）",
      "The access_token belongs to another agent");

  private static final Map<Integer, WeComErrorHint> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toMap(h -> h.errcode, Function.identity()));

  private final int errcode;
  private final String key;
  private final String chinese;
  private final String english;

  WeComErrorHint(int errcode, String key, String chinese, String english) {
    this.errcode = errcode;
    this.key = key;
    this.chinese = chinese;
    this.english = english;
  }

  public static Optional<WeComErrorHint> of(int errcode) {
    return Optional.ofNullable(BY_CODE.get(errcode));
  }

  public int errcode() {
    return errcode;
  }

  public String key() {
    return key;
  }

  public String chinese() {
    return chinese;
  }

  public String english() {
    return english;
  }
}
