package cn.edu.ntvu.workbench.platform.files;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Decompression bombs for tests, built here rather than checked in: a PNG whose header says {@code
 * width × height} and whose image data is that many zero pixels, deflated (a zlib stream of zeros
 * shrinks about 1000 to 1), so a 30000×30000 grey PNG is a valid file of under 1 MB that a decoder
 * would unpack into 900 MB or more.
 */
public final class ImageBombs {
  private ImageBombs() {}

  private static byte[] png30000;

  /** A valid 30000×30000 8-bit grey PNG of zeros (about 0.9 MB), made once per test JVM. */
  public static synchronized byte[] png30000() {
    if (png30000 == null) {
      png30000 = png(30_000, 30_000, 8);
    }
    return png30000.clone();
  }

  /**
   * A valid grey PNG of zero pixels with {@code bitDepth} 1 or 8 (1 makes a far smaller file of the
   * same size).
   */
  public static byte[] png(int width, int height, int bitDepth) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(ihdr);
      h.writeInt(width);
      h.writeInt(height);
      h.writeByte(bitDepth);
      h.writeByte(0); // grey
      h.writeByte(0); // deflate
      h.writeByte(0); // adaptive filtering
      h.writeByte(0); // not interlaced
      chunk(out, "IHDR", ihdr.toByteArray());
      chunk(out, "IDAT", zeros((long) height * (1 + ((long) width * bitDepth + 7) / 8)));
      chunk(out, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code n} zero bytes as a zlib stream (each row's filter byte is a zero too: "none"). */
  private static byte[] zeros(long n) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] block = new byte[1 << 20];
    byte[] buffer = new byte[1 << 16];
    long left = n;
    while (left > 0) {
      int len = (int) Math.min(block.length, left);
      deflater.setInput(block, 0, len);
      left -= len;
      while (!deflater.needsInput()) {
        int k = deflater.deflate(buffer);
        out.write(buffer, 0, k);
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      int k = deflater.deflate(buffer);
      out.write(buffer, 0, k);
    }
    deflater.end();
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(data.length);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    d.write(t);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }

  /**
   * A WebP of {@code fourcc} {@code VP8X} whose canvas says {@code width × height} (up to 16777216
   * a side).
   */
  public static byte[] webpCanvas(int width, int height) {
    byte[] vp8x = new byte[10];
    le(vp8x, 4, width - 1, 3);
    le(vp8x, 7, height - 1, 3);
    return riff(chunkLe("VP8X", vp8x));
  }

  /**
   * A lossless WebP ({@code VP8L}) whose header says {@code width × height} (up to 16384 a side),
   * no image data.
   */
  public static byte[] webpLossless(int width, int height) {
    byte[] vp8l = new byte[5];
    vp8l[0] = 0x2F;
    long bits = (width - 1) | ((long) (height - 1) << 14);
    le(vp8l, 1, bits, 4);
    return riff(chunkLe("VP8L", vp8l));
  }

  /**
   * An extended WebP with a small canvas and one animation frame ({@code ANMF}) of {@code width ×
   * height}.
   */
  public static byte[] webpAnimationFrame(int width, int height) {
    byte[] vp8x = new byte[10];
    vp8x[0] = 0x02; // animation
    le(vp8x, 4, 15, 3);
    le(vp8x, 7, 15, 3);
    byte[] anmf = new byte[16];
    le(anmf, 6, width - 1, 3);
    le(anmf, 9, height - 1, 3);
    byte[] a = chunkLe("VP8X", vp8x);
    byte[] b = chunkLe("ANMF", anmf);
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return riff(both);
  }

  private static byte[] riff(byte[] chunks) {
    byte[] out = new byte[12 + chunks.length];
    out[0] = 'R';
    out[1] = 'I';
    out[2] = 'F';
    out[3] = 'F';
    le(out, 4, 4 + chunks.length, 4);
    out[8] = 'W';
    out[9] = 'E';
    out[10] = 'B';
    out[11] = 'P';
    System.arraycopy(chunks, 0, out, 12, chunks.length);
    return out;
  }

  private static byte[] chunkLe(String fourcc, byte[] data) {
    byte[] out = new byte[8 + data.length + (data.length & 1)];
    for (int i = 0; i < 4; i++) {
      out[i] = (byte) fourcc.charAt(i);
    }
    le(out, 4, data.length, 4);
    System.arraycopy(data, 0, out, 8, data.length);
    return out;
  }

  private static void le(byte[] b, int at, long v, int n) {
    for (int i = 0; i < n; i++) {
      b[at + i] = (byte) (v >> (8 * i));
    }
  }
}
