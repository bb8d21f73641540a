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

  @Test
  void filesMayBeOfficeDocumentsNamedAsTheirBytesAre() throws Exception {
    byte[] docx = docx();
    byte[] xlsx = xlsx();
    byte[] xls = xls();
    byte[] pptx = zip("[Content_Types].xml", "ppt/presentation.xml");
    assertThat(NoticeFileKind.FILE.accepts("报名表.docx", docx)).isTrue();
    assertThat(NoticeFileKind.FILE.accepts("名单.XLSX", xlsx)).isTrue();
    assertThat(NoticeFileKind.FILE.accepts("课件.pptx", pptx)).isTrue();
    assertThat(NoticeFileKind.FILE.accepts("名单.xls", xls)).isTrue();
    assertThat(NoticeFileKind.FILE.accepts("名单.doc", xls)).isTrue();
    // named as another kind
    assertThat(NoticeFileKind.FILE.accepts("报名表.xlsx", docx)).isFalse();
    assertThat(NoticeFileKind.FILE.accepts("报名表.pdf", docx)).isFalse();
    assertThat(NoticeFileKind.FILE.accepts("名单.docx", xls)).isFalse();
    // a ZIP that is no office document, one with macros, and text named .docx
    assertThat(NoticeFileKind.FILE.accepts("a.docx", zip("a.txt"))).isFalse();
    assertThat(
            NoticeFileKind.FILE.accepts(
                "a.docx", zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")))
        .isFalse();
    assertThat(NoticeFileKind.FILE.accepts("a.docx", TEXT)).isFalse();
    // a ZIP cut short (no central directory) is refused, not a crash
    assertThat(
            NoticeFileKind.FILE.accepts("a.docx", java.util.Arrays.copyOf(docx, docx.length / 2)))
        .isFalse();
    assertThat(NoticeFileKind.IMAGE.accepts("a.docx", docx)).isFalse();
  }

  private static byte[] docx() throws Exception {
    try (org.apache.poi.xwpf.usermodel.XWPFDocument d =
            new org.apache.poi.xwpf.usermodel.XWPFDocument();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      d.createParagraph().createRun().setText("报名表");
      d.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] xlsx() throws Exception {
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook w =
            new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      w.createSheet("名单").createRow(0).createCell(0).setCellValue("田芬");
      w.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] xls() throws Exception {
    try (org.apache.poi.hssf.usermodel.HSSFWorkbook w =
            new org.apache.poi.hssf.usermodel.HSSFWorkbook();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      w.createSheet("名单").createRow(0).createCell(0).setCellValue("田芬");
      w.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] zip(String... names) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
      for (String n : names) {
        z.putNextEntry(new java.util.zip.ZipEntry(n));
        z.write("<x/>".getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
