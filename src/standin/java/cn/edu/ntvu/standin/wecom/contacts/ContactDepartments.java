package cn.edu.ntvu.standin.wecom.contacts;

import static cn.edu.ntvu.standin.wecom.contacts.Values.error;
import static cn.edu.ntvu.standin.wecom.contacts.Values.number;
import static cn.edu.ntvu.standin.wecom.contacts.Values.ok;
import static cn.edu.ntvu.standin.wecom.contacts.Values.parseLong;

import cn.edu.ntvu.standin.Sql;
import cn.edu.ntvu.standin.StandInJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Departments (§6.1): {@code department/simplelist} (ids, parents and order only), {@code create},
 * {@code update} and {@code delete} with WeCom's errcodes: 60003 not found, 60004 parent not found,
 * 60005 has members, 60006 has sub-departments, 60008 exists, 40058 invalid name or id. The root
 * department 1 always exists.
 */
final class ContactDepartments {
  private ContactDepartments() {}

  static JsonObject simplelist(Connection c) throws SQLException {
    JsonArrayBuilder out = StandInJson.array();
    Sql.list(
            c,
            "SELECT id, parentid, ord FROM wecom_department ORDER BY id",
            rs ->
                StandInJson.object()
                    .add("id", rs.getLong(1))
                    .add("parentid", rs.getLong(2))
                    .add("order", rs.getLong(3)))
        .forEach(out::add);
    return ok().add("department_id", out).build();
  }

  static JsonObject create(Connection c, JsonObject b) throws SQLException {
    String name = b.getString("name", "").strip();
    long id = number(b, "id");
    long parent = number(b, "parentid");
    if (name.isEmpty() || name.codePointCount(0, name.length()) > 64 || id < 1) {
      return error(40058, "invalid department name or id");
    }
    if (!exists(c, parent)) {
      return error(60004, "parent department not found");
    }
    try {
      Sql.update(
          c,
          "INSERT INTO wecom_department (id, name, parentid, ord) VALUES (?, ?, ?, ?)",
          id,
          name,
          parent,
          number(b, "order"));
    } catch (SQLIntegrityConstraintViolationException e) {
      return error(60008, "department existed");
    }
    return ok().add("id", id).build();
  }

  static JsonObject update(Connection c, JsonObject b) throws SQLException {
    long id = number(b, "id");
    if (!exists(c, id)) {
      return error(60003, "department not found");
    }
    long parent = number(b, "parentid");
    if (!exists(c, parent)) {
      return error(60004, "parent department not found");
    }
    Sql.update(
        c,
        "UPDATE wecom_department SET name = ?, parentid = ?, ord = ? WHERE id = ?",
        b.getString("name", "").strip(),
        parent,
        number(b, "order"),
        id);
    return ok().build();
  }

  static JsonObject delete(Connection c, String idText) throws SQLException {
    long id = parseLong(idText);
    if (id == 1 || !exists(c, id)) {
      return error(60003, "department not found");
    }
    if (Sql.count(c, "SELECT COUNT(*) FROM wecom_department WHERE parentid = ?", id) > 0) {
      return error(60006, "department contains sub-departments");
    }
    if (ContactMembers.inDepartment(c, id)) {
      return error(60005, "department contains members");
    }
    Sql.update(c, "DELETE FROM wecom_department WHERE id = ?", id);
    return ok().build();
  }

  static boolean exists(Connection c, long id) throws SQLException {
    return Sql.count(c, "SELECT COUNT(*) FROM wecom_department WHERE id = ?", id) > 0;
  }
}
