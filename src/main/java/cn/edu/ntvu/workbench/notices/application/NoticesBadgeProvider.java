package cn.edu.ntvu.workbench.notices.application;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.application.BadgeProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalInt;

/**
 * The 通知 tile's badge: notices sent to me that I have not opened (one indexed count, shared with
 * the important ones on top of the home: {@link UnreadNotices}).
 */
@ApplicationScoped
public class NoticesBadgeProvider implements BadgeProvider {
  public static final String KEY = "notices:unread";

  @Inject UnreadNotices unread;

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public OptionalInt badge(SignedInUser user) {
    long n = unread.of(user.account()).count();
    return n > 0 ? OptionalInt.of((int) Math.min(n, 999)) : OptionalInt.empty();
  }
}
