package cn.edu.ntvu.workbench.leave.domain;

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

  public static Optional<AttachmentKind> sniff(byte[] b) {
    if (b == null || b.length < 8) {
      return Optional.empty();
    }
    if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
      return Optional.of(JPEG);
    }
    if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A) {
      return Optional.of(PNG);
    }
    if (b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
      return Optional.of(PDF);
    }
    return Optional.empty();
  }
}
