package cn.edu.ntvu.standin.wecom.contacts;

import static cn.edu.ntvu.standin.wecom.contacts.Values.error;
import static cn.edu.ntvu.standin.wecom.contacts.Values.ok;
import static cn.edu.ntvu.standin.wecom.contacts.Values.parseLong;

import cn.edu.ntvu.standin.Sql;
import cn.edu.ntvu.standin.StandInDatabase;
import cn.edu.ntvu.standin.StandInJson;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The full reconcile's files (§6.4): {@code media/upload?type=file}, then {@code
 * batch/replaceparty} and {@code batch/replaceuser} on an uploaded CSV, and {@code
 * batch/getresult}. A job is accepted at once (status 1) and worked in the background (2, then 3);
 * replaceuser makes the members exactly the file's, except that it stops and deletes nobody when
 * more than 50 would be deleted and that is over 20 % of the members, or fewer than 50 and over 80
 * % (WeCom's deletion safety stop); lines WeCom would refuse fail one by one (a partial failure)
 * while the others are applied. {@code batch_job_result} is posted to the app when a job ends.
 */
@ApplicationScoped
public class ContactBatchJobs {
  private static final Logger LOG = Logger.getLogger(ContactBatchJobs.class.getName());

  /**
   * The errcode the stand-in gives a replaceuser job stopped by the deletion safety stop (in {@code
   * batch_job_result} and {@code getresult}). The notes name no number for it (§6.4); the app must
   * not depend on this one.
   */
  public static final int SAFETY_STOP = 60130;

  @Inject StandInDatabase db;
  @Inject ContactEvents events;
  @Resource ManagedExecutorService executor;

  JsonObject upload(String type, byte[] content) {
    if (!"file".equals(type) || content == null || content.length == 0) {
      return error(40058, "invalid media type or empty media");
    }
    String mediaId = "standin-media-" + Values.random();
    db.sql()
        .update(
            "INSERT INTO wecom_media (media_id, content, created_at) VALUES (?, ?, ?)",
            mediaId,
            content,
            Timestamp.from(Instant.now()));
    return ok().add("type", "file")
        .add("media_id", mediaId)
        .add("created_at", String.valueOf(Instant.now().getEpochSecond()))
        .build();
  }

  /**
   * Accepts a replace job on an uploaded file and answers its jobid; the work goes on in the
   * background.
   */
  JsonObject accept(Connection c, String type, JsonObject b) throws SQLException {
    List<byte[]> content =
        Sql.list(
            c,
            "SELECT content FROM wecom_media WHERE media_id = ?",
            rs -> rs.getBytes(1),
            b.getString("media_id", ""));
    if (content.isEmpty()) {
      return error(40007, "invalid media_id");
    }
    List<String[]> rows = csv(new String(content.get(0), StandardCharsets.UTF_8));
    String jobId = "standin-job-" + Values.random();
    Sql.update(
        c,
        "INSERT INTO wecom_job (jobid, type, status, errcode, errmsg, total, result, created_at)"
            + " VALUES (?, ?, 1, 0, 'ok', ?, '[]', ?)",
        jobId,
        type,
        rows.size(),
        Timestamp.from(Instant.now()));
    Runnable work = () -> run(jobId, type, rows);
    if (executor != null) {
      executor.execute(work);
    } else {
      work.run();
    }
    return ok().add("jobid", jobId).build();
  }

  JsonObject result(Connection c, String jobId) throws SQLException {
    List<JsonObject> rows =
        Sql.list(
            c,
            "SELECT type, status, errcode, errmsg, total, result FROM wecom_job"
                + " WHERE jobid = ?",
            rs -> {
              JsonArray entries;
              try (var reader = StandInJson.reader(rs.getString(6))) {
                entries = reader.readArray();
              }
              return StandInJson.object()
                  .add("errcode", rs.getInt(3))
                  .add("errmsg", rs.getString(4))
                  .add("status", rs.getInt(2))
                  .add("type", rs.getString(1))
                  .add("total", rs.getInt(5))
                  .add("percentage", rs.getInt(2) == 3 ? 100 : 0)
                  .add("result", entries)
                  .build();
            },
            jobId == null ? "" : jobId);
    return rows.isEmpty() ? error(40058, "invalid jobid") : rows.get(0);
  }

  private void run(String jobId, String type, List<String[]> rows) {
    int errcode = 0;
    String errmsg = "ok";
    try (Connection c = db.dataSource().getConnection()) {
      Sql.update(c, "UPDATE wecom_job SET status = 2 WHERE jobid = ?", jobId);
      c.setAutoCommit(false);
      try {
        JsonArrayBuilder result = StandInJson.array();
        if ("replace_party".equals(type)) {
          replaceParty(c, rows, result);
        } else {
          String stopped = replaceUser(c, rows, result);
          if (stopped != null) {
            errcode = SAFETY_STOP;
            errmsg = stopped;
            result = StandInJson.array();
          }
        }
        Sql.update(
            c,
            "UPDATE wecom_job SET status = 3, errcode = ?, errmsg = ?, result = ? WHERE jobid = ?",
            errcode,
            errmsg,
            result.build().toString(),
            jobId);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "stand-in batch job " + jobId + " failed", e);
      db.sql()
          .update(
              "UPDATE wecom_job SET status = 3, errcode = -1, errmsg = 'system busy' WHERE jobid = ?",
              jobId);
      errcode = -1;
      errmsg = "system busy";
    }
    events.jobFinished(jobId, type, errcode, errmsg);
  }

  private static void replaceParty(Connection c, List<String[]> rows, JsonArrayBuilder result)
      throws SQLException {
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
      boolean exists = ContactDepartments.exists(c, id);
      Sql.update(
          c,
          exists
              ? "UPDATE wecom_department SET name = ?, parentid = ?, ord = ? WHERE id = ?"
              : "INSERT INTO wecom_department (name, parentid, ord, id) VALUES (?, ?, ?, ?)",
          name,
          parent,
          r.length > 3 ? parseLong(r[3]) : 0,
          id);
      result.add(party(id, exists ? 2 : 1, 0, "ok"));
    }
    Set<Long> used = new HashSet<>();
    for (ContactMembers.Member m : ContactMembers.all(c).values()) {
      used.addAll(m.departments());
    }
    for (long id :
        Sql.list(c, "SELECT id FROM wecom_department ORDER BY id DESC", rs -> rs.getLong(1))) {
      if (!inFile.contains(id) && !used.contains(id)) {
        Sql.update(
            c,
            "DELETE FROM wecom_department WHERE id = ? AND NOT EXISTS"
                + " (SELECT 1 FROM (SELECT id FROM wecom_department WHERE parentid = ?) k)",
            id,
            id);
      }
    }
  }

  /** Returns why the job stopped (the deletion safety stop), or null when it ran. */
  private static String replaceUser(Connection c, List<String[]> rows, JsonArrayBuilder result)
      throws SQLException {
    Map<String, ContactMembers.Member> current = ContactMembers.all(c);
    Set<String> inFile = new HashSet<>();
    for (String[] r : rows) {
      if (r.length > 1) {
        inFile.add(r[1].strip().toLowerCase(Locale.ROOT));
      }
    }
    List<String> deletions =
        current.keySet().stream()
            .filter(u -> !inFile.contains(u.toLowerCase(Locale.ROOT)))
            .sorted()
            .toList();
    int members = current.size();
    int deleting = deletions.size();
    if ((deleting > 50 && deleting * 5 > members)
        || (deleting < 50 && deleting * 5 > members * 4)) {
      return "replace user stopped: " + deleting + " of " + members + " members would be deleted";
    }
    for (String[] r : rows) {
      String userid = r.length > 1 ? r[1].strip() : "";
      JsonObjectBuilder b =
          StandInJson.object()
              .add("userid", userid)
              .add("name", r.length > 0 ? r[0] : "")
              .add("mobile", r.length > 2 ? r[2].strip() : "")
              .add("position", r.length > 4 ? r[4] : "")
              .add("enable", r.length > 5 && "0".equals(r[5].strip()) ? 0 : 1);
      JsonArrayBuilder departments = StandInJson.array();
      if (r.length > 3) {
        for (String d : r[3].split(";")) {
          if (!d.isBlank()) {
            departments.add(parseLong(d.strip()));
          }
        }
      }
      JsonObject user = b.add("department", departments).build();
      JsonObject answer =
          current.containsKey(userid)
              ? ContactMembers.update(c, user)
              : ContactMembers.create(c, user);
      result.add(
          StandInJson.object()
              .add("userid", userid)
              .add("errcode", answer.getInt("errcode"))
              .add("errmsg", answer.getString("errmsg")));
    }
    for (String userid : deletions) {
      ContactMembers.delete(c, userid);
    }
    return null;
  }

  private static JsonObjectBuilder party(long id, int action, int errcode, String errmsg) {
    return StandInJson.object()
        .add("action", action)
        .add("partyid", id)
        .add("errcode", errcode)
        .add("errmsg", errmsg);
  }

  /** The file's lines after its header, split at commas (our files quote nothing). */
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
}
