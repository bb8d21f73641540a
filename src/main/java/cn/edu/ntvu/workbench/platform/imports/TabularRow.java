package cn.edu.ntvu.workbench.platform.imports;

import java.util.Map;

/**
 * One data row of an uploaded file. {@code line} is what the admin sees in their editor: the
 * physical line where a CSV record starts, or the row number in Excel. {@code values} is keyed by
 * canonical column name; blank cells are empty strings. {@code cellCount} lets validation notice
 * rows with more cells than the header.
 */
public record TabularRow(int line, Map<String, String> values, int cellCount) {
  public TabularRow {
    values = Map.copyOf(values);
  }

  /** The trimmed value of a column, or an empty string when the column or cell is missing. */
  public String get(String column) {
    return values.getOrDefault(column, "");
  }
}
