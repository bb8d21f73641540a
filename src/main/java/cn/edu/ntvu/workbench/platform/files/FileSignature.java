package cn.edu.ntvu.workbench.platform.files;

import java.util.Optional;

/**
 * The kinds of uploaded document the micro-apps take (a photo, a scan), recognised by their first
 * bytes, never by a file's name or the browser's word for it: an executable renamed {@code .jpg} is
 * none of these.
 */
public enum FileSignature {
  JPEG,
  PNG,
  PDF;

  public static Optional<FileSignature> of(byte[] b) {
    if (b == null || b.length < 8) {
      return Optional.empty();
    }
    if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
      return Optional.of(JPEG);
    }
    if ((b[0] & 0xff) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0D
        && b[5] == 0x0A) {
      return Optional.of(PNG);
    }
    if (b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
      return Optional.of(PDF);
    }
    return Optional.empty();
  }
}
