package cn.edu.ntvu.workbench.leave.application;

import static cn.edu.ntvu.workbench.platform.persistence.Sql.lng;
import static cn.edu.ntvu.workbench.platform.persistence.Sql.str;

import cn.edu.ntvu.workbench.attendance.application.ExcusedAbsences;
import cn.edu.ntvu.workbench.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Leave's answer to 点名's question "who of these students is excused during this meeting?": the
 * approved requests overlapping the meeting, a leave ended early by 销假 counting until the return.
 * Read-only.
 */
@ApplicationScoped
public class LeaveExcusedAbsences implements ExcusedAbsences {
  /** Accounts per query: a roster is a few classes; more are read in slices. */
  private static final int SLICE = 500;

  @Inject Sql sql;

  @Override
  public Map<String, Excuse> during(
      Collection<String> students, LocalDateTime from, LocalDateTime to) {
    Map<String, Excuse> out = new HashMap<>();
    List<String> all = List.copyOf(students);
    for (int i = 0; i < all.size(); i += SLICE) {
      List<String> slice = all.subList(i, Math.min(all.size(), i + SLICE));
      Object[] args = new Object[slice.size() + 2];
      for (int j = 0; j < slice.size(); j++) {
        args[j] = slice.get(j);
      }
      args[slice.size()] = to;
      args[slice.size() + 1] = from;
      for (Object[] r :
          sql.rows(
              "SELECT r.student_account, r.id, COALESCE(t.name, r.type_code)"
                  + " FROM leave_request r LEFT JOIN leave_type t ON t.code = r.type_code"
                  + " WHERE r.student_account IN ("
                  + String.join(",", java.util.Collections.nCopies(slice.size(), "?"))
                  + ") AND r.status = 'APPROVED' AND r.starts_at < ?"
                  + " AND LEAST(r.ends_at, COALESCE(r.returned_at, r.ends_at)) > ?"
                  + " ORDER BY r.starts_at",
              args)) {
        out.putIfAbsent(str(r[0]), new Excuse(lng(r[1]), str(r[2])));
      }
    }
    return out;
  }
}
