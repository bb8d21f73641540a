package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.application.BadgeProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalInt;

/** The 查课表 tile's badge: classes left today; no badge when there are none. */
@ApplicationScoped
public class TimetableBadgeProvider implements BadgeProvider {
  public static final String KEY = "timetable:classes-left-today";

  @Inject TimetableBadge badge;

  @Override
  public String key() {
    return KEY;
  }

  /** Classes left today are information, not something waiting for the person. */
  @Override
  public boolean informational() {
    return true;
  }

  @Override
  public OptionalInt badge(SignedInUser user) {
    int n = badge.classesLeftToday(user);
    return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
  }
}
