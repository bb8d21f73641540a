package cn.edu.ntvu.workbench.leave.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.platform.files.ImageBombs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagePreviewTest {
  @Test
  void aBombIsNeverDecodedAndGetsNoPreview() {
    byte[] bomb = ImageBombs.png30000();
    long before = usedHeap();
    assertThat(ImagePreview.downscale(bomb)).isNull();
    // Decoding it would have needed 900 MB for its grey pixels alone.
    assertThat(usedHeap() - before).isLessThan(200L * 1024 * 1024);
  }

  @Test
  void aLargePhotoIsDecodedSubsampledIntoAPhoneSizedJpeg() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(6000, 4000, BufferedImage.TYPE_INT_RGB), "jpeg", out);
    BufferedImage preview =
        ImageIO.read(new ByteArrayInputStream(ImagePreview.downscale(out.toByteArray())));
    assertThat(preview.getWidth()).isEqualTo(ImagePreview.MAX_SIDE);
    assertThat(preview.getHeight()).isEqualTo(720);
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
