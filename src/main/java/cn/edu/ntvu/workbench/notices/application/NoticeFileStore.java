package cn.edu.ntvu.workbench.notices.application;

import cn.edu.ntvu.workbench.notices.domain.NoticeFileKind;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** The images and files of notices (port; SQL in infrastructure). */
public interface NoticeFileStore {
  long insert(
      long noticeId,
      NoticeFileKind kind,
      String fileName,
      byte[] content,
      Integer width,
      Integer height,
      String addedBy,
      LocalDateTime now);

  /** A notice's images, then its files, each in the order added. */
  List<NoticeFile> of(long noticeId);

  Optional<NoticeFile> info(long fileId);

  Optional<byte[]> content(long fileId);

  int remove(long noticeId, long fileId);
}
