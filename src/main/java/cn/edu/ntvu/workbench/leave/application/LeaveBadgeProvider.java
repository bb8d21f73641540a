package cn.edu.ntvu.workbench.leave.application;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.application.BadgeProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalInt;

/**
 * The 学生请假 tile's badge: requests waiting for my decision (one indexed count); none for students.
 */
@ApplicationScoped
public class LeaveBadgeProvider implements BadgeProvider {
  public static final String KEY = "leave:waiting-for-me";

  @Inject LeaveQueries queries;

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public OptionalInt badge(SignedInUser user) {
    if (user.isStudent()) {
      return OptionalInt.empty();
    }
    // Waiting for my decision, and 销假 waiting for my confirmation.
    long n = queries.countWaitingFor(user.account()) + queries.returnsToConfirm(user).size();
    return n > 0 ? OptionalInt.of((int) Math.min(n, 999)) : OptionalInt.empty();
  }
}
