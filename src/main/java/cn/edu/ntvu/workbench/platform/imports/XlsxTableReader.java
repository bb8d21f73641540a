package cn.edu.ntvu.workbench.platform.imports;

import cn.edu.ntvu.workbench.platform.imports.TabularFileReader.RawRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook, streamed so that a large or hostile file never sits in
 * memory as a DOM. Cells are read as Excel shows them ({@link DataFormatter}), so a mobile typed as
 * a number stays 13800000001. POI's zip-bomb guard (minimum inflate ratio, maximum entry size) is
 * always on.
 */
final class XlsxTableReader {
  /** No sheet part of a directory file legitimately expands beyond this. */
  static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;

  static {
    if (ZipSecureFile.getMinInflateRatio() < 0.01) {
      ZipSecureFile.setMinInflateRatio(0.01);
    }
    if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_BYTES) {
      ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }
  }

  private final int maxRows;

  XlsxTableReader(int maxRows) {
    this.maxRows = maxRows;
  }

  List<RawRow> read(byte[] content) throws ImportFileException {
    Path temp = null;
    try {
      temp = Files.createTempFile("directory-import", ".xlsx");
      Files.write(temp, content);
      try (OPCPackage pkg = OPCPackage.open(temp.toFile(), PackageAccess.READ)) {
        return readFirstSheet(pkg);
      }
    } catch (ImportFileException e) {
      throw e;
    } catch (TooManyRows e) {
      throw new ImportFileException("import.file.tooManyRows", maxRows - 1);
    } catch (Exception | LinkageError e) {
      throw classify(e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the OS cleans the temp directory; a leftover file holds no secret beyond the upload
          // itself
        }
      }
    }
  }

  private List<RawRow> readFirstSheet(OPCPackage pkg)
      throws IOException,
          OpenXML4JException,
          SAXException,
          ImportFileException,
          javax.xml.parsers.ParserConfigurationException {
    XSSFReader reader = new XSSFReader(pkg);
    ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
    StylesTable styles = reader.getStylesTable();
    Iterator<InputStream> sheets = reader.getSheetsData();
    if (!sheets.hasNext()) {
      throw new ImportFileException("import.file.empty");
    }
    RowCollector rows = new RowCollector(maxRows);
    try (InputStream sheet = sheets.next()) {
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(
          new XSSFSheetXMLHandler(styles, strings, rows, new DataFormatter(Locale.ROOT), false));
      parser.parse(new InputSource(sheet));
    }
    return rows.rows;
  }

  private static ImportFileException classify(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TooManyRows) {
        return new ImportFileException(t, "import.file.tooManyRows", ((TooManyRows) t).limit - 1);
      }
      String message = t.getMessage() == null ? "" : t.getMessage();
      if (message.contains("Zip bomb") || message.contains("potentially malicious")) {
        return new ImportFileException(e, "import.xlsx.zipBomb");
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return new ImportFileException(e, "import.file.notXlsx");
  }

  /** Stops the parse of a sheet with more rows than an upload may have. */
  private static final class TooManyRows extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int limit;

    TooManyRows(int limit) {
      super("more than " + limit + " rows", null, false, false);
      this.limit = limit;
    }
  }

  /** Collects non-blank rows with their Excel row numbers. */
  private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final int maxRows;
    private final List<RawRow> rows = new ArrayList<>();
    private List<String> cells;
    private int nextColumn;

    RowCollector(int maxRows) {
      this.maxRows = maxRows;
    }

    @Override
    public void startRow(int rowNum) {
      cells = new ArrayList<>();
      nextColumn = 0;
    }

    @Override
    public void endRow(int rowNum) {
      if (cells.stream().anyMatch(s -> !s.isBlank())) {
        if (rows.size() >= maxRows) {
          throw new TooManyRows(maxRows);
        }
        rows.add(new RawRow(rowNum + 1, cells));
      }
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
      int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
      if (column > 16_384) {
        return;
      }
      while (cells.size() < column) {
        cells.add("");
      }
      if (cells.size() == column) {
        cells.add(formattedValue == null ? "" : formattedValue);
      } else {
        cells.set(column, formattedValue == null ? "" : formattedValue);
      }
      nextColumn = column + 1;
    }
  }
}
