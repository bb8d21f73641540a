package cn.edu.ntvu.workbench.wecom.application;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.wecom.domain.KeydataItem;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies of the workbench display calls (工作台自定义展示, docs/wecom-api.md §10.1), built in one place
 * because the two data calls wrap the same template differently (§10.0 gotcha 1): {@code
 * set_workbench_data} puts {@code type} and {@code keydata} at the top level, {@code
 * batch_set_workbench_data} inside {@code data}.
 */
public final class WorkbenchPayloads {
  /** §10.1: {@code userid_list} of {@code batch_set_workbench_data} holds at most 1000 userids. */
  public static final int MAX_BATCH_USERS = 1000;

  public static final String SET_TEMPLATE = "/cgi-bin/agent/set_workbench_template";
  public static final String GET_TEMPLATE = "/cgi-bin/agent/get_workbench_template";
  public static final String SET_DATA = "/cgi-bin/agent/set_workbench_data";
  public static final String BATCH_SET_DATA = "/cgi-bin/agent/batch_set_workbench_data";
  public static final String GET_DATA = "/cgi-bin/agent/get_workbench_data";

  private WorkbenchPayloads() {}

  /**
   * A keydata item as other contexts give it: label, number, address (checked as {@link
   * KeydataItem}).
   */
  public record Item(String key, String data, String jumpUrl) {
    KeydataItem checked() {
      return new KeydataItem(key, data, jumpUrl);
    }
  }

  /** As {@link #keydata(List)}, from other contexts' items. */
  public static JsonObject keydataOf(List<Item> items) {
    return keydata(items.stream().map(Item::checked).toList());
  }

  /** {@code {"type":"keydata","keydata":{"items":[…]}}}: what the outbox queues. */
  public static JsonObject keydata(List<KeydataItem> items) {
    return Jsons.createObjectBuilder().add("type", "keydata").add("keydata", items(items)).build();
  }

  /**
   * {@code agent/set_workbench_template}: the keydata template with {@code items} as the corp
   * default (what people without data of their own see).
   */
  public static JsonObject setTemplate(
      Object agentId, List<KeydataItem> items, boolean replaceUserData) {
    return agent(Jsons.createObjectBuilder(), agentId)
        .add("type", "keydata")
        .add("keydata", items(items))
        .add("replace_user_data", replaceUserData)
        .build();
  }

  /** {@code agent/set_workbench_data} for one person: type and template at the top level. */
  public static JsonObject setData(Object agentId, String userid, JsonObject typed) {
    if (userid == null || userid.isBlank()) {
      throw new IllegalArgumentException("userid is required");
    }
    String type = typed.getString("type");
    return agent(Jsons.createObjectBuilder(), agentId)
        .add("userid", userid)
        .add("type", type)
        .add(type, typed.get(type))
        .build();
  }

  /**
   * {@code agent/batch_set_workbench_data} for up to 1000 people with the same values: {@code
   * userid_list} and {@code data: {type, <type>: {…}}}.
   */
  public static JsonObject batchSetData(Object agentId, List<String> userids, JsonObject typed) {
    if (userids.isEmpty() || userids.size() > MAX_BATCH_USERS) {
      throw new IllegalArgumentException("userid_list holds 1 to " + MAX_BATCH_USERS + " userids");
    }
    String type = typed.getString("type");
    JsonArrayBuilder list = Jsons.createArrayBuilder();
    userids.forEach(list::add);
    return agent(Jsons.createObjectBuilder(), agentId)
        .add("userid_list", list)
        .add("data", Jsons.createObjectBuilder().add("type", type).add(type, typed.get(type)))
        .build();
  }

  /** {@code agent/get_workbench_template}. */
  public static JsonObject getTemplate(Object agentId) {
    return agent(Jsons.createObjectBuilder(), agentId).build();
  }

  /** {@code agent/get_workbench_data}. */
  public static JsonObject getData(Object agentId, String userid) {
    return agent(Jsons.createObjectBuilder(), agentId).add("userid", userid).build();
  }

  /** The keydata items of an answer of get_workbench_template or get_workbench_data. */
  public static List<KeydataItem> itemsOf(JsonObject answer) {
    JsonObject holder =
        answer.get("data") instanceof JsonObject data ? data : answer; // get_data wraps in data
    List<KeydataItem> out = new ArrayList<>();
    if (holder.get("keydata") instanceof JsonObject keydata
        && keydata.get("items") instanceof jakarta.json.JsonArray items) {
      for (JsonValue v : items) {
        if (v instanceof JsonObject item) {
          out.add(new KeydataItem(text(item, "key"), text(item, "data"), text(item, "jump_url")));
        }
      }
    }
    return out;
  }

  private static JsonObjectBuilder items(List<KeydataItem> items) {
    if (items.isEmpty() || items.size() > KeydataItem.MAX_ITEMS) {
      throw new IllegalArgumentException("keydata holds 1 to " + KeydataItem.MAX_ITEMS + " items");
    }
    JsonArrayBuilder array = Jsons.createArrayBuilder();
    for (KeydataItem item : items) {
      JsonObjectBuilder o = Jsons.createObjectBuilder();
      if (!item.key().isEmpty()) {
        o.add("key", item.key());
      }
      o.add("data", item.data());
      if (!item.jumpUrl().isEmpty()) {
        o.add("jump_url", item.jumpUrl());
      }
      array.add(o);
    }
    return Jsons.createObjectBuilder().add("items", array);
  }

  private static JsonObjectBuilder agent(JsonObjectBuilder b, Object agentId) {
    if (agentId instanceof Long id) {
      return b.add("agentid", id);
    }
    try {
      return b.add("agentid", Long.parseLong(String.valueOf(agentId)));
    } catch (NumberFormatException e) {
      return b.add("agentid", String.valueOf(agentId));
    }
  }

  private static String text(JsonObject o, String name) {
    return o.get(name) instanceof JsonString s ? s.getString() : "";
  }
}
