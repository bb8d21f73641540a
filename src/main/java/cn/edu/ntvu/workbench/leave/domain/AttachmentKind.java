package cn.edu.ntvu.workbench.leave.domain;

import cn.edu.ntvu.workbench.platform.files.FileSignature;
import cn.edu.ntvu.workbench.platform.files.ImageHeader;
import java.util.Optional;

/**
 * The files a request may carry (a photo or scan of a sick note), recognised by their first bytes,
 * never by their name: an executable renamed {@code .jpg} is none of these.
 */
public enum AttachmentKind {
  JPEG("image/jpeg"),
  PNG("image/png"),
  PDF("application/pdf");

  public static final int MAX_FILES = 3;
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  /**
   * The most pixels a photo may have, read from its header before anything decodes it ({@link
   * ImageHeader}): the full-size photo of a 50-megapixel phone camera (8160×6120) fits; a small
   * file that would unpack into a huge image (a "decompression bomb", 30000×30000 in 1 MB) does
   * not.
   */
  public static final long MAX_PIXELS = 50_000_000L;

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

  /**
   * The problem of a photo with more than {@link #MAX_PIXELS} or an unreadable header, for the
   * attachments field (file name, width, height, the limit in megapixels and in 万 pixels); empty
   * for a photo within it and a PDF.
   */
  public static Optional<FieldProblem> pixelProblem(String name, byte[] bytes) {
    ImageHeader.Check c = ImageHeader.check(bytes, MAX_PIXELS);
    return switch (c.verdict()) {
      case UNREADABLE ->
          Optional.of(FieldProblem.of("attachments", "leave.error.imageUnreadable", name));
      case TOO_MANY_PIXELS ->
          Optional.of(
              FieldProblem.of(
                  "attachments",
                  "leave.error.tooManyPixels",
                  name,
                  c.size().width(),
                  c.size().height(),
                  MAX_PIXELS / 1_000_000,
                  MAX_PIXELS / 10_000));
      default -> Optional.empty();
    };
  }
}
