package cn.edu.ntvu.standin.wecom;

import cn.edu.ntvu.standin.Sql;
import cn.edu.ntvu.standin.StandInDatabase;
import cn.edu.ntvu.standin.school.SchoolPeople;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@link StandInMessageStore} in tables {@code wecom_message} and {@code wecom_response_code}. The
 * corp's members are the school's people (the seed folder: in the demo, everyone has joined WeCom)
 * and whoever the contacts sync created in the stand-in's contacts ({@code wecom_user}).
 */
@ApplicationScoped
public class JdbcStandInMessageStore implements StandInMessageStore {
  private static final String COLUMNS =
      "id, received_at, api, touser, msgtype, content_hash, body, msgid, outcome";

  @Inject StandInDatabase db;
  @Inject SchoolPeople school;

  @Override
  public Set<String> members(Collection<String> userids) {
    Set<String> members = new HashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String u : userids) {
      if (school.school().knows(u)) {
        members.add(u.toLowerCase(Locale.ROOT));
      } else {
        unknown.add(u);
      }
    }
    for (int from = 0; from < unknown.size(); from += 500) {
      List<String> chunk = unknown.subList(from, Math.min(unknown.size(), from + 500));
      db.sql()
          .list(
              "SELECT userid FROM wecom_user WHERE userid IN ("
                  + String.join(",", Collections.nCopies(chunk.size(), "?"))
                  + ")",
              rs -> rs.getString(1).toLowerCase(Locale.ROOT),
              chunk.toArray())
          .forEach(members::add);
    }
    return members;
  }

  @Override
  public List<StandInMessage> deliveredSince(String touser, LocalDateTime since) {
    return db.sql()
        .list(
            "SELECT "
                + COLUMNS
                + " FROM wecom_message WHERE touser = ? AND received_at > ?"
                + " AND outcome = 'DELIVERED' ORDER BY received_at, id",
            JdbcStandInMessageStore::message,
            touser,
            Timestamp.valueOf(since));
  }

  @Override
  public void save(List<StandInMessage> messages) {
    db.sql()
        .with(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "INSERT INTO wecom_message"
                          + " (received_at, api, touser, msgtype, content_hash, body, msgid, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (StandInMessage m : messages) {
                  s.setTimestamp(1, Timestamp.valueOf(m.receivedAt()));
                  s.setString(2, m.api());
                  s.setString(3, m.touser());
                  s.setString(4, m.msgtype());
                  s.setString(5, m.contentHash());
                  s.setString(6, m.body());
                  s.setString(7, m.msgid());
                  s.setString(8, m.outcome());
                  s.addBatch();
                }
                s.executeBatch();
              }
              return null;
            });
  }

  @Override
  public void saveResponseCode(String code, String msgid, LocalDateTime at) {
    db.sql()
        .update(
            "INSERT INTO wecom_response_code (code, msgid, created_at, used) VALUES (?, ?, ?, FALSE)",
            code,
            msgid,
            Timestamp.valueOf(at));
  }

  @Override
  public boolean redeemResponseCode(String code, LocalDateTime issuedAfter) {
    return db.sql()
            .update(
                "UPDATE wecom_response_code SET used = TRUE WHERE code = ? AND used = FALSE"
                    + " AND created_at > ?",
                code,
                Timestamp.valueOf(issuedAfter))
        == 1;
  }

  @Override
  public List<StandInMessage> latest(String touser, String contains, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM wecom_message WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (touser != null && !touser.isBlank()) {
      sql.append(" AND touser = ?");
      args.add(touser.strip().toLowerCase(Locale.ROOT));
    }
    if (contains != null && !contains.isEmpty()) {
      sql.append(" AND INSTR(body, ?) > 0");
      args.add(contains);
    }
    sql.append(" ORDER BY id DESC LIMIT ?");
    args.add(limit);
    return db.sql().list(sql.toString(), JdbcStandInMessageStore::message, args.toArray());
  }

  @Override
  public int age(String touser, Duration by) {
    return db.sql()
        .update(
            "UPDATE wecom_message SET received_at = received_at - INTERVAL ? SECOND WHERE touser = ?",
            by.toSeconds(),
            touser.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public Map<String, Long> summary() {
    return db.sql()
        .with(
            (Connection c) -> {
              Map<String, Long> out = new LinkedHashMap<>();
              out.put(
                  "received",
                  Sql.count(c, "SELECT COUNT(*) FROM wecom_message WHERE api = 'SEND'"));
              out.put(
                  "distinct",
                  Sql.count(
                      c,
                      "SELECT COUNT(DISTINCT content_hash, touser) FROM wecom_message"
                          + " WHERE api = 'SEND'"));
              for (String outcome :
                  List.of(
                      StandInMessage.DELIVERED,
                      StandInMessage.DUPLICATE,
                      StandInMessage.DROPPED,
                      StandInMessage.UPDATED)) {
                out.put(
                    outcome.toLowerCase(Locale.ROOT),
                    Sql.count(c, "SELECT COUNT(*) FROM wecom_message WHERE outcome = ?", outcome));
              }
              return out;
            });
  }

  @Override
  public java.util.Optional<LocalDateTime> sentAt(String msgid) {
    return db.sql()
        .one(
            "SELECT received_at FROM wecom_message WHERE msgid = ? AND api = 'SEND'"
                + " ORDER BY received_at LIMIT 1",
            rs -> rs.getTimestamp(1).toLocalDateTime(),
            msgid);
  }

  @Override
  public void recall(String msgid, LocalDateTime at) {
    db.sql()
        .update(
            "INSERT INTO wecom_recall (msgid, recalled_at) VALUES (?, ?)",
            msgid,
            Timestamp.valueOf(at));
  }

  @Override
  public List<Recall> recalls(String msgid, int limit) {
    boolean one = msgid != null && !msgid.isBlank();
    return db.sql()
        .list(
            "SELECT msgid, recalled_at FROM wecom_recall"
                + (one ? " WHERE msgid = ?" : "")
                + " ORDER BY id DESC LIMIT ?",
            rs -> new Recall(rs.getString(1), rs.getTimestamp(2).toLocalDateTime()),
            one ? new Object[] {msgid, limit} : new Object[] {limit});
  }

  private static StandInMessage message(ResultSet rs) throws SQLException {
    return new StandInMessage(
        rs.getLong(1),
        rs.getTimestamp(2).toLocalDateTime(),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9));
  }
}
