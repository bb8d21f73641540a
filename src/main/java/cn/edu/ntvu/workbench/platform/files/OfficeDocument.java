package cn.edu.ntvu.workbench.platform.files;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The office documents schools attach to notices (报名表.docx, 名单.xlsx, 课件.pptx, and their older
 * .doc/.xls/.ppt forms), recognised by their bytes, never by name: an Office Open XML file is a ZIP
 * whose central directory lists {@code [Content_Types].xml} and the part folder of its kind ({@code
 * word/}, {@code xl/}, {@code ppt/}) and no macros ({@code vbaProject.bin}); an older one is an
 * OLE2 compound file. Only the ZIP's directory is read — nothing is unpacked, so a ZIP bomb costs
 * nothing here.
 */
public enum OfficeDocument {
  DOCX("docx"),
  XLSX("xlsx"),
  PPTX("pptx"),
  /** An OLE2 compound file: .doc, .xls or .ppt (the container does not say which). */
  OLE2("doc", "xls", "ppt");

  private static final byte[] OLE2_MAGIC = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };
  private static final int EOCD = 0x06054b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int MAX_ENTRIES = 10_000;

  private final Set<String> extensions;

  OfficeDocument(String... extensions) {
    this.extensions = Set.of(extensions);
  }

  /** Whether a file of this kind may be named with this ending (lower case, without the dot). */
  public boolean named(String extension) {
    return extensions.contains(extension);
  }

  public static Optional<OfficeDocument> of(byte[] b) {
    if (b == null || b.length < 22) {
      return Optional.empty();
    }
    if (startsWith(b, OLE2_MAGIC)) {
      return Optional.of(OLE2);
    }
    if (b[0] != 'P' || b[1] != 'K' || b[2] != 3 || b[3] != 4) {
      return Optional.empty();
    }
    Set<String> names = centralDirectoryNames(b);
    if (names == null
        || !names.contains("[Content_Types].xml")
        || names.stream().anyMatch(n -> n.endsWith("vbaProject.bin"))) {
      return Optional.empty();
    }
    if (names.contains("word/document.xml")) {
      return Optional.of(DOCX);
    }
    if (names.contains("xl/workbook.xml")) {
      return Optional.of(XLSX);
    }
    if (names.contains("ppt/presentation.xml")) {
      return Optional.of(PPTX);
    }
    return Optional.empty();
  }

  /** The entry names of a ZIP's central directory, or null when it is not a well-formed one. */
  static Set<String> centralDirectoryNames(byte[] b) {
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    // the end-of-central-directory record: 22 bytes plus a comment of up to 65,535
    int eocd = -1;
    for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
      if (buf.getInt(i) == EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      return null;
    }
    int entries = Short.toUnsignedInt(buf.getShort(eocd + 10));
    long size = Integer.toUnsignedLong(buf.getInt(eocd + 12));
    long offset = Integer.toUnsignedLong(buf.getInt(eocd + 16));
    if (entries > MAX_ENTRIES || offset + size > eocd) {
      return null;
    }
    Set<String> names = new HashSet<>();
    int p = (int) offset;
    for (int i = 0; i < entries; i++) {
      if (p + 46 > eocd || buf.getInt(p) != CENTRAL) {
        return null;
      }
      int nameLength = Short.toUnsignedInt(buf.getShort(p + 28));
      int extraLength = Short.toUnsignedInt(buf.getShort(p + 30));
      int commentLength = Short.toUnsignedInt(buf.getShort(p + 32));
      if (p + 46 + nameLength > eocd) {
        return null;
      }
      names.add(new String(b, p + 46, nameLength, StandardCharsets.UTF_8));
      p += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
