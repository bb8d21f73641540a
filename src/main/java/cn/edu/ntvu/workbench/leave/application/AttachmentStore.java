package cn.edu.ntvu.workbench.leave.application;

import java.util.List;
import java.util.Optional;

/** AttachmentStore: a port of this application layer, implemented in infrastructure. */
public interface AttachmentStore {
  /** An attachment's facts without its bytes. */
  record Info(
      long id, long requestId, String fileName, String contentType, int size, boolean hasPreview)
      implements java.io.Serializable {}

  void insert(long requestId, NewAttachment f);

  /**
   * Copies attachment {@code id} (file and preview) to request {@code toRequestId}, when it belongs
   * to request {@code fromRequestId}; 1 when copied.
   */
  int copy(long id, long fromRequestId, long toRequestId);

  List<Info> of(long requestId);

  Optional<Info> info(long id);

  /** The bytes, or the downscaled preview when asked and there is one. */
  Optional<byte[]> content(long id, boolean preview);
}
