package cn.edu.ntvu.workbench.forms.domain;

import java.util.Optional;

/** Uploads a file question takes, recognised by their first bytes (never by name or the browser's word). */
public enum FileKind {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  PDF("application/pdf", "pdf");

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

  public static Optional<FileKind> sniff(byte[] b) {
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

  /** The problem with {@code bytes} for question {@code q}, or empty when it is taken. */
  public static Optional<Problem> problem(Question q, String name, byte[] bytes) {
    if (bytes.length > q.effectiveMaxKilobytes() * 1024L) {
      return Optional.of(Problem.of("forms.error.fileTooBig", name, q.effectiveMaxKilobytes() / 1024.0));
    }
    Optional<FileKind> kind = sniff(bytes);
    if (kind.isEmpty() || q.imagesOnly() && kind.get() == PDF) {
      return Optional.of(Problem.of(q.imagesOnly() ? "forms.error.notImage" : "forms.error.fileType", name));
    }
    return Optional.empty();
  }
}
