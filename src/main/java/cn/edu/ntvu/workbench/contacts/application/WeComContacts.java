package cn.edu.ntvu.workbench.contacts.application;

import cn.edu.ntvu.workbench.contacts.domain.BatchJob;
import cn.edu.ntvu.workbench.contacts.domain.MemberStatus;
import cn.edu.ntvu.workbench.contacts.domain.WeComDepartment;
import cn.edu.ntvu.workbench.contacts.domain.WeComMember;
import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.wecom.application.WeComClient;
import cn.edu.ntvu.workbench.wecom.domain.Agent;
import cn.edu.ntvu.workbench.wecom.domain.WeComUnavailableException;
import jakarta.enterprise.inject.Vetoed;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The contacts API (通讯录, docs/wecom-api.md §6) on the project's {@link WeComClient}, so the token,
 * busy-retry and typed-error rules of §2 apply unchanged: 60111 → {@code
 * WeComUserNotFoundException}, 45009 → {@code WeComRateLimitedException} (the caller waits the
 * window out), 48002 and 60020 → {@code WeComConfigurationException}, -1 still busy after the
 * retries → {@code WeComUnavailableException}.
 *
 * <p>Every call uses the contacts-sync secret's token (§6.3: contact writes and {@code
 * user/list_id} accept only it), cached apart from the workbench agent's. Built by the producer
 * ({@code @Vetoed}).
 */
@Vetoed
public class WeComContacts {
  public static final String DEPARTMENT_SIMPLELIST = "/cgi-bin/department/simplelist";
  public static final String DEPARTMENT_CREATE = "/cgi-bin/department/create";
  public static final String DEPARTMENT_UPDATE = "/cgi-bin/department/update";
  public static final String DEPARTMENT_DELETE = "/cgi-bin/department/delete";
  public static final String USER_LIST_ID = "/cgi-bin/user/list_id";
  public static final String USER_GET = "/cgi-bin/user/get";
  public static final String USER_CREATE = "/cgi-bin/user/create";
  public static final String USER_UPDATE = "/cgi-bin/user/update";
  public static final String USER_DELETE = "/cgi-bin/user/delete";
  public static final String MEDIA_UPLOAD = "/cgi-bin/media/upload";
  public static final String BATCH_REPLACEPARTY = "/cgi-bin/batch/replaceparty";
  public static final String BATCH_REPLACEUSER = "/cgi-bin/batch/replaceuser";
  public static final String BATCH_GETRESULT = "/cgi-bin/batch/getresult";

  /** {@code user/list_id} pages hold 1–10000 entries (§6.3). */
  public static final int MAX_PAGE = 10_000;

  /**
   * One page of {@code user/list_id}: userid with its department, and the cursor of the next page
   * (null at the end).
   */
  public record UserIdPage(List<UserDepartment> entries, String nextCursor) {}

  public record UserDepartment(String userid, long department) {}

  /** What {@code user/get} says of a member: the fields we send and the status. */
  public record MemberDetail(WeComMember member, MemberStatus status) {}

  private final WeComClient client;
  private final Agent contactsAgent;

  public WeComContacts(WeComClient client, Agent contactsAgent) {
    this.client = Objects.requireNonNull(client, "client");
    this.contactsAgent = Objects.requireNonNull(contactsAgent, "contactsAgent");
  }

  /** For the CDI client proxy only. */
  protected WeComContacts() {
    this.client = null;
    this.contactsAgent = null;
  }

  /** {@code department/simplelist}: every department (id, parentid, order). */
  public List<WeComDepartment> departments() {
    JsonObject answer = client.get(contactsAgent, DEPARTMENT_SIMPLELIST, Map.of());
    List<WeComDepartment> out = new ArrayList<>();
    for (JsonObject d : objects(answer, "department_id")) {
      out.add(new WeComDepartment(number(d, "id"), "", number(d, "parentid"), number(d, "order")));
    }
    return out;
  }

  /** One page of {@code user/list_id} (cursor-based; {@code cursor} null for the first page). */
  public UserIdPage userIds(String cursor, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit must be 1–" + MAX_PAGE);
    }
    JsonObjectBuilder body = Jsons.createObjectBuilder().add("limit", limit);
    if (cursor != null && !cursor.isBlank()) {
      body.add("cursor", cursor);
    }
    JsonObject answer = client.post(contactsAgent, USER_LIST_ID, Map.of(), body.build());
    List<UserDepartment> entries = new ArrayList<>();
    for (JsonObject e : objects(answer, "dept_user")) {
      entries.add(new UserDepartment(e.getString("userid", ""), number(e, "department")));
    }
    String next = answer.getString("next_cursor", "");
    return new UserIdPage(entries, next.isBlank() ? null : next);
  }

  /** Every member's departments, read page by page through {@code user/list_id}. */
  public Map<String, List<Long>> allUserDepartments() {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    String cursor = null;
    int pages = 0;
    do {
      UserIdPage page = userIds(cursor, MAX_PAGE);
      for (UserDepartment e : page.entries()) {
        out.computeIfAbsent(e.userid(), u -> new ArrayList<>()).add(e.department());
      }
      cursor = page.nextCursor();
      if (++pages > 10_000) {
        throw new WeComUnavailableException(USER_LIST_ID, "cursor does not end");
      }
    } while (cursor != null);
    return out;
  }

  /** {@code user/get?userid=}; 60111 when there is no such member. */
  public MemberDetail user(String userid) {
    JsonObject a = client.get(contactsAgent, USER_GET, Map.of("userid", userid));
    List<Long> departments = new ArrayList<>();
    if (a.get("department") instanceof JsonArray array) {
      array.getValuesAs(JsonNumber.class).forEach(n -> departments.add(n.longValue()));
    }
    WeComMember member =
        new WeComMember(
            a.getString("userid", userid),
            a.getString("name", ""),
            a.getString("mobile", ""),
            departments,
            a.getString("position", ""),
            number(a, "enable") != 0);
    return new MemberDetail(member, MemberStatus.ofWeCom((int) number(a, "status")));
  }

  public void createDepartment(WeComDepartment d) {
    client.post(contactsAgent, DEPARTMENT_CREATE, Map.of(), department(d));
  }

  public void updateDepartment(WeComDepartment d) {
    client.post(contactsAgent, DEPARTMENT_UPDATE, Map.of(), department(d));
  }

  public void deleteDepartment(long id) {
    client.get(contactsAgent, DEPARTMENT_DELETE, Map.of("id", String.valueOf(id)));
  }

  /**
   * {@code user/create} without an invitation: people join themselves with the bound mobile number.
   */
  public void createUser(WeComMember m) {
    client.post(
        contactsAgent,
        USER_CREATE,
        Map.of(),
        Jsons.createObjectBuilder(member(m)).add("to_invite", false).build());
  }

  public void updateUser(WeComMember m) {
    client.post(contactsAgent, USER_UPDATE, Map.of(), member(m));
  }

  public void deleteUser(String userid) {
    client.get(contactsAgent, USER_DELETE, Map.of("userid", userid));
  }

  /** {@code media/upload?type=file}: the media_id of an uploaded CSV (valid three days). */
  public String uploadFile(String filename, byte[] content) {
    JsonObject a =
        client.upload(contactsAgent, MEDIA_UPLOAD, Map.of("type", "file"), filename, content);
    return required(a, "media_id", MEDIA_UPLOAD);
  }

  /** {@code batch/replaceparty}: the departments become exactly the file's. Returns the jobid. */
  public String replaceParty(String mediaId) {
    return required(
        client.post(contactsAgent, BATCH_REPLACEPARTY, Map.of(), batch(mediaId)),
        "jobid",
        BATCH_REPLACEPARTY);
  }

  /**
   * {@code batch/replaceuser}: the members become exactly the file's (with WeCom's deletion safety
   * stop).
   */
  public String replaceUser(String mediaId) {
    return required(
        client.post(contactsAgent, BATCH_REPLACEUSER, Map.of(), batch(mediaId)),
        "jobid",
        BATCH_REPLACEUSER);
  }

  /** {@code batch/getresult?jobid=}. */
  public BatchJob batchResult(String jobId) {
    JsonObject a = client.get(contactsAgent, BATCH_GETRESULT, Map.of("jobid", jobId));
    List<BatchJob.Entry> entries = new ArrayList<>();
    for (JsonObject r : objects(a, "result")) {
      String id =
          r.get("userid") instanceof JsonString s
              ? s.getString()
              : String.valueOf(number(r, "partyid"));
      entries.add(new BatchJob.Entry(id, (int) number(r, "errcode"), r.getString("errmsg", "")));
    }
    return new BatchJob(
        jobId,
        (int) number(a, "status"),
        a.getString("type", ""),
        (int) number(a, "total"),
        (int) number(a, "percentage"),
        entries);
  }

  private static JsonObject batch(String mediaId) {
    return Jsons.createObjectBuilder().add("media_id", mediaId).add("to_invite", false).build();
  }

  private static JsonObject department(WeComDepartment d) {
    return Jsons.createObjectBuilder()
        .add("id", d.id())
        .add("name", d.name())
        .add("parentid", d.parentId())
        .add("order", d.order())
        .build();
  }

  private static JsonObject member(WeComMember m) {
    JsonArrayBuilder departments = Jsons.createArrayBuilder();
    m.departments().forEach(departments::add);
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("userid", m.userid())
            .add("name", m.name())
            .add("department", departments)
            .add("position", m.position())
            .add("enable", m.enabled() ? 1 : 0);
    if (m.mobile() != null && !m.mobile().isBlank()) {
      b.add("mobile", m.mobile());
    }
    return b.build();
  }

  private static String required(JsonObject answer, String field, String path) {
    return Optional.ofNullable(answer.get(field))
        .filter(v -> v instanceof JsonString s && !s.getString().isBlank())
        .map(v -> ((JsonString) v).getString())
        .orElseThrow(() -> new WeComUnavailableException(path, "answer has no " + field));
  }

  private static List<JsonObject> objects(JsonObject answer, String field) {
    if (answer.get(field) instanceof JsonArray array) {
      return array.stream()
          .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
          .map(JsonValue::asJsonObject)
          .toList();
    }
    return List.of();
  }

  private static long number(JsonObject o, String field) {
    return o.get(field) instanceof JsonNumber n ? n.longValue() : 0;
  }
}
