package cn.edu.ntvu.standin.wecom.contacts;

import static cn.edu.ntvu.standin.wecom.contacts.Values.done;
import static cn.edu.ntvu.standin.wecom.contacts.Values.error;
import static cn.edu.ntvu.standin.wecom.contacts.Values.number;
import static cn.edu.ntvu.standin.wecom.contacts.Values.ok;
import static cn.edu.ntvu.standin.wecom.contacts.Values.parseLong;

import cn.edu.ntvu.standin.Sql;
import cn.edu.ntvu.standin.StandInJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Members (§6.2, §6.3): {@code user/list_id} with a cursor and limit 1–10000, {@code user/get},
 * {@code user/create|update|delete} with WeCom's field rules (userid unique without case, name 1–64
 * characters, mobile unique and Chinese, 1–100 existing departments) and errcodes (40031 invalid
 * userid, 60112 name, 60103 mobile, 60104 mobile exists, 60102 userid exists, 60111 not found,
 * 40066 neither mobile nor email). New members are 未激活 (status 4) until {@link #setStatus} plays
 * them joining.
 */
final class ContactMembers {
  private static final Pattern USERID = Pattern.compile("[0-9a-zA-Z][0-9a-zA-Z_\\-@.]{0,63}");
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final String COLUMNS =
      "userid, name, mobile, department, position, enable, status";

  private ContactMembers() {}

  /** One member as stored. */
  record Member(
      String userid,
      String name,
      String mobile,
      String department,
      String position,
      boolean enable,
      int status) {
    List<Long> departments() {
      List<Long> out = new ArrayList<>();
      for (String d : department.split(",")) {
        out.add(parseLong(d));
      }
      return out;
    }
  }

  static JsonObject listIds(Connection c, JsonObject b) throws SQLException {
    int limit = (int) number(b, "limit");
    if (limit == 0) {
      limit = 1000;
    }
    if (limit < 1 || limit > 10_000) {
      return error(40058, "limit must be 1-10000");
    }
    String cursor = b.getString("cursor", "");
    String after =
        cursor.isEmpty()
            ? ""
            : new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    List<String[]> page =
        Sql.list(
            c,
            "SELECT userid, department FROM wecom_user WHERE userid > ? ORDER BY userid LIMIT ?",
            rs -> new String[] {rs.getString(1), rs.getString(2)},
            after,
            limit + 1);
    boolean more = page.size() > limit;
    if (more) {
      page = page.subList(0, limit);
    }
    JsonArrayBuilder out = StandInJson.array();
    for (String[] u : page) {
      for (String d : u[1].split(",")) {
        out.add(StandInJson.object().add("userid", u[0]).add("department", parseLong(d)));
      }
    }
    String next =
        more
            ? Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(page.get(page.size() - 1)[0].getBytes(StandardCharsets.UTF_8))
            : "";
    return ok().add("next_cursor", next).add("dept_user", out).build();
  }

  static JsonObject get(Connection c, String userid) throws SQLException {
    Member u = userid == null ? null : find(c, userid);
    if (u == null) {
      return error(60111, "userid not found");
    }
    JsonArrayBuilder departments = StandInJson.array();
    u.departments().forEach(departments::add);
    return ok().add("userid", u.userid())
        .add("name", u.name())
        .add("mobile", u.mobile() == null ? "" : u.mobile())
        .add("department", departments)
        .add("position", u.position())
        .add("enable", u.enable() ? 1 : 0)
        .add("status", u.status())
        .build();
  }

  static JsonObject create(Connection c, JsonObject b) throws SQLException {
    JsonObject refused = check(c, b, true);
    if (refused != null) {
      return refused;
    }
    try {
      Sql.update(
          c,
          "INSERT INTO wecom_user (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, 4, ?)",
          values(b, Timestamp.from(Instant.now())));
    } catch (SQLIntegrityConstraintViolationException e) {
      return find(c, b.getString("userid", "")) != null
          ? error(60102, "userid existed")
          : error(60104, "mobile existed");
    }
    return done("created");
  }

  static JsonObject update(Connection c, JsonObject b) throws SQLException {
    if (find(c, b.getString("userid", "")) == null) {
      return error(60111, "userid not found");
    }
    JsonObject refused = check(c, b, false);
    if (refused != null) {
      return refused;
    }
    Object[] v = values(b, Timestamp.from(Instant.now()));
    try {
      Sql.update(
          c,
          "UPDATE wecom_user SET userid = ?, name = ?, mobile = ?, department = ?, position = ?, enable = ?,"
              + " updated_at = ? WHERE userid = ?",
          v[0],
          v[1],
          v[2],
          v[3],
          v[4],
          v[5],
          v[6],
          b.getString("userid"));
    } catch (SQLIntegrityConstraintViolationException e) {
      return error(60104, "mobile existed");
    }
    return done("updated");
  }

  static JsonObject delete(Connection c, String userid) throws SQLException {
    if (Sql.update(c, "DELETE FROM wecom_user WHERE userid = ?", userid == null ? "" : userid)
        == 0) {
      return error(60111, "userid not found");
    }
    return done("deleted");
  }

  /**
   * Sets a member's status (1 joined, 2 disabled, 4 not activated, 5 left); the member, or null if
   * there is none.
   */
  static Member setStatus(Connection c, String userid, int status) throws SQLException {
    Member u = find(c, userid);
    if (u != null) {
      Sql.update(c, "UPDATE wecom_user SET status = ? WHERE userid = ?", status, userid);
    }
    return u;
  }

  static Member find(Connection c, String userid) throws SQLException {
    List<Member> rows =
        Sql.list(
            c,
            "SELECT " + COLUMNS + " FROM wecom_user WHERE userid = ?",
            ContactMembers::member,
            userid);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Every member, by userid as stored. */
  static Map<String, Member> all(Connection c) throws SQLException {
    Map<String, Member> all = new LinkedHashMap<>();
    for (Member m : Sql.list(c, "SELECT " + COLUMNS + " FROM wecom_user", ContactMembers::member)) {
      all.put(m.userid(), m);
    }
    return all;
  }

  static boolean inDepartment(Connection c, long id) throws SQLException {
    for (Member m : all(c).values()) {
      if (m.departments().contains(id)) {
        return true;
      }
    }
    return false;
  }

  private static JsonObject check(Connection c, JsonObject b, boolean create) throws SQLException {
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
      if (!ContactDepartments.exists(c, d)) {
        return error(60003, "department not found");
      }
    }
    return null;
  }

  /**
   * userid, name, mobile, department, position, enable, updated_at — in the order of the statements
   * above.
   */
  private static Object[] values(JsonObject b, Timestamp now) {
    String mobile = b.getString("mobile", "");
    return new Object[] {
      b.getString("userid"),
      b.getString("name").strip(),
      mobile.isEmpty() ? null : mobile,
      b.getJsonArray("department").getValuesAs(JsonNumber.class).stream()
          .map(n -> String.valueOf(n.longValue()))
          .collect(Collectors.joining(",")),
      b.getString("position", ""),
      number(b, "enable") != 0 || !b.containsKey("enable"),
      now
    };
  }

  private static Member member(ResultSet rs) throws SQLException {
    return new Member(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getBoolean(6),
        rs.getInt(7));
  }
}
