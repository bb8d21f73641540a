package cn.edu.ntvu.workbench.leave.infrastructure;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** A phone-sized JPEG of a photo (at most {@value #MAX_SIDE} px on its longer side), so a 5 MB photo is not sent. */
public final class ImagePreview {
  public static final int MAX_SIDE = 1080;

  private ImagePreview() {}

  /** The downscaled JPEG, or null when the image cannot be read (the original is then served). */
  public static byte[] downscale(byte[] image) {
    try {
      BufferedImage in = ImageIO.read(new ByteArrayInputStream(image));
      if (in == null) {
        return null;
      }
      double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(in.getWidth(), in.getHeight()));
      int w = Math.max(1, (int) Math.round(in.getWidth() * scale));
      int h = Math.max(1, (int) Math.round(in.getHeight() * scale));
      BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = out.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
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
}
