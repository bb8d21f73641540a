package cn.edu.ntvu.workbench.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The checks every import page makes on an upload before handing its bytes to an import service: a
 * file was chosen, it is not empty, it is not larger than the import reads. The format checks (CSV
 * or XLSX, encoding, columns) belong to the file reader.
 */
public final class ImportUpload {
  private ImportUpload() {}

  /**
   * The bytes of {@code upload}, or null after telling the admin on the page why there are none.
   */
  public static byte[] read(Part upload, int maxBytes) {
    if (upload == null || upload.getSize() == 0) {
      return refuse(emptyFileSent() ? "import.file.empty" : "import.page.chooseFile");
    }
    if (upload.getSize() > maxBytes) {
      return refuse("import.file.tooLarge", String.valueOf(maxBytes / (1024 * 1024)));
    }
    try (InputStream in = upload.getInputStream()) {
      return in.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      return refuse("import.page.uploadFailed");
    }
  }

  /** Shows the text of {@code key} of {@code bundle} as an error at the top of the page. */
  public static void error(String bundle, String key, List<String> args) {
    String text = BundleText.format(bundle, BundleText.viewLocale(), key, args);
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  private static byte[] refuse(String key, String... args) {
    error(ProblemLine.IMPORT_BUNDLE, key, List.of(args));
    return null;
  }

  /**
   * Whether the request carries a named but empty file. Faces hands an empty file to the page as no
   * file at all, and "choose a file" would puzzle an admin who chose one.
   */
  private static boolean emptyFileSent() {
    Object request = FacesContext.getCurrentInstance().getExternalContext().getRequest();
    if (!(request instanceof HttpServletRequest http)
        || http.getContentType() == null
        || !http.getContentType().startsWith("multipart/")) {
      return false;
    }
    try {
      return http.getParts().stream()
          .anyMatch(
              p ->
                  p.getSubmittedFileName() != null
                      && !p.getSubmittedFileName().isBlank()
                      && p.getSize() == 0);
    } catch (IOException | ServletException | IllegalStateException e) {
      return false;
    }
  }
}
