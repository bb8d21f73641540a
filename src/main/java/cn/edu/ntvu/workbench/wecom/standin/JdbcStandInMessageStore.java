package cn.edu.ntvu.workbench.wecom.standin;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/** {@link StandInMessageStore} in tables {@code standin_wecom_message} and {@code standin_wecom_response_code}. */
@ApplicationScoped
public class JdbcStandInMessageStore implements StandInMessageStore {

  @Resource(lookup = "java:app/jdbc/workbench")
  DataSource dataSource;

  @Override
  public Set<String> members(Collection<String> userids) {
    Set<String> members = new HashSet<>();
    if (userids.isEmpty()) {
      return members;
    }
    List<String> all = new ArrayList<>(userids);
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < all.size(); from += 500) {
        List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
        try (PreparedStatement s = c.prepareStatement("SELECT account FROM person WHERE account IN ("
            + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            s.setString(i + 1, chunk.get(i));
          }
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              members.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
          }
        }
      }
      return members;
    } catch (SQLException e) {
      throw new IllegalStateException("stand-in message storage failed", e);
    }
  }

  @Override
  public List<StandInMessage> deliveredSince(String touser, LocalDateTime since) {
    return query(
        "SELECT " + COLUMNS + " FROM standin_wecom_message WHERE touser = ? AND received_at > ?"
            + " AND outcome = 'DELIVERED' ORDER BY received_at, id",
        s -> {
          s.setString(1, touser);
          s.setTimestamp(2, Timestamp.valueOf(since));
        });
  }

  @Override
  public void save(List<StandInMessage> messages) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "INSERT INTO standin_wecom_message (received_at, api, touser, msgtype, content_hash, body, msgid, outcome)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
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
    } catch (SQLException e) {
      throw new IllegalStateException("stand-in message storage failed", e);
    }
  }

  @Override
  public void saveResponseCode(String code, String msgid, LocalDateTime at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "INSERT INTO standin_wecom_response_code (code, msgid, created_at, used) VALUES (?, ?, ?, FALSE)")) {
      s.setString(1, code);
      s.setString(2, msgid);
      s.setTimestamp(3, Timestamp.valueOf(at));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("stand-in message storage failed", e);
    }
  }

  @Override
  public boolean redeemResponseCode(String code, LocalDateTime issuedAfter) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "UPDATE standin_wecom_response_code SET used = TRUE WHERE code = ? AND used = FALSE AND created_at > ?")) {
      s.setString(1, code);
      s.setTimestamp(2, Timestamp.valueOf(issuedAfter));
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("stand-in message storage failed", e);
    }
  }

  @Override
  public List<StandInMessage> latest(String touser, int limit) {
    if (touser == null || touser.isBlank()) {
      return query("SELECT " + COLUMNS + " FROM standin_wecom_message ORDER BY id DESC LIMIT ?",
          s -> s.setInt(1, limit));
    }
    return query("SELECT " + COLUMNS + " FROM standin_wecom_message WHERE touser = ? ORDER BY id DESC LIMIT ?",
        s -> {
          s.setString(1, touser.strip().toLowerCase(Locale.ROOT));
          s.setInt(2, limit);
        });
  }

  private static final String COLUMNS = "id, received_at, api, touser, msgtype, content_hash, body, msgid, outcome";

  private List<StandInMessage> query(String sql, Binder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      List<StandInMessage> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(new StandInMessage(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime(), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("stand-in message storage failed", e);
    }
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }
}
