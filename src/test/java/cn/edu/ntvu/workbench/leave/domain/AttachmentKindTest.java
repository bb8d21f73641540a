package cn.edu.ntvu.workbench.leave.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachmentKindTest {
  @Test
  void recognisedByContentNotByName() {
    assertThat(AttachmentKind.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F'}))
        .contains(AttachmentKind.JPEG);
    assertThat(AttachmentKind.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
        .contains(AttachmentKind.PNG);
    assertThat(AttachmentKind.sniff("%PDF-1.7\n%…".getBytes(StandardCharsets.UTF_8))).contains(AttachmentKind.PDF);
    // An executable renamed .jpg: a Windows PE ("MZ") and an ELF binary are neither.
    assertThat(AttachmentKind.sniff(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0})).isEmpty();
    assertThat(AttachmentKind.sniff(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0})).isEmpty();
    assertThat(AttachmentKind.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
  }
}
