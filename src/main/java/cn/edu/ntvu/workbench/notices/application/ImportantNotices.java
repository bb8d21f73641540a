package cn.edu.ntvu.workbench.notices.application;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import cn.edu.ntvu.workbench.portal.application.PinnedItems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Important notices stay on top of the workbench home until their recipient has opened them (read
 * with the 通知 badge in one statement: {@link UnreadNotices}).
 */
@ApplicationScoped
public class ImportantNotices implements PinnedItems {
  @Inject UnreadNotices unread;

  @Override
  public List<Pinned> pinned(SignedInUser user) {
    String label = NoticesTexts.chinese().get("notices.tile.important");
    return unread.of(user.account()).important().stream()
        .map(n -> new Pinned(label, n.title(), "/notices/view.xhtml?id=" + n.id()))
        .toList();
  }
}
