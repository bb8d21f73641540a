package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachmentKindTest {
  @Test
  void recognisedByContentNotByName() {
    assertThat(
            AttachmentKind.sniff(
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F'}))
        .contains(AttachmentKind.JPEG);
    assertThat(
            AttachmentKind.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
        .contains(AttachmentKind.PNG);
    assertThat(AttachmentKind.sniff("%PDF-1.7\n%…".getBytes(StandardCharsets.UTF_8)))
        .contains(AttachmentKind.PDF);
    // An executable renamed .jpg: a Windows PE ("MZ") and an ELF binary are neither.
    assertThat(AttachmentKind.sniff(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0})).isEmpty();
    assertThat(AttachmentKind.sniff(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0})).isEmpty();
    assertThat(AttachmentKind.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
  }

  @Test
  void aPhotoOfMoreThanFiftyMegapixelsIsRefusedFromItsHeaderAPdfIsNotAPhoto()
      throws java.io.IOException {
    FieldProblem p =
        AttachmentKind.pixelProblem(
                "假条.png", cn.edu.ntvu.workbench.platform.files.ImageBombs.png30000())
            .orElseThrow();
    assertThat(p.field()).isEqualTo("attachments");
    assertThat(p.key()).isEqualTo("leave.error.tooManyPixels");
    assertThat(p.args()).containsExactly("假条.png", "30000", "30000", "50", "5000");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(1600, 1200, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "jpeg",
        out);
    assertThat(AttachmentKind.pixelProblem("ok.jpg", out.toByteArray())).isEmpty();
    assertThat(AttachmentKind.pixelProblem("a.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(
            AttachmentKind.pixelProblem(
                    "cut.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9})
                .orElseThrow()
                .key())
        .isEqualTo("leave.error.imageUnreadable");
  }
}
