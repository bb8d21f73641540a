package cn.edu.ntvu.workbench.portal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.edu.ntvu.workbench.portal.domain.TileIcons;
import cn.edu.ntvu.workbench.portal.domain.TileInputException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class IconImageTest {
  private static byte[] image(String format, int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0x0b5394));
    g.fillRect(0, 0, w, h);
    g.setColor(Color.WHITE);
    g.fillOval(w / 4, h / 4, w / 2, h / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = IconImageTest.class.getResourceAsStream("/icons/" + name)) {
      return in.readAllBytes();
    }
  }

  private static BufferedImage read(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  private static void refused(byte[] bytes, String key) {
    assertThatThrownBy(() -> IconImage.normalize(bytes))
        .isInstanceOf(TileInputException.class)
        .extracting(e -> ((TileInputException) e).key())
        .isEqualTo(key);
  }

  @Test
  void pngJpegAndWebPBecomeA96PixelPngNamedByItsContent() throws IOException {
    for (byte[] upload :
        new byte[][] {
          image("png", 300, 150),
          image("jpeg", 64, 64),
          resource("icon.webp"),
          resource("icon-lossless.webp")
        }) {
      IconImage.Icon icon = IconImage.normalize(upload);
      assertThat(TileIcons.isUploaded(icon.name())).isTrue();
      assertThat(icon.png()).startsWith(0x89, 'P', 'N', 'G');
      BufferedImage back = read(icon.png());
      assertThat(back.getWidth()).isEqualTo(IconImage.SIDE);
      assertThat(back.getHeight()).isEqualTo(IconImage.SIDE);
      // the same upload gives the same name
      assertThat(IconImage.normalize(upload).name()).isEqualTo(icon.name());
    }
    // a wide image keeps its shape: transparent above and below
    BufferedImage wide = read(IconImage.normalize(image("png", 300, 150)).png());
    assertThat(wide.getRGB(48, 2) >>> 24).isZero();
    assertThat(wide.getRGB(48, 48) >>> 24).isEqualTo(0xFF);
  }

  @Test
  void whatIsNotAnImageWeAcceptIsRefusedByItsContent() throws IOException {
    refused(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8),
        "workbench.icon.type");
    refused(
        "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
        "workbench.icon.type");
    refused(image("gif", 32, 32), "workbench.icon.type");
    refused(new byte[0], "workbench.icon.empty");
    refused(new byte[IconImage.MAX_BYTES + 1], "workbench.icon.tooBig");
  }

  @Test
  void aTruncatedOrCorruptImageIsRefused() throws IOException {
    byte[] png = image("png", 200, 200);
    refused(Arrays.copyOf(png, png.length / 2), "workbench.icon.damaged");
    byte[] garbage = Arrays.copyOf(png, png.length);
    for (int i = 40; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 31);
    }
    refused(garbage, "workbench.icon.damaged");
    byte[] webp = resource("icon.webp");
    refused(Arrays.copyOf(webp, webp.length - 100), "workbench.icon.damaged");
  }

  @Test
  void aHugeImageInASmallFileIsRefusedBeforeDecoding() throws IOException {
    // 8000×8000 of one colour compresses to a few kB
    BufferedImage img = new BufferedImage(8000, 8000, BufferedImage.TYPE_BYTE_BINARY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    assertThat(out.size()).isLessThan(IconImage.MAX_BYTES);
    refused(out.toByteArray(), "workbench.icon.dimensions");
  }

  @Test
  void
      aBombOfUnderTwoHundredKilobytesAndAnImageOfMoreThanFourMegapixelsAreRefusedFromTheirHeader() {
    // 30000×30000 in 1 bit per pixel: a valid PNG of about 110 KB that would decode into 3.6 GB of
    // ARGB.
    byte[] bomb = cn.edu.ntvu.workbench.platform.files.ImageBombs.png(30_000, 30_000, 1);
    assertThat(bomb.length).isLessThan(IconImage.MAX_BYTES);
    refused(bomb, "workbench.icon.dimensions");
    assertThatThrownBy(() -> IconImage.normalize(bomb))
        .extracting(e -> ((TileInputException) e).args())
        .isEqualTo(java.util.List.of("30000", "30000", "400", "4096", "4"));
    // Within the side limit, beyond the pixels.
    refused(
        cn.edu.ntvu.workbench.platform.files.ImageBombs.png(2100, 2000, 1),
        "workbench.icon.dimensions");
    refused(
        cn.edu.ntvu.workbench.platform.files.ImageBombs.webpCanvas(50_000, 50_000),
        "workbench.icon.dimensions");
  }
}
