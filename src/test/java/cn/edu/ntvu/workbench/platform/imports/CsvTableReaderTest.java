package cn.edu.ntvu.workbench.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvTableReaderTest {
  private static final ColumnSpec PEOPLE =
      new ColumnSpec(List.of("account", "name", "mobile", "position"), Set.of("account", "name"));
  private static final String SAMPLE =
      "account,name,mobile,position\n10001,毛敏,13800000001,教师\n10002,尹超,,\"辅导员,教师\"\n";

  private final TabularFileReader reader = new TabularFileReader();

  private TabularFile read(byte[] bytes) throws ImportFileException {
    return reader.read("people.csv", bytes, PEOPLE);
  }

  private static ImportFileException failure(ThrowingRead read) {
    try {
      read.run();
    } catch (ImportFileException e) {
      return e;
    }
    throw new AssertionError("expected an ImportFileException");
  }

  interface ThrowingRead {
    void run() throws ImportFileException;
  }

  @Test
  void readsUtf8WithLineNumbersAndQuotedComma() throws Exception {
    TabularFile file = read(SAMPLE.getBytes(StandardCharsets.UTF_8));

    assertThat(file.encoding()).isEqualTo("UTF-8");
    assertThat(file.rows()).hasSize(2);
    assertThat(file.rows().get(0).line()).isEqualTo(2);
    assertThat(file.rows().get(0).get("name")).isEqualTo("毛敏");
    assertThat(file.rows().get(1).get("position")).isEqualTo("辅导员,教师");
    assertThat(file.rows().get(1).get("mobile")).isEmpty();
  }

  @Test
  void stripsUtf8Bom() throws Exception {
    byte[] body = SAMPLE.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);

    TabularFile file = read(withBom);

    assertThat(file.columns()).startsWith("account");
    assertThat(file.rows().get(0).get("account")).isEqualTo("10001");
  }

  @Test
  void readsGbkAsExcelInChinaSavesIt() throws Exception {
    TabularFile file = read(SAMPLE.getBytes(Charset.forName("GBK")));

    assertThat(file.encoding()).isEqualTo("GB18030");
    assertThat(file.rows().get(0).get("name")).isEqualTo("毛敏");
    assertThat(file.rows().get(1).get("position")).isEqualTo("辅导员,教师");
  }

  @Test
  void refusesMixedUtf8AndGbkNamingTheOddLines() {
    byte[] utf8 = "account,name\n10001,毛敏\n10002,尹超\n10003,陶博\n".getBytes(StandardCharsets.UTF_8);
    byte[] gbk = "10004,刘敏秀\n".getBytes(Charset.forName("GBK"));
    byte[] mixed = new byte[utf8.length + gbk.length];
    System.arraycopy(utf8, 0, mixed, 0, utf8.length);
    System.arraycopy(gbk, 0, mixed, utf8.length, gbk.length);

    ImportFileException e = failure(() -> read(mixed));

    assertThat(e.getMessageKey()).isEqualTo("import.csv.mixedEncoding");
    assertThat(e.getArgs().get(0)).isEqualTo("5");
  }

  @Test
  void gbkLineThatIsValidUtf8ByChanceIsStillGbk() throws Exception {
    String csv = "account,name\n10001,毛\n10002,尹超\n";

    TabularFile file = read(csv.getBytes(Charset.forName("GBK")));

    assertThat(file.encoding()).isEqualTo("GB18030");
    assertThat(file.rows()).extracting(r -> r.get("name")).containsExactly("毛", "尹超");
  }

  @Test
  void quotedLineBreakKeepsLaterLineNumbers() throws Exception {
    String csv = "account,name,position\r\n10001,毛敏,\"教师\r\n辅导员\"\r\n\r\n10002,\"尹\"\"超\"\"\",\r\n";

    TabularFile file = reader.read("people.csv", csv.getBytes(StandardCharsets.UTF_8), PEOPLE);

    assertThat(file.rows()).extracting(TabularRow::line).containsExactly(2, 5);
    assertThat(file.rows().get(0).get("position")).isEqualTo("教师\n辅导员");
    assertThat(file.rows().get(1).get("name")).isEqualTo("尹\"超\"");
  }

  @Test
  void unclosedQuoteNamesTheLineWhereTheRecordStarts() {
    String csv = "account,name\n10001,毛敏\n10002,\"尹超\n10003,陶博\n";

    ImportFileException e = failure(() -> read(csv.getBytes(StandardCharsets.UTF_8)));

    assertThat(e.getMessageKey()).isEqualTo("import.csv.unclosedQuote");
    assertThat(e.getArgs()).containsExactly("3");
  }

  @Test
  void strayQuoteIsAMalformedLine() {
    String csv = "account,name\n10001,毛敏\n10002,\"尹超\"x\n";
    assertThat(failure(() -> read(csv.getBytes(StandardCharsets.UTF_8))))
        .extracting(ImportFileException::getMessageKey, ImportFileException::getArgs)
        .containsExactly("import.csv.textAfterQuote", List.of("3"));

    String inField = "account,name\n10001,毛\"敏\n";
    assertThat(failure(() -> read(inField.getBytes(StandardCharsets.UTF_8))).getArgs())
        .containsExactly("2");
  }

  @Test
  void chineseHeadersAndCaseAreAccepted() throws Exception {
    String csv = "学号,姓名,手机号\n10001,毛敏,13800000001\n";
    TabularFile file = read(csv.getBytes(StandardCharsets.UTF_8));
    assertThat(file.rows().get(0).get("mobile")).isEqualTo("13800000001");

    String upper = "Account, NAME ,Mobile\n10001,毛敏,13800000001\n";
    assertThat(read(upper.getBytes(StandardCharsets.UTF_8)).rows().get(0).get("name"))
        .isEqualTo("毛敏");
  }

  @Test
  void missingRequiredColumnsAreNamed() {
    String csv = "account,mobile\n10001,13800000001\n";

    ImportFileException e = failure(() -> read(csv.getBytes(StandardCharsets.UTF_8)));

    assertThat(e.getMessageKey()).isEqualTo("import.file.missingColumns");
    assertThat(e.getArgs().get(0)).isEqualTo("name");
  }

  @Test
  void emptyUtf16AndOversizedFilesAreRefused() {
    assertThat(failure(() -> read(new byte[0])).getMessageKey()).isEqualTo("import.file.empty");
    assertThat(
            failure(() -> read("account,name\n".getBytes(StandardCharsets.UTF_8))).getMessageKey())
        .isEqualTo("import.file.noRows");
    assertThat(failure(() -> read(SAMPLE.getBytes(StandardCharsets.UTF_16LE))).getMessageKey())
        .isIn("import.csv.binary", "import.csv.unknownEncoding", "import.csv.mixedEncoding");
    byte[] bom16 = {(byte) 0xFF, (byte) 0xFE, 'a', 0};
    assertThat(failure(() -> read(bom16)).getMessageKey()).isEqualTo("import.csv.utf16");
    assertThat(failure(() -> read(new byte[TabularFileReader.MAX_BYTES + 1])).getMessageKey())
        .isEqualTo("import.file.tooLarge");
  }

  @Test
  void tooManyRowsAreRefused() {
    String csv = "account,name\n1,a\n2,b\n3,c\n";
    ImportFileException e =
        failure(
            () ->
                new TabularFileReader(2)
                    .read("p.csv", csv.getBytes(StandardCharsets.UTF_8), PEOPLE));
    assertThat(e.getMessageKey()).isEqualTo("import.file.tooManyRows");
    assertThat(e.getArgs()).containsExactly("2");
  }

  @Test
  void extraCellsAreCountedForValidation() throws Exception {
    String csv = "account,name\n10001,毛敏,extra\n10002,尹超,,\n";
    TabularFile file = read(csv.getBytes(StandardCharsets.UTF_8));
    assertThat(file.rows()).extracting(TabularRow::cellCount).containsExactly(3, 2);
  }

  @Test
  void unknownFileTypeIsRefused() {
    assertThatThrownBy(() -> reader.read("people.pdf", new byte[] {1}, PEOPLE))
        .isInstanceOf(ImportFileException.class)
        .extracting("messageKey")
        .isEqualTo("import.file.unsupportedType");
  }
}
