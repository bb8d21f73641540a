package cn.edu.ntvu.workbench.leave.infrastructure;

import cn.edu.ntvu.workbench.leave.domain.AttachmentKind;
import cn.edu.ntvu.workbench.platform.files.ImageHeader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A phone-sized JPEG of a photo (at most {@value #MAX_SIDE} px on its longer side), so a 5 MB photo
 * is not sent. The photo's header is read first: one beyond {@link AttachmentKind#MAX_PIXELS} is
 * never decoded (the submit refuses it anyway; this holds whoever calls), and a large one is
 * decoded with subsampling, only every n-th pixel, so a 50-megapixel photo costs a few MB of memory
 * instead of 200.
 */
public final class ImagePreview {
  public static final int MAX_SIDE = 1080;

  private ImagePreview() {}

  /**
   * The downscaled JPEG, or null when the image cannot be read or is too large (the original is
   * then served).
   */
  public static byte[] downscale(byte[] image) {
    ImageHeader.Check header = ImageHeader.check(image, AttachmentKind.MAX_PIXELS);
    if (header.verdict() != ImageHeader.Verdict.FITS) {
      return null;
    }
    try {
      BufferedImage in = read(image, header.size());
      if (in == null) {
        return null;
      }
      double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(in.getWidth(), in.getHeight()));
      int w = Math.max(1, (int) Math.round(in.getWidth() * scale));
      int h = Math.max(1, (int) Math.round(in.getHeight() * scale));
      BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = out.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.drawImage(in, 0, 0, w, h, null);
      g.dispose();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(out, "jpg", bytes);
      return bytes.toByteArray();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Decodes every n-th pixel of each n-th row, n chosen so that the result is still at least twice
   * the preview.
   */
  private static BufferedImage read(byte[] image, ImageHeader.Size size) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int step = Math.max(1, Math.max(size.width(), size.height()) / (2 * MAX_SIDE));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    }
  }
}
