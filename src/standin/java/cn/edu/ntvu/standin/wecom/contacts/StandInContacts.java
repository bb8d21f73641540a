package cn.edu.ntvu.standin.wecom.contacts;

import static cn.edu.ntvu.standin.wecom.contacts.Values.error;

import cn.edu.ntvu.standin.Sql;
import cn.edu.ntvu.standin.StandInDatabase;
import cn.edu.ntvu.standin.wecom.StandInFaults;
import cn.edu.ntvu.standin.wecom.StandInWeCom;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The contacts API's front (§6): an injected fault first, then the token — only one of the
 * contacts-sync secret may call these APIs (41001 missing, 40014 invalid, 48002 an agent's token,
 * §6.3) — then the call, on one connection of the stand-in's database. Also what the test controls
 * do: reset, count, play a member's status changing.
 */
@ApplicationScoped
public class StandInContacts {
  private static final Logger LOG = Logger.getLogger(StandInContacts.class.getName());

  @Inject StandInDatabase db;
  @Inject StandInWeCom standIn;
  @Inject StandInFaults faults;
  @Inject ContactBatchJobs jobs;
  @Inject ContactEvents events;

  /**
   * One call: {@code api} is e.g. {@code user/create}; GET calls have their query in {@code query}.
   */
  public JsonObject call(
      String api, String accessToken, Map<String, String> query, JsonObject body) {
    JsonObject refused = refused(api, accessToken);
    if (refused != null) {
      return refused;
    }
    JsonObject b = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
    try (Connection c = db.dataSource().getConnection()) {
      return switch (api) {
        case "department/simplelist" -> ContactDepartments.simplelist(c);
        case "department/create" -> ContactDepartments.create(c, b);
        case "department/update" -> ContactDepartments.update(c, b);
        case "department/delete" -> ContactDepartments.delete(c, query.get("id"));
        case "user/list_id" -> ContactMembers.listIds(c, b);
        case "user/get" -> ContactMembers.get(c, query.get("userid"));
        case "user/create" -> ContactMembers.create(c, b);
        case "user/update" -> ContactMembers.update(c, b);
        case "user/delete" -> ContactMembers.delete(c, query.get("userid"));
        case "batch/replaceparty" -> jobs.accept(c, "replace_party", b);
        case "batch/replaceuser" -> jobs.accept(c, "replace_user", b);
        case "batch/getresult" -> jobs.result(c, query.get("jobid"));
        default -> error(404, "stand-in does not know /cgi-bin/" + api);
      };
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "stand-in contacts failed on " + api, e);
      return error(-1, "system busy");
    }
  }

  /**
   * {@code media/upload?type=file} with the file's bytes (already taken out of the multipart body).
   */
  public JsonObject upload(String accessToken, String type, byte[] content) {
    JsonObject refused = refused("media/upload", accessToken);
    return refused != null ? refused : jobs.upload(type, content);
  }

  /**
   * Plays a member's status changing in WeCom (joining: 1, disabled: 2, not activated: 4, left: 5)
   * and posts {@code change_contact} {@code update_user} to the app's callback. Returns false when
   * there is no such member.
   */
  public boolean setStatus(String userid, int status) {
    ContactMembers.Member member = db.sql().with(c -> ContactMembers.setStatus(c, userid, status));
    if (member == null) {
      return false;
    }
    events.memberChanged(userid, member.department());
    return true;
  }

  /** Empties the contacts (the root department kept), for tests. */
  public void reset() {
    db.sql()
        .with(
            c -> {
              for (String sql :
                  List.of(
                      "DELETE FROM wecom_user",
                      "DELETE FROM wecom_department WHERE id <> 1",
                      "DELETE FROM wecom_job",
                      "DELETE FROM wecom_media")) {
                Sql.update(c, sql);
              }
              return null;
            });
  }

  /** How many members the contacts hold (tests and the benchmark). */
  public long memberCount() {
    return db.sql().count("SELECT COUNT(*) FROM wecom_user");
  }

  /** An injected fault, or WeCom's answer to a missing, invalid or agent token; else null. */
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
}
