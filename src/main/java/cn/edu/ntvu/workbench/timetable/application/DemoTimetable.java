package cn.edu.ntvu.workbench.timetable.application;

import cn.edu.ntvu.workbench.platform.security.Callers;
import cn.edu.ntvu.workbench.platform.persistence.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Development mode only: a timetable without any term gets the demo term (2026-2027-1) with its calendar, period
 * times and the 正方 and 金智 files, through the same preview and apply an admin uses.
 */
@ApplicationScoped
public class DemoTimetable {
  private static final Logger LOG = Logger.getLogger(DemoTimetable.class.getName());
  private static final String ACTOR = "system";

  /** In import order: meetings are checked against the term and its period times. */
  private static final List<Map.Entry<TimetableImportKind, String>> FILES =
      List.of(
          Map.entry(TimetableImportKind.TERM, "term.csv"),
          Map.entry(TimetableImportKind.CALENDAR, "calendar.csv"),
          Map.entry(TimetableImportKind.PERIOD_TIMES, "period-times.csv"),
          Map.entry(TimetableImportKind.TIMETABLE_ZF, "timetable-zf.csv"),
          Map.entry(TimetableImportKind.TIMETABLE_WISEDU, "timetable-wisedu.csv"));

  @Inject TimetableImportService imports;
  @Inject Callers callers;
  @Inject TimetableQueryService queries;

  void loadIfEmpty(@Observes SchemaReady ready) {
    if (!ready.devMode() || queries.anyTerm()) {
      return;
    }
    // The import service is for admins; the server seeds the demo itself.
    callers.asSystem(() -> FILES.forEach(f -> load(f.getKey(), f.getValue())));
    LOG.info("Loaded the demo timetable (term 2026-2027-1)");
  }

  private void load(TimetableImportKind kind, String file) {
    TimetablePreview preview = imports.preview(kind, file, read("/demo/" + file), ACTOR);
    if (!preview.canApply()) {
      throw new IllegalStateException("demo " + file + " does not import: " + preview.errors());
    }
    imports.apply(preview.batchId(), ACTOR);
  }

  private static byte[] read(String resource) {
    try (InputStream in = DemoTimetable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
