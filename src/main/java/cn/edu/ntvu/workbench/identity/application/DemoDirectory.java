package cn.edu.ntvu.workbench.identity.application;

import cn.edu.ntvu.workbench.platform.security.Callers;
import cn.edu.ntvu.workbench.platform.persistence.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

/**
 * Development mode only: an empty directory is filled with the demo school (a department tree, classes, students,
 * teachers, counsellors, deans, student affairs, an admin) through the same import an admin uses.
 */
@ApplicationScoped
public class DemoDirectory {
  private static final Logger LOG = Logger.getLogger(DemoDirectory.class.getName());
  private static final String ACTOR = "system";

  @Inject DirectoryImportService imports;
  @Inject DirectoryQueries directory;
  @Inject Callers callers;

  void loadIfEmpty(@Observes SchemaReady ready) {
    if (!ready.devMode() || directory.countPeople() > 0) {
      return;
    }
    // The import service is for admins; the server seeds the demo itself.
    callers.asSystem(
        () -> {
          for (ImportKind kind : ImportKind.values()) {
            load(kind, kind.name().toLowerCase(java.util.Locale.ROOT) + ".csv");
          }
        });
    LOG.info(() -> "Loaded the demo directory: " + directory.countPeople() + " people");
  }

  private void load(ImportKind kind, String file) {
    ImportPreview preview = imports.preview(kind, file, read("/demo/" + file), ACTOR);
    if (!preview.canApply()) {
      throw new IllegalStateException("demo " + file + " does not import: " + preview.errors());
    }
    imports.apply(preview.batchId(), ACTOR);
  }

  private static byte[] read(String resource) {
    try (InputStream in = DemoDirectory.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
