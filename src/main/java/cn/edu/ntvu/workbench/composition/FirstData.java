package cn.edu.ntvu.workbench.composition;

import cn.edu.ntvu.workbench.identity.application.DirectoryImportService;
import cn.edu.ntvu.workbench.identity.application.DirectoryQueries;
import cn.edu.ntvu.workbench.identity.application.ImportKind;
import cn.edu.ntvu.workbench.identity.application.ImportPreview;
import cn.edu.ntvu.workbench.platform.audit.AuditActor;
import cn.edu.ntvu.workbench.platform.config.AppSettings;
import cn.edu.ntvu.workbench.platform.persistence.SchemaReady;
import cn.edu.ntvu.workbench.platform.security.Callers;
import cn.edu.ntvu.workbench.portal.application.TileAdmin;
import cn.edu.ntvu.workbench.portal.application.TileStore;
import cn.edu.ntvu.workbench.portal.application.TileTransfer;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportKind;
import cn.edu.ntvu.workbench.timetable.application.TimetableImportService;
import cn.edu.ntvu.workbench.timetable.application.TimetablePreview;
import cn.edu.ntvu.workbench.timetable.application.TimetableQueryService;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A new school's first data: when the directory is empty at start-up and {@code app.seed-dir} names
 * a folder, its files are imported through the same previews and applies an admin uses, as the
 * server itself (audited as the system) — the departments, classes and people (so the first admin
 * exists before anyone can sign in), then the timetable files when no term exists, then {@code
 * tiles.json} (an export of the tile console) when there are no tiles. Every file is optional; a
 * file that does not import stops start-up, naming the file and its problems. The demo (the run
 * command and the tests) is such a folder: {@code src/demo}.
 *
 * <p>Servers starting together take turns through a database lock; the second finds the directory
 * filled and imports nothing. A later start never imports again, whatever the folder holds.
 */
@ApplicationScoped
public class FirstData {
  private static final Logger LOG = Logger.getLogger(FirstData.class.getName());
  private static final String ACTOR = "system";
  private static final String LOCK = "workbench.first-data";

  /**
   * The timetable files in import order: meetings are checked against the term and its period
   * times.
   */
  private static final List<Map.Entry<TimetableImportKind, String>> TIMETABLE =
      List.of(
          Map.entry(TimetableImportKind.TERM, "term"),
          Map.entry(TimetableImportKind.CALENDAR, "calendar"),
          Map.entry(TimetableImportKind.PERIOD_TIMES, "period-times"),
          Map.entry(TimetableImportKind.TIMETABLE_ZF, "timetable-zf"),
          Map.entry(TimetableImportKind.TIMETABLE_WISEDU, "timetable-wisedu"));

  @Inject AppSettings settings;
  @Inject Callers callers;
  @Inject DirectoryImportService directoryImports;
  @Inject DirectoryQueries directory;
  @Inject TimetableImportService timetableImports;
  @Inject TimetableQueryService timetables;
  @Inject TileAdmin tileAdmin;
  @Inject TileStore tiles;

  @Resource(lookup = "java:app/jdbc/workbench")
  DataSource dataSource;

  void importIfNew(@Observes SchemaReady ready) {
    Optional<Path> folder = settings.seedDir();
    if (folder.isEmpty()) {
      return;
    }
    try (Connection lock = dataSource.getConnection()) {
      take(lock);
      try {
        if (directory.countPeople() > 0) {
          return;
        }
        List<String> imported = new ArrayList<>();
        callers.asSystem(() -> importAll(folder.get(), imported));
        LOG.info(
            () ->
                "Imported the first data from "
                    + folder.get()
                    + ": "
                    + String.join(", ", imported)
                    + " ("
                    + directory.countPeople()
                    + " people)");
      } finally {
        release(lock);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the first data could not be imported: " + e.getMessage(), e);
    }
  }

  private void importAll(Path folder, List<String> imported) {
    for (ImportKind kind : ImportKind.values()) {
      file(folder, kind.name().toLowerCase(Locale.ROOT))
          .ifPresent(
              f -> {
                ImportPreview preview = directoryImports.preview(kind, name(f), read(f), ACTOR);
                if (!preview.canApply()) {
                  throw new IllegalStateException(f + " does not import: " + preview.errors());
                }
                var applied = directoryImports.apply(preview.batchId(), ACTOR);
                if (!applied.applied()) {
                  throw new IllegalStateException(f + " was not applied: " + applied.errors());
                }
                imported.add(name(f));
              });
    }
    if (!timetables.anyTerm()) {
      for (Map.Entry<TimetableImportKind, String> t : TIMETABLE) {
        file(folder, t.getValue())
            .ifPresent(
                f -> {
                  TimetablePreview preview =
                      timetableImports.preview(t.getKey(), name(f), read(f), ACTOR);
                  if (!preview.canApply()) {
                    throw new IllegalStateException(f + " does not import: " + preview.errors());
                  }
                  var applied = timetableImports.apply(preview.batchId(), ACTOR);
                  if (!applied.applied()) {
                    throw new IllegalStateException(f + " was not applied: " + applied.errors());
                  }
                  imported.add(name(f));
                });
      }
    }
    Path tileFile = folder.resolve("tiles.json");
    if (Files.isRegularFile(tileFile) && tiles.all().isEmpty()) {
      TileTransfer.Read file = TileTransfer.read(read(tileFile));
      if (!file.ok()) {
        throw new IllegalStateException(tileFile + " does not import: " + file.problems());
      }
      if (!tileAdmin.importAll(
          file, tileAdmin.version(), name(tileFile), AuditActor.system(ACTOR))) {
        throw new IllegalStateException(
            tileFile + " was not imported: the tiles changed meanwhile");
      }
      imported.add(name(tileFile));
    }
  }

  /** {@code <base>.csv}, else {@code <base>.xlsx} (the formats the import pages take). */
  private static Optional<Path> file(Path folder, String base) {
    for (String ext : List.of(".csv", ".xlsx")) {
      Path f = folder.resolve(base + ext);
      if (Files.isRegularFile(f)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private static String name(Path f) {
    return f.getFileName().toString();
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** MariaDB's named lock, held by this connection until released: one server imports at a time. */
  private static void take(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT GET_LOCK(?, 600)")) {
      s.setString(1, LOCK);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next() || rs.getInt(1) != 1) {
          throw new SQLException("another server held " + LOCK + " for 10 minutes");
        }
      }
    }
  }

  private static void release(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
      s.setString(1, LOCK);
      s.executeQuery().close();
    }
  }
}
