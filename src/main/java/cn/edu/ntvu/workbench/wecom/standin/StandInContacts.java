package cn.edu.ntvu.workbench.wecom.standin;

import cn.edu.ntvu.workbench.platform.json.Jsons;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The stand-in's contacts (通讯录), as wecom-api-notes §6 describes WeCom's, kept in tables {@code standin_wecom_*}
 * so that several servers and restarts agree:
 *
 * <ul>
 *   <li>only a token of the contacts-sync secret may call these APIs; an agent's token gets 48002 (§6.3);
 *   <li>{@code department/simplelist}, {@code department/create|update|delete}; {@code user/list_id} with a cursor and
 *       limit 1–10000 (§6.3); {@code user/get}; {@code user/create|update|delete} with the field rules of §6.2 (userid
 *       unique case-insensitively, name 1–64 characters, mobile unique); 60111 for an unknown userid;
 *   <li>{@code media/upload?type=file}, then {@code batch/replaceparty} and {@code batch/replaceuser} on the uploaded
 *       CSV and {@code batch/getresult}: replaceuser makes the members exactly the file's and stops, deleting nobody,
 *       when more than 50 would be deleted and that is over 20 % of the members, or fewer than 50 and over 80 %
 *       (§6.4); lines WeCom would refuse fail one by one (a partial failure) while the others are applied; a
 *       {@code batch_job_result} event is posted to our callback when the job ends.
 * </ul>
 *
 * New members are 未激活 (status 4) until {@link #setStatus} plays them joining, which posts {@code change_contact}
 * with only UserID and Department, as WeCom does for callbacks set up after 2022-08-15 (§6.6). Changes made through
 * the API are not called back (§6.6). Errcodes beyond §2.4 are WeCom's global ones: 60003 department not found, 60004
 * parent not found, 60005/60006 department has members/sub-departments, 60008 department exists, 60102 userid exists,
 * 60103 mobile invalid, 60104 mobile exists, 60112 name invalid, 40058 invalid parameter.
 */
@ApplicationScoped
public class StandInContacts {
  private static final Logger LOG = Logger.getLogger(StandInContacts.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern USERID = Pattern.compile("[0-9a-zA-Z][0-9a-zA-Z_\\-@.]{0,63}");
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  /** The CSV header of our replaceuser files. */
  public static final String USER_CSV_HEADER = "姓名,帐号,手机号,所在部门,职位,启用";
  /** The CSV header of our replaceparty files (WeCom's department template). */
  public static final String PARTY_CSV_HEADER = "部门名称,部门ID,父部门ID,排序";

  @Resource(lookup = "java:app/jdbc/workbench")
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  @Inject StandInWeCom standIn;

  @Inject StandInFaults faults;

  @Inject StandInCallbacks callbacks;

  @Inject AppSettings app;

  /** One call: {@code api} is e.g. {@code user/create}; GET calls have their query in {@code query}. */
  public JsonObject call(String api, String accessToken, Map<String, String> query, JsonObject body) {
    JsonObject refused = refused(api, accessToken);
    if (refused != null) {
      return refused;
    }
    if (body == null) {
      body = JsonValue.EMPTY_JSON_OBJECT;
    }
    try (Connection c = dataSource.getConnection()) {
      return switch (api) {
        case "department/simplelist" -> departments(c);
        case "department/create" -> createDepartment(c, body);
        case "department/update" -> updateDepartment(c, body);
        case "department/delete" -> deleteDepartment(c, query.get("id"));
        case "user/list_id" -> listIds(c, body);
        case "user/get" -> getUser(c, query.get("userid"));
        case "user/create" -> createUser(c, body);
        case "user/update" -> updateUser(c, body);
        case "user/delete" -> deleteUser(c, query.get("userid"));
        case "batch/replaceparty" -> batch(c, "replace_party", body);
        case "batch/replaceuser" -> batch(c, "replace_user", body);
        case "batch/getresult" -> jobResult(c, query.get("jobid"));
        default -> error(404, "stand-in does not know /cgi-bin/" + api);
      };
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "stand-in contacts failed on " + api, e);
      return error(-1, "system busy");
    }
  }

  /** {@code media/upload?type=file} with the file's bytes (already taken out of the multipart body). */
  public JsonObject upload(String accessToken, String type, byte[] content) {
    JsonObject refused = refused("media/upload", accessToken);
    if (refused != null) {
      return refused;
    }
    if (!"file".equals(type) || content == null || content.length == 0) {
      return error(40058, "invalid media type or empty media");
    }
    String mediaId = "standin-media-" + random();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "INSERT INTO standin_wecom_media (media_id, content, created_at) VALUES (?, ?, ?)")) {
      s.setString(1, mediaId);
      s.setBytes(2, content);
      s.setTimestamp(3, Timestamp.from(Instant.now()));
      s.executeUpdate();
    } catch (SQLException e) {
      return error(-1, "system busy");
    }
    return ok().add("type", "file").add("media_id", mediaId)
        .add("created_at", String.valueOf(Instant.now().getEpochSecond())).build();
  }

  /**
   * Plays a member's status changing in WeCom (joining: 1, disabled: 2, left: 5) and posts {@code change_contact}
   * {@code update_user} to our callback. Returns false when there is no such member.
   */
  public boolean setStatus(String userid, int status) {
    String department;
    try (Connection c = dataSource.getConnection()) {
      Map<String, Object> u = user(c, userid);
      if (u == null) {
        return false;
      }
      department = (String) u.get("department");
      try (PreparedStatement s = c.prepareStatement("UPDATE standin_wecom_user SET status = ? WHERE userid = ?")) {
        s.setInt(1, status);
        s.setString(2, userid);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("stand-in contacts failed", e);
    }
    post("<xml><ToUserName><![CDATA[" + app.wecomCorpId() + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>"
        + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        + "<Event><![CDATA[change_contact]]></Event><ChangeType><![CDATA[update_user]]></ChangeType>"
        + "<UserID><![CDATA[" + userid + "]]></UserID><Department><![CDATA[" + department + "]]></Department></xml>",
        false);
    return true;
  }

  /** Empties the stand-in's contacts (root department kept), for tests. */
  public void reset() {
    try (Connection c = dataSource.getConnection()) {
      for (String sql : List.of("DELETE FROM standin_wecom_user", "DELETE FROM standin_wecom_department WHERE id <> 1",
          "DELETE FROM standin_wecom_job", "DELETE FROM standin_wecom_media")) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("stand-in contacts failed", e);
    }
  }

  /** How many members the stand-in holds (for tests and the benchmark). */
  public int memberCount() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM standin_wecom_user");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException("stand-in contacts failed", e);
    }
  }

  /** An injected fault, or WeCom's answer to a missing, invalid or agent token (41001, 40014, 48002); else null. */
  private JsonObject refused(String api, String accessToken) {
    Optional<JsonObject> fault = faults.onCall("/cgi-bin/" + api);
    if (fault.isPresent()) {
      return fault.get();
    }
    if (accessToken == null || accessToken.isBlank()) {
      return error(41001, "access_token missing");
    }
    Optional<Boolean> contacts = standIn.isContactsToken(accessToken);
    if (contacts.isEmpty()) {
      return error(40014, "invalid access_token");
    }
    return contacts.get() ? null : error(48002, "api forbidden");
  }

  // ---- departments

  private JsonObject departments(Connection c) throws SQLException {
    JsonArrayBuilder out = Jsons.createArrayBuilder();
    try (PreparedStatement s = c.prepareStatement("SELECT id, parentid, ord FROM standin_wecom_department ORDER BY id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(Jsons.createObjectBuilder().add("id", rs.getLong(1)).add("parentid", rs.getLong(2))
            .add("order", rs.getLong(3)));
      }
    }
    return ok().add("department_id", out).build();
  }

  private JsonObject createDepartment(Connection c, JsonObject b) throws SQLException {
    String name = b.getString("name", "").strip();
    long id = number(b, "id");
    long parent = number(b, "parentid");
    if (name.isEmpty() || name.codePointCount(0, name.length()) > 64 || id < 1) {
      return error(40058, "invalid department name or id");
    }
    if (!departmentExists(c, parent)) {
      return error(60004, "parent department not found");
    }
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO standin_wecom_department (id, name, parentid, ord) VALUES (?, ?, ?, ?)")) {
      s.setLong(1, id);
      s.setString(2, name);
      s.setLong(3, parent);
      s.setLong(4, number(b, "order"));
      s.executeUpdate();
    } catch (SQLIntegrityConstraintViolationException e) {
      return error(60008, "department existed");
    }
    return ok().add("id", id).build();
  }

  private JsonObject updateDepartment(Connection c, JsonObject b) throws SQLException {
    long id = number(b, "id");
    if (!departmentExists(c, id)) {
      return error(60003, "department not found");
    }
    long parent = number(b, "parentid");
    if (!departmentExists(c, parent)) {
      return error(60004, "parent department not found");
    }
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE standin_wecom_department SET name = ?, parentid = ?, ord = ? WHERE id = ?")) {
      s.setString(1, b.getString("name", "").strip());
      s.setLong(2, parent);
      s.setLong(3, number(b, "order"));
      s.setLong(4, id);
      s.executeUpdate();
    }
    return ok().build();
  }

  private JsonObject deleteDepartment(Connection c, String idText) throws SQLException {
    long id = parseLong(idText);
    if (id == 1 || !departmentExists(c, id)) {
      return error(60003, "department not found");
    }
    if (count(c, "SELECT COUNT(*) FROM standin_wecom_department WHERE parentid = ?", id) > 0) {
      return error(60006, "department contains sub-departments");
    }
    for (Map<String, Object> u : allUsers(c).values()) {
      if (departmentsOf(u).contains(id)) {
        return error(60005, "department contains members");
      }
    }
    try (PreparedStatement s = c.prepareStatement("DELETE FROM standin_wecom_department WHERE id = ?")) {
      s.setLong(1, id);
      s.executeUpdate();
    }
    return ok().build();
  }

  // ---- users

  private JsonObject listIds(Connection c, JsonObject b) throws SQLException {
    int limit = (int) number(b, "limit");
    if (limit == 0) {
      limit = 1000;
    }
    if (limit < 1 || limit > 10_000) {
      return error(40058, "limit must be 1-10000");
    }
    String cursor = b.getString("cursor", "");
    String after = cursor.isEmpty() ? "" : new String(java.util.Base64.getUrlDecoder().decode(cursor),
        StandardCharsets.UTF_8);
    List<String[]> page = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT userid, department FROM standin_wecom_user WHERE userid > ? ORDER BY userid LIMIT ?")) {
      s.setString(1, after);
      s.setInt(2, limit + 1);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          page.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    boolean more = page.size() > limit;
    if (more) {
      page = page.subList(0, limit);
    }
    JsonArrayBuilder out = Jsons.createArrayBuilder();
    for (String[] u : page) {
      for (String d : u[1].split(",")) {
        out.add(Jsons.createObjectBuilder().add("userid", u[0]).add("department", parseLong(d)));
      }
    }
    String next = more ? java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(page.get(page.size() - 1)[0].getBytes(StandardCharsets.UTF_8)) : "";
    return ok().add("next_cursor", next).add("dept_user", out).build();
  }

  private JsonObject getUser(Connection c, String userid) throws SQLException {
    Map<String, Object> u = userid == null ? null : user(c, userid);
    if (u == null) {
      return error(60111, "userid not found");
    }
    JsonArrayBuilder departments = Jsons.createArrayBuilder();
    departmentsOf(u).forEach(departments::add);
    return ok().add("userid", (String) u.get("userid")).add("name", (String) u.get("name"))
        .add("mobile", u.get("mobile") == null ? "" : (String) u.get("mobile")).add("department", departments)
        .add("position", (String) u.get("position")).add("enable", (Boolean) u.get("enable") ? 1 : 0)
        .add("status", (Integer) u.get("status")).build();
  }

  private JsonObject createUser(Connection c, JsonObject b) throws SQLException {
    JsonObject refused = checkUser(c, b, true);
    if (refused != null) {
      return refused;
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO standin_wecom_user"
        + " (userid, name, mobile, department, position, enable, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, 4, ?)")) {
      bindUser(s, b);
      s.setTimestamp(7, Timestamp.from(Instant.now()));
      s.executeUpdate();
    } catch (SQLIntegrityConstraintViolationException e) {
      return user(c, b.getString("userid", "")) != null ? error(60102, "userid existed")
          : error(60104, "mobile existed");
    }
    return Jsons.createObjectBuilder().add("errcode", 0).add("errmsg", "created").build();
  }

  private JsonObject updateUser(Connection c, JsonObject b) throws SQLException {
    if (user(c, b.getString("userid", "")) == null) {
      return error(60111, "userid not found");
    }
    JsonObject refused = checkUser(c, b, false);
    if (refused != null) {
      return refused;
    }
    try (PreparedStatement s = c.prepareStatement("UPDATE standin_wecom_user SET userid = ?, name = ?, mobile = ?,"
        + " department = ?, position = ?, enable = ?, updated_at = ? WHERE userid = ?")) {
      bindUser(s, b);
      s.setTimestamp(7, Timestamp.from(Instant.now()));
      s.setString(8, b.getString("userid"));
      s.executeUpdate();
    } catch (SQLIntegrityConstraintViolationException e) {
      return error(60104, "mobile existed");
    }
    return Jsons.createObjectBuilder().add("errcode", 0).add("errmsg", "updated").build();
  }

  private JsonObject deleteUser(Connection c, String userid) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM standin_wecom_user WHERE userid = ?")) {
      s.setString(1, userid == null ? "" : userid);
      if (s.executeUpdate() == 0) {
        return error(60111, "userid not found");
      }
    }
    return Jsons.createObjectBuilder().add("errcode", 0).add("errmsg", "deleted").build();
  }

  private JsonObject checkUser(Connection c, JsonObject b, boolean create) throws SQLException {
    String userid = b.getString("userid", "");
    if (!USERID.matcher(userid).matches() || userid.getBytes(StandardCharsets.UTF_8).length > 64) {
      return error(40031, "invalid userid");
    }
    String name = b.getString("name", "").strip();
    if (name.isEmpty() || name.codePointCount(0, name.length()) > 64) {
      return error(60112, "invalid name");
    }
    String mobile = b.getString("mobile", "");
    if (!mobile.isEmpty() && !MOBILE.matcher(mobile).matches()) {
      return error(60103, "invalid mobile");
    }
    if (mobile.isEmpty() && b.getString("email", "").isEmpty() && create) {
      return error(40066, "mobile and email cannot both be empty");
    }
    List<Long> departments = new ArrayList<>();
    if (b.get("department") instanceof JsonArray array) {
      array.getValuesAs(JsonNumber.class).forEach(n -> departments.add(n.longValue()));
    }
    if (departments.isEmpty() || departments.size() > 100) {
      return error(60003, "department not found");
    }
    for (long d : departments) {
      if (!departmentExists(c, d)) {
        return error(60003, "department not found");
      }
    }
    return null;
  }

  private static void bindUser(PreparedStatement s, JsonObject b) throws SQLException {
    String mobile = b.getString("mobile", "");
    s.setString(1, b.getString("userid"));
    s.setString(2, b.getString("name").strip());
    s.setString(3, mobile.isEmpty() ? null : mobile);
    s.setString(4, b.getJsonArray("department").getValuesAs(JsonNumber.class).stream()
        .map(n -> String.valueOf(n.longValue())).collect(Collectors.joining(",")));
    s.setString(5, b.getString("position", ""));
    s.setBoolean(6, number(b, "enable") != 0 || !b.containsKey("enable"));
  }

  // ---- batch

  /**
   * Accepts the job at once (status 1) and answers its jobid, as WeCom does (§6.4); the file is applied in the
   * background (status 2, then 3), after which {@code batch_job_result} is posted to our callback.
   */
  private JsonObject batch(Connection c, String type, JsonObject b) throws SQLException {
    String mediaId = b.getString("media_id", "");
    byte[] content = null;
    try (PreparedStatement s = c.prepareStatement("SELECT content FROM standin_wecom_media WHERE media_id = ?")) {
      s.setString(1, mediaId);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          content = rs.getBytes(1);
        }
      }
    }
    if (content == null) {
      return error(40007, "invalid media_id");
    }
    List<String[]> rows = csv(new String(content, StandardCharsets.UTF_8));
    String jobId = "standin-job-" + random();
    try (PreparedStatement s = c.prepareStatement("INSERT INTO standin_wecom_job"
        + " (jobid, type, status, errcode, errmsg, total, result, created_at) VALUES (?, ?, 1, 0, 'ok', ?, '[]', ?)")) {
      s.setString(1, jobId);
      s.setString(2, type);
      s.setInt(3, rows.size());
      s.setTimestamp(4, Timestamp.from(Instant.now()));
      s.executeUpdate();
    }
    Runnable work = () -> runJob(jobId, type, rows);
    if (executor != null) {
      executor.execute(work);
    } else {
      work.run();
    }
    return ok().add("jobid", jobId).build();
  }

  private void runJob(String jobId, String type, List<String[]> rows) {
    int errcode = 0;
    String errmsg = "ok";
    JsonArrayBuilder result = Jsons.createArrayBuilder();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("UPDATE standin_wecom_job SET status = 2 WHERE jobid = ?")) {
        s.setString(1, jobId);
        s.executeUpdate();
      }
      c.setAutoCommit(false);
      try {
        if ("replace_party".equals(type)) {
          replaceParty(c, rows, result);
        } else {
          String stopped = replaceUser(c, rows, result);
          if (stopped != null) {
            errcode = SAFETY_STOP;
            errmsg = stopped;
            result = Jsons.createArrayBuilder();
          }
        }
        try (PreparedStatement s = c.prepareStatement(
            "UPDATE standin_wecom_job SET status = 3, errcode = ?, errmsg = ?, result = ? WHERE jobid = ?")) {
          s.setInt(1, errcode);
          s.setString(2, errmsg);
          s.setString(3, result.build().toString());
          s.setString(4, jobId);
          s.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "stand-in batch job " + jobId + " failed", e);
      markFailed(jobId);
      errcode = -1;
      errmsg = "system busy";
    }
    post("<xml><ToUserName><![CDATA[" + app.wecomCorpId() + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>"
        + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        + "<Event><![CDATA[batch_job_result]]></Event><BatchJob><JobId><![CDATA[" + jobId + "]]></JobId>"
        + "<JobType><![CDATA[" + type + "]]></JobType><ErrCode>" + errcode + "</ErrCode><ErrMsg><![CDATA["
        + errmsg + "]]></ErrMsg></BatchJob></xml>", false);
  }

  private void markFailed(String jobId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "UPDATE standin_wecom_job SET status = 3, errcode = -1, errmsg = 'system busy' WHERE jobid = ?")) {
      s.setString(1, jobId);
      s.executeUpdate();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "stand-in batch job " + jobId + " could not be marked failed", e);
    }
  }

  /**
   * The errcode the stand-in gives a replaceuser job stopped by the deletion safety stop (in {@code batch_job_result}
   * and {@code getresult}). The notes name no number for it (§6.4); callers must not depend on this one.
   */
  public static final int SAFETY_STOP = 60130;

  private void replaceParty(Connection c, List<String[]> rows, JsonArrayBuilder result) throws SQLException {
    Set<Long> inFile = new HashSet<>(Set.of(1L));
    for (String[] r : rows) {
      long id = r.length > 1 ? parseLong(r[1]) : -1;
      long parent = r.length > 2 ? parseLong(r[2]) : -1;
      String name = r.length > 0 ? r[0].strip() : "";
      if (id < 1 || parent < 0 || name.isEmpty() || name.codePointCount(0, name.length()) > 64) {
        result.add(party(id, 0, 40058, "invalid department line"));
        continue;
      }
      inFile.add(id);
      boolean exists = departmentExists(c, id);
      try (PreparedStatement s = c.prepareStatement(exists
          ? "UPDATE standin_wecom_department SET name = ?, parentid = ?, ord = ? WHERE id = ?"
          : "INSERT INTO standin_wecom_department (name, parentid, ord, id) VALUES (?, ?, ?, ?)")) {
        s.setString(1, name);
        s.setLong(2, parent);
        s.setLong(3, r.length > 3 ? parseLong(r[3]) : 0);
        s.setLong(4, id);
        s.executeUpdate();
      }
      result.add(party(id, exists ? 2 : 1, 0, "ok"));
    }
    Set<Long> used = new HashSet<>();
    allUsers(c).values().forEach(u -> used.addAll(departmentsOf(u)));
    try (PreparedStatement s = c.prepareStatement(
        "DELETE FROM standin_wecom_department WHERE id = ? AND NOT EXISTS"
            + " (SELECT 1 FROM (SELECT id FROM standin_wecom_department WHERE parentid = ?) k)")) {
      List<Long> existing = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("SELECT id FROM standin_wecom_department ORDER BY id DESC");
          ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          existing.add(rs.getLong(1));
        }
      }
      for (long id : existing) {
        if (!inFile.contains(id) && !used.contains(id)) {
          s.setLong(1, id);
          s.setLong(2, id);
          s.executeUpdate();
        }
      }
    }
  }

  /** Returns why the job stopped (the deletion safety stop), or null when it ran. */
  private String replaceUser(Connection c, List<String[]> rows, JsonArrayBuilder result) throws SQLException {
    Map<String, Map<String, Object>> current = allUsers(c);
    Set<String> inFile = new HashSet<>();
    for (String[] r : rows) {
      if (r.length > 1) {
        inFile.add(r[1].strip().toLowerCase(Locale.ROOT));
      }
    }
    List<String> deletions = current.keySet().stream().filter(u -> !inFile.contains(u.toLowerCase(Locale.ROOT)))
        .sorted().toList();
    int members = current.size();
    int deleting = deletions.size();
    if ((deleting > 50 && deleting * 5 > members) || (deleting < 50 && deleting * 5 > members * 4)) {
      return "replace user stopped: " + deleting + " of " + members + " members would be deleted";
    }
    for (String[] r : rows) {
      String userid = r.length > 1 ? r[1].strip() : "";
      JsonObjectBuilder b = Jsons.createObjectBuilder().add("userid", userid)
          .add("name", r.length > 0 ? r[0] : "").add("mobile", r.length > 2 ? r[2].strip() : "")
          .add("position", r.length > 4 ? r[4] : "").add("enable", r.length > 5 && "0".equals(r[5].strip()) ? 0 : 1);
      JsonArrayBuilder departments = Jsons.createArrayBuilder();
      if (r.length > 3) {
        for (String d : r[3].split(";")) {
          if (!d.isBlank()) {
            departments.add(parseLong(d.strip()));
          }
        }
      }
      JsonObject user = b.add("department", departments).build();
      JsonObject answer = current.containsKey(userid) ? updateUser(c, user) : createUser(c, user);
      result.add(Jsons.createObjectBuilder().add("userid", userid).add("errcode", answer.getInt("errcode"))
          .add("errmsg", answer.getString("errmsg")));
    }
    for (String userid : deletions) {
      deleteUser(c, userid);
    }
    return null;
  }

  private JsonObject jobResult(Connection c, String jobId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT type, status, errcode, errmsg, total, result FROM standin_wecom_job WHERE jobid = ?")) {
      s.setString(1, jobId == null ? "" : jobId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return error(40058, "invalid jobid");
        }
        JsonArray entries = Jsons.createReader(new StringReader(rs.getString(6))).readArray();
        return Jsons.createObjectBuilder().add("errcode", rs.getInt(3)).add("errmsg", rs.getString(4))
            .add("status", rs.getInt(2)).add("type", rs.getString(1)).add("total", rs.getInt(5))
            .add("percentage", rs.getInt(2) == 3 ? 100 : 0).add("result", entries).build();
      }
    }
  }

  private static JsonObjectBuilder party(long id, int action, int errcode, String errmsg) {
    return Jsons.createObjectBuilder().add("action", action).add("partyid", id).add("errcode", errcode)
        .add("errmsg", errmsg);
  }

  // ---- helpers

  /** Posts an event to our callback after the answer, as WeCom does, when the callback is configured. */
  private void post(String xml, boolean later) {
    Runnable send = () -> {
      try {
        callbacks.send(xml);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "stand-in contacts callback not sent: " + e.getMessage());
      }
    };
    if (later && executor != null) {
      executor.execute(() -> {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        send.run();
      });
    } else {
      send.run();
    }
  }

  private static List<String[]> csv(String text) {
    List<String[]> rows = new ArrayList<>();
    String[] lines = text.replace("\uFEFF", "").split("\r?\n");
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        rows.add(lines[i].split(",", -1));
      }
    }
    return rows;
  }

  private static boolean departmentExists(Connection c, long id) throws SQLException {
    return count(c, "SELECT COUNT(*) FROM standin_wecom_department WHERE id = ?", id) > 0;
  }

  private static long count(Connection c, String sql, long arg) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, arg);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Map<String, Object> user(Connection c, String userid) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT userid, name, mobile, department, position, enable, status"
        + " FROM standin_wecom_user WHERE userid = ?")) {
      s.setString(1, userid);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? row(rs) : null;
      }
    }
  }

  private static Map<String, Map<String, Object>> allUsers(Connection c) throws SQLException {
    Map<String, Map<String, Object>> all = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT userid, name, mobile, department, position, enable, status"
        + " FROM standin_wecom_user");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        all.put(rs.getString(1), row(rs));
      }
    }
    return all;
  }

  private static Map<String, Object> row(ResultSet rs) throws SQLException {
    Map<String, Object> u = new HashMap<>();
    u.put("userid", rs.getString(1));
    u.put("name", rs.getString(2));
    u.put("mobile", rs.getString(3));
    u.put("department", rs.getString(4));
    u.put("position", rs.getString(5));
    u.put("enable", rs.getBoolean(6));
    u.put("status", rs.getInt(7));
    return u;
  }

  private static List<Long> departmentsOf(Map<String, Object> u) {
    List<Long> out = new ArrayList<>();
    for (String d : ((String) u.get("department")).split(",")) {
      out.add(parseLong(d));
    }
    return out;
  }

  private static long number(JsonObject o, String field) {
    return o.get(field) instanceof JsonNumber n ? n.longValue() : 0;
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s == null ? "" : s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static JsonObjectBuilder ok() {
    return Jsons.createObjectBuilder().add("errcode", 0).add("errmsg", "ok");
  }

  private static JsonObject error(int errcode, String errmsg) {
    return Jsons.createObjectBuilder().add("errcode", errcode).add("errmsg", errmsg).build();
  }

  private static String random() {
    return Long.toHexString(RANDOM.nextLong()) + Long.toHexString(RANDOM.nextLong());
  }
}
