package cn.edu.ntvu.workbench.platform.imports;

import java.util.List;

/**
 * A file read as a table: canonical column names in file order (unknown columns keep their own
 * name), the data rows, and how the text was decoded (for CSV: {@code UTF-8} or {@code GB18030};
 * for XLSX: {@code XLSX}).
 */
public record TabularFile(List<String> columns, List<TabularRow> rows, String encoding) {
  public TabularFile {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }
}
