package cn.edu.ntvu.workbench.platform.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an uploaded directory file into numbered rows keyed by canonical column names. The format
 * is chosen by the file name and checked against the bytes, because admins rename files and
 * browsers report whatever they like.
 */
public final class TabularFileReader {
  /**
   * Larger uploads are refused before any parsing. A whole school's directory is about 2 MB; the
   * limit also stays below MariaDB's default 16 MB packet, because the upload is stored in {@code
   * import_batch} for confirmation.
   */
  public static final int MAX_BYTES = 15 * 1024 * 1024;

  /** More data rows than this are refused: the school has about 16,000 people. */
  public static final int MAX_ROWS = 200_000;

  private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

  private final int maxRows;

  public TabularFileReader() {
    this(MAX_ROWS);
  }

  /** A reader with a smaller row limit, for tests. */
  public TabularFileReader(int maxRows) {
    this.maxRows = maxRows;
  }

  /**
   * Reads {@code content} as the table described by {@code spec}.
   *
   * @throws ImportFileException when the file as a whole cannot be used; problems of single rows
   *     are left to the caller's validation
   */
  public TabularFile read(String fileName, byte[] content, ColumnSpec spec)
      throws ImportFileException {
    if (content == null || content.length == 0) {
      throw new ImportFileException("import.file.empty");
    }
    if (content.length > MAX_BYTES) {
      throw new ImportFileException("import.file.tooLarge", MAX_BYTES / (1024 * 1024));
    }
    String name = fileName == null ? "" : fileName.trim().toLowerCase(Locale.ROOT);
    List<RawRow> raw;
    String encoding;
    if (name.endsWith(".xls") || startsWith(content, OLE2_MAGIC)) {
      throw new ImportFileException("import.file.xls");
    } else if (name.endsWith(".xlsx")) {
      if (!startsWith(content, ZIP_MAGIC)) {
        throw new ImportFileException("import.file.notXlsx");
      }
      raw = new XlsxTableReader(maxRows + 1).read(content);
      encoding = "XLSX";
    } else if (name.endsWith(".csv") || name.endsWith(".txt")) {
      if (startsWith(content, ZIP_MAGIC)) {
        throw new ImportFileException("import.file.zipNamedCsv");
      }
      CsvTableReader csv = new CsvTableReader(maxRows + 1);
      raw = csv.read(content);
      encoding = csv.encoding();
    } else {
      throw new ImportFileException(
          "import.file.unsupportedType", fileName == null ? "" : fileName);
    }
    return toTable(raw, spec, encoding);
  }

  private TabularFile toTable(List<RawRow> raw, ColumnSpec spec, String encoding)
      throws ImportFileException {
    if (raw.isEmpty()) {
      throw new ImportFileException("import.file.empty");
    }
    RawRow header = raw.get(0);
    List<String> columns = new ArrayList<>();
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < header.cells().size(); i++) {
      String canonical = spec.canonical(header.cells().get(i));
      if (canonical.isEmpty()) {
        canonical = "#" + (i + 1);
      } else if (firstIndex.containsKey(canonical)) {
        throw new ImportFileException("import.file.duplicateColumn", header.cells().get(i).strip());
      }
      firstIndex.put(canonical, i);
      columns.add(canonical);
    }
    List<String> missing = new ArrayList<>();
    for (String required : spec.columns()) {
      if (spec.required().contains(required) && !firstIndex.containsKey(required)) {
        missing.add(required);
      }
    }
    if (!missing.isEmpty()) {
      throw new ImportFileException(
          "import.file.missingColumns", String.join(", ", missing), String.join(", ", columns));
    }
    List<TabularRow> rows = new ArrayList<>(raw.size());
    for (RawRow r : raw.subList(1, raw.size())) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < r.cells().size() && i < columns.size(); i++) {
        values.put(columns.get(i), clean(r.cells().get(i)));
      }
      int cellCount = r.cells().size();
      while (cellCount > columns.size() && r.cells().get(cellCount - 1).isBlank()) {
        cellCount--;
      }
      rows.add(new TabularRow(r.line(), values, cellCount));
    }
    if (rows.isEmpty()) {
      throw new ImportFileException("import.file.noRows");
    }
    if (rows.size() > maxRows) {
      throw new ImportFileException("import.file.tooManyRows", maxRows);
    }
    return new TabularFile(columns, rows, encoding);
  }

  /** Trims ordinary and full-width spaces that spreadsheets leave around values. */
  private static String clean(String value) {
    return value == null ? "" : value.replace('\u3000', ' ').strip();
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** A record before header mapping: where it starts and its cells; never entirely blank. */
  record RawRow(int line, List<String> cells) {}
}
