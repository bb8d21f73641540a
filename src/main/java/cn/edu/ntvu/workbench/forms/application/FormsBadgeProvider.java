package cn.edu.ntvu.workbench.forms.application;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.application.BadgeProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.OptionalInt;

/**
 * The 收集表 tile's badge 待填写: open forms that ask me and that I have not filled (one indexed count).
 */
@ApplicationScoped
public class FormsBadgeProvider implements BadgeProvider {
  public static final String KEY = "forms:to-fill";

  @Inject FormStore store;
  @Inject Clock clock;

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public OptionalInt badge(SignedInUser user) {
    long n = store.countToFill(user.account(), LocalDateTime.now(clock));
    return n > 0 ? OptionalInt.of((int) Math.min(n, 999)) : OptionalInt.empty();
  }
}
