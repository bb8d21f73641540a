package cn.edu.ntvu.workbench.leave.domain;

import cn.edu.ntvu.workbench.platform.files.FileSignature;
import java.util.Optional;

/**
 * The files a request may carry (a photo or scan of a sick note), recognised by their first bytes, never by their
 * name: an executable renamed {@code .jpg} is none of these.
 */
public enum AttachmentKind {
  JPEG("image/jpeg"),
  PNG("image/png"),
  PDF("application/pdf");

  public static final int MAX_FILES = 3;
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  private final String contentType;

  AttachmentKind(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  public boolean isImage() {
    return this != PDF;
  }

  /** The kind of {@code b} by its first bytes ({@link FileSignature}); empty for anything else. */
  public static Optional<AttachmentKind> sniff(byte[] b) {
    return FileSignature.of(b).map(f -> valueOf(f.name()));
  }
}
