package cn.edu.ntvu.workbench.notices;

import static org.assertj.core.api.Assertions.assertThat;

import cn.edu.ntvu.workbench.notices.domain.NoticeFileKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A notice's image or file is what its bytes are, and its name must say the same. */
class NoticeFileKindTest {
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0, 0, 0, 0, 0};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0};
  private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TEXT = "hello, not a file\n".getBytes(StandardCharsets.US_ASCII);

  @Test
  void imagesAreJpegOrPngNamedAsTheyAre() {
    assertThat(NoticeFileKind.IMAGE.accepts("照片.JPG", JPEG)).isTrue();
    assertThat(NoticeFileKind.IMAGE.accepts("a.jpeg", JPEG)).isTrue();
    assertThat(NoticeFileKind.IMAGE.accepts("a.png", PNG)).isTrue();
    assertThat(NoticeFileKind.IMAGE.accepts("a.png", JPEG)).isFalse();
    assertThat(NoticeFileKind.IMAGE.accepts("a.jpg", TEXT)).isFalse();
    assertThat(NoticeFileKind.IMAGE.accepts("a.pdf", PDF)).isFalse();
    assertThat(NoticeFileKind.IMAGE.accepts("noextension", PNG)).isFalse();
  }

  @Test
  void filesArePdfsNamedPdf() {
    assertThat(NoticeFileKind.FILE.accepts("材料.pdf", PDF)).isTrue();
    assertThat(NoticeFileKind.FILE.accepts("通知.pdf", TEXT)).isFalse();
    assertThat(NoticeFileKind.FILE.accepts("run.exe", PDF)).isFalse();
    assertThat(NoticeFileKind.FILE.accepts("photo.pdf", JPEG)).isFalse();
    assertThat(NoticeFileKind.FILE.maxCount()).isEqualTo(5);
    assertThat(NoticeFileKind.IMAGE.maxCount()).isEqualTo(9);
  }
}
