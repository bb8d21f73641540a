package cn.edu.ntvu.workbench.contacts.application;

import cn.edu.ntvu.workbench.contacts.domain.WeComDepartment;
import cn.edu.ntvu.workbench.contacts.domain.WeComMember;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;

/**
 * The call an item stands for, kept as JSON in {@code contacts_sync_item.payload} so any server can
 * send it.
 */
public final class Payloads {
  private Payloads() {}

  public static String of(WeComDepartment d) {
    return Jsons.createObjectBuilder()
        .add("id", d.id())
        .add("name", d.name())
        .add("parentid", d.parentId())
        .add("order", d.order())
        .build()
        .toString();
  }

  public static String of(WeComMember m) {
    JsonArrayBuilder departments = Jsons.createArrayBuilder();
    m.departments().forEach(departments::add);
    return Jsons.createObjectBuilder()
        .add("userid", m.userid())
        .add("name", m.name())
        .add("mobile", m.mobile() == null ? "" : m.mobile())
        .add("department", departments)
        .add("position", m.position())
        .add("enable", m.enabled())
        .build()
        .toString();
  }

  public static WeComDepartment department(String json) {
    JsonObject o = read(json);
    return new WeComDepartment(
        o.getJsonNumber("id").longValue(),
        o.getString("name", ""),
        o.getJsonNumber("parentid").longValue(),
        o.getJsonNumber("order").longValue());
  }

  public static WeComMember member(String json) {
    JsonObject o = read(json);
    List<Long> departments =
        o.getJsonArray("department").getValuesAs(JsonNumber.class).stream()
            .map(JsonNumber::longValue)
            .toList();
    String mobile = o.getString("mobile", "");
    return new WeComMember(
        o.getString("userid"),
        o.getString("name"),
        mobile.isEmpty() ? null : mobile,
        departments,
        o.getString("position", ""),
        o.getBoolean("enable", true));
  }

  private static JsonObject read(String json) {
    try (var reader = Jsons.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
