package cn.edu.ntvu.workbench.identity.application;

import java.util.List;
import java.util.Optional;

/**
 * The directory's search index (port; {@code identity.infrastructure.SqlDirectoryIndex}): indexed
 * prefix queries on names, pinyin initials, full pinyin, accounts and codes, bounded by a {@link
 * PickScope}.
 */
public interface DirectoryIndex {
  /**
   * Candidates of one kind (not ROLE) matching {@code query}, inside {@code scope}, at most {@code
   * limit}.
   */
  List<DirectoryHit> candidates(PickKind kind, SearchText query, PickScope scope, int limit);

  /**
   * The class, department or person {@code key} names, if it exists and lies inside {@code scope}.
   */
  Optional<DirectoryHit> find(PickKind kind, String key, PickScope scope);

  /**
   * Fills the pinyin of rows whose name changed since (or that have none yet); returns how many.
   */
  int refreshPinyin();
}
