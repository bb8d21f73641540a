package cn.edu.ntvu.workbench.portal.application;

import cn.edu.ntvu.workbench.platform.files.ImageHeader;
import cn.edu.ntvu.workbench.portal.domain.TileInputException;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An uploaded tile icon made safe: only PNG, JPEG or WebP, recognised by their content (magic
 * bytes, not the file name), at most {@link #MAX_BYTES}, {@link #MAX_PIXELS} pixels and {@link
 * #MAX_SIDE} a side (read from the header by {@link ImageHeader} before any decoder sees the bytes,
 * so a small file cannot unpack into a huge image), decoded completely (a truncated file is
 * refused), and re-encoded as a {@value #SIDE}×{@value #SIDE} PNG. What is stored and served is
 * only ever our own PNG, never the uploaded bytes: an SVG with script or an HTML page renamed .png
 * never gets through. Refusals are {@link TileInputException}s whose keys name messages in {@code
 * i18n.workbench}.
 */
public final class IconImage {
  public static final int MAX_BYTES = 200 * 1024;

  /**
   * An icon is shown at 96×96: 2000×2000 is more than any source needs, and decoding it costs 16
   * MB; a photo-sized or bomb image (30000×30000 in a 200 KB PNG would need 3.6 GB) is refused from
   * its header.
   */
  public static final long MAX_PIXELS = 4_000_000L;

  static final int MAX_SIDE = 4096;
  public static final int SIDE = 96;

  private IconImage() {}

  /** The re-encoded icon and its name ({@code up-} + 24 hex digits of its SHA-256). */
  public record Icon(String name, byte[] png) {}

  public static Icon normalize(byte[] upload) {
    if (upload == null || upload.length == 0) {
      throw new TileInputException("workbench.icon.empty");
    }
    if (upload.length > MAX_BYTES) {
      throw new TileInputException("workbench.icon.tooBig", String.valueOf(MAX_BYTES / 1024));
    }
    Format format = Format.of(upload);
    if (format == null) {
      throw new TileInputException("workbench.icon.type");
    }
    ImageHeader.Check header = ImageHeader.check(upload, MAX_PIXELS);
    if (header.verdict() == ImageHeader.Verdict.UNREADABLE) {
      throw new TileInputException("workbench.icon.damaged");
    }
    if (header.verdict() == ImageHeader.Verdict.TOO_MANY_PIXELS
        || header.size().width() > MAX_SIDE
        || header.size().height() > MAX_SIDE) {
      throw tooLarge(header.size().width(), header.size().height());
    }
    BufferedImage image = decode(upload, format);
    return encode(fit(image));
  }

  private enum Format {
    PNG,
    JPEG,
    WEBP;

    static Format of(byte[] b) {
      if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
        return PNG;
      }
      if (starts(b, 0xFF, 0xD8, 0xFF)) {
        return JPEG;
      }
      if (b.length >= 12
          && starts(b, 'R', 'I', 'F', 'F')
          && b[8] == 'W'
          && b[9] == 'E'
          && b[10] == 'B'
          && b[11] == 'P') {
        return WEBP;
      }
      return null;
    }

    private static boolean starts(byte[] b, int... magic) {
      if (b.length < magic.length) {
        return false;
      }
      for (int i = 0; i < magic.length; i++) {
        if ((b[i] & 0xFF) != magic[i]) {
          return false;
        }
      }
      return true;
    }
  }

  private static BufferedImage decode(byte[] bytes, Format format) {
    ImageReader reader = reader(format);
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      int w = reader.getWidth(0);
      int h = reader.getHeight(0);
      // The decoder's own reading of the header must agree with ours (a second check, not the
      // first).
      if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
        throw tooLarge(w, h);
      }
      BufferedImage image = reader.read(0);
      if (image == null) {
        throw new TileInputException("workbench.icon.damaged");
      }
      return image;
    } catch (IOException | RuntimeException e) {
      if (e instanceof TileInputException t) {
        throw t;
      }
      // Truncated or corrupt data: the decoders throw IOException, and some an unchecked exception.
      throw new TileInputException("workbench.icon.damaged");
    } finally {
      reader.dispose();
    }
  }

  private static TileInputException tooLarge(int w, int h) {
    return new TileInputException(
        "workbench.icon.dimensions",
        String.valueOf(w),
        String.valueOf(h),
        String.valueOf(MAX_PIXELS / 10_000),
        String.valueOf(MAX_SIDE),
        String.valueOf(MAX_PIXELS / 1_000_000));
  }

  private static ImageReader reader(Format format) {
    if (format == Format.WEBP) {
      // Directly, not through ImageIO's registry: in an application server the registry may not see
      // our plugins.
      try {
        return new WebPImageReaderSpi().createReaderInstance();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    Iterator<ImageReader> readers =
        ImageIO.getImageReadersByFormatName(format.name().toLowerCase());
    if (!readers.hasNext()) {
      throw new IllegalStateException("no " + format + " reader in this JDK");
    }
    return readers.next();
  }

  /** Scaled to fit {@value #SIDE}×{@value #SIDE}, centred on a transparent square. */
  private static BufferedImage fit(BufferedImage image) {
    double scale = Math.min((double) SIDE / image.getWidth(), (double) SIDE / image.getHeight());
    int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage out = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.drawImage(image, (SIDE - w) / 2, (SIDE - h) / 2, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static Icon encode(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer in this JDK");
      }
      byte[] png = out.toByteArray();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(png);
      return new Icon("up-" + HexFormat.of().formatHex(digest).substring(0, 24), png);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
