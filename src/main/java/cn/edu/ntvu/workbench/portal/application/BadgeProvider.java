package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.security.SignedInUser;
import java.util.OptionalInt;

/**
 * A micro-app's number on its workbench tile for one person (classes left today, requests waiting
 * for me …). A CDI bean; a tile names it by {@link #key()}. Called in parallel and time-boxed: a
 * slow or failing provider only loses its badge.
 */
public interface BadgeProvider {
  String key();

  /**
   * Whether the number is only information (classes left today) rather than things waiting for the
   * person (requests to approve, forms to fill): the tile shows it quietly, not in the red of
   * unread messages.
   */
  default boolean informational() {
    return false;
  }

  /** The number for {@code user}; empty when there is nothing to show. */
  OptionalInt badge(SignedInUser user);
}
