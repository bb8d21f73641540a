package cn.edu.ntvu.workbench.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

class ImageHeaderTest {
  private static final long PHOTO = 50_000_000L;

  private static byte[] image(String format, int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, out);
    return out.toByteArray();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ImageHeaderTest.class.getResourceAsStream("/icons/" + name)) {
      return in.readAllBytes();
    }
  }

  private static ImageHeader.Size size(int w, int h) {
    return new ImageHeader.Size(w, h);
  }

  @Test
  void aThirtyThousandSquarePngOfUnderOneMegabyteIsRefusedFromItsHeader() {
    byte[] bomb = ImageBombs.png30000();
    assertThat(bomb.length).isBetween(500_000, 1_100_000);
    ImageHeader.Check c = ImageHeader.check(bomb, PHOTO);
    assertThat(c.verdict()).isEqualTo(ImageHeader.Verdict.TOO_MANY_PIXELS);
    assertThat(c.size()).isEqualTo(size(30_000, 30_000));
    assertThat(c.refused()).isTrue();
  }

  @Test
  void theSizeOfPngAndJpegIsWhatTheDecoderWouldMake() throws IOException {
    assertThat(ImageHeader.read(image("png", 1600, 1200))).contains(size(1600, 1200));
    assertThat(ImageHeader.read(image("jpeg", 321, 123))).contains(size(321, 123));
    assertThat(ImageHeader.check(image("jpeg", 8000, 6000), PHOTO).verdict())
        .isEqualTo(ImageHeader.Verdict.FITS);
    assertThat(ImageHeader.check(image("png", 8001, 6250), PHOTO).verdict())
        .isEqualTo(ImageHeader.Verdict.TOO_MANY_PIXELS);
  }

  @Test
  void aProgressiveJpegAndOneWithAThumbnailInItsExifGiveTheMainImagesSize() throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      writer.write(
          null,
          new IIOImage(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), null, null),
          p);
    } finally {
      writer.dispose();
    }
    byte[] progressive = out.toByteArray();
    assertThat(ImageHeader.read(progressive)).contains(size(640, 480));

    // An APP1 segment right after SOI that holds a 160×120 thumbnail's frame header: skipped by its
    // length.
    byte[] thumbnailFrame = {
      (byte) 0xFF,
      (byte) 0xC0,
      0,
      17,
      8,
      0,
      120,
      0,
      (byte) 160,
      3,
      1,
      0x22,
      0,
      2,
      0x11,
      1,
      3,
      0x11,
      1
    };
    byte[] exif = new byte[4 + 6 + thumbnailFrame.length];
    exif[0] = (byte) 0xFF;
    exif[1] = (byte) 0xE1;
    exif[2] = 0;
    exif[3] = (byte) (exif.length - 2);
    System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 4, 6);
    System.arraycopy(thumbnailFrame, 0, exif, 10, thumbnailFrame.length);
    byte[] withExif = new byte[progressive.length + exif.length];
    System.arraycopy(progressive, 0, withExif, 0, 2);
    System.arraycopy(exif, 0, withExif, 2, exif.length);
    System.arraycopy(progressive, 2, withExif, 2 + exif.length, progressive.length - 2);
    assertThat(ImageHeader.read(withExif)).contains(size(640, 480));
  }

  @Test
  void webpSizesAgreeWithTheWebpDecoder() throws IOException {
    for (String name : new String[] {"icon.webp", "icon-lossless.webp"}) {
      byte[] webp = resource(name);
      ImageReader reader = new WebPImageReaderSpi().createReaderInstance();
      try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(webp))) {
        reader.setInput(in);
        assertThat(ImageHeader.read(webp))
            .as(name)
            .contains(size(reader.getWidth(0), reader.getHeight(0)));
      } finally {
        reader.dispose();
      }
    }
  }

  @Test
  void webpBombsAreRefusedByCanvasByLosslessHeaderAndByAHugeFrameInASmallCanvas() {
    assertThat(ImageHeader.check(ImageBombs.webpCanvas(100_000, 100_000), PHOTO).size())
        .isEqualTo(size(100_000, 100_000));
    assertThat(ImageHeader.check(ImageBombs.webpCanvas(100_000, 100_000), PHOTO).verdict())
        .isEqualTo(ImageHeader.Verdict.TOO_MANY_PIXELS);
    assertThat(ImageHeader.check(ImageBombs.webpLossless(16_384, 16_384), PHOTO).verdict())
        .isEqualTo(ImageHeader.Verdict.TOO_MANY_PIXELS);
    assertThat(ImageHeader.read(ImageBombs.webpLossless(300, 200))).contains(size(300, 200));
    assertThat(ImageHeader.check(ImageBombs.webpAnimationFrame(20_000, 20_000), PHOTO).size())
        .isEqualTo(size(20_000, 20_000));
  }

  @Test
  void aDamagedHeaderIsUnreadableAndWhatIsNoImageIsLeftToItsKindCheck() throws IOException {
    byte[] png = image("png", 10, 10);
    assertThat(ImageHeader.check(Arrays.copyOf(png, 20), PHOTO).verdict())
        .isEqualTo(ImageHeader.Verdict.UNREADABLE);
    byte[] noIhdr = png.clone();
    noIhdr[12] = 'X';
    assertThat(ImageHeader.check(noIhdr, PHOTO).verdict())
        .isEqualTo(ImageHeader.Verdict.UNREADABLE);
    // A JPEG that ends (or starts its scan) before any frame header.
    assertThat(
            ImageHeader.check(
                    new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, PHOTO)
                .verdict())
        .isEqualTo(ImageHeader.Verdict.UNREADABLE);
    // A JPEG frame of height 0 (to be given later by a DNL marker): refused rather than guessed.
    byte[] dnl = {
      (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0, 0, 0, 100, 1, 1, 0x11, 0
    };
    assertThat(ImageHeader.check(dnl, PHOTO).verdict()).isEqualTo(ImageHeader.Verdict.UNREADABLE);
    assertThat(ImageHeader.check(ImageBombs.webpCanvas(10, 10), PHOTO).verdict())
        .isEqualTo(ImageHeader.Verdict.FITS);
    byte[] truncatedWebp = Arrays.copyOf(ImageBombs.webpLossless(300, 200), 22);
    assertThat(ImageHeader.check(truncatedWebp, PHOTO).verdict())
        .isEqualTo(ImageHeader.Verdict.UNREADABLE);

    assertThat(ImageHeader.check("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), PHOTO).verdict())
        .isEqualTo(ImageHeader.Verdict.NOT_AN_IMAGE);
    assertThat(ImageHeader.check(new byte[0], PHOTO).refused()).isFalse();
    assertThat(ImageHeader.read(null)).isEmpty();
  }
}
