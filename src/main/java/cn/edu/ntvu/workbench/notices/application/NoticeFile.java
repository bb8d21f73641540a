package cn.edu.ntvu.workbench.notices.application;

import cn.edu.ntvu.workbench.notices.domain.NoticeFileKind;

/** An image or file of a notice, without its bytes. */
public record NoticeFile(
    long id, long noticeId, NoticeFileKind kind, String fileName, int sizeBytes) {

  /** The size as people read it: 820 KB, 3.4 MB. */
  public String size() {
    return sizeBytes < 1024 * 1024
        ? Math.max(1, Math.round(sizeBytes / 1024.0)) + " KB"
        : String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / 1024.0 / 1024.0);
  }

  public boolean image() {
    return kind == NoticeFileKind.IMAGE;
  }
}
