package cn.edu.ntvu.workbench.platform.files;

import java.time.LocalDateTime;

/**
 * A micro-app that keeps uploads before the submit they belong to is accepted (a 收集表 file sent with
 * a submit refused for another question, a tile icon uploaded before the tile is saved) removes
 * here what no accepted submit claimed. {@link UploadCleanup} asks every implementation (CDI beans,
 * like {@code BadgeProvider}s) once across servers every few minutes, so that nothing unclaimed
 * outlives an hour.
 */
public interface StagedUploads {
  /** What is cleaned, for the log: e.g. {@code "收集表 files"}. */
  String what();

  /**
   * Removes uploads staged before {@code stagedBefore} that nothing refers to, at most {@code
   * limit} of them, in the caller's transaction; returns how many.
   */
  int removeUnclaimed(LocalDateTime stagedBefore, int limit);
}
