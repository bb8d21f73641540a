package cn.edu.ntvu.workbench.attendance.application;

import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The roster {@link RollCalls#open} read during this request, for a {@link RollCalls#submit} of the
 * same occurrence by the same person in the same request: a 提交考勤 post reads the roster while the
 * page's form is decoded and would read it again to check the taps against it (and a third time for
 * the answer). Taken once: the answer after the submit reads the roster afresh.
 */
@RequestScoped
public class RosterMemo {
  private final Map<String, Object> kept = new HashMap<>();
  private boolean armed;

  /** The next {@link RollCalls#submit} of this request may use the roster opened before it. */
  public void arm() {
    armed = true;
  }

  static String key(String account, String termCode, String source, int no, Object date) {
    return account + '\u0000' + termCode + '\u0000' + source + '\u0000' + no + '\u0000' + date;
  }

  void put(String key, Object loaded) {
    kept.put(key, loaded);
  }

  Optional<Object> take(String key) {
    if (!armed) {
      return Optional.empty();
    }
    armed = false;
    return Optional.ofNullable(kept.remove(key));
  }
}
