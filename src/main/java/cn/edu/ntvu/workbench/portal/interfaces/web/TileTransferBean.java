package cn.edu.ntvu.workbench.portal.interfaces.web;

import cn.edu.ntvu.workbench.platform.security.CurrentUser;
import cn.edu.ntvu.workbench.platform.security.Requires;
import cn.edu.ntvu.workbench.platform.security.Role;
import cn.edu.ntvu.workbench.platform.web.BundleText;
import cn.edu.ntvu.workbench.platform.web.ImportUpload;
import cn.edu.ntvu.workbench.portal.application.TileAdmin;
import cn.edu.ntvu.workbench.portal.application.TileTransfer;
import cn.edu.ntvu.workbench.portal.application.WorkbenchTiles;
import cn.edu.ntvu.workbench.portal.domain.Tile;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.Serializable;
import java.util.List;

/**
 * Importing a tile configuration file ({@code /admin/workbench/transfer.xhtml}): upload, see every
 * problem or what would change (added, changed, removed tiles), then confirm. The import replaces
 * all tiles in one transaction with its audit entry, and only if nobody changed tiles since the
 * preview.
 */
@Requires(roles = Role.ADMIN)
@Named("tileTransfer")
@ViewScoped
public class TileTransferBean implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String BUNDLE = "i18n.workbench";

  @Inject TileAdmin admin;
  @Inject WorkbenchTiles tiles;
  @Inject CurrentUser me;

  /** One problem as the page shows it. */
  public record ProblemView(int tile, String name, String text) implements Serializable {}

  private transient Part file;
  // The checked file kept between preview and confirm (small: at most TileTransfer.MAX_BYTES).
  private byte[] bytes;
  private String fileName;
  private long version;
  private List<ProblemView> problems = List.of();
  private TileTransfer.Changes changes;
  private boolean done;

  public void preview() {
    clear();
    byte[] read = ImportUpload.read(file, TileTransfer.MAX_BYTES);
    if (read == null) {
      return;
    }
    version = admin.version();
    TileTransfer.Read result = TileTransfer.read(read);
    fileName = file.getSubmittedFileName() == null ? "" : file.getSubmittedFileName();
    if (!result.ok()) {
      problems =
          result.problems().stream()
              .map(
                  p ->
                      new ProblemView(
                          p.tile(),
                          p.name(),
                          BundleText.format(BUNDLE, BundleText.viewLocale(), p.key(), p.args())))
              .toList();
      return;
    }
    bytes = read;
    changes = TileTransfer.changes(tiles.allFresh(), result.tiles());
  }

  public void confirm() {
    if (bytes == null) {
      return;
    }
    TileTransfer.Read result = TileTransfer.read(bytes);
    List<Tile> incoming = result.tiles();
    if (!result.ok() || !admin.importAll(result, version, fileName, me.auditActor())) {
      message(FacesMessage.SEVERITY_ERROR, "workbench.transfer.stale");
      clear();
      return;
    }
    message(FacesMessage.SEVERITY_INFO, "workbench.transfer.done", String.valueOf(incoming.size()));
    clear();
    done = true;
  }

  public void cancel() {
    clear();
  }

  private void clear() {
    bytes = null;
    fileName = null;
    problems = List.of();
    changes = null;
    done = false;
  }

  private static void message(FacesMessage.Severity severity, String key, String... args) {
    String text = BundleText.format(BUNDLE, BundleText.viewLocale(), key, List.of(args));
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }

  public String getFileName() {
    return fileName;
  }

  public List<ProblemView> getProblems() {
    return problems;
  }

  public TileTransfer.Changes getChanges() {
    return changes;
  }

  /** A list of tile names as a sentence shows it (、 between names). */
  public String names(List<String> names) {
    return String.join("、", names);
  }

  public boolean isReady() {
    return bytes != null && changes != null;
  }

  public boolean isDone() {
    return done;
  }
}
