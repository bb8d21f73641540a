package cn.edu.ntvu.workbench.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxTableReaderTest {
  private static final ColumnSpec PEOPLE =
      new ColumnSpec(List.of("account", "name", "mobile", "grade"), Set.of("account", "name"));

  private final TabularFileReader reader = new TabularFileReader();

  static byte[] workbook() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("人员");
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("学号");
      header.createCell(1).setCellValue("姓名");
      header.createCell(2).setCellValue("手机号");
      header.createCell(3).setCellValue("Grade");
      Row first = sheet.createRow(1);
      first.createCell(0).setCellValue(260100001);
      first.createCell(1).setCellValue("毛敏");
      first.createCell(2).setCellValue(13800000001d);
      first.createCell(3).setCellValue(2026);
      Row second = sheet.createRow(3);
      second.createCell(0).setCellValue("S2");
      second.createCell(1).setCellValue("尹超");
      wb.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void readsFirstSheetWithExcelRowNumbersAndNumbersAsShown() throws Exception {
    TabularFile file = reader.read("people.xlsx", workbook(), PEOPLE);

    assertThat(file.columns()).containsExactly("account", "name", "mobile", "grade");
    assertThat(file.rows()).extracting(TabularRow::line).containsExactly(2, 4);
    TabularRow row = file.rows().get(0);
    assertThat(row.get("account")).isEqualTo("260100001");
    assertThat(row.get("mobile")).isEqualTo("13800000001");
    assertThat(row.get("grade")).isEqualTo("2026");
    assertThat(file.rows().get(1).get("mobile")).isEmpty();
  }

  @Test
  void tooManyRowsStopTheStream() throws Exception {
    byte[] workbook = workbook();
    ImportFileException e =
        catchThrowableOfType(
            ImportFileException.class,
            () -> new TabularFileReader(1).read("people.xlsx", workbook, PEOPLE));
    assertThat(e.getMessageKey()).isEqualTo("import.file.tooManyRows");
    assertThat(e.getArgs()).containsExactly("1");
  }

  @Test
  void bytesThatAreNotXlsxGetAClearAnswer() {
    ImportFileException e =
        catchThrowableOfType(
            ImportFileException.class,
            () ->
                reader.read(
                    "people.xlsx", "account,name\n1,a\n".getBytes(StandardCharsets.UTF_8), PEOPLE));
    assertThat(e.getMessageKey()).isEqualTo("import.file.notXlsx");
  }

  @Test
  void aZipThatIsNoWorkbookGetsAClearAnswer() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("hello.txt"));
      zip.write("hello".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    ImportFileException e =
        catchThrowableOfType(
            ImportFileException.class,
            () -> reader.read("people.xlsx", bytes.toByteArray(), PEOPLE));
    assertThat(e.getMessageKey()).isEqualTo("import.file.notXlsx");

    ImportFileException renamed =
        catchThrowableOfType(
            ImportFileException.class,
            () -> reader.read("people.csv", bytes.toByteArray(), PEOPLE));
    assertThat(renamed.getMessageKey()).isEqualTo("import.file.zipNamedCsv");
  }

  @Test
  void oldBinaryXlsIsAskedToBeSavedAgain() throws Exception {
    byte[] xls;
    try (HSSFWorkbook wb = new HSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.createSheet().createRow(0).createCell(0).setCellValue("account");
      wb.write(out);
      xls = out.toByteArray();
    }
    for (String name : List.of("people.xls", "people.xlsx", "people.csv")) {
      byte[] content = xls;
      ImportFileException e =
          catchThrowableOfType(ImportFileException.class, () -> reader.read(name, content, PEOPLE));
      assertThat(e.getMessageKey()).as(name).isEqualTo("import.file.xls");
    }
  }

  /**
   * A real workbook whose sheet is replaced by 40 MB of highly compressible XML (about 40 KB
   * zipped). The reader must refuse it as a zip bomb without inflating it into memory.
   */
  @Test
  void zipBombIsRefused() throws Exception {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook()));
        ZipOutputStream out = new ZipOutputStream(bomb)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
          out.write(
              ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                      + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>")
                  .getBytes(StandardCharsets.UTF_8));
          byte[] chunk = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
          for (int i = 0; i < 40; i++) {
            out.write(chunk);
          }
          out.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        } else {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    assertThat(bomb.size()).isLessThan(1_000_000);

    ImportFileException e =
        catchThrowableOfType(
            ImportFileException.class,
            () -> reader.read("people.xlsx", bomb.toByteArray(), PEOPLE));

    assertThat(e.getMessageKey()).isEqualTo("import.xlsx.zipBomb");
  }
}
