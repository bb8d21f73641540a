package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A teacher's own choice of how they hear of their students' leaves (table {@code
 * leave_teacher_pref}): one message per request (no row, the default) or the daily 07:30 digest.
 * Set on 我的账号 by the teacher themself only (the account is the caller's, never a parameter of the
 * page).
 */
@ApplicationScoped
public class TeacherNoticePreferences {
  @Inject Sql sql;
  @Inject Clock clock;

  public boolean wantsDigest(String account) {
    return !digestOf(List.of(account)).isEmpty();
  }

  /** Of {@code accounts}, those who chose the digest. */
  public Set<String> digestOf(Collection<String> accounts) {
    Set<String> out = new HashSet<>();
    if (accounts.isEmpty()) {
      return out;
    }
    List<Object> args = new ArrayList<>(accounts);
    String marks = String.join(",", java.util.Collections.nCopies(args.size(), "?"));
    for (Object[] r :
        sql.rows(
            "SELECT account FROM leave_teacher_pref WHERE digest AND account IN (" + marks + ")",
            args.toArray())) {
      out.add((String) r[0]);
    }
    return out;
  }

  /** Everyone who chose the digest. */
  public List<String> digestTeachers() {
    List<String> out = new ArrayList<>();
    for (Object[] r :
        sql.rows("SELECT account FROM leave_teacher_pref WHERE digest ORDER BY account")) {
      out.add((String) r[0]);
    }
    return out;
  }

  /** Records the signed-in person's own choice. */
  @Transactional
  public void choose(String account, boolean digest) {
    sql.update(
        "INSERT INTO leave_teacher_pref (account, digest, updated_at) VALUES (?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE digest = VALUES(digest), updated_at = VALUES(updated_at)",
        account,
        digest,
        Timestamp.valueOf(LocalDateTime.now(clock)));
  }
}
