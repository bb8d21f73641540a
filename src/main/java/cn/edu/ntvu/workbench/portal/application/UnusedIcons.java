package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.files.StagedUploads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDateTime;

/**
 * For the upload cleanup job: tile icons uploaded (or last used) longer ago than the job keeps
 * staged uploads and used by no tile — uploaded for a tile whose save never came, or left behind
 * when a tile changed its icon. A tile save renews its icon's time ({@link TileStore#touchIcon}),
 * so an icon in use is never taken.
 */
@ApplicationScoped
public class UnusedIcons implements StagedUploads {
  @Inject TileStore store;

  @Override
  public String what() {
    return "tile icons";
  }

  @Override
  public int removeUnclaimed(LocalDateTime stagedBefore, int limit) {
    return store.removeUnusedIcons(stagedBefore, limit);
  }
}
