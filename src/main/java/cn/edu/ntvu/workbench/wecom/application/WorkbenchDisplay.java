package cn.edu.ntvu.workbench.wecom.application;

import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.wecom.domain.WeComApiException;
import cn.edu.ntvu.workbench.wecom.domain.WeComErrorHint;
import cn.edu.ntvu.workbench.wecom.domain.WeComException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The workbench agent's display on WeCom's own workbench (工作台自定义展示, docs/wecom-api.md §10.1):
 * setting and reading the {@code keydata} template, and reading one person's data. The per-person
 * data itself goes through the messaging outbox (kind {@code WORKBENCH_DATA}, {@link
 * WeComMessageSender}), so an outage delays it but loses nothing. For admins (and the server).
 */
@Requires(roles = Role.ADMIN)
@ApplicationScoped
public class WorkbenchDisplay {
  @Inject WeComClient client;

  /** WeCom refused or could not be reached: the errcode (null: unreachable) and its meaning. */
  public static class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Integer errcode;
    private final String chinese;
    private final String english;

    Refused(Integer errcode, String chinese, String english) {
      super(english);
      this.errcode = errcode;
      this.chinese = chinese;
      this.english = english;
    }

    public Integer errcode() {
      return errcode;
    }

    /** What went wrong, in Chinese, for the admin page ("en" for English). */
    public String explain(String language) {
      String text = "en".equals(language) ? english : chinese;
      return errcode == null ? text : text + " (" + errcode + ")";
    }
  }

  /** The workbench agent's id, as the admin page shows it. */
  public String agentId() {
    return client.workbenchAgent().agentId();
  }

  /**
   * {@code agent/set_workbench_template} with type keydata and {@code items} as the corp default;
   * {@code replace_user_data} false, so people's own numbers stay.
   *
   * @throws Refused with WeCom's errcode and its meaning in Chinese
   */
  public void setTemplate(List<WorkbenchPayloads.Item> items) {
    call(
        WorkbenchPayloads.SET_TEMPLATE,
        WorkbenchPayloads.setTemplate(
            client.workbenchAgent().agentId(),
            items.stream().map(WorkbenchPayloads.Item::checked).toList(),
            false));
  }

  /**
   * {@code agent/get_workbench_template}: the template's keydata items (empty for another type).
   */
  public List<WorkbenchPayloads.Item> template() {
    return items(
        call(
            WorkbenchPayloads.GET_TEMPLATE,
            WorkbenchPayloads.getTemplate(client.workbenchAgent().agentId())));
  }

  /** {@code agent/get_workbench_data}: what one person's tile shows now. */
  public List<WorkbenchPayloads.Item> dataOf(String userid) {
    return items(
        call(
            WorkbenchPayloads.GET_DATA,
            WorkbenchPayloads.getData(client.workbenchAgent().agentId(), userid)));
  }

  private static List<WorkbenchPayloads.Item> items(JsonObject answer) {
    return WorkbenchPayloads.itemsOf(answer).stream()
        .map(i -> new WorkbenchPayloads.Item(i.key(), i.data(), i.jumpUrl()))
        .toList();
  }

  private JsonObject call(String path, JsonObject body) {
    try {
      return client.post(client.workbenchAgent(), path, Map.of(), body);
    } catch (WeComApiException e) {
      throw refused(e.errcode(), e.errmsg());
    } catch (WeComException e) {
      throw new Refused(null, "企业微信暂时无法访问，请稍后再试", "WeCom cannot be reached; try again later");
    }
  }

  private static Refused refused(int errcode, String errmsg) {
    return WeComErrorHint.of(errcode)
        .map(h -> new Refused(errcode, h.chinese(), h.english()))
        .orElseGet(
            () ->
                new Refused(
                    errcode,
                    "企业微信拒绝了请求：" + (errmsg == null ? "" : errmsg),
                    "WeCom refused: " + errmsg));
  }
}
