package cn.edu.ntvu.workbench.forms.domain;

import cn.edu.ntvu.workbench.platform.files.FileSignature;
import cn.edu.ntvu.workbench.platform.files.ImageHeader;
import java.util.Optional;

/**
 * Uploads a file question takes, recognised by their first bytes (never by name or the browser's
 * word).
 */
public enum FileKind {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  PDF("application/pdf", "pdf");

  /**
   * The most pixels a photo answer may have, read from its header ({@link ImageHeader}) before it
   * is stored: the full-size photo of a 50-megapixel phone camera fits; a small file that would
   * unpack into a huge image in the owner's browser (a "decompression bomb", 30000×30000 in 1 MB)
   * does not.
   */
  public static final long MAX_PIXELS = 50_000_000L;

  private final String contentType;
  private final String extension;

  FileKind(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  /** The kind of {@code b} by its first bytes ({@link FileSignature}); empty for anything else. */
  public static Optional<FileKind> sniff(byte[] b) {
    return FileSignature.of(b).map(f -> valueOf(f.name()));
  }

  /** The problem with {@code bytes} for question {@code q}, or empty when it is taken. */
  public static Optional<Problem> problem(Question q, String name, byte[] bytes) {
    if (bytes.length > q.effectiveMaxKilobytes() * 1024L) {
      return Optional.of(
          Problem.of("forms.error.fileTooBig", name, q.effectiveMaxKilobytes() / 1024.0));
    }
    Optional<FileKind> kind = sniff(bytes);
    if (kind.isEmpty() || q.imagesOnly() && kind.get() == PDF) {
      return Optional.of(
          Problem.of(q.imagesOnly() ? "forms.error.notImage" : "forms.error.fileType", name));
    }
    ImageHeader.Check pixels = ImageHeader.check(bytes, MAX_PIXELS);
    return switch (pixels.verdict()) {
      case UNREADABLE -> Optional.of(Problem.of("forms.error.imageUnreadable", name));
      case TOO_MANY_PIXELS ->
          Optional.of(
              Problem.of(
                  "forms.error.tooManyPixels",
                  name,
                  pixels.size().width(),
                  pixels.size().height(),
                  MAX_PIXELS / 1_000_000,
                  MAX_PIXELS / 10_000));
      default -> Optional.empty();
    };
  }
}
