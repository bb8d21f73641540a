package cn.edu.ntvu.workbench.platform.files;

import java.util.Optional;

/**
 * The width and height an uploaded image states in its header, read from the bytes without decoding
 * a pixel: the PNG {@code IHDR}, the JPEG start-of-frame ({@code SOF0}–{@code SOF15}), the WebP
 * {@code VP8 }/{@code VP8L} frame header or {@code VP8X} canvas. A decoder allocates width × height
 * × 4 bytes whatever the file's size, so a 1 MB PNG of 30000×30000 (a "decompression bomb") would
 * need 3.6 GB: every upload is held against a pixel limit here first, and only an image within it
 * is ever decoded. The limits belong to each use (a photo, a tile icon) and live there.
 */
public final class ImageHeader {
  private ImageHeader() {}

  /** What an image's header says. */
  public record Size(int width, int height) {
    public long pixels() {
      return (long) width * height;
    }
  }

  /** An image held against a pixel limit. */
  public enum Verdict {
    /** Not a PNG, JPEG or WebP by its first bytes: nothing to say about pixels. */
    NOT_AN_IMAGE,
    /**
     * An image by its first bytes whose header cannot be read (truncated, damaged, or a zero side).
     */
    UNREADABLE,
    TOO_MANY_PIXELS,
    FITS
  }

  /**
   * The outcome of {@link #check}: the verdict and, when the header was read, the size it states.
   */
  public record Check(Verdict verdict, Size size) {
    public boolean refused() {
      return verdict == Verdict.UNREADABLE || verdict == Verdict.TOO_MANY_PIXELS;
    }
  }

  /**
   * Holds {@code bytes} against {@code maxPixels}: anything that is not an image passes as {@link
   * Verdict#NOT_AN_IMAGE} (its own kind check decides about it), an image whose header cannot be
   * read is {@link Verdict#UNREADABLE}.
   */
  public static Check check(byte[] bytes, long maxPixels) {
    if (!isImage(bytes)) {
      return new Check(Verdict.NOT_AN_IMAGE, null);
    }
    Optional<Size> size = read(bytes);
    if (size.isEmpty()) {
      return new Check(Verdict.UNREADABLE, null);
    }
    return new Check(
        size.get().pixels() > maxPixels ? Verdict.TOO_MANY_PIXELS : Verdict.FITS, size.get());
  }

  /** Whether the first bytes are those of a PNG, JPEG or WebP file. */
  public static boolean isImage(byte[] b) {
    return isPng(b) || isJpeg(b) || isWebp(b);
  }

  /**
   * The size stated in the header of a PNG, JPEG or WebP file; empty when it is none of them or
   * unreadable.
   */
  public static Optional<Size> read(byte[] b) {
    if (b == null) {
      return Optional.empty();
    }
    Size s;
    if (isPng(b)) {
      s = png(b);
    } else if (isJpeg(b)) {
      s = jpeg(b);
    } else if (isWebp(b)) {
      s = webp(b);
    } else {
      s = null;
    }
    return s == null || s.width() <= 0 || s.height() <= 0 ? Optional.empty() : Optional.of(s);
  }

  static boolean isPng(byte[] b) {
    return starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
  }

  static boolean isJpeg(byte[] b) {
    return starts(b, 0xFF, 0xD8, 0xFF);
  }

  static boolean isWebp(byte[] b) {
    return starts(b, 'R', 'I', 'F', 'F')
        && b.length >= 12
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P';
  }

  /**
   * The IHDR chunk must come first (PNG spec 5.6): length 13, then width and height as 4-byte
   * big-endian.
   */
  private static Size png(byte[] b) {
    if (b.length < 24
        || be32(b, 8) != 13
        || b[12] != 'I'
        || b[13] != 'H'
        || b[14] != 'D'
        || b[15] != 'R') {
      return null;
    }
    long w = be32(b, 16);
    long h = be32(b, 20);
    return w > Integer.MAX_VALUE || h > Integer.MAX_VALUE ? null : new Size((int) w, (int) h);
  }

  /**
   * Walks the marker segments up to the first start-of-frame. Segments before it (APP1 with an EXIF
   * thumbnail, which carries a frame of its own, among them) are skipped by their length, so only
   * the main image's frame is read.
   */
  private static Size jpeg(byte[] b) {
    int i = 2;
    while (i + 1 < b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        return null;
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++; // fill byte
        continue;
      }
      i += 2;
      if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
        continue; // stand-alone markers: no length
      }
      if (marker == 0xD9 || marker == 0xDA || i + 2 > b.length) {
        return null; // end of image or scan data before any frame
      }
      int length = be16(b, i);
      if (length < 2) {
        return null;
      }
      boolean frame =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (frame) {
        // precision (1), height (2), width (2); a height of 0 (defined later by DNL) is refused as
        // unreadable
        return i + 7 > b.length ? null : new Size(be16(b, i + 5), be16(b, i + 3));
      }
      i += length;
    }
    return null;
  }

  /**
   * A simple WebP holds one {@code VP8 } or {@code VP8L} frame; an extended one ({@code VP8X})
   * states its canvas and may hold animation frames ({@code ANMF}) and a frame of its own. The
   * largest size stated anywhere is taken, so a small canvas cannot hide a huge frame.
   */
  private static Size webp(byte[] b) {
    Size largest = null;
    int i = 12;
    while (i + 8 <= b.length) {
      long size = le(b, i + 4, 4);
      int data = i + 8;
      Size s = webpChunk(b, i, data);
      if (s == null
          && (tag(b, i, "VP8 ") || tag(b, i, "VP8L") || tag(b, i, "VP8X") || tag(b, i, "ANMF"))) {
        return null; // a frame or canvas whose header cannot be read
      }
      if (s != null && (largest == null || s.pixels() > largest.pixels())) {
        largest = s;
      }
      long next = data + size + (size & 1);
      if (next > b.length || next <= i) {
        break;
      }
      i = (int) next;
    }
    return largest;
  }

  private static Size webpChunk(byte[] b, int chunk, int data) {
    if (tag(b, chunk, "VP8 ")) {
      // frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height (the top 2 bits are
      // a scale)
      if (data + 10 > b.length
          || (b[data + 3] & 0xFF) != 0x9D
          || (b[data + 4] & 0xFF) != 0x01
          || (b[data + 5] & 0xFF) != 0x2A) {
        return null;
      }
      return new Size((int) (le(b, data + 6, 2) & 0x3FFF), (int) (le(b, data + 8, 2) & 0x3FFF));
    }
    if (tag(b, chunk, "VP8L")) {
      // signature 0x2F, then 14 bits width − 1 and 14 bits height − 1
      if (data + 5 > b.length || (b[data] & 0xFF) != 0x2F) {
        return null;
      }
      long bits = le(b, data + 1, 4);
      return new Size((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
    }
    if (tag(b, chunk, "VP8X")) {
      // flags (1), reserved (3), canvas width − 1 (3), canvas height − 1 (3)
      return data + 10 > b.length
          ? null
          : new Size((int) le(b, data + 4, 3) + 1, (int) le(b, data + 7, 3) + 1);
    }
    if (tag(b, chunk, "ANMF")) {
      // X (3), Y (3), frame width − 1 (3), frame height − 1 (3); the frame's own VP8/VP8L data
      // follows
      return data + 12 > b.length
          ? null
          : new Size((int) le(b, data + 6, 3) + 1, (int) le(b, data + 9, 3) + 1);
    }
    return null;
  }

  private static boolean tag(byte[] b, int at, String fourcc) {
    if (at + 4 > b.length) {
      return false;
    }
    for (int k = 0; k < 4; k++) {
      if (b[at + k] != fourcc.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean starts(byte[] b, int... magic) {
    if (b == null || b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static long be32(byte[] b, int at) {
    return ((long) (b[at] & 0xFF) << 24)
        | ((b[at + 1] & 0xFF) << 16)
        | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }

  private static int be16(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }

  private static long le(byte[] b, int at, int n) {
    long v = 0;
    for (int k = n - 1; k >= 0; k--) {
      v = (v << 8) | (b[at + k] & 0xFF);
    }
    return v;
  }
}
