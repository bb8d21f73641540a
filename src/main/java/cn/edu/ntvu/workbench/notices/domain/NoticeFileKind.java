package cn.edu.ntvu.workbench.notices.domain;

import cn.edu.ntvu.workbench.platform.files.FileSignature;
import cn.edu.ntvu.workbench.platform.files.OfficeDocument;
import java.util.Locale;
import java.util.Optional;

/**
 * What a notice carries besides its text: images (shown as thumbnails that open full) and files
 * (downloads). Each is recognised by its first bytes ({@link FileSignature}), and its name must say
 * the same: a text file called {@code 通知.pdf} or a PDF called {@code photo.jpg} is refused.
 */
public enum NoticeFileKind {
  IMAGE(9, 5 * 1024 * 1024),
  FILE(5, 10 * 1024 * 1024);

  /**
   * The most pixels an image may have, read from its header before anything decodes it: a 50
   * megapixel phone photo fits, a small file that would unpack into a huge image does not.
   */
  public static final long MAX_PIXELS = 50_000_000L;

  private final int maxCount;
  private final int maxBytes;

  NoticeFileKind(int maxCount, int maxBytes) {
    this.maxCount = maxCount;
    this.maxBytes = maxBytes;
  }

  public int maxCount() {
    return maxCount;
  }

  public int maxBytes() {
    return maxBytes;
  }

  public int maxMegabytes() {
    return maxBytes / 1024 / 1024;
  }

  /** The file endings a {@link #FILE} may have, for the page's accept list and its message. */
  public static final String FILE_ENDINGS = ".pdf,.docx,.xlsx,.pptx,.doc,.xls,.ppt";

  /**
   * Whether {@code bytes} named {@code name} are of this kind: an image is a JPEG or PNG named
   * .jpg/.jpeg/.png as its bytes are; a file is a PDF named .pdf or an office document named as its
   * bytes are ({@link OfficeDocument}: .docx/.xlsx/.pptx, and .doc/.xls/.ppt for the older format).
   */
  public boolean accepts(String name, byte[] bytes) {
    Optional<FileSignature> sig = FileSignature.of(bytes);
    String ext = extension(name);
    return switch (this) {
      case IMAGE ->
          sig.isPresent()
              && (sig.get() == FileSignature.JPEG && (ext.equals("jpg") || ext.equals("jpeg"))
                  || sig.get() == FileSignature.PNG && ext.equals("png"));
      case FILE ->
          sig.isPresent()
              ? sig.get() == FileSignature.PDF && ext.equals("pdf")
              : OfficeDocument.of(bytes).filter(d -> d.named(ext)).isPresent();
    };
  }

  static String extension(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1);
  }
}
